// ui/theme.cpp — see theme.h.
#include "ui/theme.h"

#include <cmath>

namespace chips::ui {

namespace {

// Okabe–Ito (2008), "Color Universal Design": distinguishable under protanopia, deuteranopia and tritanopia.
constexpr ImU32 rgb(unsigned r, unsigned g, unsigned b) {
    return IM_COL32(r, g, b, 255);
}

Palette make_light() {
    Palette p;
    p.text = rgb(24, 24, 28);
    p.text_dim = rgb(88, 90, 100);
    p.panel_bg = rgb(252, 252, 253);
    p.grid = rgb(225, 227, 232);
    p.axis = rgb(120, 122, 130);
    p.marker = rgb(24, 24, 28);
    p.notice_bg = rgb(255, 240, 200);
    p.highlight_bg = rgb(232, 240, 252);
    p.tour_outline = rgb(213, 94, 0); // Okabe–Ito vermillion: 3.9:1 on white (WCAG non-text needs 3:1)
    const ImU32 series[6] = {rgb(0, 114, 178),   rgb(213, 94, 0),   rgb(0, 158, 115),
                             rgb(204, 121, 167), rgb(86, 180, 233), rgb(230, 159, 0)};
    for (int i = 0; i < 6; ++i)
        p.series[i] = series[i];
    return p;
}

Palette make_dark() {
    Palette p;
    p.text = rgb(236, 236, 240);
    p.text_dim = rgb(170, 172, 182);
    p.panel_bg = rgb(28, 30, 36);
    p.grid = rgb(58, 61, 70);
    p.axis = rgb(150, 152, 160);
    p.marker = rgb(250, 250, 250);
    p.notice_bg = rgb(90, 70, 20);
    p.highlight_bg = rgb(40, 52, 72);
    p.tour_outline = rgb(240, 228, 66); // Okabe–Ito yellow: the brightest thing on a dark page
    const ImU32 series[6] = {rgb(86, 180, 233),  rgb(230, 159, 0),   rgb(0, 190, 140),
                             rgb(224, 150, 195), rgb(120, 160, 255), rgb(240, 228, 66)};
    for (int i = 0; i < 6; ++i)
        p.series[i] = series[i];
    return p;
}

} // namespace

const Palette& palette(ThemeKind kind) {
    static const Palette light = make_light();
    static const Palette dark = make_dark();
    return kind == ThemeKind::dark ? dark : light;
}

void apply_theme(ThemeKind kind, float scale, float base_font_px, ImGuiStyle& style) {
    const float em = base_font_px * scale;
    style = ImGuiStyle(); // reset sizes so scaling never compounds
    if (kind == ThemeKind::dark) {
        ImGui::StyleColorsDark(&style);
    } else {
        ImGui::StyleColorsLight(&style);
        // Light defaults are grey-on-grey; give text and frames more contrast (WCAG AA for body text).
        style.Colors[ImGuiCol_Text] = ImVec4(0.09f, 0.09f, 0.11f, 1.0f);
        style.Colors[ImGuiCol_TextDisabled] = ImVec4(0.35f, 0.35f, 0.40f, 1.0f);
        style.Colors[ImGuiCol_WindowBg] = ImVec4(0.97f, 0.97f, 0.98f, 1.0f);
        style.Colors[ImGuiCol_ChildBg] = ImVec4(1.0f, 1.0f, 1.0f, 1.0f);
        style.Colors[ImGuiCol_FrameBg] = ImVec4(0.90f, 0.91f, 0.94f, 1.0f);
        style.Colors[ImGuiCol_Border] = ImVec4(0.80f, 0.81f, 0.85f, 1.0f);
    }
    // Sizes in em (multiples of the font size), so the layout scales with the UI scale and the font. Roomy frames:
    // the page is read on phones, where a default 17 px-high slider is too small for a finger.
    style.WindowRounding = 0.0f;
    style.ChildRounding = 0.35f * em;
    style.FrameRounding = 0.25f * em;
    style.GrabRounding = 0.25f * em;
    style.PopupRounding = 0.25f * em;
    style.FramePadding = ImVec2(0.5f * em, 0.32f * em);
    style.ItemSpacing = ImVec2(0.5f * em, 0.4f * em);
    style.ItemInnerSpacing = ImVec2(0.35f * em, 0.25f * em);
    // Whole pixels: an auto-resizing window (popup, tooltip, tour card) is sized to content + 2 × padding and then
    // truncated, so a fractional padding leaves it 0.4 px short and ImGui shows a scrollbar for nothing.
    style.WindowPadding = ImVec2(std::round(0.7f * em), std::round(0.6f * em));
    style.CellPadding = ImVec2(0.3f * em, 0.15f * em);
    style.IndentSpacing = 1.1f * em;
    style.ScrollbarSize = 0.9f * em;
    style.GrabMinSize = 0.9f * em;
    style.ChildBorderSize = 1.0f;
    style.SeparatorTextBorderSize = 0.12f * em;
    style.SeparatorTextPadding = ImVec2(0.6f * em, 0.2f * em);
    style.FontScaleMain = scale;
}

ImU32 verdict_color(Verdict verdict, ThemeKind kind) {
    const bool dark = kind == ThemeKind::dark;
    switch (verdict) {
    case Verdict::consistent:
        return dark ? rgb(86, 180, 233) : rgb(0, 114, 178); // blue
    case Verdict::overstated:
        return dark ? rgb(240, 140, 60) : rgb(213, 94, 0); // vermillion
    case Verdict::understated:
        return dark ? rgb(224, 150, 195) : rgb(170, 80, 140); // reddish purple
    case Verdict::not_checkable:
    default:
        return dark ? rgb(160, 162, 170) : rgb(110, 112, 120); // grey
    }
}

const char* verdict_glyph(Verdict verdict) {
    switch (verdict) {
    case Verdict::consistent:
        return "\xE2\x9C\x93"; // ✓
    case Verdict::overstated:
        return "\xE2\x96\xB2"; // ▲ (claim is above the model)
    case Verdict::understated:
        return "\xE2\x96\xBC"; // ▼ (claim is below the model)
    case Verdict::not_checkable:
    default:
        return "\xE2\x97\x8B"; // ○
    }
}

} // namespace chips::ui
