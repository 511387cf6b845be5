// wasm/bridge.h — what the browser-facing files share with main.cpp.
#pragma once

namespace chips::ui {
class App;
}

namespace chips::wasm {
long frames_drawn();     // frames rendered since start
chips::ui::App& app();   // the one application instance
void request_frames();   // state changed from outside (page, bridge): draw until settled again
} // namespace chips::wasm
