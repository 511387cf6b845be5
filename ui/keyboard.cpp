// ui/keyboard.cpp — see keyboard.h. Uses Dear ImGui's internal navigation state (imgui_internal.h) because the
// public API has no "Tab would wrap" signal; the fields read here are the ones NavProcessItemForTabbingRequest and
// NavMoveRequestApplyResult use for exactly that decision (imgui.cpp, 1.92).
//
// Index
// - [SECTION] Entering and leaving the app
// - [SECTION] Sliders
// - [SECTION] Keys help
#include "ui/keyboard.h"

#include "ui/app_state.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>

namespace chips::ui {

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] Entering and leaving the app
//-----------------------------------------------------------------------------------------------------------------

namespace {

// A tabbing request like the one a Tab key press makes (imgui.cpp NavUpdateCreateTabbingRequest), from no focused
// control: direction 0 lands on the first control, -1 on the last.
void start_tabbing_from_outside(int direction) {
    ImGuiContext& g = *GImGui;
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    ImGui::FocusWindow(window);
    ImGui::SetNavID(0, ImGuiNavLayer_Main, ImGui::GetCurrentFocusScope(), ImRect());
    g.NavTabbingDir = direction;
    ImGui::NavMoveRequestSubmit(ImGuiDir_None, direction < 0 ? ImGuiDir_Up : ImGuiDir_Down,
                                ImGuiNavMoveFlags_IsTabbing | ImGuiNavMoveFlags_Activate,
                                ImGuiScrollFlags_KeepVisibleEdgeX | ImGuiScrollFlags_KeepVisibleEdgeY);
    g.NavTabbingCounter = -1;
    g.NavInputSource = ImGuiInputSource_Keyboard;
}

bool question_mark_typed() {
    const ImGuiIO& io = ImGui::GetIO();
    for (int i = 0; i < io.InputQueueCharacters.Size; ++i)
        if (io.InputQueueCharacters[i] == '?') return true;
    return false;
}

} // namespace

void keyboard_begin_frame(AppState& state) {
    ImGuiContext& g = *GImGui;
    state.main_window = ImGui::GetCurrentWindow();
    if (state.keyboard_entry != 0) {
        start_tabbing_from_outside(state.keyboard_entry > 0 ? 0 : -1);
        state.keyboard_entry = 0;
    }
    // Tab only moves the focus. ImGui would also turn a tabbed-to slider or number field into a text field, which
    // then takes the arrow keys and the next Tab: Enter (or Space) does that on purpose instead.
    if (g.NavActivateId != 0 && (g.NavActivateFlags & ImGuiActivateFlags_FromTabbing)) {
        g.NavActivateId = g.NavActivateDownId = g.NavActivatePressedId = 0;
        g.NavActivateFlags = ImGuiActivateFlags_None;
    }
    state.keyboard_nav = g.NavCursorVisible && g.NavId != 0 && g.NavInputSource == ImGuiInputSource_Keyboard;
    const ImGuiIO& io = ImGui::GetIO();
    if (!io.WantTextInput && question_mark_typed()) state.keys_help_requested = true;
}

void keyboard_end_frame(AppState& state) {
    ImGuiContext& g = *GImGui;
    // A Tab from the last control (or Shift+Tab from the first) of the app itself — not of a popup, which keeps its
    // own cycle — leaves the app: ImGui would wrap around.
    if (g.NavMoveScoringItems && (g.NavMoveFlags & ImGuiNavMoveFlags_IsTabbing) &&
        !(g.NavMoveFlags & ImGuiNavMoveFlags_FocusApi) && g.NavWindow && state.main_window &&
        g.NavWindow->RootWindowForNav == state.main_window) {
        int leave = 0;
        if (g.NavTabbingDir == +1 && g.NavTabbingCounter == 1 && g.NavMoveResultLocal.ID == 0) leave = +1;
        if (g.NavTabbingDir == -1 && g.NavId != 0 && g.NavIdIsAlive) leave = -1; // the focused one was the first
        if (leave != 0) {
            ImGui::NavMoveRequestCancel();
            ImGui::FocusWindow(nullptr); // no focused control: the next entry starts from an end
            g.NavCursorVisible = false;
            state.keyboard_nav = false;
            if (state.hooks.leave_focus) state.hooks.leave_focus(leave);
        }
    }
    // The focus ring: ImGui draws 2 px; on a projector or a 3× phone that is hard to find. A ring 0.15 em thick in
    // the accent colour, around the focused control, on top of everything.
    if (g.NavCursorVisible && g.NavId != 0 && g.NavWindow && g.NavIdIsAlive) {
        ImGuiWindow* window = g.NavWindow;
        ImRect rect = ImGui::WindowRectRelToAbs(window, window->NavRectRel[g.NavLayer]);
        const float em = ImGui::GetFontSize();
        rect.Expand(0.2f * em);
        ImDrawList* draw = ImGui::GetForegroundDrawList();
        // Only where the control's window shows it (a half-scrolled control is ringed where visible).
        draw->PushClipRect(window->OuterRectClipped.Min, window->OuterRectClipped.Max, true);
        draw->AddRect(rect.Min, rect.Max, palette(state.session.theme()).tour_outline, 0.3f * em, 0,
                      std::max(3.0f, 0.15f * em));
        draw->PopClipRect();
    }
}

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] Sliders
//-----------------------------------------------------------------------------------------------------------------

