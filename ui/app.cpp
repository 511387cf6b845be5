// ui/app.cpp — App: content loading and claim checks, the per-frame layout of the panels, and the page bridge
// (state, results, permalinks, settings, accessibility summary).
//
// Index
// - [SECTION] Assertion hook (IM_ASSERT → report_imgui_assert, see imconfig_chips.h)
// - [SECTION] Loading: content → model types → checked claims
// - [SECTION] Layout: header, notice bar, columns by width (wide / medium / narrow), embed view
// - [SECTION] Page bridge: state, results, quote selection, control rectangles
// - [SECTION] Permalinks, settings, accessibility
#include "ui/app.h"

#include "model/estimate_json.h"
#include "model/quote_check.h"
#include "model/scenario_json.h"
#include "ui/app_state.h"
#include "ui/chart.h"

#include <imgui.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

namespace chips::ui {

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] Assertion hook
//-----------------------------------------------------------------------------------------------------------------

namespace {
int g_assert_count = 0;
}

void report_imgui_assert(const char* expression, const char* file, int line) {
    // Printed (the page forwards stderr to its console as an error, which the browser tests catch) and counted
    // (the native UI tests fail on any), never fatal: a reader should not see the app die over a layout check.
    ++g_assert_count;
    std::fprintf(stderr, "ImGui assertion failed: %s at %s:%d\n", expression, file, line);
}

int imgui_assert_count() {
    return g_assert_count;
}

struct App::Impl {
    AppState state;
};

App::App() : impl_(std::make_unique<Impl>()) {}
App::~App() = default;

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] Loading
//-----------------------------------------------------------------------------------------------------------------

namespace {

VerdictKind to_kind(Verdict verdict) {
    switch (verdict) {
    case Verdict::consistent:
        return VerdictKind::consistent;
    case Verdict::overstated:
        return VerdictKind::overstated;
    case Verdict::understated:
        return VerdictKind::understated;
    case Verdict::not_checkable:
    default:
        return VerdictKind::not_checkable;
    }
}

void check_claims(AppState& state) {
    state.quotes.clear();
    for (const Quote& quote : state.library.quotes) {
        CheckedQuote checked;
        checked.quote = &quote;
        size_t search_from = 0;
        for (size_t index = 0; index < quote.claims.size(); ++index) {
            const QuoteClaim& claim = quote.claims[index];
            CheckedClaim view;
            view.claim = &claim;
            view.id = quote.id + "#" + std::to_string(index);
            size_t at = quote.text.find(claim.span, search_from);
            if (at == std::string::npos) at = quote.text.find(claim.span);
            if (at != std::string::npos) {
                view.span_begin = at;
                view.span_end = at + claim.span.size();
                search_from = view.span_end;
            }
            // The model's own quote checker (model/quote_check.h), so the page, the CLI and the downloads agree.
            const QuoteClaimCheck result = check_quote_claim(claim, state.presets, state.gpus);
            view.has_scenario = result.has_scenario;
            view.scenario = result.scenario;
            view.preset_id = claim.scenario.preset;
            view.check = result.check;
            view.verdict = to_kind(view.check.verdict);
            checked.claims.push_back(std::move(view));
        }
        state.quotes.push_back(std::move(checked));
    }
    state.translation_shown.assign(state.quotes.size(), false);
}

} // namespace

bool App::load(const ContentTexts& content, ContentErrors& errors) {
    ContentBundle bundle;
    load_content_bundle(content, bundle, errors);
    return load(std::move(bundle), errors);
}

bool App::load(ContentBundle&& bundle, ContentErrors& errors) {
    AppState& state = impl_->state;
    state = AppState();
    auto strings = std::make_shared<StringTable>(std::move(bundle.strings));
    state.gpus = std::move(bundle.gpus);
    state.presets = std::move(bundle.presets);
    state.library = std::move(bundle.quotes);
    state.tour = std::move(bundle.tour);
    state.tour_nav = TourNavigator(state.tour.steps.size());
    state.rate = std::move(bundle.rate);
    state.strings = strings;
    set_active_strings(strings);
    state.load_errors = errors;
    state.loaded = !state.gpus.gpus.empty() && !state.presets.presets.empty();
    check_claims(state);
    // DeepSeek-V3 as reported: the baseline for "× DeepSeek-V3" ratios.
    if (const Preset* v3 = state.presets.find("deepseek-v3")) {
        if (const GpuSpec* gpu = state.gpus.find(v3->scenario.gpu)) state.v3_baseline = estimate(v3->scenario, *gpu);
    }
    // The language's formatter; the scenario (and its sweeps) is computed once, below, for the opening quote.
    set_active_lang(state.lang);
    state.fmt = Formatter(*strings, state.lang, number_style(state.lang, state.currency, state.rate));
    // Open on the headline claim: 557万美元 on 2,048 H800 (the first quote whose claim is about rental cost).
    int headline = 0;
    for (size_t i = 0; i < state.quotes.size(); ++i) {
        bool found = false;
        for (const CheckedClaim& claim : state.quotes[i].claims)
            found = found || claim.claim->span.find("557") != std::string::npos;
        if (found) {
            headline = static_cast<int>(i);
            break;
        }
    }
    if (const Preset* v3 = state.presets.find("deepseek-v3")) {
        state.scenario = v3->scenario;
        state.preset_id = v3->id;
    }
    const std::uint64_t version_before = state.scenario_version;
    state.select_quote_index(headline, true);                               // loads its first claim's scenario
    if (state.scenario_version == version_before) state.scenario_changed(); // it had none: DeepSeek-V3 as reported
    return errors.empty();
}

