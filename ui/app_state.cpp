// ui/app_state.cpp — AppState behaviour: language, scenario recomputation (estimate + chart sweeps), claim checks,
// selection, notices and the shared widgets (help marker, kinsoku-wrapped text).
//
// Index
// - [SECTION] Strings and fonts
// - [SECTION] Scenario: recompute estimate and sweeps (only here, never per frame)
// - [SECTION] Selection, notices, clipboard, permalinks
// - [SECTION] Shared widgets
#include "ui/app_state.h"

#include <imgui.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

namespace chips::ui {

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] Strings and fonts
//-----------------------------------------------------------------------------------------------------------------

const char* AppState::tr(const char* key) const {
    return strings ? strings->tr(key, lang) : key;
}

ImFont* AppState::ui_font() const {
    if (lang == Lang::zh_hant && fonts.traditional) return fonts.traditional;
    return fonts.simplified ? fonts.simplified : fonts.traditional;
}

ImFont* AppState::font_for_script(const std::string& script) const {
    if (script == "zh-Hant" && fonts.traditional) return fonts.traditional;
    return fonts.simplified ? fonts.simplified : fonts.traditional;
}

void AppState::set_lang(Lang new_lang) {
    lang = new_lang;
    set_active_lang(new_lang);
    if (strings) fmt = Formatter(*strings, lang, number_style(lang, currency, rate));
    scenario_changed(); // sweep labels are localized
}

void AppState::set_currency(Currency new_currency) {
    // CNY needs the stated rate; without content/currency.json every amount would print "—", so stay in USD.
    currency = rate.cny_per_usd > 0 ? new_currency : Currency::usd;
    if (strings) fmt = Formatter(*strings, lang, number_style(lang, currency, rate));
}

void AppState::update_theme() {
    const ThemeKind next = theme_choice == ThemeChoice::dark    ? ThemeKind::dark
                           : theme_choice == ThemeChoice::light ? ThemeKind::light
                                                                : system_theme;
    if (next != theme) theme_dirty = true;
    theme = next;
}

const std::string& localized(const AppState& state, const LocalizedText& text) {
    switch (state.lang) {
    case Lang::zh_hans:
        return text.zh_hans.empty() ? text.en : text.zh_hans;
    case Lang::zh_hant:
        return text.zh_hant.empty() ? text.en : text.zh_hant;
    case Lang::en:
    default:
        return text.en;
    }
}

std::string gpu_short_name(const GpuSpec& gpu) {
    // Catalog names read "NVIDIA H800 SXM5 80GB", "NVIDIA Tesla V100 SXM2 32GB", "NVIDIA GeForce RTX 2080 Ti",
    // "Huawei Ascend 910B", "AMD Instinct MI300X": the model readers know is the first word with a digit, with a
    // preceding all-capitals series name ("RTX") or "Ascend" kept in front. Falls back to the id.
    std::vector<std::string> words;
    size_t start = 0;
    while (start < gpu.name.size()) {
        size_t end = gpu.name.find(' ', start);
        if (end == std::string::npos) end = gpu.name.size();
        if (end > start) words.push_back(gpu.name.substr(start, end - start));
        start = end + 1;
    }
    for (size_t i = 1; i < words.size(); ++i) {
        if (words[i].find_first_of("0123456789") == std::string::npos) continue;
        const std::string& previous = words[i - 1];
        const bool series = previous == "Ascend" ||
                            (i > 1 && previous.size() <= 4 && std::all_of(previous.begin(), previous.end(), [](char c) {
                                 return c >= 'A' && c <= 'Z';
                             }));
        return series ? previous + " " + words[i] : words[i];
    }
    return gpu.id;
}

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] Scenario
//-----------------------------------------------------------------------------------------------------------------

