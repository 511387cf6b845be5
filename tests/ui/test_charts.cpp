// tests/ui/test_charts.cpp — charts a reader can tell apart and read (ui/chart.cpp): every label inside the chart's
// frame (the RTX 2080 Ti's bar value, long GPU names on a phone), a legend entry for every line at 390 px, and no
// read-out left open after a finger lifts.
#include "test_support.h"
#include "ui/app.h"
#include "ui/chart.h"
#include "ui/imconfig_chips.h"
#include "ui_harness.h"

#include <algorithm>
#include <doctest/doctest.h>
#include <imgui.h>
#include <imgui_internal.h> // FindWindowByName: is the tooltip window up

using namespace chips;
using namespace chips::ui;
using chips::ui::test::Harness;

TEST_CASE("chart labels stay inside the frame and the legend keeps every line, from a phone to a desktop") {
    for (const auto& [width, height] : {std::pair<float, float>{1280, 2400}, {700, 4000}, {390, 6000}, {360, 6000}}) {
        CAPTURE(width);
        Harness h;
        h.size(width, height); // tall: every chart is on screen (the layout follows the width)
        // Four GPUs on the chips charts: the current one and three compared (the most the picker allows).
        for (const char* gpu : {"h100", "b200", "a100"}) {
            const auto& compared = h.session.compare_gpus();
            if (std::find(compared.begin(), compared.end(), gpu) == compared.end()) h.session.toggle_compare_gpu(gpu);
        }
        h.frames(3);
        for (const char* id : {"chart_days", "chart_cost", "chart_every_gpu", "chart_experts_params"}) {
            CAPTURE(id);
            chart::ChartLayout layout;
            REQUIRE(chart::LastLayout(id, layout));
            CHECK(layout.text_min_x >= layout.frame_min_x - 0.5f);
            CHECK(layout.text_max_x <= layout.frame_max_x + 0.5f);
            CHECK(layout.legend_entries == layout.line_series);
        }
        chart::ChartLayout days;
        REQUIRE(chart::LastLayout("chart_days", days));
        CHECK(days.line_series == static_cast<int>(h.session.charts().chips.gpu_ids.size()));
        CHECK(days.line_series == 4);
    }
}

TEST_CASE("a chart's read-out closes when the finger lifts") {
    Harness h;
    h.size(1280, 2400);
    h.frames(3);
    float x, y, w, ht;
    REQUIRE(h.rect("chart_cost", x, y, w, ht));
    ImGuiIO& io = ImGui::GetIO();
    auto tooltip_open = [] {
        ImGuiWindow* tooltip = ImGui::FindWindowByName("##Tooltip_00");
        return tooltip && tooltip->Active;
    };
    // A mouse hovering the plot shows the read-out.
    io.AddMouseSourceEvent(ImGuiMouseSource_Mouse);
    io.AddMousePosEvent(x + w * 0.6f, y + ht * 0.5f);
    h.frames(2);
    CHECK(tooltip_open());
    // A finger: shown while it is down, gone after it lifts (the pointer stays where it was).
    io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
    io.AddMousePosEvent(x + w * 0.5f, y + ht * 0.5f);
    io.AddMouseButtonEvent(0, true);
    h.frames(2);
    CHECK(tooltip_open());
    io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
    io.AddMouseButtonEvent(0, false);
    h.frames(2);
    CHECK_FALSE(tooltip_open());
}