void App::set_fonts(const AppFonts& fonts) {
    impl_->state.fonts = fonts;
}
void App::set_platform(const PlatformHooks& hooks) {
    impl_->state.hooks = hooks;
}

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] Layout
//-----------------------------------------------------------------------------------------------------------------

namespace {

constexpr float kBaseFontPx = 17.0f; // the size wasm/main.cpp loads the faces at (style.FontSizeBase)

// Drag on empty space scrolls the window: on a touch screen a finger drag is a mouse drag, and ImGui by itself
// only scrolls with the wheel (ocornut/imgui#3379).
void drag_to_scroll() {
    const ImGuiIO& io = ImGui::GetIO();
    if (ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows) && !ImGui::IsAnyItemActive() &&
        ImGui::IsMouseDragging(ImGuiMouseButton_Left, ImGui::GetFontSize() * 0.3f)) {
        ImGui::SetScrollY(ImGui::GetScrollY() - io.MouseDelta.y);
    }
}

// A labelled combo whose width fits its longest option, so it flows in the header like a button.
bool begin_choice(const char* id, const char* label, const char* preview, const char* const* options, int count) {
    float widest = 0.0f;
    for (int i = 0; i < count; ++i)
        widest = std::max(widest, ImGui::CalcTextSize(options[i]).x);
    const float combo_width = widest + ImGui::GetFrameHeight() + ImGui::GetStyle().FramePadding.x * 2.0f;
    flow(ImGui::CalcTextSize(label).x + ImGui::GetStyle().ItemInnerSpacing.x + combo_width);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(label);
    ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
    ImGui::SetNextItemWidth(combo_width);
    return ImGui::BeginCombo(id, preview);
}

// Theme: follow the system (default), or a manual light/dark override kept in the reader's settings.
void draw_theme_choice(AppState& state) {
    const ThemeChoice choices[] = {ThemeChoice::system, ThemeChoice::light, ThemeChoice::dark};
    const char* ids[] = {"theme.system", "theme.light", "theme.dark"};
    const char* labels[] = {state.tr("theme.system"), state.tr("theme.light"), state.tr("theme.dark")};
    const int current = static_cast<int>(state.theme_choice);
    if (begin_choice("##theme", state.tr("theme.label"), labels[current], labels, 3)) {
        for (int i = 0; i < 3; ++i) {
            if (ImGui::Selectable(labels[i], i == current) && choices[i] != state.theme_choice) {
                state.theme_choice = choices[i];
                state.update_theme();
                state.settings_changed = true;
            }
            state.record_rect(ids[i]);
        }
        ImGui::EndCombo();
    }
    state.record_rect("theme");
}

// Currency: USD (the model's) or CNY at the stated rate; hidden when content/currency.json is missing.
void draw_currency_choice(AppState& state) {
    if (state.rate.cny_per_usd <= 0) return;
    const char* labels[] = {state.tr("currency.usd"), state.tr("currency.cny")};
    const int current = state.currency == Currency::cny ? 1 : 0;
    if (begin_choice("##currency", state.tr("currency.label"), labels[current], labels, 2)) {
        for (int i = 0; i < 2; ++i) {
            if (ImGui::Selectable(labels[i], i == current) && i != current) {
                state.set_currency(i == 1 ? Currency::cny : Currency::usd);
                state.settings_changed = true;
            }
            state.record_rect(i == 1 ? "currency.CNY" : "currency.USD");
        }
        ImGui::EndCombo();
    }
    state.record_rect("currency");
}

