// ui/panel_tour.cpp — the guided tour (content/tour.json, model/content/tour.h): the header buttons that start or
// resume it, the keys a presenter uses, the outline around the one control a step points at, and the step card beside
// it.
//
// Index
// - [SECTION] Commands and keys
// - [SECTION] Header buttons
// - [SECTION] Overlay: outline + step card placed next to the target without covering it
//
// Which step is shown is decided by TourNavigator (model/content/tour.h, tested natively); this file only maps input to
// its commands and draws. Nothing moves by itself: the outline does not pulse and the card does not slide, so
// prefers-reduced-motion is respected by construction and an idle tour costs no frames (docs/journeys.md).
#include "ui/app_state.h"

#include <imgui.h>

#include <algorithm>

namespace chips::ui {

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] Commands and keys
//-----------------------------------------------------------------------------------------------------------------

void handle_tour_keys(AppState& state) {
    if (state.session.tour().steps.empty()) return;
    // While touring, ImGui's keyboard navigation is off: otherwise → would also move the nav cursor and Space would
    // press whatever button it sits on, one key doing two things. It comes back the moment the tour ends.
    ImGuiIO& io = ImGui::GetIO();
    const bool touring = state.session.tour_nav().mode() == TourMode::touring && state.session.view() != View::embed;
    if (touring && !state.tour_nav_suspended && (io.ConfigFlags & ImGuiConfigFlags_NavEnableKeyboard)) {
        io.ConfigFlags &= ~ImGuiConfigFlags_NavEnableKeyboard;
        state.tour_nav_suspended = true;
    } else if (!touring && state.tour_nav_suspended) {
        io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
        state.tour_nav_suspended = false;
    }
    // Outside the tour the keys stay the page's (arrows scroll the article). A text field or a dragged slider
    // keeps its keys, and Esc closes an open popup first.
    if (!touring || io.WantTextInput || ImGui::IsAnyItemActive() || ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId))
        return;
    auto pressed = [](ImGuiKey key) { return ImGui::IsKeyPressed(key, /*repeat=*/false); };
    if (pressed(ImGuiKey_RightArrow) || pressed(ImGuiKey_PageDown) || pressed(ImGuiKey_Space))
        state.session.tour_command(TourCommand::next);
    else if (pressed(ImGuiKey_LeftArrow) || pressed(ImGuiKey_PageUp))
        state.session.tour_command(TourCommand::previous);
    else if (pressed(ImGuiKey_Escape))
        state.session.tour_command(TourCommand::skip);
    else if (pressed(ImGuiKey_Home))
        state.session.tour_command(TourCommand::restart);
}

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] Header buttons
//-----------------------------------------------------------------------------------------------------------------

void draw_tour_buttons(AppState& state) {
    if (state.session.tour().steps.empty() || state.session.view() == View::embed) return;
    const TourNavigator& nav = state.session.tour_nav();
    if (nav.mode() == TourMode::touring) return; // the step card has its own buttons
    // "Resume" only when it would go somewhere "Take the tour" does not (skipped after step 1, not finished).
    const bool resumable = nav.mode() == TourMode::free_play && nav.resume_step() > 0 && !nav.finished();
    const Palette& pal = palette(state.session.theme());
    // The first thing a new reader should find: an accent-coloured button (text stays the theme's, so contrast
    // holds in both themes).
    ImGui::PushStyleColor(ImGuiCol_Button,
                          ImGui::ColorConvertU32ToFloat4((pal.tour_outline & 0x00FFFFFFu) | 0x50000000u));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered,
                          ImGui::ColorConvertU32ToFloat4((pal.tour_outline & 0x00FFFFFFu) | 0x90000000u));
    if (ImGui::Button(state.tr("tour.start"))) state.session.tour_command(TourCommand::restart);
    state.record_rect("tour.start");
    ImGui::PopStyleColor(2);
    if (resumable) {
        flow(button_width(state.tr("tour.resume")));
        if (ImGui::Button(state.tr("tour.resume"))) state.session.tour_command(TourCommand::resume);
        state.record_rect("tour.resume");
    }
}

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] The result beside the control
//-----------------------------------------------------------------------------------------------------------------

void draw_tour_result_line(AppState& state, const char* control_key) {
    if (!state.session.touring() || state.tour_result.empty() || state.tour_control != control_key) return;
    const OutputInfo* info = find_output(state.tour_result.c_str());
    if (!info || state.session.result().status != EstimateStatus::ok) return;
    const Range& range = state.session.result().*(info->field);
    // The same words as the result card (ui/panel_results.cpp): the formatter with the output's unit.
    const std::string value = state.session.fmt().format(range.central, quantity_for_unit(info->unit));
    const std::string label_key = "output." + state.tour_result;
    const std::string line = "\xE2\x86\x92 " + std::string(state.tr(label_key.c_str())) + ": " + value;
    ImGui::PushFont(nullptr, ImGui::GetStyle().FontSizeBase * 1.15f);
    wrapped_text(line.c_str(), palette(state.session.theme()).tour_outline);
    ImGui::PopFont();
    state.record_rect("tour.result");
}

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] Overlay
//-----------------------------------------------------------------------------------------------------------------

