// ui/chart.cpp — see chart.h.
//
// Index
// - [SECTION] State (one chart at a time; buffers reused across frames)
// - [SECTION] Axis helpers: transform, nice ticks
// - [SECTION] Begin / Setup / Plot
// - [SECTION] EndChart: frame, grid, ticks, series, legend, hover read-out
#include "ui/chart.h"

#include <imgui_internal.h> // ImRect, ItemAdd: a chart is one ImGui item, like ImPlot

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <vector>

namespace chips::ui::chart {

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] State
//-----------------------------------------------------------------------------------------------------------------

namespace {

struct AxisState {
    const char* label = "";        // axis title with unit
    AxisFlags flags = 0;           // AxisFlags_
    Formatter formatter = nullptr; // null = "%g"
    const void* user_data = nullptr;
    bool fixed = false;                   // SetupAxisLimits was called
    const double* custom_ticks = nullptr; // SetupAxisTicks values (null = automatic)
    int custom_tick_count = 0;
    double min = 0.0, max = 1.0; // data range (or fixed)
};

struct Series {
    enum Kind { line, band, marker, bars } kind;
    const char* label;
    const double* xs;
    const double* ys;
    const double* ys2;        // band high / bar highs
    const double* ys3;        // bar lows
    const char* const* names; // bar labels
    int count;
    int highlight;
    ImU32 color;
    int style;            // lines: 0, 1, 2... = solid + circles, dashed + squares, dotted + triangles, ...
    double x, y;          // marker
    char marker_text[64]; // marker label, copied (callers pass temporaries)
};

struct State {
    ImGuiID id = 0;
    std::string name; // BeginChart's id (test hook LastLayout)
    ImRect frame;
    AxisState axes[2];
    std::vector<Series> series;
    int next_color = 0;
    ChartColors colors{IM_COL32(252, 252, 253, 255),
                       IM_COL32(225, 227, 232, 255),
                       IM_COL32(120, 122, 130, 255),
                       IM_COL32(24, 24, 28, 255),
                       {IM_COL32(0, 114, 178, 255), IM_COL32(213, 94, 0, 255), IM_COL32(0, 158, 115, 255),
                        IM_COL32(204, 121, 167, 255), IM_COL32(86, 180, 233, 255), IM_COL32(230, 159, 0, 255)}};
    std::vector<double> ticks; // reused tick buffer
};

State& state() {
    static State s;
    return s;
}

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] Axis helpers
//-----------------------------------------------------------------------------------------------------------------

double to_unit(const AxisState& axis, double value) {
    if (axis.flags & AxisFlags_Log) {
        const double lo = std::log10(axis.min), hi = std::log10(axis.max);
        return hi > lo ? (std::log10(std::max(value, 1e-300)) - lo) / (hi - lo) : 0.5;
    }
    return axis.max > axis.min ? (value - axis.min) / (axis.max - axis.min) : 0.5;
}

double from_unit(const AxisState& axis, double t) {
    if (axis.flags & AxisFlags_Log) {
        const double lo = std::log10(axis.min), hi = std::log10(axis.max);
        return std::pow(10.0, lo + t * (hi - lo));
    }
    return axis.min + t * (axis.max - axis.min);
}

std::string format_value(const AxisState& axis, double value) {
    if (axis.formatter) return axis.formatter(value, axis.user_data);
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%g", value);
    return buffer;
}

// Log ticks at powers of ten (plus 2 and 5 when the axis spans under three decades); linear ticks at 1-2-5 steps.
void make_ticks(const AxisState& axis, std::vector<double>& ticks) {
    ticks.clear();
    if (axis.custom_ticks) {
        for (int i = 0; i < axis.custom_tick_count; ++i)
            if (axis.custom_ticks[i] >= axis.min && axis.custom_ticks[i] <= axis.max)
                ticks.push_back(axis.custom_ticks[i]);
        if (ticks.size() >= 2) return;
        ticks.clear(); // too few in range: fall back to automatic ticks
    }
    if (axis.flags & AxisFlags_Log) {
        const int lo = static_cast<int>(std::floor(std::log10(axis.min)));
        const int hi = static_cast<int>(std::ceil(std::log10(axis.max)));
        const bool dense = hi - lo <= 3;
        const int step = std::max(1, (hi - lo) / 6);
        for (int e = lo; e <= hi; e += step) {
            for (double m : {1.0, 2.0, 5.0}) {
                if (m != 1.0 && !dense) continue;
                const double v = m * std::pow(10.0, e);
                if (v >= axis.min * 0.999 && v <= axis.max * 1.001) ticks.push_back(v);
            }
        }
        return;
    }
    const double span = axis.max - axis.min;
    if (!(span > 0)) return;
    const double raw = span / 5.0;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    double step = magnitude;
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (raw <= m * magnitude) {
            step = m * magnitude;
            break;
        }
    for (double v = std::ceil(axis.min / step) * step; v <= axis.max + step * 1e-6; v += step)
        ticks.push_back(std::fabs(v) < step * 1e-9 ? 0.0 : v);
}