void draw_header(AppState& state) {
    const float em = ImGui::GetFontSize();
    // The page around the canvas already shows the title and subtitle; the embed and presenter views stand alone.
    if (state.view == View::embed || state.presenter) {
        ImGui::PushFont(nullptr, ImGui::GetStyle().FontSizeBase * 1.3f);
        ImGui::TextUnformatted(state.tr("app.title"));
        ImGui::PopFont();
        if (state.layout != Layout::narrow) {
            ImGui::SameLine();
            ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 0.25f * em);
            ImGui::TextDisabled("%s", state.tr("app.subtitle"));
        }
    }

    // Settings row: tour, language, theme, currency, links, downloads, presenter; flows onto more lines on narrow
    // screens. The tour comes first: it is what a first-time reader should find.
    const bool tour_buttons =
        state.view != View::embed && !state.tour.steps.empty() && state.tour_nav.mode() != TourMode::touring;
    if (tour_buttons) draw_tour_buttons(state);
    const Lang langs[] = {Lang::en, Lang::zh_hans, Lang::zh_hant};
    const char* lang_keys[] = {"lang.en", "lang.zh-Hans", "lang.zh-Hant"};
    for (int i = 0; i < 3; ++i) {
        // Each language name is drawn in its own face (繁體中文 with the TC face). While the TC face is only the
        // stand-in, the SC face draws it (the SC subset holds these four characters), so that a first frame with
        // nothing traditional on screen does not make the page fetch the TC file.
        ImFont* face = state.ui_font();
        if (langs[i] == Lang::zh_hant && state.fonts.traditional)
            face = state.fonts.traditional_is_stand_in && state.fonts.simplified ? state.fonts.simplified
                                                                                 : state.fonts.traditional;
        if (face) ImGui::PushFont(face, 0.0f);
        if (i > 0 || tour_buttons) flow(check_width(state.tr(lang_keys[i])));
        if (ImGui::RadioButton(state.tr(lang_keys[i]), state.lang == langs[i])) {
            state.set_lang(langs[i]);
            state.settings_changed = true;
        }
        if (face) ImGui::PopFont();
        state.record_rect(std::string("lang.") + lang_code(langs[i]));
    }
    if (state.view == View::embed) return; // a 700×450 iframe: language only, the rest is on the full page
    draw_theme_choice(state);
    draw_currency_choice(state);
    if (state.hooks.copy_text) {
        const bool copied = state.copied_what == "link" && ImGui::GetTime() < state.copied_until;
        const char* copy_label = copied ? state.tr("status.copied") : state.tr("action.copy_link");
        flow(button_width(copy_label));
        if (ImGui::Button(copy_label)) state.copy(state.page_url() + "?" + state.permalink_query(), "link");
        state.record_rect("copy_link");
        flow(button_width(state.tr("action.embed")));
        if (ImGui::Button(state.tr("action.embed"))) ImGui::OpenPopup("embed");
        state.record_rect("embed");
    }
    draw_download_button(state);
    flow(check_width(state.tr("action.presenter")));
    if (ImGui::Checkbox(state.tr("action.presenter"), &state.presenter)) state.theme_dirty = true;
    state.record_rect("presenter");
    if (state.presenter && state.hooks.toggle_fullscreen) {
        flow(button_width(state.tr("action.fullscreen")));
        if (ImGui::Button(state.tr("action.fullscreen"))) state.hooks.toggle_fullscreen();
        state.record_rect("fullscreen");
    }

    // Embed popup: the iframe snippet for this exact view, with a copy button.
    ImGui::SetNextWindowSize(ImVec2(std::min(32.0f * em, ImGui::GetMainViewport()->WorkSize.x * 0.95f), 0));
    if (ImGui::BeginPopup("embed")) {
        const View saved = state.view;
        state.view = View::embed;
        const std::string url = state.page_url() + "?" + state.permalink_query();
        state.view = saved;
        std::string snippet = "<iframe src=\"" + url + "\" width=\"700\" height=\"450\" style=\"border:0\" title=\"" +
                              std::string(state.tr("app.title")) + "\" loading=\"lazy\"></iframe>";
        wrapped_text(state.tr("embed.help"));
        ImGui::InputTextMultiline("##snippet", snippet.data(), snippet.size() + 1, ImVec2(-1, 5.0f * em),
                                  ImGuiInputTextFlags_ReadOnly);
        const bool copied = state.copied_what == "embed" && ImGui::GetTime() < state.copied_until;
        if (ImGui::Button(copied ? state.tr("status.copied") : state.tr("action.copy_snippet")))
            state.copy(snippet, "embed");
        ImGui::EndPopup();
    }
}

void draw_notices(AppState& state) {
    if (state.notices.empty()) return;
    const Palette& pal = palette(state.theme);
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImGui::ColorConvertU32ToFloat4(pal.notice_bg));
    ImGui::BeginChild("notices", ImVec2(0, 0),
                      ImGuiChildFlags_AutoResizeY | ImGuiChildFlags_AlwaysUseWindowPadding | ImGuiChildFlags_Borders);
    for (const std::string& text : state.notices)
        wrapped_text(text.c_str());
    if (small_button(state, state.tr("action.dismiss"))) state.notices.clear();
    state.record_rect("dismiss_notices");
    ImGui::EndChild();
    ImGui::PopStyleColor();
}

void draw_load_errors(AppState& state) {
    ImGui::TextColored(ImVec4(0.8f, 0.2f, 0.1f, 1.0f), "%s", state.tr("error.load_failed"));
    for (const ContentError& error : state.load_errors)
        wrapped_text(error.to_string().c_str());
}

