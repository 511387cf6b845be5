// ui/chart.h — small line and bar charts drawn with ImGui draw lists, in the ImPlot style.
//
// Index
// - [SECTION] Flags
// - [SECTION] Lifecycle: BeginChart → Setup* → Plot* → EndChart
//
// Usage, simple form (axes auto-fit to the data, ticks printed with "%g"):
//     if (chart::BeginChart("cost", ImVec2(-1, 14 * ImGui::GetFontSize()))) {
//         chart::SetupAxes("GPUs", "USD", chart::AxisFlags_Log, chart::AxisFlags_Log);
//         chart::PlotLine("H800", xs, ys, n);
//         chart::EndChart();
//     }
// Advanced form: SetupAxisFormat(axis, formatter, user_data) prints ticks and hover read-outs through a callback
// (the app passes its unit formatter, so ticks read "$5M" or "500万美元"); SetupAxisLimits fixes a range;
// PlotBand shades a low–high range; PlotMarker marks the current scenario; PlotBarsH draws one labelled bar per
// category (time on every GPU type).
//
// Rules (as ImPlot): Setup* must come before the first Plot*; Plot* arrays are read in EndChart, so they must stay
// alive until then (the app keeps them in its per-scenario sweep cache). Nothing is allocated per frame once the
// internal buffers have grown to the largest chart.
#pragma once
#include <imgui.h>

#include <string>

namespace chips::ui::chart {

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] Flags
//-----------------------------------------------------------------------------------------------------------------

enum Axis {
    Axis_X = 0, // horizontal
    Axis_Y = 1, // vertical
};

enum AxisFlags_ {
    AxisFlags_None = 0,      // linear scale, auto-fit to the data
    AxisFlags_Log = 1 << 0,  // log10 scale (values <= 0 are skipped); ticks at 1-2-5 × powers of ten
    AxisFlags_Zero = 1 << 1, // linear axis that always includes 0 (bars, costs)
};
using AxisFlags = int;

// Formats one axis value for ticks and read-outs. `user_data` is what SetupAxisFormat received.
using Formatter = std::string (*)(double value, const void* user_data);

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] Lifecycle
//-----------------------------------------------------------------------------------------------------------------

// Starts a chart of `size` (pixels; x <= 0 = fill the available width). Returns false when clipped (then do not call
// the rest, as with ImGui::Begin* functions that return false... except EndChart is not needed either).
bool BeginChart(const char* id, ImVec2 size);
// Axis labels (with units) and scales. Simple form.
void SetupAxes(const char* x_label, const char* y_label, AxisFlags x_flags = AxisFlags_None,
               AxisFlags y_flags = AxisFlags_None);
// Advanced: tick and read-out text through `formatter`.
void SetupAxisFormat(Axis axis, Formatter formatter, const void* user_data);
// Advanced: a fixed range instead of auto-fit.
void SetupAxisLimits(Axis axis, double min, double max);
// Advanced: tick positions chosen by the caller (e.g. 2 days, 2 months, 2 years on a log time axis, where powers of
// ten of days would read "3.29 months"). `values` must stay alive until EndChart; ticks outside the range are skipped.
void SetupAxisTicks(Axis axis, const double* values, int count);

// A polyline through (xs[i], ys[i]). `color` 0 = next palette colour.
void PlotLine(const char* label, const double* xs, const double* ys, int count, ImU32 color = 0);
// A shaded band between ys_low and ys_high (drawn under the lines).
void PlotBand(const double* xs, const double* ys_low, const double* ys_high, int count, ImU32 color);
// A marker (ring + label) at one point: the current scenario.
void PlotMarker(double x, double y, const char* label, ImU32 color);
// Horizontal bars, one per category, top to bottom; value on the X axis; `highlight` = index drawn emphasized
// (-1 none). lows/highs may be null (no whiskers).
void PlotBarsH(const char* const* labels, const double* values, const double* lows, const double* highs, int count,
               int highlight, ImU32 color);

// Draws everything, the hover read-out included. Returns the index of the bar clicked (bars), or -1.
int EndChart();

// Colours (set by the app on theme change).
struct ChartColors {
    ImU32 background; // plot area
    ImU32 grid;       // grid lines
    ImU32 axis;       // axis lines and tick text
    ImU32 text;       // labels and legend
    ImU32 series[6];  // default series colours in order
};
void SetColors(const ChartColors& colors);

// [Test hook] What the last EndChart of the chart named `id` (BeginChart's id) laid out: every text it placed lies in
// [text_min_x, text_max_x] (the frame is [frame_min_x, frame_max_x]); the legend shows legend_entries of line_series
// lines. Returns false when that chart was not drawn.
struct ChartLayout {
    float frame_min_x = 0, frame_max_x = 0;
    float text_min_x = 0, text_max_x = 0;
    int line_series = 0, legend_entries = 0;
};
bool LastLayout(const char* id, ChartLayout& out);

} // namespace chips::ui::chart