bool slider_keys(double& value, double lo, double hi, bool log, bool whole) {
    if (!ImGui::IsItemFocused() || ImGui::IsItemActive() || !(hi > lo)) return false;
    ImGuiContext& g = *GImGui;
    if (!g.NavCursorVisible) return false;
    const ImGuiID id = ImGui::GetItemID();
    // While the slider has the focus these keys are its own: ImGui's navigation would move the focus with them.
    static const ImGuiKey kKeys[] = {ImGuiKey_LeftArrow, ImGuiKey_RightArrow, ImGuiKey_UpArrow, ImGuiKey_DownArrow,
                                     ImGuiKey_Home,      ImGuiKey_End,        ImGuiKey_PageUp,  ImGuiKey_PageDown};
    for (ImGuiKey key : kKeys)
        ImGui::SetKeyOwner(key, id);
    auto pressed = [id](ImGuiKey key) { return ImGui::IsKeyPressed(key, ImGuiInputFlags_Repeat, id); };
    const bool shift = ImGui::GetIO().KeyShift;
    double next = value;
    if (pressed(ImGuiKey_Home)) {
        next = lo;
    } else if (pressed(ImGuiKey_End)) {
        next = hi;
    } else {
        int steps = 0;
        if (pressed(ImGuiKey_RightArrow) || pressed(ImGuiKey_UpArrow)) steps = shift ? 10 : 1;
        if (pressed(ImGuiKey_LeftArrow) || pressed(ImGuiKey_DownArrow)) steps = shift ? -10 : -1;
        if (pressed(ImGuiKey_PageUp)) steps = 10;
        if (pressed(ImGuiKey_PageDown)) steps = -10;
        if (steps == 0) return false;
        const double current = std::clamp(value, lo, hi);
        if (log && lo > 0) {
            next = current * std::pow(hi / lo, steps / 100.0);
        } else {
            next = current + (hi - lo) * steps / 100.0;
        }
        if (whole) {
            next = std::round(next);
            if (next == std::round(current)) next = std::round(current) + (steps > 0 ? 1 : -1);
        }
    }
    next = std::clamp(next, lo, hi);
    if (next == value) return false;
    value = next;
    return true;
}

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] Keys help
//-----------------------------------------------------------------------------------------------------------------

void draw_keys_button(AppState& state) {
    if (small_button(state, state.tr("action.keys"))) state.keys_help_requested = true;
    state.record_rect("keys");
}

void draw_keys_help(AppState& state) {
    if (state.keys_help_requested) {
        state.keys_help_requested = false;
        if (ImGui::IsPopupOpen("##keys_help"))
            state.keys_help_close = true;
        else
            ImGui::OpenPopup("##keys_help");
    }
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float em = ImGui::GetFontSize();
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSizeConstraints(
        ImVec2(std::min(20.0f * em, viewport->WorkSize.x - em), 0),
        ImVec2(std::min(32.0f * em, viewport->WorkSize.x - em), viewport->WorkSize.y - em));
    if (!ImGui::BeginPopup("##keys_help", ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) {
        state.keys_help_close = false;
        return;
    }
    // Esc closes it even during the tour (the tour switches ImGui's keyboard navigation off, and with it ImGui's own
    // Esc for popups); "?" again closes it too.
    if (state.keys_help_close || ImGui::IsKeyPressed(ImGuiKey_Escape, false)) {
        state.keys_help_close = false;
        ImGui::CloseCurrentPopup();
    }
    ImGui::PushFont(nullptr, ImGui::GetStyle().FontSizeBase * 1.2f);
    ImGui::TextUnformatted(state.tr("keys.title"));
    ImGui::PopFont();
    state.record_rect("keys.help");
    const float width = std::min(30.0f * em, viewport->WorkSize.x - 3.0f * em);
    for (const char* key : {"keys.tab", "keys.arrows", "keys.home_end", "keys.activate", "keys.escape", "keys.help",
                            "keys.tour", "keys.live"})
        wrapped_text(state.tr(key), 0, width);
    ImGui::Spacing();
    if (ImGui::Button(state.tr("action.close"))) ImGui::CloseCurrentPopup();
    state.record_rect("keys.close");
    ImGui::EndPopup();
}

} // namespace chips::ui
