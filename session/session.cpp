// session/session.cpp — see session.h.
//
// Index
// - [SECTION] Names
// - [SECTION] Loading: content → checked claims → the opening view
// - [SECTION] Scenario: every change ends in recompute(), the one caller of estimate() for the reader's scenario
// - [SECTION] Reader settings
// - [SECTION] Selection
// - [SECTION] Guided tour
// - [SECTION] Notices
#include "session/session.h"

#include "model/text/safe_text.h"
#include "session/tour_text.h"

#include <algorithm>
#include <cmath>

namespace chips {

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] Names
//-----------------------------------------------------------------------------------------------------------------

const char* theme_choice_name(ThemeChoice choice) {
    switch (choice) {
    case ThemeChoice::light:
        return "light";
    case ThemeChoice::dark:
        return "dark";
    case ThemeChoice::system:
    default:
        return "system";
    }
}

const char* view_name(View view) {
    return view == View::embed ? "embed" : "full";
}

const char* verdict_string_key(Verdict verdict) {
    switch (verdict) {
    case Verdict::consistent:
        return "verdict.consistent";
    case Verdict::overstated:
        return "verdict.overstated";
    case Verdict::understated:
        return "verdict.understated";
    case Verdict::not_checkable:
    default:
        return "verdict.not_checkable";
    }
}

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] Loading
//-----------------------------------------------------------------------------------------------------------------

bool Session::load(const ContentTexts& texts, ContentErrors& errors) {
    ContentBundle bundle;
    load_content_bundle(texts, bundle, errors);
    return load(std::move(bundle), errors);
}

bool Session::load(ContentBundle&& bundle, ContentErrors& errors) {
    *this = Session();
    strings_ = std::move(bundle.strings);
    gpus_ = std::move(bundle.gpus);
    presets_ = std::move(bundle.presets);
    library_ = std::move(bundle.quotes);
    tour_ = std::move(bundle.tour);
    rate_ = std::move(bundle.rate);
    tour_nav_ = TourNavigator(tour_.steps.size());
    load_errors_ = errors;
    loaded_ = !gpus_.gpus.empty() && !presets_.presets.empty();
    check_claims();
    claim_book_.build(library_, presets_, gpus_);
    rebuild_formatter();
    if (const Preset* v3 = presets_.find("deepseek-v3")) {
        if (const GpuSpec* gpu = gpus_.find(v3->scenario.gpu)) v3_baseline_ = estimate(v3->scenario, *gpu);
        scenario_ = v3->scenario;
        preset_id_ = v3->id;
    }
    // Open on the headline claim: 557万美元 on 2,048 H800 (the first quote with a claim on that figure).
    int headline = 0;
    for (std::size_t i = 0; i < quotes_.size() && headline == 0; ++i)
        for (const CheckedClaim& claim : quotes_[i].claims)
            if (claim.claim->span.find("557") != std::string::npos) headline = static_cast<int>(i);
    const std::uint64_t before = scenario_revision_;
    select_quote(headline, /*load_first_claim=*/true, /*reveal=*/false);
    if (scenario_revision_ == before) recompute(); // the quote had no scenario: DeepSeek-V3 as reported
    return errors.empty();
}

void Session::check_claims() {
    quotes_.clear();
    for (const Quote& quote : library_.quotes) {
        CheckedQuote checked;
        checked.quote = &quote;
        std::size_t search_from = 0;
        for (std::size_t index = 0; index < quote.claims.size(); ++index) {
            const QuoteClaim& claim = quote.claims[index];
            CheckedClaim view;
            view.claim = &claim;
            view.id = quote.id + "#" + std::to_string(index);
            // Spans are found in reading order, so a number that occurs twice marks the right occurrence.
            std::size_t at = quote.text.find(claim.span, search_from);
            if (at == std::string::npos) at = quote.text.find(claim.span);
            if (at != std::string::npos) {
                view.span_begin = at;
                view.span_end = at + claim.span.size();
                search_from = view.span_end;
            }
            // The model's own quote checker (model/content/quote_check.h): the page, the CLI, the text version and
            // the downloads all give the same verdict.
            const QuoteClaimCheck result = check_quote_claim(claim, presets_, gpus_);
            view.has_scenario = result.has_scenario;
            view.scenario = result.scenario;
            view.preset_id = claim.scenario.preset;
            view.check = result.check;
            checked.claims.push_back(std::move(view));
        }
        quotes_.push_back(std::move(checked));
    }
    translation_shown_.assign(quotes_.size(), -1);
}

int Session::find_quote(const std::string& quote_id) const {
    for (std::size_t i = 0; i < quotes_.size(); ++i)
        if (quotes_[i].quote->id == quote_id) return static_cast<int>(i);
    return -1;
}

