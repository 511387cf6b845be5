// wasm/page_scroll.cpp — one scroll for the page and the app on phones (docs/site.md "Scrolling on phones").
//
// Why: a canvas that fills the window and scrolls inside itself swallowed every swipe on a phone, blocked pinch-zoom
// and hid the text version below it. In the one-column layout the browser scrolls instead: the page makes the app's
// area as tall as the app's content (site/app.js onAppScroll), the canvas stays in the window (position: sticky),
// and the page's scroll offset inside that area is passed in here and becomes the app's scroll (ui/app.h
// App::set_page_scroll). When the app scrolls by itself (a tour step, keyboard navigation, a linked quote) the page
// is told to follow. Both directions are rounded to whole CSS px, so neither side echoes the other.
#include "wasm/page_scroll.h"

#include "ui/app.h"
#include "wasm/bridge.h"

#include <emscripten.h>

#include <cmath>

namespace {
// clang-format off
EM_JS(void, js_on_app_scroll, (int active, int content_height_px, int offset_px, int follow), {
    const page = window['chipsAndClaimsPage'];
    const fn = page && page['onAppScroll'];
    if (typeof fn !== 'function') return;
    try { fn.call(page, !!active, content_height_px, offset_px, !!follow); }
    catch (error) { console.warn('chipsAndClaimsPage.onAppScroll: ' + error); }
});
// clang-format on

struct Sent {
    bool active = false;
    int content_height_px = -1;
    int offset_px = -1;
};
Sent g_sent;
} // namespace

void chips::wasm::report_page_scroll() {
    const chips::ui::App::PageScroll scroll = app().page_scroll();
    const int height = static_cast<int>(std::lround(scroll.content_height_px));
    const int offset = static_cast<int>(std::lround(scroll.offset_px));
    if (!scroll.page_must_follow && scroll.active == g_sent.active && height == g_sent.content_height_px) return;
    g_sent = Sent{scroll.active, height, offset};
    js_on_app_scroll(scroll.active, height, offset, scroll.page_must_follow);
}

// The page's scroll offset inside the app's area (CSS px), and whether this page lets the app scroll with it (not in
// an embed, not in full screen). Applied at the next frame.
extern "C" EMSCRIPTEN_KEEPALIVE void chips_set_page_scroll(int allowed, double offset_px) {
    if (chips::wasm::frames_drawn() == 0) return; // the App exists from main() on; the page calls after the first frame
    if (!std::isfinite(offset_px)) offset_px = 0.0;
    chips::wasm::app().set_page_scroll(allowed != 0, static_cast<float>(offset_px));
    chips::wasm::request_frames();
}
