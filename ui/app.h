// ui/app.h — the Chips & Claims application, platform-free: owns the content, the current scenario and the panels.
//
// The platform layer (wasm/, or a native headless test) does only this, once per frame:
//     ImGui::NewFrame(); app.draw(); ImGui::Render();
// and forwards page requests (state, results, quote selection) to the methods below. Nothing in ui/ knows about
// SDL, WebGL or the browser.
#pragma once
#include "model/content_bundle.h"
#include "model/content_error.h"

#include <functional>
#include <map>
#include <memory>
#include <string>

struct ImFont;

namespace chips::ui {

// Raw content files by name ("gpus.json" → its text), as model/content_bundle.h reads them.
using ContentTexts = chips::ContentTexts;

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
    std::function<void(const std::string& settings_json)> save_settings; // reader's own settings (localStorage)
    std::function<void(const std::string& file_name, const std::string& mime_type, const std::string& content)>
        download_file;                      // a real file save in the browser
    std::function<std::string()> today_iso; // the reader's local date, "YYYY-MM-DD" (stamped into downloads)
};

class App {
  public:
    App();
    ~App();

    // Takes the content: JSON texts (parsed and checked here: tests, tools) or a bundle already loaded (the web app
    // reads one from the build's binary snapshot, model/content_snapshot.h). On failure returns false and fills
    // `errors`; the app then draws an error panel naming each problem instead of the explainer.
    bool load(const ContentTexts& content, ContentErrors& errors);
    bool load(ContentBundle&& bundle, ContentErrors& errors);
    void set_fonts(const AppFonts& fonts);
    void set_platform(const PlatformHooks& hooks);

    // Draws every panel for one frame into the main viewport. Call between ImGui::NewFrame() and ImGui::Render().
    void draw();

    // True while something animates without input (the platform keeps drawing frames until it turns false).
    bool wants_continuous_frames() const;

    // [Page bridge] JSON in and out, using the scenario keys of docs/contract.md.
    std::string state_json() const;                        // {"scenario":{...},"language":"en","quote":"q-..."}
    std::string apply_state_json(const std::string& json); // returns {"ok":bool,"notices":["..."]}
    std::string results_json() const;                      // the same shape as `scripts/estimate --json`
    bool select_quote(const std::string& quote_id);

    // [Permalinks] The URL query ("gpu=h100&chips=50000&lang=zh-Hans&quote=q-...&view=embed") in and out.
    // Bad values are clamped or ignored; each one adds a notice shown in the app and returned as JSON.
    std::string apply_url_query(const std::string& query); // returns {"ok":bool,"notices":["..."]}
    std::string permalink_query() const;                   // the current view as a query string (no leading '?')
    // [Settings] The reader's own preferences (language, theme, currency, scale, where they left the tour), restored
    // from the page at start-up. apply_settings_json also takes the environment the page observes and passes in
    // at start and on change: "system_theme" ("light"/"dark", prefers-color-scheme) and "reduced_motion" (bool);
    // those are not written back by settings_json.
    std::string settings_json() const;
    void apply_settings_json(const std::string& json);
    // [Accessibility] One or two sentences with the key results, in the current language, for an aria-live region.
    std::string accessible_summary() const;

    // [Test hooks] Screen rectangle of a named control as {"x","y","w","h"} in CSS pixels (ImGui display units),
    // "{}" when it was not drawn in the last frame. Ids: scenario keys ("chips", "gpu", "mfu", ...), claim spans
    // ("q-dsv3-cost-557#0" = quote id # claim index), quote cards ("quote:q-..."), header buttons ("copy_link",
    // "embed", "theme", "lang.zh-Hans"). Browser tests use it to do a real mouse drag on the chip-count slider.
    std::string control_rect_json(const std::string& control_id) const;
    std::string control_ids_json() const; // every id drawn in the last frame, as a JSON array

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace chips::ui