const std::string& Session::localized(const LocalizedText& text) const {
    switch (lang_) {
    case Lang::zh_hans:
        return text.zh_hans.empty() ? text.en : text.zh_hans;
    case Lang::zh_hant:
        return text.zh_hant.empty() ? text.en : text.zh_hant;
    case Lang::en:
    default:
        return text.en;
    }
}

std::string Session::gpu_label(const GpuSpec& gpu) const {
    return gpu_short_name(gpu);
}

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] Scenario
//-----------------------------------------------------------------------------------------------------------------

void Session::recompute() {
    ++scenario_revision_;
    changed();
    gpu_ = gpus_.find(scenario_.gpu);
    charts_ = ChartData();
    if (gpu_ == nullptr) {
        result_ = Estimate();
        charts_stale_ = false;
        return;
    }
    result_ = estimate(scenario_, *gpu_);
    // The chart series follow on first use (charts()): the charts draw them and the chart downloads write them.
    charts_stale_ = true;
}

const ChartData& Session::charts() const {
    if (charts_stale_) {
        charts_ = compute_chart_data(scenario_, gpus_, compare_gpus_);
        charts_stale_ = false;
    }
    return charts_;
}

bool Session::set_number(const std::string& key, double value) {
    const ScenarioKeyInfo* info = find_scenario_key(key);
    if (!info || !info->field || !std::isfinite(value)) return false;
    if (info->kind == KeyKind::whole) value = std::round(value);
    value = std::clamp(value, info->min, info->max);
    Scenario next = scenario_;
    if (auto error = apply_scenario_number(next, *info, value, "ui")) {
        notice(error->to_string());
        return false;
    }
    // Fewer experts than are chosen per token is not a model: the chosen count follows the total down.
    next.experts_active = std::min(next.experts_active, next.experts_total);
    if (auto error = validate_scenario(next, gpus_, "ui")) {
        notice(error->to_string()); // e.g. an MFU range turned inside out: the old value stays
        return false;
    }
    if (scenario_value_text(next, *info) == scenario_value_text(scenario_, *info)) return false;
    scenario_ = next;
    recompute();
    last_changed_key_ = key;
    return true;
}

bool Session::set_gpu(const std::string& gpu_id) {
    const GpuSpec* gpu = gpus_.find(gpu_id);
    if (!gpu) {
        notice(fill_in(fill_in(tr("error.invalid_value"), "key", "gpu"), "reason",
                       "unknown GPU " + quote_for_message(gpu_id) + "; allowed: " + gpus_.id_list()));
        return false;
    }
    if (gpu->id == scenario_.gpu) return false;
    // The model's rule for a GPU switch (model/engine/scenario.h set_scenario_gpu): FP8 falls back to BF16 on a chip
    // without FP8, and a preset's price gives way to the new chip's catalog range.
    Scenario next = scenario_;
    const GpuChange change = set_scenario_gpu(next, *gpu, /*keep_price=*/false);
    if (change.precision_to_bf16) notice(fill_in(tr("notice.no_fp8"), "gpu", gpu_label(*gpu)));
    if (!load_scenario(next, preset_id_)) return false;
    last_changed_key_ = "gpu";
    return true;
}

bool Session::set_precision(Precision precision) {
    if (precision == scenario_.precision) return false;
    if (precision == Precision::fp8 && gpu_ && !gpu_->has_fp8()) {
        notice(fill_in(tr("notice.no_fp8"), "gpu", gpu_label(*gpu_)));
        return false;
    }
    scenario_.precision = precision;
    recompute();
    last_changed_key_ = "precision";
    return true;
}

bool Session::load_preset(const std::string& preset_id) {
    const Preset* preset = presets_.find(preset_id);
    if (!preset) {
        notice(fill_in(fill_in(tr("error.invalid_value"), "key", "preset"), "reason",
                       "unknown preset " + quote_for_message(preset_id)));
        return false;
    }
    return load_scenario(preset->scenario, preset->id);
}

bool Session::load_scenario(const Scenario& scenario, const std::string& preset_id) {
    if (auto error = validate_scenario(scenario, gpus_, "scenario")) {
        notice(error->to_string());
        return false;
    }
    scenario_ = scenario;
    preset_id_ = preset_id;
    recompute();
    last_changed_key_.clear(); // a whole scenario: no one value to name
    return true;
}

void Session::toggle_compare_gpu(const std::string& gpu_id) {
    if (!gpus_.find(gpu_id) || gpu_id == scenario_.gpu) return;
    auto found = std::find(compare_gpus_.begin(), compare_gpus_.end(), gpu_id);
    if (found != compare_gpus_.end()) {
        compare_gpus_.erase(found);
    } else {
        compare_gpus_.insert(compare_gpus_.begin(), gpu_id);
        if (compare_gpus_.size() > 3) compare_gpus_.pop_back();
    }
    recompute();
}

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] Reader settings
//-----------------------------------------------------------------------------------------------------------------

