// wasm/page_scroll.h — the page's scroll and the app's, kept as one (why and how: wasm/page_scroll.cpp).
#pragma once

namespace chips::wasm {
void report_page_scroll(); // after each drawn frame: tell the page the app's height and any scroll of its own
} // namespace chips::wasm
