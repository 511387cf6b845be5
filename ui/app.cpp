// ui/app.cpp — App: the per-frame layout of the panels over a Session.
//
// Index
// - [SECTION] Assertion hook (IM_ASSERT → report_imgui_assert, see imconfig_chips.h)
// - [SECTION] Layout: notice bar, columns by width (wide / medium / narrow), embed view, style
// - [SECTION] Test hooks: control rectangles
#include "ui/app.h"

#include "ui/app_state.h"
#include "ui/chart.h"
#include "ui/keyboard.h"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
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
    explicit Impl(Session& session) : state(session) {}
    AppState state;
    // Page scrolling (App::set_page_scroll): what the page allows and asked for, and what the last frame measured.
    bool page_scroll_allowed = false;
    bool page_offset_pending = false;
    float page_offset_px = 0.0f; // the last offset the page set (or followed)
    App::PageScroll measured;    // filled while drawing
};

App::App(Session& session) : impl_(std::make_unique<Impl>(session)) {}
App::~App() = default;

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
// Presenter mode: everything this much larger (at 1920 × 1080 that is 64 em across: the two-column layout, every
// control in reach; tests/ui/test_presenter.cpp).
constexpr float kPresenterScale = 1.75f;

// Drag on empty space scrolls the window: on a touch screen a finger drag is a mouse drag, and ImGui by itself
// only scrolls with the wheel (ocornut/imgui#3379).
void drag_to_scroll() {
    const ImGuiIO& io = ImGui::GetIO();
    if (ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows) && !ImGui::IsAnyItemActive() &&
        ImGui::IsMouseDragging(ImGuiMouseButton_Left, ImGui::GetFontSize() * 0.3f)) {
        ImGui::SetScrollY(ImGui::GetScrollY() - io.MouseDelta.y);
    }
}

void draw_notices(AppState& state) {
    if (state.session.notices().empty()) return;
    const Palette& pal = palette(state.session.theme());
    const float em = ImGui::GetFontSize();
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImGui::ColorConvertU32ToFloat4(pal.notice_bg));
    // At most about six lines tall, scrolling inside beyond that: however many problems a link has, the controls stay
    // where the reader expects them.
    ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(FLT_MAX, 7.5f * em));
    ImGui::BeginChild("notices", ImVec2(0, 0),
                      ImGuiChildFlags_AutoResizeY | ImGuiChildFlags_AlwaysUseWindowPadding | ImGuiChildFlags_Borders |
                          ImGuiChildFlags_NavFlattened);
    // Dismiss first, so it stays in reach when the list scrolls.
    if (small_button(state, state.tr("action.dismiss"))) state.session.dismiss_notices();
    state.record_rect("dismiss_notices");
    for (const std::string& text : state.session.notices())
        wrapped_text(text.c_str());
    ImGui::EndChild();
    ImGui::PopStyleColor();
}

void draw_load_errors(AppState& state) {
    ImGui::TextColored(ImVec4(0.8f, 0.2f, 0.1f, 1.0f), "%s", state.tr("error.load_failed"));
    for (const ContentError& error : state.session.load_errors())
        wrapped_text(error.to_string().c_str());
}

// A column is a child window that scrolls by itself, except in a frame where the page scrolls the app
// (AppState::columns_in_main_window): then the body is drawn straight into the main window.
void column(const char* id, float width, AppState& state, void (*body)(AppState&)) {
    const bool in_main_window = state.columns_in_main_window;
    // Nav-flattened: Tab goes on from one column's last control to the next column's first (ui/keyboard.h).
    if (!in_main_window)
        ImGui::BeginChild(id, ImVec2(width, 0), ImGuiChildFlags_NavFlattened, ImGuiWindowFlags_NoSavedSettings);
    body(state);
    // While touring, room after the last control, so a tour step can scroll even the bottom one (the inference
    // batch size) up to where its card fits below it.
    if (state.session.touring()) ImGui::Dummy(ImVec2(0, 16.0f * ImGui::GetFontSize()));
    drag_to_scroll();
    if (!in_main_window) ImGui::EndChild();
}

