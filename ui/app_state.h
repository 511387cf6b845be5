// ui/app_state.h — what the panels share: the session they draw (session/session.h, the reader's state and the only
// writer of it), the caches and layout state that only drawing needs, and the small widgets every panel uses.
// Internal to ui/ (the platform sees only app.h).
//
// Index
// - [SECTION] Quote layout (line-break and height caches per quote)
// - [SECTION] Sweeps (plot-ready chart series, rebuilt when the scenario changes, never per frame)
// - [SECTION] AppState
// - [SECTION] Panels (one file each) and shared widgets (ui/widgets.cpp)
//
// Rule: nothing in ui/ writes the reader's state except through Session's methods; nothing here parses JSON.
#pragma once
#include "session/session.h"
#include "ui/app.h"
#include "ui/line_break.h"
#include "ui/theme.h"

#include <imgui.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

struct ImGuiWindow; // imgui_internal.h (ui/keyboard.cpp)

namespace chips::ui {

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] Quote layout (purely visual caches, one per quote; the quotes themselves are the session's)
//-----------------------------------------------------------------------------------------------------------------

struct QuoteLayout {
    // Line-break cache for the quote text: recomputed only when the wrap width or font size changes.
    float cached_width = -1.0f;
    float cached_font_size = -1.0f;
    std::vector<TextLine> lines;
    // The card's height the last time it was laid out in the quotes list (0 = never): a card outside the visible
    // part of the list is replaced by a Dummy this tall (ui/panel_quotes.cpp), so it costs no layout and no glyphs.
    float card_height = 0.0f;
    bool card_appearing = false; // its child window appeared this frame: ImGui sizes it next frame, don't measure
    // Each claim's published reason and its live verdict and reason (Session::live_claim), rebuilt when the
    // session's revision moves (a slider step, the language, the currency), not on every frame a card is drawn.
    std::vector<std::string> reasons;
    std::vector<LiveClaim> live;
    std::uint64_t live_revision = ~0ull;
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
// [SECTION] AppState: the session the panels draw, and what only the drawing needs
//-----------------------------------------------------------------------------------------------------------------

enum class Layout {
    wide,   // ≥ 70 em (1200 CSS px at 17 px): quotes | scenario | results, charts, method side by side
    medium, // 41 .. 70 em: two columns
    narrow, // ≤ 41 em: one column, whole page scrolls (phones)
};

struct AppState {
    explicit AppState(Session& reader_session) : session(reader_session) {}

    // The reader's state. Panels read it and change it only through its methods (session/session.h).
    Session& session;

    // Platform.
    AppFonts fonts;
    PlatformHooks hooks;

    // Caches derived from the session, rebuilt when its revisions move (never per frame).
    Sweeps sweeps;                          // plot-ready chart series, from session.charts()
    std::uint64_t sweeps_revision = ~0ull;  // session.scenario_revision() they were built from
    std::vector<QuoteLayout> quote_layouts; // per quote, parallel to session.quotes()
    std::vector<float> heading_heights;     // per article: its heading's height when last laid out (0 = never)

    // Style: re-applied when one of these differs from the session's (theme, scale, presenter) or the layout.
    Layout layout = Layout::wide;
    // This frame the page scrolls the app (one column on a phone): the columns draw straight into the main window,
    // whose scroll follows the page's offset, instead of each being a child window that scrolls by itself.
    bool columns_in_main_window = false;
    bool style_applied = false;
    ThemeKind applied_theme = ThemeKind::light;
    float applied_scale = 0.0f;

    // Bringing things into view: a quote selected from outside (link, page, tour) and the tour step's control.
    std::uint64_t seen_reveal_revision = 0;  // session.reveal_revision() last acted on
    bool scroll_to_selected_quote = false;   // the list scrolls to the selected card (bounded, see panel_quotes.cpp)
    float selected_card_top = -1.0f;         // where that card was laid out last frame (-1 = not yet)
    int scroll_settle_frames = 0;            // frames spent scrolling to it (the cards above are measured meanwhile)
    std::uint64_t seen_tour_revision = 0;    // session.tour_revision() last acted on
    std::string tour_control;                // control id the shown step points at ("chips", "quote:q-..."); "" = none
    bool tour_scroll_pending = false;        // scroll tour_control into view (repeated until it is, see record_rect)
    int tour_scroll_frames = 0;              // frames spent scrolling the current step's control into view
    int tour_in_view_frames = 0;             // consecutive frames the step's control has been in view (settled at 2)
    bool tour_nav_suspended = false;         // keyboard nav was switched off while touring (arrows belong to the tour)
    ImVec2 tour_card_size{0, 0};             // the step card's size last frame (placement before it is drawn)
    std::string tour_body;                   // the shown step's text with its numbers filled in (session/tour_text.h)
    std::string tour_result;                 // output the step changes ("training_days"): shown under its control
    bool tour_result_scroll_pending = false; // bring that result's card into view when it sits in another column
    bool tour_reveal_quote = false;          // the step names a quote: the quotes column shows it (wide layout only)
    ImGuiWindow* tour_control_window = nullptr; // the window holding the step's control (last frame)
    std::uint64_t tour_body_key = ~0ull;        // tour and settings revisions it was built for

    // Keyboard (ui/keyboard.cpp).
    int keyboard_entry = 0;             // focus came from the page: +1 by Tab (first control), -1 by Shift+Tab (last)
    bool keyboard_nav = false;          // a control has the keyboard focus ring: every quote card is laid out, so
                                        // Tab reaches them all (the list otherwise skips cards out of view)
    bool keys_help_requested = false;   // "?" or the Keys button: open (or close) the help
    bool keys_help_close = false;       // close the open help at its next draw
    ImGuiWindow* main_window = nullptr; // the app's window (Tab wraps out of it, not out of popups)
    std::string focused_control;        // record_rect id of the control with the keyboard focus ("" = none)

    // Per-frame bookkeeping.
    // A language picked in the header, applied when the next frame starts (App::draw): the rest of this frame is drawn
    // in the face it started with. Switching mid-frame drew 繁體中文 labels with the SC face for one frame, whose
    // subset lacks traditional-only characters ('?'; tests/e2e/glyphs.test.mjs counts them). Empty: none pending.
    std::optional<Lang> pending_language;
    std::map<std::string, ImVec4> control_rects; // id → (x, y, w, h) in CSS px, refreshed each frame
    double copied_until = 0.0;                   // time until which "Copied" shows (animation → frames)
    std::string copied_what;                     // which button shows "Copied"
    std::map<std::string, double> typed_values;  // typed-entry fields being edited (applied on focus loss)
    std::string last_download;                   // file name of the last saved file ("Saved {file}" in the popup)
    bool drawing_preview = false;                // a picture of a view (the Embed popup): its controls record nothing

    // --- helpers (ui/app_state.cpp) ---
    const char* tr(const char* key) const { return session.tr(key); } // UI string in the reader's language
    ImFont* ui_font() const;                                          // SC face for en/zh-Hans, TC for zh-Hant
    ImFont* font_for_script(const std::string& script) const;         // quote text face
    void sync_caches();                      // sweeps and quote layouts follow the session (once per change)
    void record_rect(const std::string& id); // the last item's rectangle, for control_rect_json
    void copy(const std::string& text, const char* what);
    std::string page_url() const;
};

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] Panels and shared widgets
//-----------------------------------------------------------------------------------------------------------------

void draw_header(AppState& state); // settings row (ui/panel_header.cpp)
void draw_embed(AppState& state);  // the embed view (ui/panel_embed.cpp)
void draw_scenario_panel(AppState& state);
void draw_scenario_controls(AppState& state, const char* const* keys, int key_count); // a subset (embed view)
void draw_results_panel(AppState& state);
void draw_result_for(AppState& state, const char* output_key); // one headline card (embed view)
void draw_quotes_panel(AppState& state);
void draw_quote_card(AppState& state, int quote_index, bool embed);
// The quote's text with its claims' spans highlighted in their verdict colours (tap a span to load its claim).
void draw_quote_text(AppState& state, int quote_index, const char* id_suffix);
// "✓ Consistent" in the verdict's colour (glyph and word, so colour is never the only cue).
void verdict_label(const AppState& state, const CheckedClaim& claim);
void draw_charts_panel(AppState& state);
void draw_method_panel(AppState& state);
// Guided tour (ui/panel_tour.cpp): header buttons, keys, the step card and the target outline.
void draw_tour_buttons(AppState& state); // "Take the tour" / "Resume tour" in the header row
void handle_tour_keys(AppState& state);  // → PageDown Space / ← PageUp / Esc / Home while touring
void draw_tour_overlay(AppState& state); // after every panel: outline + step card near the target
// Under the control a tour step points at: the result it changes, live ("→ Training time: 58.3 days"), so the
// slider and its number are on screen together even on a phone.
void draw_tour_result_line(AppState& state, const char* control_key);
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
// The text of a LocalizedText in the reader's language.
inline const std::string& localized(const AppState& state, const LocalizedText& text) {
    return state.session.localized(text);
}
// Font size multiple used for headline numbers.
constexpr float kHeadlineScale = 1.45f;
// In presenter mode the headline numbers and the selected claim's verdict: readable from the back of a room.
constexpr float kPresenterHeadlineScale = 3.0f;

} // namespace chips::ui
