// wasm/touch.h — touch input on the canvas in place of SDL's (why: wasm/touch.cpp).
#pragma once

namespace chips::wasm {
void install_touch();       // after SDL_CreateWindow (which registered SDL's touch handlers) and the App exist
bool touch_input_pending(); // ImGui still has queued input to process: keep drawing frames
} // namespace chips::wasm
