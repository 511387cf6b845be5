// wasm/browser.h — every browser quirk the app needs, in one place (implemented in wasm/browser.cpp).
#pragma once

namespace chips::wasm {
void install_browser_hooks();       // clipboard through navigator.clipboard; wake-on-input listeners
void pause_frame_loop();            // stop requestAnimationFrame callbacks until resume_frame_loop()
void resume_frame_loop();           // restart them (no-op when running)
void notify_first_frame();          // resolves window.chipsAndClaims.ready
void report_fatal(const char* what, const char* detail); // shows the page's error message instead of the canvas
} // namespace chips::wasm
