// wasm/keyboard.cpp — the browser half of keyboard access (ui/keyboard.h is the app's half) and of the aria-live
// region:
// - Entering: site/app.js sees the canvas take the focus by Tab or Shift+Tab and calls chips_keyboard_enter(±1), so
//   the first or the last control takes the focus ring.
// - Leaving: a Tab past either end calls page.leaveFocus(±1), which focuses the page's next / previous focusable
//   element. SDL calls preventDefault on every Tab (the browser would otherwise move the focus while the app also
//   does), so the page moves it itself. The key-up events of that Tab and Shift then go to another element: SDL's
//   keyboard state is reset here, or Shift would still be held when the reader comes back and Tab would go backwards.
// - The live region: the session's summary, sent once it settles (session/live_announcer.h), to page.announce.
#include "session/live_announcer.h"
#include "session/session.h"
#include "session/summary.h"
#include "ui/app.h"
#include "wasm/bridge.h"

#include <emscripten.h>
#include <imgui.h>

#include <cstdint>
#include <string>

// SDL's own function (SDL_keyboard.c, in the static library): releases every key it thinks is down, with key-up
// events. Not in SDL's public headers; declared here for the one place that needs it.
extern "C" void SDL_ResetKeyboard(void);

namespace {
chips::LiveAnnouncer g_announcer;

// clang-format off
EM_JS(void, js_page_leave_focus, (int direction), {
    const page = window['chipsAndClaimsPage'];
    if (page && typeof page['leaveFocus'] === 'function') page['leaveFocus'](direction);
});
EM_JS(void, js_page_announce, (const char* text), {
    const page = window['chipsAndClaimsPage'];
    if (page && typeof page['announce'] === 'function') page['announce'](UTF8ToString(text));
});
// clang-format on
} // namespace

void chips::wasm::leave_focus(int direction) {
    SDL_ResetKeyboard();
    ImGui::GetIO().ClearInputKeys(); // ImGui's copy of the same keys (Shift, Tab)
    js_page_leave_focus(direction < 0 ? -1 : 1);
}

void chips::wasm::announce_when_settled(double now_seconds, bool held, bool flush) {
    // The summary re-checks the selected claim: built once per change of the session, not per frame of a drag.
    static std::uint64_t summary_revision = ~0ull;
    static std::string summary;
    if (session().revision() != summary_revision) {
        summary_revision = session().revision();
        summary = chips::live_announcement(session());
    }
    const std::string text = g_announcer.update(summary, now_seconds, held, flush);
    if (!text.empty()) js_page_announce(text.c_str());
}

extern "C" {
EMSCRIPTEN_KEEPALIVE void chips_keyboard_enter(int direction) {
    chips::wasm::app().keyboard_enter(direction);
    chips::wasm::request_frames();
}
// 1 when the page must preventDefault this key (Space: is_space = 1; Page Up/Down, Home, End: 0) so the browser
// does not also scroll the page: SDL lets these through when text input is on (site/app.js installKeyboardFocus).
EMSCRIPTEN_KEEPALIVE int chips_keyboard_owns_key(int is_space) {
    return chips::wasm::app().keyboard_owns_key(is_space != 0) ? 1 : 0;
}
// Test hook: the control id with the keyboard focus ("" when none), as App::control_rect_json names them.
EMSCRIPTEN_KEEPALIVE const char* chips_focused_control() {
    static std::string reply;
    reply = chips::wasm::app().focused_control();
    return reply.c_str();
}
}