void Session::rebuild_formatter() {
    fmt_ = Formatter(strings_, lang_, number_style(lang_, currency_, rate_));
}

ReasonContext Session::reason_context() const {
    ReasonContext context;
    context.strings = &strings_;
    context.gpus = &gpus_;
    context.presets = &presets_;
    context.style = number_style(lang_, currency_, rate_);
    return context;
}

std::string Session::claim_reason(int quote_index, int claim_index) const {
    if (quote_index < 0 || claim_index < 0) return "";
    const std::size_t index =
        claim_book_.find(static_cast<std::size_t>(quote_index), static_cast<std::size_t>(claim_index));
    return index < claim_book_.size() ? claim_book_.reason(index, reason_context()) : "";
}

LiveClaim Session::live_claim(int quote_index, int claim_index) const {
    LiveClaim live;
    if (quote_index < 0 || claim_index < 0) return live;
    const std::size_t index =
        claim_book_.find(static_cast<std::size_t>(quote_index), static_cast<std::size_t>(claim_index));
    if (index >= claim_book_.size()) return live;
    const Preset* preset = presets_.find(preset_id_);
    const Scenario base = preset ? preset->scenario : Scenario();
    const ClaimComparison compared = claim_book_.recheck(index, scenario_, base);
    live.verdict = compared.verdict;
    live.differs = claim_book_.reader_differs(index, scenario_, base);
    live.reason = live.differs ? claim_book_.live_reason(index, compared, scenario_, base, reason_context())
                               : claim_book_.reason(index, reason_context());
    return live;
}

ThemeKind Session::theme() const {
    switch (theme_choice_) {
    case ThemeChoice::dark:
        return ThemeKind::dark;
    case ThemeChoice::light:
        return ThemeKind::light;
    case ThemeChoice::system:
    default:
        return system_theme_;
    }
}

void Session::set_language(Lang lang) {
    if (lang == lang_) return;
    lang_ = lang;
    rebuild_formatter();
    settings_changed();
}

bool Session::set_currency(Currency currency) {
    // CNY needs the stated rate; without content/currency.json every amount would print "—", so stay in USD.
    if (currency == Currency::cny && rate_.cny_per_usd <= 0) return false;
    if (currency == currency_) return true;
    currency_ = currency;
    rebuild_formatter();
    settings_changed();
    return true;
}

void Session::set_theme_choice(ThemeChoice choice) {
    if (choice == theme_choice_) return;
    theme_choice_ = choice;
    settings_changed();
}

void Session::set_environment(ThemeKind system_theme, bool reduced_motion) {
    if (system_theme == system_theme_ && reduced_motion == reduced_motion_) return;
    system_theme_ = system_theme;
    reduced_motion_ = reduced_motion;
    changed();
}

void Session::set_ui_scale(float scale) {
    if (!std::isfinite(scale)) return;
    scale = std::clamp(scale, 0.75f, 2.5f);
    if (scale == ui_scale_) return;
    ui_scale_ = scale;
    settings_changed();
}

void Session::set_presenter(bool on) {
    if (on == presenter_) return;
    presenter_ = on;
    changed();
}

void Session::set_view(View view) {
    if (view == view_) return;
    if (view_locked_) {
        notice(fill_in(fill_in(tr("error.invalid_value"), "key", "view"), "reason",
                       std::string(view_name(view)) + "; this page always shows the " + view_name(view_) + " view"));
        return;
    }
    view_ = view;
    changed();
}

void Session::lock_view(View view) {
    view_locked_ = false;
    set_view(view);
    view_locked_ = true;
}

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] Selection
//-----------------------------------------------------------------------------------------------------------------

bool Session::select_quote(int index, bool load_first_claim, bool reveal) {
    if (index < 0 || index >= static_cast<int>(quotes_.size())) return false;
    if (index != selected_quote_) {
        selected_quote_ = index;
        chosen_claim_ = -1;
        changed();
    }
    if (reveal) ++reveal_revision_;
    if (load_first_claim) {
        for (const CheckedClaim& claim : quotes_[index].claims) {
            if (!claim.has_scenario) continue;
            load_scenario(claim.scenario, claim.preset_id);
            break;
        }
    }
    return true;
}

bool Session::select_quote(const std::string& quote_id, bool load_first_claim, bool reveal) {
    return select_quote(find_quote(quote_id), load_first_claim, reveal);
}

void Session::load_claim(int quote_index, int claim_index) {
    if (!select_quote(quote_index, false, false) || !select_claim(claim_index)) return;
    const CheckedClaim& claim = quotes_[quote_index].claims[claim_index];
    if (claim.has_scenario) load_scenario(claim.scenario, claim.preset_id);
}

