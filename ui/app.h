// ui/app.h — the Chips & Claims application, platform-free: owns the content, the current scenario and the panels.
//
// The platform layer (wasm/, or a native headless test) does only this, once per frame:
//     ImGui::NewFrame(); app.draw(); ImGui::Render();
// and forwards page requests (state, results, quote selection) to the methods below. Nothing in ui/ knows about
// SDL, WebGL or the browser.
#pragma once
#include "model/content_error.h"

#include <map>
#include <memory>
#include <string>

struct ImFont;

namespace chips::ui {

// Raw content files by name ("gpus.json" → its text). The app parses and validates them itself.
using ContentTexts = std::map<std::string, std::string>;

// The two faces the app draws with; either may be null in tests (then ImGui's default font is used).
struct AppFonts {
    ImFont* simplified = nullptr;  // Noto Sans CJK SC subset: UI in en / zh-Hans, simplified quotes
    ImFont* traditional = nullptr; // Noto Sans CJK TC subset: UI in zh-Hant, traditional quotes
};

class App {
  public:
    App();
    ~App();

    // Parses and validates the content. On failure returns false and fills `errors`; the app then draws an error
    // panel naming each problem instead of the explainer.
    bool load(const ContentTexts& content, ContentErrors& errors);
    void set_fonts(const AppFonts& fonts);

    // Draws every panel for one frame into the main viewport. Call between ImGui::NewFrame() and ImGui::Render().
    void draw();

    // True while something animates without input (the platform keeps drawing frames until it turns false).
    bool wants_continuous_frames() const;

    // [Page bridge] JSON in and out, using the scenario keys of docs/contract.md.
    std::string state_json() const;                        // {"scenario":{...},"language":"en","quote":"q-..."}
    std::string apply_state_json(const std::string& json); // returns {"ok":bool,"notices":["..."]}
    std::string results_json() const;                      // the same shape as `scripts/estimate --json`
    bool select_quote(const std::string& quote_id);

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace chips::ui