void draw_full(AppState& state) {
    // A tour step's quote: side by side the quotes list is its own column and shows it; in one or two columns the
    // list shares its column with the step's control, which wins (ui/app_state.cpp).
    if (state.tour_reveal_quote) {
        state.tour_reveal_quote = false;
        if (state.layout == Layout::wide) {
            state.scroll_to_selected_quote = true;
            state.scroll_settle_frames = 0;
            state.selected_card_top = -1.0f;
        }
    }
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
            if (!s.session.quotes().empty()) draw_quote_card(s, s.session.selected_quote(), false);
            draw_results_panel(s);
            draw_scenario_panel(s);
            draw_charts_panel(s);
            draw_quotes_panel(s);
            draw_method_panel(s);
        });
    }
}

float ui_scale(const Session& session) {
    return session.ui_scale() * (session.presenter() ? kPresenterScale : 1.0f);
}

// Colours and sizes follow the session's theme and scale and the layout; applied only when one of them changed.
void apply_style_if_changed(AppState& state, Layout layout) {
    const float scale = ui_scale(state.session);
    const ThemeKind theme = state.session.theme();
    if (state.style_applied && state.layout == layout && state.applied_theme == theme && state.applied_scale == scale)
        return;
    state.style_applied = true;
    state.layout = layout;
    state.applied_theme = theme;
    state.applied_scale = scale;
    apply_theme(theme, scale, kBaseFontPx, ImGui::GetStyle());
    // Finger-sized hit targets on phones: taller frames when the layout is a single column.
    if (layout == Layout::narrow) ImGui::GetStyle().FramePadding.y *= 1.5f;
    const Palette& pal = palette(theme);
    chart::ChartColors colors{pal.panel_bg, pal.grid, pal.axis, pal.text, {}};
    for (int i = 0; i < 6; ++i)
        colors.series[i] = pal.series[i];
    chart::SetColors(colors);
}

} // namespace

void App::draw() {
    AppState& state = impl_->state;
    const Session& session = state.session;
    if (state.pending_language) { // picked in the last frame: this frame is the first drawn in it, in its face
        state.session.set_language(*state.pending_language);
        state.pending_language.reset();
    }
    state.sync_caches();
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    // Layout by width in em (font size), so presenter mode and browser zoom move the breakpoints with the text:
    // 1200 CSS px at 17 px = 70 em ("side by side"), 700 px = 41 em ("single column").
    const float width_em = viewport->WorkSize.x / (kBaseFontPx * ui_scale(session));
    apply_style_if_changed(state,
                           width_em >= 70.0f ? Layout::wide : (width_em > 41.2f ? Layout::medium : Layout::narrow));
    state.control_rects.clear();
    state.focused_control.clear();

    const bool page_scrolls = begin_page_scroll();
    state.columns_in_main_window = page_scrolls;
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    // When the page scrolls the app, the wheel is the page's too (the app follows the page's offset).
    ImGui::Begin("Chips & Claims", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus |
                     (page_scrolls ? ImGuiWindowFlags_NoScrollWithMouse : ImGuiWindowFlags_None));
    keyboard_begin_frame(state); // before any control: Tab entering from the page, "?"
    // Tour keys first, so a step's scenario is what every panel draws this frame.
    if (session.loaded()) handle_tour_keys(state);
    state.sync_caches(); // a tour key may have changed the scenario
    ImFont* font = state.ui_font();
    if (font) ImGui::PushFont(font, 0.0f);
    if (!session.loaded()) {
        draw_load_errors(state);
    } else {
        if (session.view() != View::embed) draw_header(state); // the embed card is its own heading; the host sets lang
        draw_notices(state);
        if (session.view() == View::embed) {
            state.scroll_to_selected_quote = false; // no quotes list here: the embed shows the selected quote itself
            ImGui::BeginChild("embed_view", ImVec2(0, 0), ImGuiChildFlags_NavFlattened);
            draw_embed(state);
            drag_to_scroll();
            ImGui::EndChild();
        } else {
            wrapped_text(state.tr("hint.interact"), ImGui::GetColorU32(ImGuiCol_TextDisabled));
            draw_keys_button(state);
            draw_full(state);
        }
    }
    if (session.loaded()) draw_keys_help(state);
    if (font) ImGui::PopFont();
    end_page_scroll(page_scrolls);
    ImGui::End();
    if (session.loaded()) draw_tour_overlay(state); // after the panels: it reads the rectangles they recorded
    keyboard_end_frame(state);                      // after every window: a Tab past either end leaves the app
}

