// tests/ui/test_labels_fit.cpp — on a 390 px phone, in every language, the preset chooser shows each preset's whole
// name: a combo box clips its preview text at the arrow, so a long name loses its end (the case seen in the Chinese
// interface). Measured with the app's own fonts at the app's size, in the real layout.
#include "ui_harness.h"

#include <doctest/doctest.h>
#include <imgui.h>
#include <nlohmann/json.hpp>

#include <cfloat>
#include <string>

using chips::ui::test::Harness;

TEST_CASE("every preset name fits the preset chooser at 390 px in every language") {
    Harness h;
    h.size(390, 844);
    const nlohmann::json presets =
        nlohmann::json::parse(chips::read_file_or_empty(std::string(CHIPS_CONTENT_DIR) + "/presets.json"));
    int checked = 0;
    for (const char* lang : {"en", "zh-Hans", "zh-Hant"}) {
        chips::apply_settings_json(h.session, std::string("{\"language\":\"") + lang + "\"}");
        h.frames(3);
        float x = 0, y = 0, width = 0, height = 0;
        REQUIRE_MESSAGE(h.rect("preset", x, y, width, height), std::string(lang)
                                                                   << ": the preset chooser was not drawn");
        // The text area of a combo: its frame minus the arrow button (as wide as the frame is high) and the left
        // padding (imgui_widgets.cpp BeginCombo / RenderTextClipped).
        const ImGuiStyle& style = ImGui::GetStyle();
        const float text_width = width - height - style.FramePadding.x;
        // The interface face of the language (the app draws zh-Hant with the TC face, the others with the SC face).
        ImFont* face = ImGui::GetIO().Fonts->Fonts[std::string(lang) == "zh-Hant" ? 1 : 0];
        ImGui::NewFrame(); // glyphs are baked on demand, inside a frame
        for (const auto& preset : presets["presets"]) {
            // The chooser shows the preset's short name (its full name is in the open list and the tooltip).
            const nlohmann::json& names = preset.contains("short_name") ? preset["short_name"] : preset["name"];
            const std::string name = names[lang].get<std::string>();
            const float name_width = face->CalcTextSizeA(style.FontSizeBase, FLT_MAX, 0.0f, name.c_str()).x;
            CHECK_MESSAGE(name_width <= text_width, std::string(lang)
                                                        << ": preset " << preset["id"].get<std::string>() << " \""
                                                        << name << "\" is " << name_width
                                                        << " px wide, the chooser shows " << text_width << " px");
            ++checked;
        }
        ImGui::EndFrame();
    }
    CHECK(checked == 3 * static_cast<int>(presets["presets"].size()));
}
