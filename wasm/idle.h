// wasm/idle.h — decides whether a frame is worth drawing. Why: an ImGui app normally redraws 60 times a second
// forever; on a public page (and on a laptop battery in a classroom) that is wasted CPU. We draw while input
// arrives and for a short settle time after it (hover highlights, delayed tooltips, the frame after a click that
// shows its result), then stop the loop entirely until the page wakes us (wasm/browser.cpp).
#pragma once

namespace chips::wasm {

struct IdleGate {
    double settle_seconds = 0.5;    // seconds to keep drawing after the last input (covers ImGui's tooltip delays)
    int min_frames_after_input = 3; // ImGui needs a few frames to settle hover/active state after an event

    double last_input_seconds = 0.0; // time of the last input, seconds on the page clock (0 = draw at start-up)
    int frames_since_input = 0;      // frames drawn since that input

    void on_input(double now_seconds) {
        last_input_seconds = now_seconds;
        frames_since_input = 0;
    }
    void on_frame_drawn() { ++frames_since_input; }
    bool should_draw(double now_seconds, bool app_animating) const {
        return app_animating || frames_since_input < min_frames_after_input ||
               now_seconds - last_input_seconds < settle_seconds;
    }
};

} // namespace chips::wasm
