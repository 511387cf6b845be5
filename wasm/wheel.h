// wasm/wheel.h — should a mouse-wheel event over the canvas scroll the app or the page around it?
#pragma once

namespace chips::wasm {
// True when the ImGui window under the pointer (or the ancestor ImGui would scroll) can still move in the wheel's
// direction, or an item has claimed the wheel. False means the page should get the event (site/app.js then keeps it
// away from SDL, which would otherwise call preventDefault and trap the article's scrolling inside the canvas).
// dx, dy: the DOM WheelEvent's deltaX / deltaY (positive = towards the end of the content).
bool app_wants_wheel(double dx, double dy);
} // namespace chips::wasm