// The controls that matter for a claim's quantity (embed view).
int controls_for(const std::string& quantity, const char** keys) {
    int n = 0;
    if (quantity == "active_params" || quantity == "active_fraction" || quantity == "compute_vs_dense" ||
        quantity == "total_params") {
        keys[n++] = "experts_total";
        keys[n++] = "experts_active";
        keys[n++] = "tokens";
    } else if (quantity == "inference_usd_per_million_tokens") {
        keys[n++] = "gpu";
        keys[n++] = "inference_batch";
        keys[n++] = "usd_per_gpu_hour";
    } else {
        keys[n++] = "gpu";
        keys[n++] = "chips";
        keys[n++] = "mfu";
        if (quantity != "training_days") keys[n++] = "usd_per_gpu_hour";
    }
    return n;
}

void draw_embed(AppState& state) {
    if (state.quotes.empty()) return;
    draw_quote_card(state, state.selected_quote, true);
    const CheckedQuote& quote = state.quotes[state.selected_quote];
    std::string quantity = "rental_cost_usd";
    for (const CheckedClaim& claim : quote.claims)
        if (claim.claim->checkable()) {
            quantity = claim.claim->quantity;
            break;
        }
    const char* keys[4];
    const int n = controls_for(quantity, keys);
    const float em = ImGui::GetFontSize();
    if (ImGui::BeginTable("embed", 2, ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn("controls", ImGuiTableColumnFlags_WidthStretch, 1.2f);
        ImGui::TableSetupColumn("result", ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableNextColumn();
        draw_scenario_controls(state, keys, n);
        ImGui::TableNextColumn();
        draw_result_for(state, quantity.c_str());
        if (quantity != "rental_cost_usd") draw_result_for(state, "rental_cost_usd");
        ImGui::EndTable();
    }
    ImGui::Dummy(ImVec2(0, 0.3f * em));
    if (state.hooks.open_url) {
        if (ImGui::Button(state.tr("action.open_full"))) {
            const View saved = state.view;
            state.view = View::full;
            state.hooks.open_url(state.page_url() + "?" + state.permalink_query());
            state.view = saved;
        }
        state.record_rect("open_full");
    }
}

void column(const char* id, float width, AppState& state, void (*body)(AppState&)) {
    ImGui::BeginChild(id, ImVec2(width, 0), ImGuiChildFlags_None, ImGuiWindowFlags_NoSavedSettings);
    body(state);
    // While touring, room after the last control, so a tour step can scroll even the bottom one (the inference
    // batch size) up to where its card fits below it.
    if (state.tour_nav.mode() == TourMode::touring) ImGui::Dummy(ImVec2(0, 16.0f * ImGui::GetFontSize()));
    drag_to_scroll();
    ImGui::EndChild();
}

void draw_full(AppState& state) {
    const float width = ImGui::GetContentRegionAvail().x;
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    if (state.layout == Layout::wide) {
        column("col_quotes", width * 0.33f, state, draw_quotes_panel);
        ImGui::SameLine(0, gap);
        column("col_scenario", width * 0.27f, state, draw_scenario_panel);
        ImGui::SameLine(0, gap);
        column("col_results", 0, state, [](AppState& s) {
            draw_results_panel(s);
            draw_charts_panel(s);
            draw_method_panel(s);
        });
    } else if (state.layout == Layout::medium) {
        column("col_left", width * 0.46f, state, [](AppState& s) {
            draw_quotes_panel(s);
            draw_scenario_panel(s);
        });
        ImGui::SameLine(0, gap);
        column("col_right", 0, state, [](AppState& s) {
            draw_results_panel(s);
            draw_charts_panel(s);
            draw_method_panel(s);
        });
    } else {
        // One column: the selected quote and its result first, then the controls, then everything else.
        column("col_single", 0, state, [](AppState& s) {
            if (!s.quotes.empty()) draw_quote_card(s, s.selected_quote, false);
            draw_results_panel(s);
            draw_scenario_panel(s);
            draw_charts_panel(s);
            draw_quotes_panel(s);
            draw_method_panel(s);
        });
    }
}

void apply_style(AppState& state) {
    float scale = state.ui_scale * (state.presenter ? 1.5f : 1.0f);
    apply_theme(state.theme, scale, kBaseFontPx, ImGui::GetStyle());
    // Finger-sized hit targets on phones: taller frames when the layout is a single column.
    if (state.layout == Layout::narrow) ImGui::GetStyle().FramePadding.y *= 1.5f;
    const Palette& pal = palette(state.theme);
    chart::ChartColors colors{pal.panel_bg, pal.grid, pal.axis, pal.text, {}};
    for (int i = 0; i < 6; ++i)
        colors.series[i] = pal.series[i];
    chart::SetColors(colors);
    state.theme_dirty = false;
}

} // namespace

void App::draw() {
    AppState& state = impl_->state;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    // Layout by width in em (font size), so presenter mode and browser zoom move the breakpoints with the text:
    // 1200 CSS px at 17 px = 70 em ("side by side"), 700 px = 41 em ("single column").
    const float em_px = kBaseFontPx * state.ui_scale * (state.presenter ? 1.5f : 1.0f);
    const float width_em = viewport->WorkSize.x / em_px;
    const Layout layout = width_em >= 70.0f ? Layout::wide : (width_em > 41.2f ? Layout::medium : Layout::narrow);
    if (layout != state.layout) {
        state.layout = layout;
        state.theme_dirty = true;
    }
    if (state.theme_dirty) apply_style(state);
    state.control_rects.clear();

    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    ImGui::Begin("Chips & Claims", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus);
    // Tour keys first, so a step's scenario is what every panel draws this frame.
    if (state.loaded) handle_tour_keys(state);
    ImFont* font = state.ui_font();
    if (font) ImGui::PushFont(font, 0.0f);
    if (!state.loaded) {
        draw_load_errors(state);
    } else {
        draw_header(state);
        draw_notices(state);
        if (state.view == View::embed) {
            state.scroll_to_selected_quote = false; // no quotes list here: the embed shows the selected quote itself
            ImGui::BeginChild("embed_view", ImVec2(0, 0));
            draw_embed(state);
            drag_to_scroll();
            ImGui::EndChild();
        } else {
            wrapped_text(state.tr("hint.interact"), ImGui::GetColorU32(ImGuiCol_TextDisabled));
            draw_full(state);
        }
    }
    if (font) ImGui::PopFont();
    ImGui::End();
    if (state.loaded) draw_tour_overlay(state); // after the panels: it reads the rectangles they recorded
    if (state.settings_changed) {
        state.settings_changed = false;
        if (state.hooks.save_settings) state.hooks.save_settings(settings_json());
    }
}

bool App::wants_continuous_frames() const {
    // The "Copied" confirmation times out without input, and a tour step or a linked quote scrolls into view over a
    // few frames (bounded: AppState::record_rect, draw_quotes_panel); nothing else moves without input.
    const AppState& state = impl_->state;
    if (state.tour_scroll_pending || state.scroll_to_selected_quote) return true;
    return !state.copied_what.empty() && ImGui::GetCurrentContext() && ImGui::GetTime() < state.copied_until;
}

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] Page bridge
//-----------------------------------------------------------------------------------------------------------------

