// ui/app_state.h — everything the panels share: content, the current scenario and its cached results, the view
// settings, and the small widgets every panel uses. Internal to ui/ (the platform sees only app.h).
//
// Index
// - [SECTION] Checked claims (computed once at load: a claim's scenario never changes)
// - [SECTION] Sweeps (recomputed when the scenario changes, never per frame)
// - [SECTION] AppState
// - [SECTION] Panels (one file each) and shared widgets (ui/widgets.cpp)
#pragma once
#include "model/chart_data.h"
#include "model/claim_check.h"
#include "model/currency.h"
#include "model/estimate.h"
#include "model/gpu_catalog.h"
#include "model/presets.h"
#include "model/quotes.h"
#include "model/strings.h"
#include "model/tour.h"
#include "ui/app.h"
#include "ui/format.h"
#include "ui/line_break.h"
#include "ui/theme.h"

#include <imgui.h>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace chips::ui {

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] Checked claims
//-----------------------------------------------------------------------------------------------------------------

struct CheckedClaim {
    const QuoteClaim* claim = nullptr; // the content
    std::size_t span_begin = 0;        // byte offset of claim->span in the quote text
    std::size_t span_end = 0;          // one past the span
    bool has_scenario = false;         // the claim (or its illustration) names a scenario the reader can load
    Scenario scenario;                 // preset + overrides, ready to load into the controls
    std::string preset_id;             // the claim's preset
    ClaimCheck check;                  // the model's verdict and range (not_checkable when it cannot check)
    VerdictKind verdict = VerdictKind::not_checkable; // ui mirror of check.verdict
    std::string id;                                   // "q-...#0": stable id for control_rect_json and tests
};

struct CheckedQuote {
    const Quote* quote = nullptr;
    std::vector<CheckedClaim> claims;
    // Line-break cache for the quote text: recomputed only when the wrap width or font size changes.
    float cached_width = -1.0f;
    float cached_font_size = -1.0f;
    std::vector<TextLine> lines;
    // The card's height the last time it was laid out in the quotes list (0 = never): a card outside the visible
    // part of the list is replaced by a Dummy this tall (ui/panel_quotes.cpp), so it costs no layout and no glyphs.
    float card_height = 0.0f;
    bool card_appearing = false; // its child window appeared this frame: ImGui sizes it next frame, don't measure
};

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] Sweeps
//-----------------------------------------------------------------------------------------------------------------

// The charts' view of AppState::charts: what chart::PlotLine / PlotBarsH take (central values as double arrays).
struct Sweeps {
    // Cost and days versus chip count, one series per compared GPU (same x for all).
    std::vector<double> chips;             // x: chip counts, 8 .. 262,144 in steps of √2
    std::vector<std::string> gpu_labels;   // short names of the compared GPUs (legend), current GPU first
    std::vector<std::vector<double>> days; // [gpu][i] central days
    std::vector<std::vector<double>> cost; // [gpu][i] central USD
    // Experts active sweep: 1 .. experts_total.
    std::vector<double> experts;       // x
    std::vector<double> active_params; // params
    std::vector<double> expert_cost;   // USD
    // Time of the current model on every GPU type (catalog order; GPUs the model refuses are left out).
    std::vector<const char*> every_gpu_labels; // bar labels (point into every_gpu_names)
    std::vector<std::string> every_gpu_names;  // storage for bar labels
    std::vector<double> every_days, every_days_low, every_days_high;
    int every_current = -1; // index of the current GPU among the bars
};

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] AppState
//-----------------------------------------------------------------------------------------------------------------

enum class View {
    full,  // the whole explainer
    embed, // one quote, its verdicts, the controls that matter for it and the result (700×450 iframe)
};

enum class Layout {
    wide,   // ≥ 1200 CSS px: quotes | scenario | results, charts, method side by side
    medium, // 700 .. 1200: two columns
    narrow, // ≤ 700: one column, whole page scrolls (phones)
};

