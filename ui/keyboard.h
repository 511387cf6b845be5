// ui/keyboard.h — the app for keyboard-only readers: Tab order through every control that leaves the app at either
// end (no keyboard trap, WCAG 2.1.2), a focus ring thick enough to see, arrow keys on a focused slider, and the
// "Keys" help opened with "?".
//
// How Tab works: every panel's child window is nav-flattened (ui/app.cpp, ui/panel_quotes.cpp), so Dear ImGui's own
// tabbing goes through all controls of the app in submission order — reading order: header, quotes, scenario,
// results, charts, method. keyboard_end_frame() sees when a Tab would wrap around (forward past the last control or
// backward before the first), cancels it and asks the page to move the browser's focus on (PlatformHooks::
// leave_focus → site/app.js). Coming back, the page says from which side (App::keyboard_enter) and the first or last
// control takes the focus.
#pragma once

namespace chips::ui {

struct AppState;

// After the main window's Begin, before any control: a pending entry from the page, "?" for the help, and no text
// editing started by Tab alone (a focused slider takes arrows; Enter edits it).
void keyboard_begin_frame(AppState& state);
// After every window of the frame: a Tab that would wrap leaves the app instead; the focus ring.
void keyboard_end_frame(AppState& state);
// Right after a slider: when it has the keyboard focus, ← ↓ / → ↑ step it (Shift or Page Up/Down: ten times
// larger), Home / End go to its ends. Steps are 1 % of the slider's travel (in log space for a log slider); whole
// keys move by at least 1. Returns true and the new value in `value` when a key changed it.
bool slider_keys(double& value, double lo, double hi, bool log, bool whole);
// The "Keys" button (opens the help) and the help popup itself (drawn every frame; open while the reader wants it).
void draw_keys_button(AppState& state);
void draw_keys_help(AppState& state);

} // namespace chips::ui