namespace {

const char* tour_mode_name(TourMode mode) {
    switch (mode) {
    case TourMode::touring:
        return "touring";
    case TourMode::free_play:
        return "free_play";
    case TourMode::not_started:
    default:
        return "not_started";
    }
}

bool tour_mode_from_name(const std::string& name, TourMode& mode_out) {
    for (TourMode mode : {TourMode::not_started, TourMode::touring, TourMode::free_play})
        if (name == tour_mode_name(mode)) {
            mode_out = mode;
            return true;
        }
    return false;
}

} // namespace

std::string App::state_json() const {
    const AppState& state = impl_->state;
    nlohmann::json out;
    out["scenario"] = scenario_to_json(state.scenario);
    out["language"] = lang_code(state.lang);
    out["preset"] = state.preset_id;
    out["quote"] = state.quotes.empty() ? "" : state.quotes[state.selected_quote].quote->id;
    out["view"] = state.view == View::embed ? "embed" : "full";
    out["currency"] = currency_code(state.currency);
    out["theme"] = state.theme == ThemeKind::dark ? "dark" : "light"; // as drawn (choice or system)
    if (!state.tour.steps.empty()) {
        // The tour as the overlay shows it: mode, 0-based step and its id ("" outside the tour).
        const TourNavigator& nav = state.tour_nav;
        const bool touring = nav.mode() == TourMode::touring;
        out["tour"] = {{"mode", tour_mode_name(nav.mode())},
                       {"step", nav.step()},
                       {"id", touring ? tour_permalink_value(state.tour, nav.step()) : ""},
                       {"steps", nav.step_count()}};
    }
    return out.dump();
}

namespace {

std::string localized_error(const AppState& state, const ContentError& error) {
    std::string text =
        fill_in(state.tr("error.invalid_value"), "key", error.pointer.empty() ? error.source : error.pointer);
    return fill_in(text, "reason", error.message);
}

} // namespace

namespace {

// The keys setState understands at the top level besides scenario keys; state_json() writes exactly these, so
// setState(getState()) round-trips without a notice.
bool is_state_key(const std::string& key) {
    return key == "scenario" || key == "language" || key == "quote" || key == "view" || key == "preset";
}

// Parses like nlohmann::json::parse(text, nullptr, false) and also lists keys that appear twice in one object
// (the parser would silently keep the last one; a reader's payload with two "chips" deserves a notice).
nlohmann::json parse_noting_duplicates(const std::string& text, std::vector<std::string>& duplicates) {
    std::vector<std::vector<std::string>> open_objects;
    auto callback = [&](int, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
        if (event == nlohmann::json::parse_event_t::object_start) open_objects.emplace_back();
        if (event == nlohmann::json::parse_event_t::object_end && !open_objects.empty()) open_objects.pop_back();
        if (event == nlohmann::json::parse_event_t::key && !open_objects.empty() && parsed.is_string()) {
            std::vector<std::string>& seen = open_objects.back();
            const std::string& key = parsed.get_ref<const std::string&>();
            if (std::find(seen.begin(), seen.end(), key) != seen.end())
                duplicates.push_back(key);
            else
                seen.push_back(key);
        }
        return true;
    };
    return nlohmann::json::parse(text, callback, false);
}

} // namespace