struct AppState {
    // Content (owned; everything else points into it).
    bool loaded = false;
    ContentErrors load_errors;
    std::shared_ptr<StringTable> strings;
    GpuCatalog gpus;
    PresetCatalog presets;
    QuoteLibrary library;
    std::vector<CheckedQuote> quotes;

    // Platform.
    AppFonts fonts;
    PlatformHooks hooks;

    Tour tour;         // content/tour.json (empty when the file is missing: no tour buttons)
    CurrencyRate rate; // content/currency.json (cny_per_usd 0 when missing: the CNY choice is hidden)

    // Reader settings.
    Lang lang = Lang::en;
    ThemeKind theme = ThemeKind::light;             // effective theme: theme_choice, or system_theme when "system"
    ThemeChoice theme_choice = ThemeChoice::system; // the reader's override, saved in settings
    ThemeKind system_theme = ThemeKind::light;      // prefers-color-scheme, passed in by the page (start and change)
    bool reduced_motion = false;                    // prefers-reduced-motion, passed in by the page (nothing animates)
    Currency currency = Currency::usd;              // display currency for money (the model stays in USD)
    float ui_scale = 1.0f;                          // 1 = default; presenter mode multiplies by 1.5
    bool presenter = false;                         // larger scale + fullscreen button
    View view = View::full;
    bool theme_dirty = true;       // style must be re-applied (theme, scale or layout changed)
    bool settings_changed = false; // the reader changed language/theme: App::draw saves them through the hook

    // Current scenario and its results (recomputed in scenario_changed(), never per frame).
    Scenario scenario;
    std::string preset_id = "deepseek-v3";
    Estimate result;
    const GpuSpec* gpu = nullptr; // catalog entry of scenario.gpu
    Estimate v3_baseline;         // the deepseek-v3 preset, for "× DeepSeek-V3" ratios
    ChartData charts;             // every chart series (model/chart_data.h), computed in scenario_changed()
    Sweeps sweeps;                // the same, plot-ready (central values, labels)
    std::vector<std::string> compare_gpus = default_compare_gpus(); // chart series besides the current GPU
    std::uint64_t scenario_version = 0;                             // bumps on every change (caches compare against it)

    // Selection.
    int selected_quote = 0;              // index into quotes
    std::vector<bool> translation_shown; // per quote
    std::string topic_filter;            // "" = all topics
    std::vector<float> heading_heights;  // per article: its heading's height when last laid out (0 = never)

    // Guided tour (ui/panel_tour.cpp).
    TourNavigator tour_nav;           // which step is shown; sized to tour.steps at load
    std::string tour_control;         // control id the shown step points at ("chips", "quote:q-..."); "" = none
    bool tour_scroll_pending = false; // scroll tour_control into view (repeated until it is, see record_rect)
    int tour_scroll_frames = 0;       // frames spent scrolling the current step's control into view
    bool tour_nav_suspended = false;  // keyboard nav was switched off while touring (arrows belong to the tour)
    ImVec2 tour_card_size{0, 0};      // the step card's size last frame (placement before it is drawn)

    // Downloads (ui/panel_downloads.cpp).
    std::string last_download; // file name of the last saved file ("Saved {file}" in the popup)

    // Messages.
    std::vector<std::string> notices; // dismissible notice bar (bad link values, copied...)
    Formatter fmt;                    // for `lang`

    // Per-frame bookkeeping.
    Layout layout = Layout::wide;
    std::map<std::string, ImVec4> control_rects; // id → (x, y, w, h) in CSS px, refreshed each frame
    bool embed_popup_open = false;
    double copied_until = 0.0;                  // time until which "Copied" shows (animation → frames)
    std::string copied_what;                    // which button shows "Copied"
    std::map<std::string, double> typed_values; // typed-entry fields being edited (applied on focus loss)

