// ui/app.cpp — App: content loading, per-frame layout of the panels, and the page bridge.
#include "ui/app.h"

#include <imgui.h>
#include <nlohmann/json.hpp>

#include <cstdio>

namespace chips::ui {

void report_imgui_assert(const char* expression, const char* file, int line) {
    // Printed (the page forwards stderr to its console as an error, which the browser tests catch) and not fatal:
    // a reader should never see the app die because of a layout assertion.
    std::fprintf(stderr, "ImGui assertion failed: %s at %s:%d\n", expression, file, line);
}

struct App::Impl {
    ContentTexts content;
    AppFonts fonts;
    ContentErrors load_errors;
    std::string language = "en";
};

App::App() : impl_(std::make_unique<Impl>()) {}
App::~App() = default;

bool App::load(const ContentTexts& content, ContentErrors& errors) {
    impl_->content = content;
    impl_->load_errors = errors;
    return errors.empty();
}

void App::set_fonts(const AppFonts& fonts) { impl_->fonts = fonts; }

void App::draw() {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    ImGui::Begin("Chips & Claims", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
    if (impl_->fonts.simplified) ImGui::PushFont(impl_->fonts.simplified, 0.0f);
    ImGui::TextUnformatted("Chips & Claims · 芯片与说法");
    if (impl_->fonts.traditional) {
        ImGui::PushFont(impl_->fonts.traditional, 0.0f);
        ImGui::TextUnformatted("晶片與說法");
        ImGui::PopFont();
    }
    for (const char* panel : {"Scenario", "Results", "Quotes", "Charts", "Method"}) {
        ImGui::SeparatorText(panel);
    }
    if (impl_->fonts.simplified) ImGui::PopFont();
    ImGui::End();
}

bool App::wants_continuous_frames() const { return false; }

std::string App::state_json() const {
    return nlohmann::json{{"language", impl_->language}, {"scenario", nlohmann::json::object()}}.dump();
}

std::string App::apply_state_json(const std::string& json) {
    return nlohmann::json{{"ok", false}, {"notices", {"not implemented yet"}}}.dump();
}

std::string App::results_json() const { return "{}"; }

bool App::select_quote(const std::string& quote_id) { return false; }

} // namespace chips::ui

namespace chips::ui {
void App::set_platform(const PlatformHooks& hooks) {}
std::string App::apply_url_query(const std::string& query) { return R"({"ok":true,"notices":[]})"; }
std::string App::permalink_query() const { return ""; }
std::string App::settings_json() const { return "{}"; }
void App::apply_settings_json(const std::string& json) {}
std::string App::accessible_summary() const { return ""; }
} // namespace chips::ui