std::string App::apply_state_json(const std::string& json) {
    AppState& state = impl_->state;
    nlohmann::json reply{{"ok", true}, {"notices", nlohmann::json::array()}};
    auto bad = [&](const std::string& message) {
        reply["ok"] = false;
        reply["notices"].push_back(message);
        state.notice(message);
    };
    // nlohmann/json stops reading at a NUL byte as if the text ended there; JSON text never contains a raw NUL.
    if (json.find('\0') != std::string::npos) {
        bad("setState: the payload contains a NUL byte; expected JSON text");
        return reply.dump();
    }
    std::vector<std::string> duplicates;
    const nlohmann::json input = parse_noting_duplicates(json, duplicates);
    if (input.is_discarded() || !input.is_object()) {
        bad("setState: expected a JSON object");
        return reply.dump();
    }
    for (const std::string& key : duplicates)
        bad("setState: " + quote_for_message(key) + " appears more than once; the last value is used");
    // Scenario keys may sit under "scenario" or at the top level (the same keys as `scripts/estimate --set`).
    nlohmann::json scenario_object = nlohmann::json::object();
    if (input.contains("scenario")) {
        if (input["scenario"].is_object())
            scenario_object = input["scenario"];
        else
            bad("setState: /scenario: expected an object of scenario keys");
    }
    for (auto it = input.begin(); it != input.end(); ++it) {
        if (find_scenario_key(it.key()))
            scenario_object[it.key()] = it.value();
        else if (!is_state_key(it.key()))
            bad("setState: unknown key " + quote_for_message(it.key()) +
                "; allowed: scenario keys (see --list-keys), scenario, language, quote, view, preset");
    }
    if (input.contains("quote")) {
        if (!input["quote"].is_string())
            bad("setState: /quote: expected a quote id (text)");
        else if (!select_quote(input["quote"].get<std::string>()))
            bad("setState: /quote: unknown quote " + quote_for_message(input["quote"].get<std::string>()));
    }
    if (input.contains("language")) {
        Lang lang;
        if (!input["language"].is_string())
            bad("setState: /language: expected en, zh-Hans or zh-Hant");
        else if (lang_from_code(input["language"].get<std::string>(), lang))
            state.set_lang(lang);
        else
            bad("setState: /language: unknown language " + quote_for_message(input["language"].get<std::string>()) +
                "; allowed: en, zh-Hans, zh-Hant");
    }
    if (input.contains("view")) {
        const nlohmann::json& view = input["view"];
        if (view == "embed")
            state.view = View::embed;
        else if (view == "full")
            state.view = View::full;
        else
            bad("setState: /view: expected \"full\" or \"embed\"");
    }
    if (!scenario_object.empty()) {
        Scenario next = state.scenario;
        ContentErrors errors;
        if (scenario_from_json(scenario_object, next, "setState", "", state.gpus, errors)) {
            state.load_scenario(next, state.preset_id);
        } else {
            reply["ok"] = false;
            for (const ContentError& error : errors) {
                reply["notices"].push_back(error.to_string());
                state.notice(localized_error(state, error));
            }
        }
    }
    return reply.dump();
}

std::string App::results_json() const {
    // The model's writer (model/estimate_json.h): the same JSON as `scripts/estimate --json`.
    const AppState& state = impl_->state;
    if (!state.gpu) return "{}";
    return estimate_to_json(state.preset_id, state.scenario, *state.gpu, state.result).dump();
}

bool App::select_quote(const std::string& quote_id) {
    AppState& state = impl_->state;
    for (size_t i = 0; i < state.quotes.size(); ++i)
        if (state.quotes[i].quote->id == quote_id) {
            state.scroll_to_selected_quote = true;
            return state.select_quote_index(static_cast<int>(i), true);
        }
    return false;
}

std::string App::control_rect_json(const std::string& control_id) const {
    const AppState& state = impl_->state;
    auto found = state.control_rects.find(control_id);
    if (found == state.control_rects.end()) return "{}";
    const ImVec4& r = found->second;
    return nlohmann::json{{"x", r.x}, {"y", r.y}, {"w", r.z}, {"h", r.w}}.dump();
}

std::string App::control_ids_json() const {
    nlohmann::json ids = nlohmann::json::array();
    for (const auto& entry : impl_->state.control_rects)
        ids.push_back(entry.first);
    return ids.dump();
}

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] Permalinks, settings, accessibility
//-----------------------------------------------------------------------------------------------------------------