int Session::selected_claim() const {
    if (quotes_.empty()) return 0;
    const std::vector<CheckedClaim>& claims = quotes_[selected_quote_].claims;
    if (chosen_claim_ >= 0 && chosen_claim_ < static_cast<int>(claims.size())) return chosen_claim_;
    for (std::size_t i = 0; i < claims.size(); ++i)
        if (claims[i].claim->checkable()) return static_cast<int>(i);
    return 0;
}

bool Session::select_claim(int claim_index) {
    if (quotes_.empty() || claim_index < 0 || claim_index >= static_cast<int>(quotes_[selected_quote_].claims.size()))
        return false;
    if (claim_index != chosen_claim_) {
        chosen_claim_ = claim_index;
        changed();
    }
    return true;
}

bool Session::translation_shown(int quote_index) const {
    if (quote_index < 0 || quote_index >= static_cast<int>(translation_shown_.size())) return false;
    const signed char own = translation_shown_[quote_index];
    return own >= 0 ? own == 1 : translations_default_ && lang_ == Lang::en;
}

void Session::set_translation_shown(int quote_index, bool shown) {
    if (quote_index < 0 || quote_index >= static_cast<int>(translation_shown_.size())) return;
    if (translation_shown(quote_index) == shown) return;
    translation_shown_[quote_index] = shown ? 1 : 0;
    changed();
}

void Session::set_translations_default(bool shown) {
    if (shown == translations_default_) return;
    translations_default_ = shown;
    std::fill(translation_shown_.begin(), translation_shown_.end(), static_cast<signed char>(-1));
    settings_changed();
}

void Session::set_topic_filter(const std::string& topic) {
    if (topic == topic_filter_) return;
    topic_filter_ = topic;
    changed();
}

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] Guided tour
//-----------------------------------------------------------------------------------------------------------------

// Loads the shown step: its quote is selected *without* loading the quote's first claim (the step's own scenario
// is what the text talks about), then the step's scenario (preset + overrides) replaces the current one.
void Session::load_shown_tour_step() {
    const std::size_t index = tour_nav_.step();
    Scenario scenario;
    ContentErrors errors;
    if (!build_tour_scenario(tour_, index, presets_, gpus_, scenario, errors)) {
        for (const ContentError& error : errors)
            notice(error.to_string()); // validate_all rejects such content; visible if it ever ships
        return;
    }
    const TourStep& step = tour_.steps[index];
    // The tour brings its own control into view (ui/): no separate reveal of the quote, which would scroll elsewhere.
    if (!step.quote.empty()) select_quote(step.quote, /*load_first_claim=*/false, /*reveal=*/false);
    load_scenario(scenario, step.scenario.preset);
}

std::string Session::tour_step_body(std::size_t index) const {
    if (index >= tour_.steps.size()) return "";
    const std::string& text = localized(tour_.steps[index].body);
    Scenario scenario;
    ContentErrors errors;
    if (!build_tour_scenario(tour_, index, presets_, gpus_, scenario, errors)) return text;
    return fill_tour_numbers(text, scenario, gpus_, fmt_);
}

void Session::after_tour_change() {
    if (tour_nav_.mode() == TourMode::touring)
        load_shown_tour_step();
    else if (tour_nav_.finished())
        notice(tr("tour.free_play"));
    ++tour_revision_;
    settings_changed(); // mode, step and resume step are the reader's settings
}

bool Session::tour_command(TourCommand command) {
    if (tour_.steps.empty() || view_ == View::embed) return false;
    if (!tour_nav_.apply(command)) return false;
    after_tour_change();
    return true;
}

bool Session::tour_open_step(std::size_t index) {
    if (view_ == View::embed || !tour_nav_.go_to(index)) return false;
    after_tour_change();
    return true;
}

void Session::restore_tour(TourMode mode, std::size_t step, std::size_t resume_step) {
    if (tour_.steps.empty() || tour_nav_.mode() == TourMode::touring) return;
    tour_nav_.restore(mode, step, resume_step);
    ++tour_revision_;
    changed();
}

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] Notices
//-----------------------------------------------------------------------------------------------------------------

void Session::notice(const std::string& text) {
    const std::string line = notice_line(text);
    if (std::find(notices_.begin(), notices_.end(), line) != notices_.end()) return;
    if (notices_.size() >= kMaxNotices) {
        ++notices_dropped_;
        // The last line counts what did not fit: "12 more problems with this link".
        if (notices_.size() == kMaxNotices) notices_.emplace_back();
        notices_.back() = fill_in(tr("notice.more"), "count", std::to_string(notices_dropped_));
    } else {
        notices_.push_back(line);
    }
    changed();
}

void Session::dismiss_notices() {
    if (notices_.empty()) return;
    notices_.clear();
    notices_dropped_ = 0;
    changed();
}

} // namespace chips
