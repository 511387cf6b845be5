// ui/panel_charts.cpp — the Charts panel: days and cost versus chip count (log axes) for the compared GPUs with
// the current scenario marked; active parameters and cost versus experts active; time on every GPU type.
// Data comes from AppState::sweeps (recomputed only when the scenario changes).
#include "ui/app_state.h"
#include "ui/chart.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>

namespace chips::ui {

namespace {

// What a chart axis formatter needs: the app's formatter and the kind of quantity on that axis.
struct AxisFormat {
    const Formatter* formatter; // AppState::fmt (lives as long as the app)
    Quantity kind;              // unit family of the axis
};

// The cost axis names the currency its numbers are in (the formatter converts to CNY when the reader chose it).
const char* cost_axis_key(const AppState& state) {
    return state.session.currency() == Currency::cny ? "chart.cost_axis_cny" : "chart.cost_axis";
}

std::string format_axis(double value, const void* user_data) {
    const AxisFormat* axis = static_cast<const AxisFormat*>(user_data);
    return axis->formatter->format(value, axis->kind);
}

void compare_picker(AppState& state) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(state.tr("chart.compare"));
    help_marker(state, state.tr("chart.compare.help"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1);
    std::string preview;
    for (size_t i = 0; i < state.sweeps.gpu_labels.size(); ++i)
        preview += (i ? ", " : "") + state.sweeps.gpu_labels[i];
    if (ImGui::BeginCombo("##compare", preview.c_str(), ImGuiComboFlags_HeightLarge)) {
        for (const GpuSpec& gpu : state.session.gpus().gpus) {
            const std::vector<std::string>& compared = state.session.compare_gpus();
            const bool current = gpu.id == state.session.scenario().gpu;
            bool on = current || std::find(compared.begin(), compared.end(), gpu.id) != compared.end();
            ImGui::BeginDisabled(current);
            if (ImGui::Selectable(gpu.name.c_str(), on, ImGuiSelectableFlags_NoAutoClosePopups))
                state.session.toggle_compare_gpu(gpu.id);
            ImGui::EndDisabled();
        }
        ImGui::EndCombo();
    }
    state.record_rect("compare");
}

void chips_chart(AppState& state, const char* id, const char* title_key, const std::vector<std::vector<double>>& ys,
                 Quantity kind, double current, float width, float height) {
    // Read by EndChart before this function returns, so one pair of statics serves every call.
    static AxisFormat x_format, y_format;
    x_format = {&state.session.fmt(), Quantity::count};
    y_format = {&state.session.fmt(), kind};
    ImGui::BeginGroup();
    if (chart::BeginChart(id, ImVec2(width, height))) {
        chart::SetupAxes(state.tr("chart.chips_axis"), state.tr(title_key), chart::AxisFlags_Log, chart::AxisFlags_Log);
        chart::SetupAxisFormat(chart::Axis_X, format_axis, &x_format);
        chart::SetupAxisFormat(chart::Axis_Y, format_axis, &y_format);
        // Time reads best at whole calendar units: 12 hours, 2 days, 10 days, 2 months, 2 years, 20 years...
        static const double day_ticks[] = {0.5, 2, 10, 60.875, 730.5, 7305, 73050};
        if (kind == Quantity::days) chart::SetupAxisTicks(chart::Axis_Y, day_ticks, 7);
        const Sweeps& s = state.sweeps;
        const Palette& pal = palette(state.session.theme());
        for (size_t g = 0; g < ys.size(); ++g)
            chart::PlotLine(s.gpu_labels[g].c_str(), s.chips.data(), ys[g].data(), static_cast<int>(s.chips.size()),
                            pal.series[g % 6]);
        if (std::isfinite(current) && current > 0)
            chart::PlotMarker(state.session.scenario().chips, current,
                              state.session.fmt().format(current, kind).c_str(), pal.marker);
        chart::EndChart();
    }
    ImGui::EndGroup();
    state.record_rect(id);
}

} // namespace

void draw_charts_panel(AppState& state) {
    ImGui::PushID("charts");
    ImGui::SeparatorText(state.tr("panel.charts"));
    if (state.session.result().status != EstimateStatus::ok || state.sweeps.chips.empty()) {
        wrapped_text(state.tr("results.invalid"));
        ImGui::PopID();
        return;
    }
    const float em = ImGui::GetFontSize();
    const float avail = ImGui::GetContentRegionAvail().x;
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const bool two = avail >= 40.0f * em;
    const float width = two ? (avail - gap) * 0.5f : avail;
    const float height = 14.0f * em;
    compare_picker(state);
    chips_chart(state, "chart_days", "chart.days_axis", state.sweeps.days, Quantity::days,
                state.session.result().training_days.central, width, height);
    if (two) ImGui::SameLine(0, gap);
    chips_chart(state, "chart_cost", cost_axis_key(state), state.sweeps.cost, Quantity::usd,
                state.session.result().rental_cost_usd.central, width, height);

    // Experts active: what MoE saves. Two small charts with a shared x axis.
    const Sweeps& s = state.sweeps;
    const Palette& pal = palette(state.session.theme());
    static AxisFormat experts_x, params_y, cost_y, days_x;
    experts_x = {&state.session.fmt(), Quantity::count};
    params_y = {&state.session.fmt(), Quantity::params};
    cost_y = {&state.session.fmt(), Quantity::usd};
    if (chart::BeginChart("chart_experts_params", ImVec2(width, height))) {
        chart::SetupAxes(state.tr("chart.experts_axis"), state.tr("chart.active_params_axis"), chart::AxisFlags_None,
                         chart::AxisFlags_Zero);
        chart::SetupAxisFormat(chart::Axis_X, format_axis, &experts_x);
        chart::SetupAxisFormat(chart::Axis_Y, format_axis, &params_y);
        chart::PlotLine(state.tr("output.active_params"), s.experts.data(), s.active_params.data(),
                        static_cast<int>(s.experts.size()), pal.series[2]);
        chart::PlotMarker(state.session.scenario().experts_active, state.session.result().active_params.central, "",
                          pal.marker);
        chart::EndChart();
    }
    state.record_rect("chart_experts_params");
    if (two) ImGui::SameLine(0, gap);
    if (chart::BeginChart("chart_experts_cost", ImVec2(width, height))) {
        chart::SetupAxes(state.tr("chart.experts_axis"), state.tr(cost_axis_key(state)), chart::AxisFlags_None,
                         chart::AxisFlags_Zero);
        chart::SetupAxisFormat(chart::Axis_X, format_axis, &experts_x);
        chart::SetupAxisFormat(chart::Axis_Y, format_axis, &cost_y);
        chart::PlotLine(state.tr("output.rental_cost_usd"), s.experts.data(), s.expert_cost.data(),
                        static_cast<int>(s.experts.size()), pal.series[1]);
        chart::PlotMarker(state.session.scenario().experts_active, state.session.result().rental_cost_usd.central, "",
                          pal.marker);
        chart::EndChart();
    }
    state.record_rect("chart_experts_cost");

    // Every GPU type: bars of training days with low–high whiskers; click a bar to switch GPU.
    days_x = {&state.session.fmt(), Quantity::days};
    const int bars = static_cast<int>(s.every_days.size());
    if (bars > 0 && chart::BeginChart("chart_every_gpu", ImVec2(avail, (bars * 1.7f + 4.5f) * em))) {
        // Log time axis: GPUs differ by 100× (B200: weeks, RTX 2080 Ti: years); a linear axis hides the fast ones.
        chart::SetupAxes(state.tr("chart.days_axis"), state.tr("chart.every_gpu"), chart::AxisFlags_Log,
                         chart::AxisFlags_None);
        chart::SetupAxisFormat(chart::Axis_X, format_axis, &days_x);
        static const double bar_day_ticks[] = {0.5, 2, 10, 60.875, 730.5, 7305, 73050};
        chart::SetupAxisTicks(chart::Axis_X, bar_day_ticks, 7);
        chart::PlotBarsH(s.every_gpu_labels.data(), s.every_days.data(), s.every_days_low.data(),
                         s.every_days_high.data(), bars, s.every_current, pal.series[0]);
        const int clicked = chart::EndChart();
        // The same switch as the GPU menu (FP8 fallback with its notice, price rule): Session::set_gpu.
        if (clicked >= 0 && clicked < bars) state.session.set_gpu(state.session.charts().gpus.gpu_ids[clicked]);
    }
    state.record_rect("chart_every_gpu");
    ImGui::PopID();
}

} // namespace chips::ui