namespace {

// The charts draw central values (model/chart_data.h keeps low/high for the CSV); a refused point is NaN either way.
std::vector<double> centrals(const std::vector<Range>& ranges) {
    std::vector<double> out;
    out.reserve(ranges.size());
    for (const Range& range : ranges)
        out.push_back(range.central);
    return out;
}

// The plot-ready view of the chart data: central values and the labels the legend and bars show.
void fill_sweeps(const ChartData& data, const GpuCatalog& gpus, Sweeps& s) {
    s = Sweeps();
    s.chips = data.chips.chips;
    for (const std::string& id : data.chips.gpu_ids)
        s.gpu_labels.push_back(gpu_short_name(*gpus.find(id)));
    for (const std::vector<Range>& series : data.chips.days)
        s.days.push_back(centrals(series));
    for (const std::vector<Range>& series : data.chips.cost_usd)
        s.cost.push_back(centrals(series));
    s.experts = data.experts.experts_active;
    s.active_params = centrals(data.experts.active_params);
    s.expert_cost = centrals(data.experts.cost_usd);
    for (std::size_t i = 0; i < data.gpus.gpu_ids.size(); ++i) {
        s.every_gpu_names.push_back(gpu_short_name(*gpus.find(data.gpus.gpu_ids[i])));
        s.every_days.push_back(data.gpus.days[i].central);
        s.every_days_low.push_back(data.gpus.days[i].low);
        s.every_days_high.push_back(data.gpus.days[i].high);
    }
    s.every_current = data.gpus.current;
    for (const std::string& name : s.every_gpu_names)
        s.every_gpu_labels.push_back(name.c_str());
}

} // namespace

void AppState::scenario_changed() {
    ++scenario_version;
    gpu = gpus.find(scenario.gpu);
    if (gpu == nullptr && !gpus.gpus.empty()) {
        scenario.gpu = gpus.gpus.front().id;
        gpu = &gpus.gpus.front();
    }
    if (gpu == nullptr) return;
    if (!gpu->has_fp8() && scenario.precision == Precision::fp8) scenario.precision = Precision::bf16;
    if (scenario.experts_active > scenario.experts_total) scenario.experts_active = scenario.experts_total;
    result = estimate(scenario, *gpu);

    // The chart series, once per change: the charts draw them and the chart downloads write them.
    charts = compute_chart_data(scenario, gpus, compare_gpus);
    fill_sweeps(charts, gpus, sweeps);
}

void AppState::load_scenario(const Scenario& new_scenario, const std::string& new_preset_id) {
    scenario = new_scenario;
    preset_id = new_preset_id;
    scenario_changed();
}

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] Selection, notices, clipboard, permalinks
//-----------------------------------------------------------------------------------------------------------------

bool AppState::select_quote_index(int index, bool load_first_claim) {
    if (index < 0 || index >= static_cast<int>(quotes.size())) return false;
    selected_quote = index;
    if (load_first_claim) {
        for (const CheckedClaim& claim : quotes[index].claims) {
            if (!claim.has_scenario) continue;
            load_scenario(claim.scenario, claim.preset_id);
            break;
        }
    }
    return true;
}

void AppState::notice(const std::string& text) {
    if (std::find(notices.begin(), notices.end(), text) == notices.end()) notices.push_back(text);
}

void AppState::record_rect(const std::string& id) {
    const ImVec2 min = ImGui::GetItemRectMin();
    const ImVec2 max = ImGui::GetItemRectMax();
    if (!tour_control.empty() && id == tour_control) {
        // The one-column layout draws the selected quote twice (on top, and in the list): the tour points at the
        // first, which is the one scrolled into view.
        if (control_rects.count(id)) return;
        if (tour_scroll_pending) {
            // Scroll the window holding the control (a column) so it sits near the top, with room below it for
            // the step card. ImGui applies a scroll next frame, clamped to the content measured so far (on the
            // first frames after start-up that is too little), so this repeats until the control is in view, at
            // most a few frames.
            const float em = ImGui::GetFontSize();
            const float top = ImGui::GetWindowPos().y;
            const float bottom = top + ImGui::GetWindowHeight();
            const float room_below = std::min(12.0f * em, std::max(0.0f, bottom - top - (max.y - min.y) - em));
            const float margin = 2.0f * em; // the control's label sits above it
            const bool top_ok = min.y - margin >= top || (ImGui::GetScrollY() <= 0.0f && min.y >= top);
            const bool in_view = top_ok && max.y + room_below <= bottom;
            if (in_view || ++tour_scroll_frames > 8)
                tour_scroll_pending = false;
            else
                ImGui::SetScrollFromPosY(min.y - top - margin, 0.0f);
        }
    }
    control_rects[id] = ImVec4(min.x, min.y, max.x - min.x, max.y - min.y);
}

