// wasm/touch.cpp — touch on the canvas: the browser keeps vertical swipes (native scrolling, momentum, pinch-zoom);
// the app gets taps and horizontal drags.
//
// Why this replaces SDL's touch handling: SDL2 2.26's emscripten backend (SDL_emscriptenevents.c,
// Emscripten_HandleTouch) calls preventDefault on every touchstart (which stops the browser from scrolling or zooming
// whatever the canvas' touch-action says) and turns each finger into a mouse button held from the first contact. So
// a swipe that started on a slider dragged the slider (chips went from 90,659 to 50) and the page never scrolled.
// Here the press is deferred until the gesture is known:
// - the finger moves mostly vertically first: a pan. The browser scrolls the page (CSS touch-action: pan-y
//   pinch-zoom on the canvas, site/style.css), and the app hears nothing of it — no press, so no value changes;
// - it moves mostly horizontally first: a drag. The app gets the press where the finger went down, then the moves
//   (touch-action leaves horizontal moves to us, so the browser does not take them);
// - it lifts before moving past the slop: a tap, pressed and released at that point (a click);
// - a second finger: a pinch, the browser's; a press already given is released.
// Where the page does not scroll the app (side-by-side layouts, the embed: App::page_scroll().active is false) the
// canvas keeps every pan (touch-action: pinch-zoom) and a touch presses at once, as with SDL, so dragging empty
// space scrolls the panels (ui/app.cpp drag_to_scroll).
// After a touch is lifted the pointer leaves the app, so hover highlights and tooltips do not stay behind. touchend
// of a tap or drag is cancelled, so the browser does not also send its compatibility mouse events (a second click).
#include "wasm/touch.h"

#include "ui/app.h"
#include "wasm/bridge.h"

#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_internal.h> // GImGui->InputEventsQueue (touch_input_pending)

#include <cfloat>
#include <cmath>

namespace {

// How far (CSS px) a finger moves before the gesture is decided; below it a lift is a tap. Chromium's own touch slop
// is about 15 px, so the app decides no later than the browser starts a scroll.
constexpr float kSlopPx = 10.0f;

enum class Gesture { none, undecided, pan, drag };

struct TouchState {
    Gesture gesture = Gesture::none;
    long finger = -1;                                   // identifier of the finger we follow
    float start_x = 0.0f, start_y = 0.0f;               // canvas CSS px: where ImGui is pressed
    float start_client_x = 0.0f, start_client_y = 0.0f; // window CSS px: the gesture is decided on these, since
                                                        // the canvas itself moves while the page scrolls
    float last_x = 0.0f, last_y = 0.0f;
    bool pressed = false; // ImGui has the left button down for this finger
};
TouchState g_touch;

void feed_position(float x, float y) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
    io.AddMousePosEvent(x, y);
}
void feed_button(bool down) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
    io.AddMouseButtonEvent(ImGuiMouseButton_Left, down);
    g_touch.pressed = down;
}
// The finger is gone: so is the pointer (no hover or tooltip left where it was).
void feed_leave() {
    ImGui::GetIO().AddMousePosEvent(-FLT_MAX, -FLT_MAX);
}

void press_at_start() {
    feed_position(g_touch.start_x, g_touch.start_y);
    feed_button(true);
}

const EmscriptenTouchPoint* followed_point(const EmscriptenTouchEvent* event, bool changed_only) {
    for (int i = 0; i < event->numTouches; ++i) {
        const EmscriptenTouchPoint& point = event->touches[i];
        if (point.identifier == g_touch.finger && (!changed_only || point.isChanged)) return &point;
    }
    return nullptr;
}

EM_BOOL on_touch_start(int, const EmscriptenTouchEvent* event, void*) {
    chips::wasm::request_frames();
    if (event->numTouches > 1) {
        // A second finger: a pinch (or a two-finger pan), the browser's. Let go of what the app holds.
        if (g_touch.pressed) {
            feed_button(false);
            feed_leave();
        }
        g_touch.gesture = Gesture::pan;
        return EM_FALSE;
    }
    const EmscriptenTouchPoint& point = event->touches[0];
    if (g_touch.pressed) feed_button(false); // a lost touchend: start clean
    g_touch = TouchState{};
    g_touch.finger = point.identifier;
    g_touch.start_x = g_touch.last_x = static_cast<float>(point.targetX);
    g_touch.start_y = g_touch.last_y = static_cast<float>(point.targetY);
    g_touch.start_client_x = static_cast<float>(point.clientX);
    g_touch.start_client_y = static_cast<float>(point.clientY);
    if (ImGui::GetCurrentContext() && chips::wasm::app().page_scroll_active()) {
        g_touch.gesture = Gesture::undecided;
    } else {
        g_touch.gesture = Gesture::drag; // the app scrolls itself here: every touch is a press at once
        press_at_start();
    }
    return EM_FALSE; // never cancelled: the browser may scroll or zoom
}