void include(AxisState& axis, double value) {
    if (axis.fixed || !std::isfinite(value)) return;
    if ((axis.flags & AxisFlags_Log) && value <= 0) return;
    axis.min = std::min(axis.min, value);
    axis.max = std::max(axis.max, value);
}

void finish_axis(AxisState& axis) {
    if (axis.fixed) return;
    if (axis.min > axis.max) { // no data
        axis.min = (axis.flags & AxisFlags_Log) ? 1.0 : 0.0;
        axis.max = (axis.flags & AxisFlags_Log) ? 10.0 : 1.0;
    }
    if (axis.flags & AxisFlags_Zero) axis.min = std::min(axis.min, 0.0);
    if (axis.flags & AxisFlags_Log) {
        // Pad to the surrounding 1-2-5 values so the curve never touches the frame.
        axis.min /= 1.25;
        axis.max *= 1.25;
    } else {
        const double pad = (axis.max - axis.min) * 0.06;
        if (axis.min != 0.0) axis.min -= pad;
        axis.max += pad > 0 ? pad : 1.0;
    }
}

} // namespace

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] Begin / Setup / Plot
//-----------------------------------------------------------------------------------------------------------------

void SetColors(const ChartColors& colors) {
    state().colors = colors;
}

bool BeginChart(const char* id, ImVec2 size) {
    State& s = state();
    if (size.x <= 0) size.x = ImGui::GetContentRegionAvail().x;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    s.frame = ImRect(pos, ImVec2(pos.x + size.x, pos.y + size.y));
    s.id = ImGui::GetID(id);
    s.name = id;
    ImGui::ItemSize(size);
    if (!ImGui::ItemAdd(s.frame, s.id)) return false;
    s.series.clear();
    s.next_color = 0;
    for (AxisState& axis : s.axes)
        axis = AxisState();
    for (AxisState& axis : s.axes) {
        axis.min = 1e300;
        axis.max = -1e300;
    }
    return true;
}

void SetupAxes(const char* x_label, const char* y_label, AxisFlags x_flags, AxisFlags y_flags) {
    State& s = state();
    s.axes[Axis_X].label = x_label;
    s.axes[Axis_X].flags = x_flags;
    s.axes[Axis_Y].label = y_label;
    s.axes[Axis_Y].flags = y_flags;
}

void SetupAxisFormat(Axis axis, Formatter formatter, const void* user_data) {
    state().axes[axis].formatter = formatter;
    state().axes[axis].user_data = user_data;
}

void SetupAxisLimits(Axis axis, double min, double max) {
    AxisState& a = state().axes[axis];
    a.fixed = true;
    a.min = min;
    a.max = max;
}

void SetupAxisTicks(Axis axis, const double* values, int count) {
    state().axes[axis].custom_ticks = values;
    state().axes[axis].custom_tick_count = count;
}

static ImU32 pick_color(ImU32 color) {
    State& s = state();
    return color != 0 ? color : s.colors.series[(s.next_color++) % 6];
}

void PlotLine(const char* label, const double* xs, const double* ys, int count, ImU32 color) {
    State& s = state();
    for (int i = 0; i < count; ++i) {
        include(s.axes[Axis_X], xs[i]);
        include(s.axes[Axis_Y], ys[i]);
    }
    int lines = 0;
    for (const Series& other : s.series)
        lines += other.kind == Series::line;
    s.series.push_back(
        Series{Series::line, label, xs, ys, nullptr, nullptr, nullptr, count, -1, pick_color(color), lines, 0, 0, {}});
}