void AppState::copy(const std::string& text, const char* what) {
    if (!hooks.copy_text) return;
    hooks.copy_text(text);
    copied_what = what;
    copied_until = ImGui::GetTime() + 1.5;
}

std::string AppState::page_url() const {
    return hooks.page_url ? hooks.page_url() : std::string();
}

namespace {

std::string url_encode(const std::string& text) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

} // namespace

std::string AppState::permalink_query() const {
    // Only the keys that differ from Scenario{} (DeepSeek-V3 as reported) — short links, stable when defaults stay.
    std::string query;
    auto add = [&](const std::string& key, const std::string& value) {
        if (!query.empty()) query += '&';
        query += key + "=" + url_encode(value);
    };
    const Scenario defaults;
    size_t count = 0;
    const ScenarioKeyInfo* keys = scenario_keys(count);
    for (size_t i = 0; i < count; ++i) {
        const std::string value = scenario_value_text(scenario, keys[i]);
        if (value != scenario_value_text(defaults, keys[i])) add(keys[i].key, value);
    }
    if (lang != Lang::en) add("lang", lang_code(lang));
    if (selected_quote >= 0 && selected_quote < static_cast<int>(quotes.size()))
        add("quote", quotes[selected_quote].quote->id);
    if (view == View::embed) add("view", "embed");
    if (presenter) add("presenter", "1");
    if (currency != Currency::usd) add("currency", currency_code(currency));
    if (view != View::embed && tour_nav.mode() == TourMode::touring)
        add("tour", tour_permalink_value(tour, tour_nav.step())); // a presenter's link opens the same step
    return query;
}

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] Shared widgets
//-----------------------------------------------------------------------------------------------------------------

std::string fill_in(std::string pattern, const char* name, const std::string& value) {
    const std::string hole = std::string("{") + name + "}";
    for (size_t at = pattern.find(hole); at != std::string::npos; at = pattern.find(hole, at + value.size()))
        pattern.replace(at, hole.size(), value);
    return pattern;
}

void flow(float width) {
    const float right = ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + width;
    // After an item the cursor sits at the start of the next line, so this is the right edge of the content.
    const float content_right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
    if (right <= content_right) ImGui::SameLine();
}

float button_width(const char* label) {
    return ImGui::CalcTextSize(label).x + ImGui::GetStyle().FramePadding.x * 2.0f;
}

float check_width(const char* label) {
    return ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(label).x;
}

bool small_button(const AppState& state, const char* label) {
    return state.layout == Layout::narrow ? ImGui::Button(label) : ImGui::SmallButton(label);
}

void help_marker(AppState& state, const char* text) {
    ImGui::SameLine();
    ImGui::TextDisabled("(?)");
    // Tooltips on hover for mice; on touch a tap "hovers" until the next tap, which ImGui reports the same way.
    if (ImGui::BeginItemTooltip()) {
        wrapped_text(text, 0, ImGui::GetFontSize() * 22.0f);
        ImGui::EndTooltip();
    }
    (void)state;
}

void wrapped_text(const char* text, ImU32 color, float max_width) {
    ImFont* font = ImGui::GetFont();
    const float size = ImGui::GetFontSize();
    float width = max_width > 0.0f ? max_width : ImGui::GetContentRegionAvail().x;
    if (width < size * 4.0f) width = size * 4.0f; // never one character per line
    static std::vector<TextLine> lines;           // reused: no per-frame allocation once grown
    const std::string_view view(text);
    break_lines(
        view, width,
        [font, size](std::string_view piece) {
            return font->CalcTextSizeA(size, 1e9f, 0.0f, piece.data(), piece.data() + piece.size()).x;
        },
        lines);
    if (color) ImGui::PushStyleColor(ImGuiCol_Text, color);
    for (const TextLine& line : lines)
        ImGui::TextUnformatted(text + line.begin, text + line.end);
    if (color) ImGui::PopStyleColor();
}

} // namespace chips::ui