namespace {

std::string url_decode(const std::string& text) {
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '+') {
            out += ' ';
        } else if (text[i] == '%' && i + 2 < text.size() && std::isxdigit(static_cast<unsigned char>(text[i + 1])) &&
                   std::isxdigit(static_cast<unsigned char>(text[i + 2]))) {
            out += static_cast<char>(std::stoi(text.substr(i + 1, 2), nullptr, 16));
            i += 2;
        } else {
            out += text[i];
        }
    }
    return out;
}

} // namespace

std::string App::apply_url_query(const std::string& query_text) {
    AppState& state = impl_->state;
    nlohmann::json reply{{"ok", true}, {"notices", nlohmann::json::array()}};
    std::string query = query_text;
    if (!query.empty() && query[0] == '?') query.erase(0, 1);
    std::vector<std::pair<std::string, std::string>> scenario_pairs;
    auto bad = [&](const std::string& message) {
        reply["ok"] = false;
        reply["notices"].push_back(message);
        state.notice(message);
    };
    std::string quote_id;
    std::string tour_value; // "tour=<step id>": the tour opens at that step
    bool has_tour = false;
    std::vector<std::string> seen_keys;
    size_t start = 0;
    while (start < query.size()) {
        size_t end = query.find('&', start);
        if (end == std::string::npos) end = query.size();
        const std::string pair = query.substr(start, end - start);
        start = end + 1;
        if (pair.empty()) continue;
        const size_t eq = pair.find('=');
        const std::string key = url_decode(pair.substr(0, eq));
        const std::string value = eq == std::string::npos ? "" : url_decode(pair.substr(eq + 1));
        if (std::find(seen_keys.begin(), seen_keys.end(), key) != seen_keys.end())
            bad(fill_in(fill_in(state.tr("error.invalid_value"), "key", quote_for_message(key)), "reason",
                        "given more than once; the last value is used"));
        else
            seen_keys.push_back(key);
        if (key == "lang") {
            Lang lang;
            if (lang_from_code(value, lang))
                state.set_lang(lang);
            else
                bad(fill_in(fill_in(state.tr("error.invalid_value"), "key", key), "reason", value));
        } else if (key == "quote") {
            quote_id = value;
        } else if (key == "view") {
            if (value == "embed")
                state.view = View::embed;
            else if (value == "full")
                state.view = View::full;
            else
                bad(fill_in(fill_in(state.tr("error.invalid_value"), "key", key), "reason", value));
        } else if (key == "presenter") {
            state.presenter = value == "1" || value == "true";
            state.theme_dirty = true;
        } else if (key == "currency") {
            Currency currency;
            if (currency_from_code(value, currency) && (currency == Currency::usd || state.rate.cny_per_usd > 0))
                state.set_currency(currency);
            else
                bad(fill_in(fill_in(state.tr("error.invalid_value"), "key", key), "reason", value));
        } else if (key == "tour") {
            tour_value = value;
            has_tour = true;
        } else {
            scenario_pairs.emplace_back(key, value); // scenario keys; unknown keys are reported by the codec
        }
    }
    // A tour link opens its step (scenario + quote); the link's own scenario keys and quote then say exactly what
    // the presenter had on screen, on top of the defaults (a permalink lists every key that differs from them).
    bool tour_opened = false;
    if (has_tour) {
        std::size_t index = 0;
        if (state.view != View::embed && tour_step_from_permalink(state.tour, tour_value, index))
            tour_opened = tour_open_step(state, index);
        else
            bad(fill_in(fill_in(state.tr("error.invalid_value"), "key", "tour"), "reason", tour_value));
    }
    if (!quote_id.empty()) {
        bool found = false;
        for (size_t i = 0; i < state.quotes.size() && !found; ++i)
            if (state.quotes[i].quote->id == quote_id)
                found = state.select_quote_index(static_cast<int>(i), /*load_first_claim=*/!tour_opened);
        state.scroll_to_selected_quote = found;
        if (!found) bad(fill_in(fill_in(state.tr("error.invalid_value"), "key", "quote"), "reason", quote_id));
    }
    if (!scenario_pairs.empty()) {
        // Each good value applies; each bad one is skipped with a notice. Cross-key checks run at the end; if
        // they fail, the whole link scenario is dropped (defaults shown) rather than a half-applied mix.
        Scenario next = tour_opened ? Scenario() : state.scenario;
        for (const auto& [key, value] : scenario_pairs) {
            if (auto error = apply_scenario_value(next, key, value, "url", state.gpus))
                bad(localized_error(state, *error));
        }
        if (auto error = validate_scenario(next, state.gpus, "url")) {
            bad(localized_error(state, *error));
            bad(state.tr("error.invalid_link"));
        } else {
            state.load_scenario(next, state.preset_id);
        }
    }
    return reply.dump();
}

std::string App::permalink_query() const {
    return impl_->state.permalink_query();
}

