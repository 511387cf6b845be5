// ui/theme.h — light and dark themes, the chart palette and the verdict colours.
//
// Verdict colours come from the Okabe–Ito palette (safe for red–green colour blindness), and every verdict also has
// its own glyph (✓ ▲ ▼ ○) and word, so colour is never the only cue.
#pragma once
#include "session/session.h"

#include <imgui.h>

namespace chips::ui {

using chips::ThemeKind; // session/session.h: the effective theme (the reader's choice or the system's)
using chips::Verdict;   // model/engine/claim_check.h

struct Palette {
    ImU32 text = 0;         // body text
    ImU32 text_dim = 0;     // secondary text (sources, axis ticks)
    ImU32 panel_bg = 0;     // chart plot area background
    ImU32 grid = 0;         // chart grid lines
    ImU32 axis = 0;         // chart axis lines
    ImU32 marker = 0;       // "current scenario" marker in charts
    ImU32 notice_bg = 0;    // notice bar background
    ImU32 highlight_bg = 0; // background of the selected quote
    ImU32 tour_outline = 0; // outline around the control a tour step points at (no pulsing: reduced motion)
    ImU32 series[6] = {};   // chart series colours, Okabe–Ito order
};

// Applies colours and sizes to `style` (which is reset first). `scale` is the UI scale (1 = default, 1.5 presenter),
// set as style.FontScaleMain; `base_font_px` is the font's size before scaling (17 px). Every size is a multiple of
// the scaled font size, so layout, text and hit targets grow together.
void apply_theme(ThemeKind kind, float scale, float base_font_px, ImGuiStyle& style);
const Palette& palette(ThemeKind kind);

ImU32 verdict_color(Verdict verdict, ThemeKind kind);
const char* verdict_glyph(Verdict verdict); // "✓", "▲", "▼", "○" (all in assets/font-extra-chars.txt)

} // namespace chips::ui