namespace {

// What the "Try this control" line names: the control's own label where the strings have one.
std::string control_label(const AppState& state, const TourStep& step) {
    std::string key;
    if (step.control == "quote")
        key = "panel.quotes";
    else if (step.control == "results")
        key = "panel.results";
    else if (step.control.rfind("result.", 0) == 0)
        key = "output." + step.control.substr(7);
    else
        key = "scenario." + step.control + ".label";
    return state.session.strings().has(key) ? state.tr(key.c_str()) : std::string();
}

// Top-left corner for a card of `size` next to `target` (already padded) inside [view_min, view_max], never
// overlapping the target: below, above, then right, left (below first: in the wide layout the results, which
// the step is about, sit to the right of most targets). `max_height` returns the room on the chosen side.
ImVec2 place_card(const ImVec2& target_min, const ImVec2& target_max, const ImVec2& size, const ImVec2& view_min,
                  const ImVec2& view_max, float gap, float& max_height) {
    auto clamp_x = [&](float x) { return std::clamp(x, view_min.x, std::max(view_min.x, view_max.x - size.x)); };
    auto clamp_y = [&](float y) { return std::clamp(y, view_min.y, std::max(view_min.y, view_max.y - size.y)); };
    const float room_below = view_max.y - (target_max.y + gap);
    const float room_above = (target_min.y - gap) - view_min.y;
    max_height = view_max.y - view_min.y;
    if (size.y <= room_below) return ImVec2(clamp_x(target_min.x), target_max.y + gap);
    if (size.y <= room_above) return ImVec2(clamp_x(target_min.x), target_min.y - gap - size.y);
    if (target_max.x + gap + size.x <= view_max.x) return ImVec2(target_max.x + gap, clamp_y(target_min.y));
    if (target_min.x - gap - size.x >= view_min.x) return ImVec2(target_min.x - gap - size.x, clamp_y(target_min.y));
    // Nothing fits beside the target, but the card fits the screen (a short screen, e.g. 200 % zoom): at the bottom,
    // whole, over part of the target, so that its buttons stay on screen (a squeezed card scrolls them out of reach of
    // a finger, whose vertical swipes scroll the page).
    if (size.y <= max_height) return ImVec2(clamp_x(target_min.x), view_max.y - size.y);
    // Nothing fits whole: take the taller side and let the card scroll inside it.
    if (room_below >= room_above) {
        max_height = std::max(room_below, 4.0f * gap);
        return ImVec2(clamp_x(target_min.x), view_max.y - std::min(size.y, max_height));
    }
    max_height = std::max(room_above, 4.0f * gap);
    return ImVec2(clamp_x(target_min.x), view_min.y);
}

} // namespace

