// ui/app_state.cpp — AppState: fonts per language and script, the caches that follow the session (chart sweeps,
// quote layouts, what to bring into view), control rectangles, the clipboard.
//
// Index
// - [SECTION] Fonts
// - [SECTION] Caches that follow the session
// - [SECTION] Rectangles, clipboard
#include "ui/app_state.h"

#include "session/tour_text.h"

#include <imgui.h>
#include <imgui_internal.h> // ImGuiWindow identity: is the result card in the same column as the step's control

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

namespace chips::ui {

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] Fonts
//-----------------------------------------------------------------------------------------------------------------

ImFont* AppState::ui_font() const {
    if (session.lang() == Lang::zh_hant && fonts.traditional) return fonts.traditional;
    return fonts.simplified ? fonts.simplified : fonts.traditional;
}

ImFont* AppState::font_for_script(const std::string& script) const {
    if (script == "zh-Hant" && fonts.traditional) return fonts.traditional;
    return fonts.simplified ? fonts.simplified : fonts.traditional;
}

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] Caches that follow the session
//-----------------------------------------------------------------------------------------------------------------

namespace {

// The charts draw central values (model/engine/chart_data.h keeps low/high for the CSV); a refused point is NaN either
// way.
std::vector<double> centrals(const std::vector<Range>& ranges) {
    std::vector<double> out;
    out.reserve(ranges.size());
    for (const Range& range : ranges)
        out.push_back(range.central);
    return out;
}

// The plot-ready view of the chart data: central values and the labels the legend and bars show.
void fill_sweeps(const ChartData& data, const GpuCatalog& gpus, Sweeps& s) {
    s = Sweeps();
    s.chips = data.chips.chips;
    for (const std::string& id : data.chips.gpu_ids)
        s.gpu_labels.push_back(gpu_short_name(*gpus.find(id)));
    for (const std::vector<Range>& series : data.chips.days)
        s.days.push_back(centrals(series));
    for (const std::vector<Range>& series : data.chips.cost_usd)
        s.cost.push_back(centrals(series));
    s.experts = data.experts.experts_active;
    s.active_params = centrals(data.experts.active_params);
    s.expert_cost = centrals(data.experts.cost_usd);
    for (std::size_t i = 0; i < data.gpus.gpu_ids.size(); ++i) {
        s.every_gpu_names.push_back(gpu_short_name(*gpus.find(data.gpus.gpu_ids[i])));
        s.every_days.push_back(data.gpus.days[i].central);
        s.every_days_low.push_back(data.gpus.days[i].low);
        s.every_days_high.push_back(data.gpus.days[i].high);
    }
    s.every_current = data.gpus.current;
    for (const std::string& name : s.every_gpu_names)
        s.every_gpu_labels.push_back(name.c_str());
}

// The result a step is about: the first number its text writes (session/tour_text.h), else what its control moves.
std::string tour_result_for(const TourStep& step) {
    const std::string named = first_output_placeholder(step.body.en);
    if (!named.empty()) return named;
    if (step.control == "usd_per_gpu_hour" || step.control.rfind("experts_", 0) == 0) return "rental_cost_usd";
    if (step.control == "inference_batch") return "inference_usd_per_million_tokens";
    if (find_scenario_key(step.control)) return "training_days";
    return "";
}

} // namespace