void PlotBand(const double* xs, const double* ys_low, const double* ys_high, int count, ImU32 color) {
    State& s = state();
    for (int i = 0; i < count; ++i) {
        include(s.axes[Axis_X], xs[i]);
        include(s.axes[Axis_Y], ys_low[i]);
        include(s.axes[Axis_Y], ys_high[i]);
    }
    s.series.push_back(Series{Series::band, "", xs, ys_low, ys_high, nullptr, nullptr, count, -1, color, 0, 0, 0, {}});
}

void PlotMarker(double x, double y, const char* label, ImU32 color) {
    State& s = state();
    include(s.axes[Axis_X], x);
    include(s.axes[Axis_Y], y);
    Series series{Series::marker, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, 1, -1, color, 0, x, y, {}};
    std::snprintf(series.marker_text, sizeof series.marker_text, "%s", label ? label : "");
    s.series.push_back(series); // EndChart reads marker_text (a pointer into the vector would dangle on growth)
}

void PlotBarsH(const char* const* labels, const double* values, const double* lows, const double* highs, int count,
               int highlight, ImU32 color) {
    State& s = state();
    for (int i = 0; i < count; ++i) {
        include(s.axes[Axis_X], values[i]);
        if (highs) include(s.axes[Axis_X], highs[i]);
        if (lows) include(s.axes[Axis_X], lows[i]);
    }
    s.axes[Axis_Y].fixed = true;
    s.axes[Axis_Y].min = 0;
    s.axes[Axis_Y].max = count;
    s.series.push_back(Series{
        Series::bars, "", nullptr, values, highs, lows, labels, count, highlight, pick_color(color), 0, 0, 0, {}});
}

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] Line styles: every series tells itself apart without colour (dash pattern + marker shape), in the plot
// and in the legend alike
//-----------------------------------------------------------------------------------------------------------------

namespace {

constexpr int kStyleCount = 4;

// Dash pattern of style `style` in em: {on, off}; solid when off is 0.
void dash_pattern(int style, float& on, float& off) {
    switch (style % kStyleCount) {
    case 1:
        on = 0.8f, off = 0.45f;
        break; // dashed
    case 2:
        on = 0.2f, off = 0.35f;
        break; // dotted
    case 3:
        on = 1.1f, off = 0.3f;
        break; // long dash
    default:
        on = 1.0f, off = 0.0f;
        break; // solid
    }
}

// A polyline segment with the style's dashes; `phase` carries the pattern from one segment to the next.
void dashed_line(ImDrawList* draw, ImVec2 a, ImVec2 b, ImU32 color, float thickness, int style, float em,
                 float& phase) {
    float on = 1.0f, off = 0.0f;
    dash_pattern(style, on, off);
    if (off <= 0.0f) {
        draw->AddLine(a, b, color, thickness);
        return;
    }
    on *= em;
    off *= em;
    const float length = std::sqrt((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y));
    if (!(length > 0.0f)) return;
    if (length > 1.0e5f) { // far outside any screen: not worth thousands of dashes
        draw->AddLine(a, b, color, thickness);
        return;
    }
    const ImVec2 unit((b.x - a.x) / length, (b.y - a.y) / length);
    const float period = on + off;
    // Walk the segment one whole period at a time from where the pattern stands (`phase`): rounding cannot stall it.
    float at = -std::fmod(phase, period); // where the current period started, relative to a
    while (at < length) {
        const float dash_begin = std::max(at, 0.0f), dash_end = std::min(at + on, length);
        if (dash_end > dash_begin)
            draw->AddLine(ImVec2(a.x + unit.x * dash_begin, a.y + unit.y * dash_begin),
                          ImVec2(a.x + unit.x * dash_end, a.y + unit.y * dash_end), color, thickness);
        at += period;
    }
    phase = std::fmod(phase + length, on + off);
}

// Marker shape of style `style` at `p`: circle, square, triangle, diamond (filled, with a ring of the background so
// crossing lines do not hide it).
void marker_shape(ImDrawList* draw, ImVec2 p, float r, ImU32 color, ImU32 outline, int style) {
    switch (style % kStyleCount) {
    case 1:
        draw->AddRectFilled(ImVec2(p.x - r, p.y - r), ImVec2(p.x + r, p.y + r), color);
        draw->AddRect(ImVec2(p.x - r, p.y - r), ImVec2(p.x + r, p.y + r), outline, 0.0f, 0, 1.0f);
        break;
    case 2:
        draw->AddTriangleFilled(ImVec2(p.x, p.y - 1.2f * r), ImVec2(p.x + 1.1f * r, p.y + 0.8f * r),
                                ImVec2(p.x - 1.1f * r, p.y + 0.8f * r), color);
        draw->AddTriangle(ImVec2(p.x, p.y - 1.2f * r), ImVec2(p.x + 1.1f * r, p.y + 0.8f * r),
                          ImVec2(p.x - 1.1f * r, p.y + 0.8f * r), outline, 1.0f);
        break;
    case 3:
        draw->AddQuadFilled(ImVec2(p.x, p.y - 1.3f * r), ImVec2(p.x + 1.3f * r, p.y), ImVec2(p.x, p.y + 1.3f * r),
                            ImVec2(p.x - 1.3f * r, p.y), color);
        draw->AddQuad(ImVec2(p.x, p.y - 1.3f * r), ImVec2(p.x + 1.3f * r, p.y), ImVec2(p.x, p.y + 1.3f * r),
                      ImVec2(p.x - 1.3f * r, p.y), outline, 1.0f);
        break;
    default:
        draw->AddCircleFilled(p, r, color);
        draw->AddCircle(p, r, outline, 0, 1.0f);
        break;
    }
}

// Lines drawn in series order would bury the first series (the current GPU) under the others where they coincide
// (H800 and H100 share most of the cost curve): the first line is drawn last and thickest, and each series puts its
// markers on different points (every kMarkerEvery-th, offset by its style), so every series stays visible.
constexpr int kMarkerEvery = 4;

std::map<std::string, ChartLayout>& layouts() {
    static std::map<std::string, ChartLayout> all;
    return all;
}

struct LegendEntry {
    const char* label;
    ImVec2 pos; // top-left of the sample
};

} // namespace

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] EndChart
//-----------------------------------------------------------------------------------------------------------------

