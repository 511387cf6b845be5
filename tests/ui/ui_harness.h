// tests/ui/ui_harness.h — one headless ImGui context driving the whole App: fonts, platform hooks that record what
// the app asks of the page (clipboard, links, settings, downloads), frames, and mouse and key input by control id.
//
// Headless rendering with ImGui 1.92: we declare ImGuiBackendFlags_RendererHasTextures and play the renderer's
// part of the texture protocol after each frame (WantCreate/WantUpdates → OK, WantDestroy → Destroyed), so the
// dynamic font atlas works exactly as in the browser.
#pragma once
#include "session/page_bridge.h"
#include "session/permalink.h"
#include "session/settings.h"
#include "session/summary.h"
#include "test_support.h"
#include "ui/app.h"

#include <doctest/doctest.h>
#include <imgui.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <string>
#include <vector>

namespace chips::ui::test {

inline bool file_exists(const std::string& path) {
    return std::ifstream(path).good();
}

// One ImGui context with the app's two faces (the built subsets if present, else the system Noto CJK, else the
// default font so the test still runs on a bare machine).
struct Harness {
    ImGuiContext* context = nullptr;
    Session session; // the reader's state; the app draws it
    App app{session};
    int texture_ids = 0;

    Harness() {
        context = ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
        io.BackendFlags |= ImGuiBackendFlags_RendererHasTextures;
        io.DisplaySize = ImVec2(1280, 800);
        io.DeltaTime = 1.0f / 60.0f;
        AppFonts fonts;
        const std::string dir = CHIPS_FONTS_DIR;
        const std::string system_cjk = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
        ImFontConfig config;
        if (file_exists(dir + "/ui-sc.otf") && file_exists(dir + "/ui-tc.otf")) {
            fonts.simplified = io.Fonts->AddFontFromFileTTF((dir + "/ui-sc.otf").c_str(), 17.0f, &config);
            fonts.traditional = io.Fonts->AddFontFromFileTTF((dir + "/ui-tc.otf").c_str(), 17.0f, &config);
        } else if (file_exists(system_cjk)) {
            config.FontNo = 2; // SC in the Noto CJK collection (JP, KR, SC, TC, HK)
            fonts.simplified = io.Fonts->AddFontFromFileTTF(system_cjk.c_str(), 17.0f, &config);
            config.FontNo = 3;
            fonts.traditional = io.Fonts->AddFontFromFileTTF(system_cjk.c_str(), 17.0f, &config);
        } else {
            io.Fonts->AddFontDefault();
        }
        ContentErrors errors;
        const bool loaded = session.load(test::content_texts(), errors);
        for (const ContentError& error : errors)
            MESSAGE(error.to_string());
        CHECK(loaded);
        app.set_fonts(fonts);
        PlatformHooks hooks;
        hooks.copy_text = [this](const std::string& text) { clipboard = text; };
        hooks.open_url = [this](const std::string& url) { opened = url; };
        hooks.page_url = [] { return std::string("https://example.org/chips/"); };
        hooks.toggle_fullscreen = [this] { ++fullscreen_toggles; };
        hooks.download_file = [this](const std::string& name, const std::string& mime, const std::string& content) {
            downloads.push_back({name, mime, content});
        };
        hooks.today_iso = [] { return std::string("2025-02-01"); };
        app.set_platform(hooks);
    }
    ~Harness() { ImGui::DestroyContext(context); }

    std::string clipboard, opened;
    // What the page would save after the reader's last settings change (the platform saves settings_json when
    // Session::settings_revision() moves; see session/page_sync.h).
    std::string saved_settings() const { return settings_json(session); }
    int fullscreen_toggles = 0;
    struct Download {
        std::string name, mime, content; // what PlatformHooks::download_file received
    };
    std::vector<Download> downloads;

    void frame() {
        ImGui::NewFrame();
        app.draw();
        ImGui::Render();
        // The renderer's side of the 1.92 texture protocol.
        for (ImTextureData* texture : ImGui::GetPlatformIO().Textures) {
            if (texture->Status == ImTextureStatus_WantCreate) {
                texture->SetTexID(static_cast<ImTextureID>(++texture_ids));
                texture->SetStatus(ImTextureStatus_OK);
            } else if (texture->Status == ImTextureStatus_WantUpdates) {
                texture->SetStatus(ImTextureStatus_OK);
            } else if (texture->Status == ImTextureStatus_WantDestroy && texture->UnusedFrames > 0) {
                texture->SetTexID(ImTextureID_Invalid);
                texture->SetStatus(ImTextureStatus_Destroyed);
            }
        }
    }
    void frames(int n) {
        for (int i = 0; i < n; ++i)
            frame();
    }
    void size(float width, float height) { ImGui::GetIO().DisplaySize = ImVec2(width, height); }

    // Rectangle of a named control, from the app's own debug query.
    bool rect(const std::string& id, float& x, float& y, float& w, float& h) {
        const nlohmann::json r = nlohmann::json::parse(app.control_rect_json(id));
        if (!r.contains("x")) return false;
        x = r["x"].get<float>();
        y = r["y"].get<float>();
        w = r["w"].get<float>();
        h = r["h"].get<float>();
        return true;
    }
    void mouse(float x, float y, bool down) {
        ImGuiIO& io = ImGui::GetIO();
        io.AddMousePosEvent(x, y);
        io.AddMouseButtonEvent(0, down);
        frame();
    }

    // A full click (move, press, release) in the middle of a control; false when it was not drawn last frame.
    bool click(const std::string& id) {
        float x = 0, y = 0, w = 0, h = 0;
        if (!rect(id, x, y, w, h)) return false;
        mouse(x + w / 2, y + h / 2, false);
        mouse(x + w / 2, y + h / 2, true);
        mouse(x + w / 2, y + h / 2, false);
        return true;
    }
    // A key press and release, one frame each (what a presenter's clicker sends).
    void key(ImGuiKey key) {
        ImGui::GetIO().AddKeyEvent(key, true);
        frame();
        ImGui::GetIO().AddKeyEvent(key, false);
        frame();
    }
};

} // namespace chips::ui::test