void AppState::sync_caches() {
    if (quote_layouts.size() != session.quotes().size()) quote_layouts.assign(session.quotes().size(), QuoteLayout());
    if (sweeps_revision != session.scenario_revision()) {
        sweeps_revision = session.scenario_revision();
        fill_sweeps(session.charts(), session.gpus(), sweeps);
    }
    // Something outside the panels picked a quote (a link, the page, the tour): the list scrolls to it.
    if (seen_reveal_revision != session.reveal_revision()) {
        seen_reveal_revision = session.reveal_revision();
        scroll_to_selected_quote = true;
        scroll_settle_frames = 0;
        selected_card_top = -1.0f;
    }
    // The tour moved: point at the step's control and bring it into view, or hand the controls back.
    if (seen_tour_revision != session.tour_revision()) {
        seen_tour_revision = session.tour_revision();
        if (session.touring()) {
            const TourStep& step = session.tour().steps[session.tour_nav().step()];
            tour_control = step.control == "quote" ? "quote:" + step.quote : step.control;
            tour_scroll_pending = true;
            tour_scroll_frames = 0;
            tour_in_view_frames = 0;
            tour_result = tour_result_for(step);
            tour_result_scroll_pending = !tour_result.empty();
            // Side by side, the quotes list is its own column: it shows the step's quote too (ui/app.cpp draw_full;
            // the layout is known only there).
            tour_reveal_quote = !step.quote.empty() && step.control != "quote";
        } else {
            tour_control.clear();
            tour_scroll_pending = false;
            tour_result.clear();
            tour_result_scroll_pending = false;
        }
    }
}

void AppState::record_rect(const std::string& id) {
    if (drawing_preview) return; // the preview's copy of a control must not hide where the real one is
    const ImVec2 min = ImGui::GetItemRectMin();
    const ImVec2 max = ImGui::GetItemRectMax();
    if (!tour_control.empty() && id == tour_control) {
        // The one-column layout draws the selected quote twice (on top, and in the list): the tour points at the
        // first, which is the one scrolled into view.
        if (control_rects.count(id)) return;
        if (tour_scroll_pending) {
            // Scroll the window holding the control (a column) so it sits near the top, with room below it for
            // the step card. ImGui applies a scroll next frame, clamped to the content measured so far (on the
            // first frames after start-up that is too little), so this repeats until the control is in view, at
            // most a few frames.
            const float em = ImGui::GetFontSize();
            const float top = ImGui::GetWindowPos().y;
            const float bottom = top + ImGui::GetWindowHeight();
            const float room_below = std::min(12.0f * em, std::max(0.0f, bottom - top - (max.y - min.y) - em));
            const float margin = 2.0f * em; // the control's label sits above it
            const bool top_ok = min.y - margin >= top || (ImGui::GetScrollY() <= 0.0f && min.y >= top);
            const bool in_view = top_ok && max.y + room_below <= bottom;
            // Done when in view on two frames running: on a step's first frame what sits above the control (the
            // step's quote on top of one column, with its translation) can still change height and push it out.
            tour_in_view_frames = in_view ? tour_in_view_frames + 1 : 0;
            if (tour_in_view_frames >= 2 || ++tour_scroll_frames > 8)
                tour_scroll_pending = false;
            else if (!in_view)
                ImGui::SetScrollFromPosY(min.y - top - margin, 0.0f);
        }
    }
    if (!tour_control.empty() && id == tour_control) tour_control_window = ImGui::GetCurrentWindow();
    if (tour_result_scroll_pending && id == "result." + tour_result) {
        // The result card of the step, when it sits in another column than the step's control (side by side): that
        // column scrolls it into view. In one column the line under the control shows the number instead.
        ImGuiWindow* window = ImGui::GetCurrentWindow();
        if (tour_control_window && window != tour_control_window) {
            const float top = window->Pos.y, bottom = top + window->Size.y;
            if (min.y < top || max.y > bottom) ImGui::SetScrollFromPosY(min.y - top - ImGui::GetFontSize(), 0.0f);
        }
        if (tour_control_window) tour_result_scroll_pending = false;
    }
    control_rects[id] = ImVec4(min.x, min.y, max.x - min.x, max.y - min.y);
    if (ImGui::IsItemFocused() && ImGui::GetItemID() != 0) focused_control = id;
}

void AppState::copy(const std::string& text, const char* what) {
    if (!hooks.copy_text) return;
    hooks.copy_text(text);
    copied_what = what;
    copied_until = ImGui::GetTime() + 1.5;
}

std::string AppState::page_url() const {
    return hooks.page_url ? hooks.page_url() : std::string();
}

} // namespace chips::ui