EM_BOOL on_touch_move(int, const EmscriptenTouchEvent* event, void*) {
    const EmscriptenTouchPoint* point = followed_point(event, true);
    if (!point) return EM_FALSE;
    chips::wasm::request_frames();
    g_touch.last_x = static_cast<float>(point->targetX);
    g_touch.last_y = static_cast<float>(point->targetY);
    if (g_touch.gesture == Gesture::undecided) {
        const float dx = std::fabs(static_cast<float>(point->clientX) - g_touch.start_client_x);
        const float dy = std::fabs(static_cast<float>(point->clientY) - g_touch.start_client_y);
        if (std::fmax(dx, dy) < kSlopPx) return EM_FALSE;
        if (dy >= dx) {
            g_touch.gesture = Gesture::pan; // the browser scrolls; the app was never pressed
            return EM_FALSE;
        }
        g_touch.gesture = Gesture::drag;
        press_at_start();
    }
    if (g_touch.gesture != Gesture::drag) return EM_FALSE;
    feed_position(g_touch.last_x, g_touch.last_y);
    // A drag is the app's: cancel its moves. Otherwise Chromium starts a (horizontal, so empty) scroll after the first
    // move, the rest of the touch can no longer be cancelled, and the browser would still send mouse events after it.
    // The first move past our slop comes no later than the browser's own slop, so it is still cancelable.
    return EM_TRUE;
}

EM_BOOL on_touch_end(int type, const EmscriptenTouchEvent* event, void*) {
    const EmscriptenTouchPoint* point = followed_point(event, true);
    if (!point) {
        if (event->numTouches <= 1 && g_touch.gesture == Gesture::pan && !followed_point(event, false))
            g_touch.gesture = Gesture::none; // the last finger of a pinch went up
        return EM_FALSE;
    }
    chips::wasm::request_frames();
    // A finger that travelled past the slop without a move event reaching us (the browser may hold touchmove back
    // while it scrolls) was a pan, not a tap.
    const float travel = std::fmax(std::fabs(static_cast<float>(point->clientX) - g_touch.start_client_x),
                                   std::fabs(static_cast<float>(point->clientY) - g_touch.start_client_y));
    if (g_touch.gesture == Gesture::undecided && travel >= kSlopPx) g_touch.gesture = Gesture::pan;
    const Gesture gesture = g_touch.gesture;
    const bool cancelled = type == EMSCRIPTEN_EVENT_TOUCHCANCEL;
    if (gesture == Gesture::undecided && !cancelled) {
        press_at_start(); // a tap: pressed and released where the finger went down (ImGui spreads them over frames)
    } else if (gesture == Gesture::drag) {
        feed_position(static_cast<float>(point->targetX), static_cast<float>(point->targetY));
    }
    if (g_touch.pressed) feed_button(false);
    if (gesture != Gesture::pan) feed_leave();
    g_touch = TouchState{};
    // A tap or drag is the app's: cancel the touchend so the browser sends no compatibility mouse events after it
    // (SDL would read them as a second click). A pan's touchend is left alone (it cannot be cancelled anyway).
    return (gesture == Gesture::undecided || gesture == Gesture::drag) && !cancelled ? EM_TRUE : EM_FALSE;
}

} // namespace

// A tap or drag reaches ImGui as several queued events (position, press, release, leave) that ImGui spreads over
// consecutive frames; the frame loop must not pause while some are still waiting, or a tap's click lands in the last
// frame before the pause and its result is never drawn.
bool chips::wasm::touch_input_pending() {
    return ImGui::GetCurrentContext() && !GImGui->InputEventsQueue.empty();
}

void chips::wasm::install_touch() {
    // SDL registered its handlers on "#canvas" in SDL_CreateWindow; a null callback removes them
    // (emscripten's registerOrRemoveHandler), and ours take their place on the same element.
    const char* canvas = "#canvas";
    emscripten_set_touchstart_callback(canvas, nullptr, EM_FALSE, nullptr);
    emscripten_set_touchmove_callback(canvas, nullptr, EM_FALSE, nullptr);
    emscripten_set_touchend_callback(canvas, nullptr, EM_FALSE, nullptr);
    emscripten_set_touchcancel_callback(canvas, nullptr, EM_FALSE, nullptr);
    emscripten_set_touchstart_callback(canvas, nullptr, EM_FALSE, on_touch_start);
    emscripten_set_touchmove_callback(canvas, nullptr, EM_FALSE, on_touch_move);
    emscripten_set_touchend_callback(canvas, nullptr, EM_FALSE, on_touch_end);
    emscripten_set_touchcancel_callback(canvas, nullptr, EM_FALSE, on_touch_end);
}
