// wasm/browser.h — every call from C++ into the page, in one place (implemented in wasm/browser.cpp).
// The page side of each call lives in site/app.js, on window.chipsAndClaimsPage.
#pragma once
#include <string>

namespace chips::ui {
struct PlatformHooks;
}

namespace chips::wasm {
void install_browser_hooks();              // ImGui's clipboard goes to the system clipboard through the page
chips::ui::PlatformHooks platform_hooks(); // copy, open, page URL, full screen, download
void pause_frame_loop();                   // stop requestAnimationFrame callbacks until resume_frame_loop()
void resume_frame_loop();                  // restart them (no-op when running)
void notify_first_frame();                 // resolves window.chipsAndClaims.ready
void report_fatal(const char* what, const char* detail); // shows the page's error message instead of the canvas

// Start-up inputs the page prepared before main() ran.
std::string page_startup_settings(); // the reader's saved settings JSON ("" when none)
std::string page_startup_query();    // the URL query to restore, without '?' ("" when none)
std::string page_environment();      // {"system_theme":"light"|"dark","reduced_motion":bool} from media queries
std::string page_fixed_view();       // "embed" on embed.html (<html data-view="embed">), else ""
std::string page_glyph_path();       // "browser" (its own CJK fonts draw the glyphs) or "noto" (the subsets)
// Font bytes the page fetched, in memory from malloc (ImGui's atlas owns and frees them); null when not there.
void* page_take_asset(const char* name, int& size_out);

// After a change: one message with everything the page follows (session/page_sync.h: address bar, language, quote,
// tour step, aria-live summary, settings to save), as JSON.
void page_sync(const std::string& message_json);
void page_notices(const std::string& reply_json); // notices from a permalink, shown above the app
void page_need_traditional_font();                // traditional text is on screen: fetch the TC face
// A named point in the start-up (performance.mark): scripts/bench prints where the time to the first frame goes.
void mark_startup(const char* name);
} // namespace chips::wasm