void App::keyboard_enter(int direction) {
    impl_->state.keyboard_entry = direction < 0 ? -1 : 1;
}

bool App::keyboard_owns_key(bool is_space) const {
    const AppState& state = impl_->state;
    if (ImGui::GetCurrentContext() && ImGui::GetIO().WantTextInput) return !is_space;
    return state.keyboard_nav || state.session.touring();
}

std::string App::focused_control() const {
    return impl_->state.focused_control;
}

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] Page scrolling (docs/site.md "Scrolling on phones")
//-----------------------------------------------------------------------------------------------------------------

void App::set_page_scroll(bool allowed, float offset_px) {
    impl_->page_scroll_allowed = allowed;
    impl_->page_offset_pending = true;
    impl_->page_offset_px = std::max(0.0f, offset_px);
}

// Before Begin of the main window: whether this frame's layout scrolls with the page, and the page's new offset.
bool App::begin_page_scroll() {
    Impl& impl = *impl_;
    const bool active = impl.page_scroll_allowed && impl.state.session.loaded() &&
                        impl.state.session.view() != View::embed && impl.state.layout == Layout::narrow;
    if (active && impl.page_offset_pending) ImGui::SetNextWindowScroll(ImVec2(-1.0f, impl.page_offset_px));
    impl.page_offset_pending = false;
    impl.measured.active = active;
    return active;
}

// Inside the main window, after everything: its content height and scroll (ScrollMax is from the content measured by
// the last frame, the same limit ImGui clamps the scroll to, so the page's area and the app's range agree).
void App::end_page_scroll(bool active) {
    Impl& impl = *impl_;
    impl.measured.content_height_px = active ? ImGui::GetScrollMaxY() + ImGui::GetWindowHeight() : 0.0f;
    impl.measured.offset_px = active ? ImGui::GetScrollY() : 0.0f;
}

App::PageScroll App::page_scroll() {
    Impl& impl = *impl_;
    PageScroll report = impl.measured;
    // The app moved by itself when its offset is not the page's; an offset the app only clamped (the page asked for
    // more than the content measured so far) is not a move, or the page would jump back.
    const float max_offset = std::max(0.0f, report.content_height_px - ImGui::GetMainViewport()->WorkSize.y);
    const bool clamped = impl.page_offset_px > max_offset && std::fabs(report.offset_px - max_offset) <= 1.0f;
    report.page_must_follow = report.active && std::fabs(report.offset_px - impl.page_offset_px) > 1.0f && !clamped;
    if (report.page_must_follow) impl.page_offset_px = report.offset_px;
    return report;
}

bool App::page_scroll_active() const {
    return impl_->measured.active;
}

bool App::wants_continuous_frames() const {
    // The "Copied" confirmation times out without input, and a tour step or a linked quote scrolls into view over a
    // few frames (bounded: AppState::record_rect, draw_quotes_panel); nothing else moves without input.
    const AppState& state = impl_->state;
    if (state.tour_scroll_pending || state.scroll_to_selected_quote) return true;
    return !state.copied_what.empty() && ImGui::GetCurrentContext() && ImGui::GetTime() < state.copied_until;
}

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] Test hooks
//-----------------------------------------------------------------------------------------------------------------

std::string App::control_rect_json(const std::string& control_id) const {
    const AppState& state = impl_->state;
    auto found = state.control_rects.find(control_id);
    if (found == state.control_rects.end()) return "{}";
    const ImVec4& r = found->second;
    char json[160];
    std::snprintf(json, sizeof json, "{\"x\":%.9g,\"y\":%.9g,\"w\":%.9g,\"h\":%.9g}", r.x, r.y, r.z, r.w);
    return json;
}

std::string App::control_ids_json() const {
    // Ids are ours (scenario keys, quote ids from content, fixed names): plain characters, no JSON escaping needed.
    std::string ids = "[";
    for (const auto& entry : impl_->state.control_rects)
        ids += (ids.size() > 1 ? ",\"" : "\"") + entry.first + "\"";
    return ids + "]";
}

} // namespace chips::ui
