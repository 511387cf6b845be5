// wasm/bridge.h — what the browser-facing files share with main.cpp.
#pragma once

namespace chips {
class Session;
}
namespace chips::ui {
class App;
}

namespace chips::wasm {
long frames_drawn();          // frames rendered since start
long key_events();            // SDL key events the app received (focus checks in tests)
chips::Session& session();    // the reader's state (the exports change it only through session/ functions)
chips::ui::App& app();        // the panels that draw it
void request_frames();        // state changed from outside (page, bridge): draw until settled again
bool load_traditional_font(); // the page has the TC face now: swap it in for the stand-in (true when in place)
// The aria-live region (wasm/keyboard.cpp): after each drawn frame, and with `flush` when the loop pauses, the
// summary goes to the page once it has settled (session/live_announcer.h). `held` = a control is held.
void announce_when_settled(double now_seconds, bool held, bool flush);
void leave_focus(int direction); // Tab went past either end of the app: the page moves the focus on
} // namespace chips::wasm
