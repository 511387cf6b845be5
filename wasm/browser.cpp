// wasm/browser.cpp — browser quirks, isolated here so ui/ and model/ stay platform-free.
//
// Why each piece exists:
// - Idle: emscripten's main loop runs on requestAnimationFrame forever. We pause it when nothing changes and let the
//   page resume it on any input event (site/app.js calls _chips_wake), so an idle page costs 0 frames.
// - Clipboard: SDL2 2.26's emscripten backend keeps the clipboard inside the wasm; readers expect "Copy" to reach
//   the system clipboard, so ImGui's clipboard hook goes to navigator.clipboard (with a textarea fallback for
//   file:// pages, where the async clipboard API may be refused).
#include "wasm/browser.h"
#include "wasm/bridge.h"

#include <emscripten.h>
#include <imgui.h>

#include <string>

namespace {
bool g_loop_paused = false;
std::string g_clipboard; // ImGui reads back what it last copied (paste from the system needs a user gesture)

// clang-format off
EM_JS(void, js_copy_to_clipboard, (const char* text), {
    const value = UTF8ToString(text);
    if (window.chipsAndClaimsPage && window.chipsAndClaimsPage.copyText) window.chipsAndClaimsPage.copyText(value);
});
EM_JS(void, js_first_frame, (), {
    if (window.chipsAndClaimsPage && window.chipsAndClaimsPage.onFirstFrame) window.chipsAndClaimsPage.onFirstFrame();
});
EM_JS(void, js_report_fatal, (const char* what, const char* detail), {
    const message = UTF8ToString(what) + ": " + UTF8ToString(detail);
    if (window.chipsAndClaimsPage && window.chipsAndClaimsPage.onFatal) window.chipsAndClaimsPage.onFatal(message);
    else console.error(message);
});
// clang-format on

void set_clipboard(ImGuiContext*, const char* text) {
    g_clipboard = text ? text : "";
    js_copy_to_clipboard(g_clipboard.c_str());
}
const char* get_clipboard(ImGuiContext*) { return g_clipboard.c_str(); }
} // namespace

namespace chips::wasm {

void install_browser_hooks() {
    ImGuiPlatformIO& platform_io = ImGui::GetPlatformIO();
    platform_io.Platform_SetClipboardTextFn = set_clipboard;
    platform_io.Platform_GetClipboardTextFn = get_clipboard;
}

void pause_frame_loop() {
    if (g_loop_paused) return;
    g_loop_paused = true;
    emscripten_pause_main_loop();
}

void resume_frame_loop() {
    if (!g_loop_paused) return;
    g_loop_paused = false;
    emscripten_resume_main_loop();
}

void notify_first_frame() { js_first_frame(); }
void report_fatal(const char* what, const char* detail) { js_report_fatal(what, detail); }

} // namespace chips::wasm

// The page calls this on every input event it sees (pointer, wheel, key, touch, resize, focus).
extern "C" EMSCRIPTEN_KEEPALIVE void chips_wake() { chips::wasm::request_frames(); }