    // --- behaviour (ui/app_state.cpp) ---
    const char* tr(const char* key) const;                    // UI string in the current language
    ImFont* ui_font() const;                                  // SC face for en/zh-Hans, TC for zh-Hant
    ImFont* font_for_script(const std::string& script) const; // quote text face
    void set_lang(Lang new_lang);
    void set_currency(Currency new_currency); // also rebuilds fmt
    void update_theme();                      // theme from theme_choice / system_theme; marks the style dirty
    void scenario_changed();                  // recompute estimate + sweeps now (same frame)
    void load_scenario(const Scenario& scenario, const std::string& preset_id);
    bool select_quote_index(int index, bool load_first_claim);
    bool scroll_to_selected_quote = false; // set when a link or the page selects a quote: the list scrolls to it
    float selected_card_top = -1.0f;       // where that card was laid out last frame (-1 = not yet)
    int scroll_settle_frames = 0;          // frames spent scrolling to it (the cards above are measured meanwhile)
    void notice(const std::string& text);
    void record_rect(const std::string& id); // the last item's rectangle, for control_rect_json
    void copy(const std::string& text, const char* what);
    std::string permalink_query() const;
    std::string page_url() const;
};

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] Panels and shared widgets
//-----------------------------------------------------------------------------------------------------------------

void draw_scenario_panel(AppState& state);
void draw_scenario_controls(AppState& state, const char* const* keys, int key_count); // a subset (embed view)
void draw_results_panel(AppState& state);
void draw_result_for(AppState& state, const char* output_key); // one headline card (embed view)
void draw_quotes_panel(AppState& state);
void draw_quote_card(AppState& state, int quote_index, bool embed);
void draw_charts_panel(AppState& state);
void draw_method_panel(AppState& state);
// Guided tour (ui/panel_tour.cpp): header buttons, keys, the step card and the target outline.
void draw_tour_buttons(AppState& state);                 // "Take the tour" / "Resume tour" in the header row
void handle_tour_keys(AppState& state);                  // → PageDown Space / ← PageUp / Esc / Home while touring
void draw_tour_overlay(AppState& state);                 // after every panel: outline + step card near the target
bool tour_command(AppState& state, TourCommand command); // applies it; loads the step's scenario and quote
bool tour_open_step(AppState& state, std::size_t index); // go_to (permalink) + load
// Downloads (ui/panel_downloads.cpp): the "Download" button and its popup.
void draw_download_button(AppState& state);
// Display currency (ui/panel_results.cpp): the note with the stated rate, shown when CNY is on.
void draw_currency_note(AppState& state);

// Puts the next widget (`width` pixels wide) on the current line when it fits, else starts a new line: header
// controls flow like words instead of running off a phone screen.
void flow(float width);
float button_width(const char* label); // a Button's width for `label`
float check_width(const char* label);  // a RadioButton's or Checkbox's: the box, the gap, the label
// A compact button, or a full-height one when the layout is a single column (finger-sized hit target).
bool small_button(const AppState& state, const char* label);
// "(?)" after the previous item; hovering (or tapping) shows `text`.
void help_marker(AppState& state, const char* text);
// Wrapped paragraph with kinsoku rules (Chinese has no spaces for ImGui's own wrapping). `max_width` in pixels,
// 0 = the available width. `color` 0 = the style's text colour.
void wrapped_text(const char* text, ImU32 color = 0, float max_width = 0.0f);
// Replaces "{name}" in `pattern` by `value` (all occurrences).
std::string fill_in(std::string pattern, const char* name, const std::string& value);
// The text of a LocalizedText in the current language.
const std::string& localized(const AppState& state, const LocalizedText& text);
// Short GPU name for labels ("H800" from "NVIDIA H800 SXM5 80GB" is content's job; we use the id upper-cased).
std::string gpu_short_name(const GpuSpec& gpu);
// Font size multiple used for headline numbers.
constexpr float kHeadlineScale = 1.45f;

} // namespace chips::ui