bool LastLayout(const char* id, ChartLayout& out) {
    auto found = layouts().find(id);
    if (found == layouts().end()) return false;
    out = found->second;
    return true;
}

int EndChart() {
    State& s = state();
    ChartLayout& layout = layouts()[s.name];
    layout = ChartLayout();
    layout.frame_min_x = s.frame.Min.x;
    layout.frame_max_x = s.frame.Max.x;
    layout.text_min_x = 1e30f;
    layout.text_max_x = -1e30f;
    auto placed = [&layout](float left, float width) {
        layout.text_min_x = std::min(layout.text_min_x, left);
        layout.text_max_x = std::max(layout.text_max_x, left + width);
    };
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float em = ImGui::GetFontSize();
    const ChartColors& c = s.colors;
    AxisState& ax = s.axes[Axis_X];
    AxisState& ay = s.axes[Axis_Y];
    finish_axis(ax);
    finish_axis(ay);
    const bool bars = !s.series.empty() && s.series[0].kind == Series::bars;

    // Plot rectangle: room for the y label on top, tick labels left, x label below.
    float left_margin = 0.0f;
    if (bars) {
        const Series& b = s.series[0];
        for (int i = 0; i < b.count; ++i)
            left_margin = std::max(left_margin, ImGui::CalcTextSize(b.names[i]).x);
    } else {
        make_ticks(ay, s.ticks);
        for (double t : s.ticks)
            left_margin = std::max(left_margin, ImGui::CalcTextSize(format_value(ay, t).c_str()).x);
    }
    left_margin = std::min(left_margin + 0.5f * em, s.frame.GetWidth() * 0.45f);

    // Legend (lines only), flowing like words: on the y title's row, then on more rows, never dropping an entry (a
    // phone's chart is narrow); the plot starts below the last row.
    static std::vector<LegendEntry> legend;
    legend.clear();
    const float row_height = ImGui::GetTextLineHeight() + 0.2f * em;
    const float sample_width = 1.8f * em;
    float legend_x = s.frame.Min.x + ImGui::CalcTextSize(ay.label).x + em;
    float legend_y = s.frame.Min.y;
    for (const Series& series : s.series) {
        if (series.kind == Series::line) ++layout.line_series;
        if (series.kind != Series::line || !series.label || !series.label[0]) continue;
        const float width = sample_width + 0.3f * em + ImGui::CalcTextSize(series.label).x;
        if (legend_x + width > s.frame.Max.x && legend_x > s.frame.Min.x) {
            legend_x = s.frame.Min.x;
            legend_y += row_height;
        }
        legend.push_back(LegendEntry{series.label, ImVec2(legend_x, legend_y)});
        placed(legend_x, width);
        legend_x += width + 0.8f * em;
    }
    const float plot_top = legend_y + row_height + 0.2f * em;

    // Bars: room on the right for the value printed after the longest bar (RTX 2080 Ti's years), so it is never cut
    // by the chart's edge or drawn over its own bar.
    float right_margin = 0.8f * em;
    if (bars) {
        const Series& b = s.series[0];
        for (int i = 0; i < b.count; ++i)
            right_margin = std::max(right_margin, ImGui::CalcTextSize(format_value(ax, b.ys[i]).c_str()).x + 0.6f * em);
        right_margin = std::min(right_margin, s.frame.GetWidth() * 0.3f);
    }
    ImRect plot(ImVec2(s.frame.Min.x + left_margin, std::max(plot_top, s.frame.Min.y + 1.4f * em)),
                ImVec2(s.frame.Max.x - right_margin, s.frame.Max.y - 2.6f * em));
    if (plot.GetWidth() < em || plot.GetHeight() < em) return -1;
    draw->AddRectFilled(plot.Min, plot.Max, c.background);

    auto px = [&](double v) { return plot.Min.x + static_cast<float>(to_unit(ax, v)) * plot.GetWidth(); };
    auto py = [&](double v) { return plot.Max.y - static_cast<float>(to_unit(ay, v)) * plot.GetHeight(); };

    // Grid and ticks.
    if (!bars) {
        for (double t : s.ticks) {
            const float y = py(t);
            draw->AddLine(ImVec2(plot.Min.x, y), ImVec2(plot.Max.x, y), c.grid);
            const std::string text = format_value(ay, t);
            const ImVec2 size = ImGui::CalcTextSize(text.c_str());
            draw->AddText(ImVec2(plot.Min.x - size.x - 0.3f * em, y - size.y * 0.5f), c.axis, text.c_str());
        }
    }
    make_ticks(ax, s.ticks);
    float last_label_right = -1e9f;
    for (double t : s.ticks) {
        const float x = px(t);
        draw->AddLine(ImVec2(x, plot.Min.y), ImVec2(x, plot.Max.y), c.grid);
        const std::string text = format_value(ax, t);
        const ImVec2 size = ImGui::CalcTextSize(text.c_str());
        float left = std::clamp(x - size.x * 0.5f, s.frame.Min.x, s.frame.Max.x - size.x);
        if (left < last_label_right + 0.4f * em) continue; // skip a label that would overlap its neighbour
        draw->AddText(ImVec2(left, plot.Max.y + 0.2f * em), c.axis, text.c_str());
        placed(left, size.x);
        last_label_right = left + size.x;
    }
    draw->AddLine(ImVec2(plot.Min.x, plot.Max.y), ImVec2(plot.Max.x, plot.Max.y), c.axis);
    draw->AddLine(ImVec2(plot.Min.x, plot.Min.y), ImVec2(plot.Min.x, plot.Max.y), c.axis);

    // Axis titles: y on top-left (horizontal text reads in every language), x centred below the ticks.
    draw->AddText(ImVec2(s.frame.Min.x, s.frame.Min.y), c.text, ay.label);
    const ImVec2 x_label_size = ImGui::CalcTextSize(ax.label);
    draw->AddText(ImVec2(plot.GetCenter().x - x_label_size.x * 0.5f, plot.Max.y + 1.35f * em), c.text, ax.label);

    // Series: bands first, then lines, markers on top.
    draw->PushClipRect(plot.Min, plot.Max, true);
    int clicked = -1;
    const bool hovered = ImGui::IsItemHovered();
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    for (const Series& series : s.series) {
        if (series.kind == Series::band) {
            for (int i = 0; i + 1 < series.count; ++i) {
                const ImVec2 a(px(series.xs[i]), py(series.ys2[i])), b(px(series.xs[i + 1]), py(series.ys2[i + 1]));
                const ImVec2 d(px(series.xs[i + 1]), py(series.ys[i + 1])), e(px(series.xs[i]), py(series.ys[i]));
                draw->AddQuadFilled(a, b, d, e, (series.color & 0x00FFFFFF) | (40u << 24));
            }
        }
    }
    // Lines last-to-first, so the first series (the current GPU) is on top; each with its dashes and markers.
    for (auto it = s.series.rbegin(); it != s.series.rend(); ++it) {
        const Series& series = *it;
        if (series.kind != Series::line) continue;
        const float thickness = (series.style == 0 ? 0.2f : 0.13f) * em;
        float phase = 0.0f;
        for (int i = 0; i + 1 < series.count; ++i) {
            if (!std::isfinite(series.ys[i]) || !std::isfinite(series.ys[i + 1])) continue;
            dashed_line(draw, ImVec2(px(series.xs[i]), py(series.ys[i])),
                        ImVec2(px(series.xs[i + 1]), py(series.ys[i + 1])), series.color, thickness, series.style, em,
                        phase);
        }
        for (int i = series.style % kMarkerEvery; i < series.count; i += kMarkerEvery)
            if (std::isfinite(series.ys[i]))
                marker_shape(draw, ImVec2(px(series.xs[i]), py(series.ys[i])), 0.28f * em, series.color, c.background,
                             series.style);
    }
    for (const Series& series : s.series) {
        if (series.kind == Series::bars) {
            const float row = plot.GetHeight() / std::max(1, series.count);
            for (int i = 0; i < series.count; ++i) {
                const float top = plot.Min.y + row * i + row * 0.18f, bottom = plot.Min.y + row * (i + 1) - row * 0.18f;
                const bool emphasized = i == series.highlight;
                const ImU32 fill = emphasized ? series.color : ((series.color & 0x00FFFFFF) | (150u << 24));
                draw->AddRectFilled(ImVec2(plot.Min.x, top), ImVec2(px(series.ys[i]), bottom), fill, 0.15f * em);
                if (series.ys2 && series.ys3) {
                    const float mid = (top + bottom) * 0.5f;
                    draw->AddLine(ImVec2(px(series.ys3[i]), mid), ImVec2(px(series.ys2[i]), mid), c.text, 0.08f * em);
                }
                const ImRect row_rect(ImVec2(s.frame.Min.x, plot.Min.y + row * i),
                                      ImVec2(plot.Max.x, plot.Min.y + row * (i + 1)));
                if (hovered && row_rect.Contains(mouse) &&
                    (ImGui::GetIO().MouseSource != ImGuiMouseSource_TouchScreen || ImGui::GetIO().MouseDown[0] ||
                     ImGui::IsMouseReleased(ImGuiMouseButton_Left))) {
                    draw->AddRect(row_rect.Min, row_rect.Max, c.axis);
                    if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) clicked = i;
                }
            }
        }
    }
    for (const Series& series : s.series) {
        if (series.kind != Series::marker) continue;
        const ImVec2 p(px(series.x), py(series.y));
        draw->AddCircle(p, 0.45f * em, series.color, 0, 0.14f * em);
        draw->AddCircleFilled(p, 0.2f * em, series.color);
    }
    draw->PopClipRect();
    // Bar labels and marker labels sit outside the clip rectangle.
    for (const Series& series : s.series) {
        if (series.kind == Series::bars) {
            const float row = plot.GetHeight() / std::max(1, series.count);
            for (int i = 0; i < series.count; ++i) {
                const ImVec2 size = ImGui::CalcTextSize(series.names[i]);
                const float name_y = plot.Min.y + row * (i + 0.5f) - size.y * 0.5f;
                const float name_right = plot.Min.x - 0.3f * em;
                ImGui::PushStyleColor(ImGuiCol_Text, i == series.highlight ? c.text : c.axis);
                // A name wider than the margin (a phone) ends in "…" inside the chart, never past its edge.
                ImGui::RenderTextEllipsis(draw, ImVec2(std::max(s.frame.Min.x, name_right - size.x), name_y),
                                          ImVec2(name_right, name_y + size.y), name_right, series.names[i], nullptr,
                                          &size);
                ImGui::PopStyleColor();
                placed(std::max(s.frame.Min.x, name_right - size.x), std::min(size.x, name_right - s.frame.Min.x));
                const std::string value = format_value(ax, series.ys[i]);
                const float end = px(series.ys2 ? series.ys2[i] : series.ys[i]) + 0.3f * em;
                const ImVec2 value_size = ImGui::CalcTextSize(value.c_str());
                const float vx = std::max(plot.Min.x, std::min(end, s.frame.Max.x - value_size.x));
                placed(vx, value_size.x);
                draw->AddText(ImVec2(vx, plot.Min.y + row * (i + 0.5f) - value_size.y * 0.5f), c.text, value.c_str());
            }
        } else if (series.kind == Series::marker && series.marker_text[0]) {
            const ImVec2 p(px(series.x), py(series.y));
            const ImVec2 size = ImGui::CalcTextSize(series.marker_text);
            const float lx = std::clamp(p.x + 0.6f * em, plot.Min.x, plot.Max.x - size.x);
            const float ly = std::clamp(p.y - 1.4f * em, plot.Min.y, plot.Max.y - size.y);
            draw->AddText(ImVec2(lx, ly), series.color, series.marker_text);
        }
    }

    // The legend laid out above: a sample of each line (its dashes and its marker) and its name.
    {
        std::size_t entry = 0;
        for (const Series& series : s.series) {
            if (series.kind != Series::line || !series.label || !series.label[0] || entry >= legend.size()) continue;
            const LegendEntry& at = legend[entry++];
            ++layout.legend_entries;
            const float mid = at.pos.y + ImGui::GetTextLineHeight() * 0.55f;
            float phase = 0.0f;
            dashed_line(draw, ImVec2(at.pos.x, mid), ImVec2(at.pos.x + sample_width, mid), series.color,
                        (series.style == 0 ? 0.2f : 0.13f) * em, series.style, em, phase);
            marker_shape(draw, ImVec2(at.pos.x + sample_width * 0.5f, mid), 0.28f * em, series.color, c.background,
                         series.style);
            draw->AddText(ImVec2(at.pos.x + sample_width + 0.3f * em, at.pos.y), c.text, series.label);
        }
    }

    // Hover read-out: nearest x on the first line, values of every line there.
    // A finger that lifted leaves ImGui's mouse where it was: with touch, the read-out shows only while the finger
    // is down, so it closes when the finger lifts.
    const ImGuiIO& io = ImGui::GetIO();
    const bool pointing = io.MouseSource != ImGuiMouseSource_TouchScreen || io.MouseDown[0];
    if (hovered && pointing && !bars && plot.Contains(mouse)) {
        const double x_at = from_unit(ax, (mouse.x - plot.Min.x) / plot.GetWidth());
        const Series* first = nullptr;
        for (const Series& series : s.series)
            if (series.kind == Series::line && series.count > 0) {
                first = &series;
                break;
            }
        if (first) {
            int best = 0;
            for (int i = 1; i < first->count; ++i)
                if (std::fabs(to_unit(ax, first->xs[i]) - to_unit(ax, x_at)) <
                    std::fabs(to_unit(ax, first->xs[best]) - to_unit(ax, x_at)))
                    best = i;
            const double x_value = first->xs[best];
            draw->AddLine(ImVec2(px(x_value), plot.Min.y), ImVec2(px(x_value), plot.Max.y), c.axis, 1.0f);
            ImGui::BeginTooltip();
            ImGui::TextUnformatted(ax.label);
            ImGui::SameLine();
            ImGui::TextUnformatted(format_value(ax, x_value).c_str());
            for (const Series& series : s.series) {
                if (series.kind != Series::line || series.count != first->count) continue;
                const ImVec2 at = ImGui::GetCursorScreenPos();
                ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(at.x, at.y + 0.3f * em),
                                                          ImVec2(at.x + 0.7f * em, at.y + 0.9f * em), series.color);
                ImGui::Dummy(ImVec2(0.8f * em, em));
                ImGui::SameLine();
                ImGui::Text("%s: %s", series.label, format_value(ay, series.ys[best]).c_str());
            }
            ImGui::EndTooltip();
        }
    }
    return clicked;
}

} // namespace chips::ui::chart