std::string App::settings_json() const {
    const AppState& state = impl_->state;
    const char* theme = state.theme_choice == ThemeChoice::dark    ? "dark"
                        : state.theme_choice == ThemeChoice::light ? "light"
                                                                   : "system";
    nlohmann::json out{{"language", lang_code(state.lang)},
                       {"theme", theme},
                       {"currency", currency_code(state.currency)},
                       {"ui_scale", state.ui_scale}};
    if (!state.tour.steps.empty()) {
        // Where the reader left the tour: "Resume tour" on the next visit goes back there.
        const TourNavigator& nav = state.tour_nav;
        out["tour"] = {{"mode", tour_mode_name(nav.mode())}, {"step", nav.step()}, {"resume_step", nav.resume_step()}};
    }
    return out.dump();
}

void App::apply_settings_json(const std::string& json) {
    AppState& state = impl_->state;
    const nlohmann::json input = nlohmann::json::parse(json, nullptr, false);
    if (input.is_discarded() || !input.is_object()) return; // stale or foreign localStorage: keep defaults
    Lang lang;
    if (input.contains("language") && input["language"].is_string() &&
        lang_from_code(input["language"].get<std::string>(), lang))
        state.set_lang(lang);
    if (input.contains("theme") && input["theme"].is_string()) {
        const std::string theme = input["theme"].get<std::string>();
        state.theme_choice = theme == "dark"    ? ThemeChoice::dark
                             : theme == "light" ? ThemeChoice::light
                                                : ThemeChoice::system;
    }
    // The environment, passed in by the page at start and whenever it changes (prefers-color-scheme,
    // prefers-reduced-motion). Not the reader's settings: settings_json does not write them back.
    if (input.contains("system_theme") && input["system_theme"].is_string())
        state.system_theme = input["system_theme"].get<std::string>() == "dark" ? ThemeKind::dark : ThemeKind::light;
    if (input.contains("reduced_motion") && input["reduced_motion"].is_boolean())
        state.reduced_motion = input["reduced_motion"].get<bool>();
    state.update_theme();
    Currency currency;
    if (input.contains("currency") && input["currency"].is_string() &&
        currency_from_code(input["currency"].get<std::string>(), currency))
        state.set_currency(currency);
    if (input.contains("tour") && input["tour"].is_object() && !state.tour.steps.empty()) {
        // A saved tour comes back as free play with "Resume tour" at the saved step: a visit without a tour link
        // opens on the explainer, not in the middle of a presentation (a tour link opens the step itself).
        const nlohmann::json& tour = input["tour"];
        TourMode mode = TourMode::not_started;
        if (tour.contains("mode") && tour["mode"].is_string() &&
            tour_mode_from_name(tour["mode"].get<std::string>(), mode) && tour.contains("step") &&
            tour["step"].is_number_unsigned() && tour.contains("resume_step") &&
            tour["resume_step"].is_number_unsigned()) {
            const std::size_t step = tour["step"].get<std::size_t>();
            std::size_t resume = tour["resume_step"].get<std::size_t>();
            if (mode == TourMode::touring) {
                mode = TourMode::free_play;
                resume = step;
            }
            if (state.tour_nav.mode() != TourMode::touring) state.tour_nav.restore(mode, step, resume);
        }
    }
    if (input.contains("ui_scale") && input["ui_scale"].is_number()) {
        const double scale = input["ui_scale"].get<double>();
        if (std::isfinite(scale)) state.ui_scale = static_cast<float>(std::clamp(scale, 0.75, 2.5));
    }
    state.theme_dirty = true;
}

std::string App::accessible_summary() const {
    const AppState& state = impl_->state;
    if (!state.loaded || !state.gpu) return "";
    if (state.result.status != EstimateStatus::ok) return state.tr("results.invalid");
    std::string text = state.tr("summary.text");
    if (state.tour_nav.mode() == TourMode::touring && state.tour_nav.step() < state.tour.steps.size()) {
        // A screen reader hears the step with the results it sets up.
        const TourStep& step = state.tour.steps[state.tour_nav.step()];
        std::string counter = fill_in(state.tr("tour.step_of"), "step", std::to_string(state.tour_nav.step() + 1));
        counter = fill_in(counter, "total", std::to_string(state.tour_nav.step_count()));
        std::string prefix = fill_in(state.tr("tour.summary"), "step", counter);
        prefix = fill_in(prefix, "title", localized(state, step.title));
        prefix = fill_in(prefix, "body", localized(state, step.body));
        text = prefix + " " + text;
    }
    text = fill_in(text, "chips", state.fmt.format(state.scenario.chips, Quantity::count));
    text = fill_in(text, "gpu", gpu_short_name(*state.gpu));
    text = fill_in(text, "days", state.fmt.format(state.result.training_days.central, Quantity::days));
    text = fill_in(text, "cost", state.fmt.format(state.result.rental_cost_usd.central, Quantity::usd));
    text = fill_in(text, "cost_range", state.fmt.format_range(state.result.rental_cost_usd, Quantity::usd));
    text = fill_in(text, "ratio", state.fmt.format(state.result.cost_vs_deepseek_v3.central, Quantity::ratio));
    return text;
}

} // namespace chips::ui
