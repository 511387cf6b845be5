// wasm/wheel.cpp — the wheel decision for embedded use (see wasm/wheel.h).
//
// Why it reads imgui_internal.h: the public API says whether ImGui wants the mouse at all (io.WantCaptureMouse is
// true over every pixel of our full-viewport window), not whether the window under the pointer can still scroll.
// We mirror ImGui's own choice (FindBestWheelingWindow in imgui.cpp): start at the hovered window and bubble up
// through child windows that cannot scroll on that axis or refuse wheel scrolling.
#include "wasm/wheel.h"

#include <imgui.h>
#include <imgui_internal.h>

namespace {
// ImGui's own pick: the first window from the hovered one up that has scrolling on this axis and accepts the wheel.
const ImGuiWindow* wheel_target(const ImGuiWindow* window, int axis) {
    for (; window; window = window->ParentWindow) {
        const bool has_scrolling = window->ScrollMax[axis] != 0.0f;
        const bool inputs_disabled =
            (window->Flags & ImGuiWindowFlags_NoScrollWithMouse) && !(window->Flags & ImGuiWindowFlags_NoMouseInputs);
        if (has_scrolling && !inputs_disabled) return window;
        if (!(window->Flags & ImGuiWindowFlags_ChildWindow)) return nullptr; // top-level windows end the bubbling
    }
    return nullptr;
}
} // namespace

bool chips::wasm::app_wants_wheel(double dx, double dy) {
    ImGuiContext* context = ImGui::GetCurrentContext();
    if (!context) return false;
    ImGuiContext& g = *context;
    // An item that took the wheel for itself (a slider adjusted by wheel, a zoomable chart) keeps it.
    if (!ImGui::TestKeyOwner(ImGuiKey_MouseWheelY, ImGuiKeyOwner_NoOwner) ||
        !ImGui::TestKeyOwner(ImGuiKey_MouseWheelX, ImGuiKeyOwner_NoOwner))
        return true;
    // Ctrl+wheel is the browser's zoom: never take it.
    if (g.IO.KeyCtrl) return false;
    ImGuiWindow* hovered = g.WheelingWindow ? g.WheelingWindow : g.HoveredWindow;
    if (!hovered) return false;
    const int axis = (dy != 0.0) ? ImGuiAxis_Y : ImGuiAxis_X;
    const double delta = (axis == ImGuiAxis_Y) ? dy : dx;
    if (delta == 0.0) return false;
    const ImGuiWindow* target = wheel_target(hovered, axis);
    if (!target || (target->Flags & ImGuiWindowFlags_NoScrollWithMouse)) return false;
    // At the end it is scrolling towards, the page takes over (like nested scroll areas in HTML). One pixel of slack:
    // ImGui's scroll positions are floats and may stop a fraction short of the limit.
    return delta > 0 ? target->Scroll[axis] < target->ScrollMax[axis] - 1.0f : target->Scroll[axis] > 1.0f;
}
