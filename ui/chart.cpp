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
    double x, y;          // marker
    char marker_text[64]; // marker label, copied (callers pass temporaries)
};

struct State {
    ImGuiID id = 0;
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
    s.series.push_back(
        Series{Series::line, label, xs, ys, nullptr, nullptr, nullptr, count, -1, pick_color(color), 0, 0, {}});
}

void PlotBand(const double* xs, const double* ys_low, const double* ys_high, int count, ImU32 color) {
    State& s = state();
    for (int i = 0; i < count; ++i) {
        include(s.axes[Axis_X], xs[i]);
        include(s.axes[Axis_Y], ys_low[i]);
        include(s.axes[Axis_Y], ys_high[i]);
    }
    s.series.push_back(Series{Series::band, "", xs, ys_low, ys_high, nullptr, nullptr, count, -1, color, 0, 0, {}});
}

void PlotMarker(double x, double y, const char* label, ImU32 color) {
    State& s = state();
    include(s.axes[Axis_X], x);
    include(s.axes[Axis_Y], y);
    Series series{Series::marker, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, 1, -1, color, x, y, {}};
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
    s.series.push_back(
        Series{Series::bars, "", nullptr, values, highs, lows, labels, count, highlight, pick_color(color), 0, 0, {}});
}

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] EndChart
//-----------------------------------------------------------------------------------------------------------------

int EndChart() {
    State& s = state();
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
    ImRect plot(ImVec2(s.frame.Min.x + left_margin, s.frame.Min.y + 1.4f * em),
                ImVec2(s.frame.Max.x - 0.8f * em, s.frame.Max.y - 2.6f * em));
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
    for (const Series& series : s.series) {
        if (series.kind == Series::line) {
            for (int i = 0; i + 1 < series.count; ++i)
                draw->AddLine(ImVec2(px(series.xs[i]), py(series.ys[i])),
                              ImVec2(px(series.xs[i + 1]), py(series.ys[i + 1])), series.color, 0.14f * em);
        } else if (series.kind == Series::bars) {
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
                if (hovered && row_rect.Contains(mouse)) {
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
                draw->AddText(ImVec2(plot.Min.x - size.x - 0.3f * em, plot.Min.y + row * (i + 0.5f) - size.y * 0.5f),
                              i == series.highlight ? c.text : c.axis, series.names[i]);
                const std::string value = format_value(ax, series.ys[i]);
                const float end = px(series.ys2 ? series.ys2[i] : series.ys[i]) + 0.3f * em;
                const ImVec2 value_size = ImGui::CalcTextSize(value.c_str());
                const float vx = std::min(end, plot.Max.x - value_size.x);
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

    // Legend (lines only), left to right under the x title.
    float legend_x = plot.Min.x;
    const float legend_y = s.frame.Min.y;
    const float y_label_right = s.frame.Min.x + ImGui::CalcTextSize(ay.label).x + em;
    legend_x = std::max(legend_x, y_label_right);
    for (const Series& series : s.series) {
        if (series.kind != Series::line || !series.label || !series.label[0]) continue;
        const ImVec2 size = ImGui::CalcTextSize(series.label);
        if (legend_x + 1.4f * em + size.x > s.frame.Max.x) break;
        draw->AddLine(ImVec2(legend_x, legend_y + size.y * 0.55f), ImVec2(legend_x + em, legend_y + size.y * 0.55f),
                      series.color, 0.18f * em);
        draw->AddText(ImVec2(legend_x + 1.2f * em, legend_y), c.text, series.label);
        legend_x += 1.2f * em + size.x + 0.8f * em;
    }

    // Hover read-out: nearest x on the first line, values of every line there.
    if (hovered && !bars && plot.Contains(mouse)) {
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