void draw_tour_overlay(AppState& state) {
    if (state.session.tour().steps.empty() || state.session.view() == View::embed ||
        state.session.tour_nav().mode() != TourMode::touring)
        return;
    const TourNavigator& nav = state.session.tour_nav();
    const TourStep& step = state.session.tour().steps[nav.step()];
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImFont* font = state.ui_font();
    if (font) ImGui::PushFont(font, 0.0f);
    const float em = ImGui::GetFontSize();
    const Palette& pal = palette(state.session.theme());
    const ImVec2 view_min(viewport->WorkPos.x + 0.5f * em, viewport->WorkPos.y + 0.5f * em);
    const ImVec2 view_max(viewport->WorkPos.x + viewport->WorkSize.x - 0.5f * em,
                          viewport->WorkPos.y + viewport->WorkSize.y - 0.5f * em);

    // The target, as drawn this frame (clipped to the screen: a half-scrolled control is outlined where visible).
    const float pad = 0.3f * em;
    auto found = state.control_rects.find(state.tour_control);
    const bool has_target = found != state.control_rects.end() && found->second.z > 0 && found->second.w > 0;
    ImVec2 target_min = view_min, target_max = view_min;
    if (has_target) {
        ImVec4 r = found->second;
        // The result line under the control belongs to the target: the card must not cover the number it changes.
        auto result = state.control_rects.find("tour.result");
        if (result != state.control_rects.end()) {
            const ImVec4& l = result->second;
            const float right = std::max(r.x + r.z, l.x + l.z), bottom = std::max(r.y + r.w, l.y + l.w);
            r.x = std::min(r.x, l.x);
            r.y = std::min(r.y, l.y);
            r.z = right - r.x;
            r.w = bottom - r.y;
        }
        target_min = ImVec2(std::max(r.x - pad, viewport->WorkPos.x), std::max(r.y - pad, viewport->WorkPos.y));
        target_max = ImVec2(std::min(r.x + r.z + pad, viewport->WorkPos.x + viewport->WorkSize.x),
                            std::min(r.y + r.w + pad, viewport->WorkPos.y + viewport->WorkSize.y));
        // A steady outline in the foreground, above the panels: no pulsing (reduced motion, and no idle frames).
        ImGui::GetForegroundDrawList()->AddRect(target_min, target_max, pal.tour_outline, 0.3f * em, 0,
                                                std::max(2.0f, 0.16f * em));
    }

    // The card: as wide as its target's column (18–24 em, so it stays in that column and leaves the results the
    // step talks about uncovered), narrower on phones; auto height; placed with last frame's size.
    const float target_width = has_target ? target_max.x - target_min.x : 24.0f * em;
    const float width = std::min(std::clamp(target_width, 18.0f * em, 24.0f * em), view_max.x - view_min.x);
    ImVec2 size = state.tour_card_size.x > 0 ? state.tour_card_size : ImVec2(width, 12.0f * em);
    size.x = width;
    float max_height = view_max.y - view_min.y;
    ImVec2 pos;
    if (has_target) {
        pos = place_card(target_min, target_max, size, view_min, view_max, 0.4f * em, max_height);
    } else { // the control is not on screen (e.g. another layout): bottom centre
        pos = ImVec2(viewport->WorkPos.x + (viewport->WorkSize.x - width) * 0.5f, view_max.y - size.y);
    }
    ImGui::SetNextWindowPos(pos);
    ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0), ImVec2(width, std::max(max_height, 6.0f * em)));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, std::max(1.0f, 0.12f * em));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.35f * em);
    ImGui::PushStyleColor(ImGuiCol_Border, ImGui::ColorConvertU32ToFloat4(pal.tour_outline));
    // A scrollbar only when the card had to be squeezed (no side had room for all of it); otherwise the auto-fit
    // frames after a step change would flash one.
    const bool squeezed = max_height < size.y;
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                             ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_AlwaysAutoResize |
                             ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing;
    if (!squeezed) flags |= ImGuiWindowFlags_NoScrollbar;
    if (ImGui::Begin("##tour_card", nullptr, flags)) {
        std::string counter = fill_in(state.tr("tour.step_of"), "step", std::to_string(nav.step() + 1));
        counter = fill_in(counter, "total", std::to_string(nav.step_count()));
        wrapped_text(counter.c_str(), ImGui::GetColorU32(ImGuiCol_TextDisabled));
        ImGui::PushFont(nullptr, ImGui::GetStyle().FontSizeBase * 1.2f);
        wrapped_text(localized(state, step.title).c_str());
        ImGui::PopFont();
        // The step's numbers as the cards write them (session/tour_text.h); built once per step, language, currency.
        const std::uint64_t body_key = state.session.tour_revision() * 1000003u + state.session.settings_revision();
        if (state.tour_body_key != body_key || state.tour_body.empty()) {
            state.tour_body_key = body_key;
            state.tour_body = state.session.tour_step_body(nav.step());
        }
        wrapped_text(state.tour_body.c_str());
        const std::string label = control_label(state, step);
        if (has_target && !label.empty()) {
            const std::string hint = fill_in(state.tr("tour.try_this_named"), "control", label);
            wrapped_text(hint.c_str(), ImGui::GetColorU32(ImGuiCol_TextDisabled));
        }
        ImGui::Spacing();
        ImGui::BeginDisabled(nav.step() == 0);
        if (ImGui::Button(state.tr("tour.previous"))) state.session.tour_command(TourCommand::previous);
        ImGui::EndDisabled();
        state.record_rect("tour.previous");
        const bool last = nav.step() + 1 >= nav.step_count();
        const char* next_label = last ? state.tr("tour.finish") : state.tr("tour.next");
        flow(button_width(next_label));
        if (ImGui::Button(next_label)) state.session.tour_command(TourCommand::next);
        state.record_rect("tour.next");
        if (!last) {
            flow(button_width(state.tr("tour.skip")));
            if (ImGui::Button(state.tr("tour.skip"))) state.session.tour_command(TourCommand::skip);
            state.record_rect("tour.skip");
        }
        state.tour_card_size = ImGui::GetWindowSize();
        const ImVec2 card_pos = ImGui::GetWindowPos();
        state.control_rects["tour.card"] =
            ImVec4(card_pos.x, card_pos.y, state.tour_card_size.x, state.tour_card_size.y);
    }
    ImGui::End();
    ImGui::PopStyleColor();
    ImGui::PopStyleVar(2);
    if (font) ImGui::PopFont();
}

} // namespace chips::ui
