// wasm/browser.cpp — browser quirks and calls into the page, isolated here so ui/ and model/ stay platform-free.
//
// Why each piece exists:
// - Clipboard: SDL2 2.26's emscripten backend keeps the clipboard inside the wasm; readers expect "Copy" to reach
//   the system clipboard, so ImGui's clipboard hook goes to navigator.clipboard (with a textarea fallback for
//   file:// pages, where the async clipboard API may be refused). Paste stays inside the app (reading the system
//   clipboard needs a permission prompt, which an explainer should not show).
// - Idle: emscripten's main loop runs on requestAnimationFrame forever. We pause it when nothing changes and let the
//   page resume it on any input event (site/app.js calls _chips_wake), so an idle page costs 0 frames.
// - Bracketed property names (page['copyText']): the JS glue may go through Closure Compiler, which renames dotted
//   properties of objects it does not know; the page object is defined in site/app.js, outside its view.
#include "wasm/browser.h"
#include "ui/app.h"
#include "wasm/bridge.h"

#include <emscripten.h>
#include <imgui.h>

#include <cstdlib>
#include <string>

namespace {
bool g_loop_paused = false;
std::string g_clipboard; // ImGui reads back what it last copied (paste from the system needs a user gesture)

// clang-format off
// Calls page[name](...args) when the page defines it; a missing page hook is not an error (tests, old shells).
EM_JS(void, js_page_call, (const char* name, const char* a, const char* b, const char* c), {
    const page = window['chipsAndClaimsPage'];
    const fn = page && page[UTF8ToString(name)];
    if (typeof fn !== 'function') return;
    try { fn.call(page, a ? UTF8ToString(a) : "", b ? UTF8ToString(b) : "", c ? UTF8ToString(c) : ""); }
    catch (error) { console.warn('chipsAndClaimsPage.' + UTF8ToString(name) + ': ' + error); }
});
// Returns page[name]() as a malloc'd UTF-8 string (the caller frees it), or null.
EM_JS(char*, js_page_string, (const char* name), {
    const page = window['chipsAndClaimsPage'];
    const fn = page && page[UTF8ToString(name)];
    if (typeof fn !== 'function') return 0;
    const text = String(fn.call(page) || "");
    const size = lengthBytesUTF8(text) + 1;
    const pointer = _malloc(size);
    stringToUTF8(text, pointer, size);
    return pointer;
});
// Copies page.takeAsset(name) (a Uint8Array, then dropped on the page side) into malloc'd memory.
EM_JS(void*, js_page_take_asset, (const char* name, int* size_out), {
    const page = window['chipsAndClaimsPage'];
    const bytes = page && page['takeAsset'] ? page['takeAsset'](UTF8ToString(name)) : null;
    if (!bytes || !bytes.length) { HEAP32[size_out >> 2] = 0; return 0; }
    const pointer = _malloc(bytes.length);
    HEAPU8.set(bytes, pointer);
    HEAP32[size_out >> 2] = bytes.length;
    return pointer;
});
// Saves a file through page.downloadFile(name, mime, bytes): the bytes go over as they are. Not through
// js_page_call: UTF8ToString decodes with TextDecoder, which drops a leading byte-order mark, and the CSV files
// need theirs (model/output/export.h: Excel reads a .csv without it in the system code page).
EM_JS(void, js_page_download, (const char* name, const char* mime, const char* data, int size), {
    const page = window['chipsAndClaimsPage'];
    const fn = page && page['downloadFile'];
    if (typeof fn !== 'function') return;
    try { fn.call(page, UTF8ToString(name), UTF8ToString(mime), HEAPU8.slice(data, data + size)); }
    catch (error) { console.warn('chipsAndClaimsPage.downloadFile: ' + error); }
});
// clang-format on

void page_call(const char* name, const std::string& a = {}, const std::string& b = {}, const std::string& c = {}) {
    js_page_call(name, a.c_str(), b.c_str(), c.c_str());
}

std::string page_string(const char* name) {
    char* text = js_page_string(name);
    if (!text) return {};
    std::string result(text);
    std::free(text);
    return result;
}

void set_clipboard(ImGuiContext*, const char* text) {
    g_clipboard = text ? text : "";
    page_call("copyText", g_clipboard);
}
const char* get_clipboard(ImGuiContext*) {
    return g_clipboard.c_str();
}
bool open_in_shell(ImGuiContext*, const char* url) {
    page_call("openUrl", url ? url : "");
    return true;
}
} // namespace

namespace chips::wasm {

void install_browser_hooks() {
    ImGuiPlatformIO& platform_io = ImGui::GetPlatformIO();
    platform_io.Platform_SetClipboardTextFn = set_clipboard;
    platform_io.Platform_GetClipboardTextFn = get_clipboard;
    platform_io.Platform_OpenInShellFn = open_in_shell; // ImGui::TextLinkOpenURL goes through the page too
}

chips::ui::PlatformHooks platform_hooks() {
    chips::ui::PlatformHooks hooks;
    hooks.copy_text = [](const std::string& text) {
        g_clipboard = text; // so a paste inside the app gives the same text
        page_call("copyText", text);
    };
    hooks.open_url = [](const std::string& url) { page_call("openUrl", url); };
    hooks.page_url = [] { return page_string("pageUrl"); };
    hooks.toggle_fullscreen = [] { page_call("toggleFullscreen"); };
    hooks.download_file = [](const std::string& file_name, const std::string& mime_type, const std::string& content) {
        js_page_download(file_name.c_str(), mime_type.c_str(), content.data(), static_cast<int>(content.size()));
    };
    hooks.today_iso = [] { return page_string("todayIso"); };                       // the reader's local date, not UTC
    hooks.leave_focus = [](int direction) { chips::wasm::leave_focus(direction); }; // wasm/keyboard.cpp
    return hooks;
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

void notify_first_frame() {
    page_call("onFirstFrame");
}
void report_fatal(const char* what, const char* detail) {
    page_call("onFatal", std::string(what) + ": " + (detail ? detail : ""));
}

std::string page_startup_settings() {
    return page_string("startupSettings");
}
std::string page_startup_query() {
    return page_string("startupQuery");
}
std::string page_environment() {
    return page_string("environment");
}
std::string page_fixed_view() {
    return page_string("fixedView");
}
std::string page_glyph_path() {
    return page_string("glyphPath");
}
void* page_take_asset(const char* name, int& size_out) {
    size_out = 0;
    return js_page_take_asset(name, &size_out);
}

void page_sync(const std::string& message_json) {
    page_call("onPageSync", message_json);
}
void page_notices(const std::string& reply_json) {
    page_call("onNotices", reply_json);
}
void page_need_traditional_font() {
    page_call("needTraditionalFont");
}

// clang-format off
EM_JS(void, js_performance_mark, (const char* name), {
    if (typeof performance !== 'undefined' && performance.mark) performance.mark(UTF8ToString(name));
});
// clang-format on
void mark_startup(const char* name) {
    js_performance_mark(name);
}

} // namespace chips::wasm

// The page calls this on every input event it sees (pointer, wheel, key, touch, resize, focus).
extern "C" EMSCRIPTEN_KEEPALIVE void chips_wake() {
    chips::wasm::request_frames();
}
