// ui/app.h — the Chips & Claims panels: draws a Session (session/session.h) with Dear ImGui, platform-free.
//
// The platform layer (wasm/, or a native headless test) owns the Session and the App, and does this once per frame:
//     ImGui::NewFrame(); app.draw(); ImGui::Render();
// Page requests (state, results, links, settings) go to the session's own functions (session/page_bridge.h,
// session/permalink.h, session/settings.h), never through the UI. Nothing in ui/ knows about SDL, WebGL or the
// browser, and nothing in ui/ writes the reader's state except through Session's methods.
#pragma once
#include <functional>
#include <memory>
#include <string>

struct ImFont;

namespace chips {
class Session;
}

namespace chips::ui {

// The two faces the app draws with; either may be null in tests (then ImGui's default font is used).
struct AppFonts {
    ImFont* simplified = nullptr;  // Noto Sans CJK SC subset: UI in en / zh-Hans, simplified quotes
    ImFont* traditional = nullptr; // Noto Sans CJK TC subset: UI in zh-Hant, traditional quotes
    // True while `traditional` is only a stand-in (a copy of the SC face) because the TC file has not arrived yet:
    // drawing with it asks the page for the real face (wasm/main.cpp), so text the SC face can show as well (the
    // 繁體中文 language button) is drawn with `simplified` meanwhile.
    bool traditional_is_stand_in = false;
};

// What the UI may ask of the platform. Every hook may be empty (native tests): the UI then hides the control.
struct PlatformHooks {
    std::function<void(const std::string& text)> copy_text; // system clipboard
    std::function<void(const std::string& url)> open_url;   // new tab (sources, full page from an embed)
    std::function<std::string()> page_url;                  // "https://host/path/" of index.html, for links
    std::function<void()> toggle_fullscreen;                // presenter mode on a projector
    std::function<void(const std::string& file_name, const std::string& mime_type, const std::string& content)>
        download_file;                      // a real file save in the browser
    std::function<std::string()> today_iso; // the reader's local date, "YYYY-MM-DD" (stamped into downloads)
    // Tab went past the last control (+1) or Shift+Tab before the first (-1): the page moves the browser's focus to
    // its next / previous focusable element, so the keyboard is never trapped in the app (ui/keyboard.h).
    std::function<void(int direction)> leave_focus;
};

class App {
  public:
    explicit App(Session& session); // draws `session`, which must outlive the App
    ~App();

    void set_fonts(const AppFonts& fonts);
    void set_platform(const PlatformHooks& hooks);

    // Draws every panel for one frame into the main viewport. Call between ImGui::NewFrame() and ImGui::Render().
    void draw();

    // True while something animates without input (the platform keeps drawing frames until it turns false).
    bool wants_continuous_frames() const;

    // [Page scrolling] On a page that allows it (the full page, not full screen), the one-column layout lets the
    // browser scroll: the page is as tall as the app's content, the canvas stays in the window, and the page's scroll
    // offset inside the app's area becomes the app's scroll (docs/site.md "Scrolling on phones"). The platform passes
    // the page's offset in (applied at the next draw) and reads back what the page must follow after each frame.
    void set_page_scroll(bool allowed, float offset_px);
    struct PageScroll {
        bool active = false;            // this frame's layout scrolls with the page
        float content_height_px = 0.0f; // the app's whole height (the page's area for it), CSS px
        float offset_px = 0.0f;         // the app's scroll offset now, CSS px
        bool page_must_follow = false;  // the app scrolled itself (tour, keyboard, a linked quote): page follows
    };
    PageScroll page_scroll();
    bool page_scroll_active() const; // the last frame scrolled with the page (touch leaves vertical swipes to it)

    // [Test hooks] Screen rectangle of a named control as {"x","y","w","h"} in CSS pixels (ImGui display units),
    // "{}" when it was not drawn in the last frame. Ids: scenario keys ("chips", "gpu", "mfu", ...), claim spans
    // ("q-dsv3-cost-557#0" = quote id # claim index), quote cards ("quote:q-..."), header buttons ("copy_link",
    // "embed", "theme", "lang.zh-Hans"). Browser tests use it to do a real mouse drag on the chip-count slider.
    std::string control_rect_json(const std::string& control_id) const;
    std::string control_ids_json() const; // every id drawn in the last frame, as a JSON array

    // The keyboard focus came into the app from the page: +1 by Tab (the first control takes it), -1 by Shift+Tab
    // (the last one does). ui/keyboard.h.
    void keyboard_enter(int direction);
    // Whether the page must keep the browser from acting on Space / Page Up / Page Down / Home / End (scrolling the
    // page) because the app uses them now: a control has the keyboard focus ring, the tour is showing, or a text
    // field is being edited (Space then types, so it is the browser's: `is_space` says which key).
    bool keyboard_owns_key(bool is_space) const;
    // [Test hooks] The control id (as control_rect_json) that has the keyboard focus, "" when none.
    std::string focused_control() const;

  private:
    bool begin_page_scroll();
    void end_page_scroll(bool active);
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace chips::ui
