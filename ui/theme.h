// ui/theme.h — light and dark themes, the chart palette and the verdict colours.
//
// Verdict colours come from the Okabe–Ito palette (safe for red–green colour blindness), and every verdict also has
// its own glyph (✓ ▲ ▼ ○) and word, so colour is never the only cue.
#pragma once
#include <imgui.h>

namespace chips::ui {

enum class ThemeKind {
    light, // default: reads like the article page around it
    dark,  // for dark-mode readers and projectors
};

// The reader's choice, saved in settings; "system" follows prefers-color-scheme (the page passes it in).
enum class ThemeChoice {
    system, // default: whatever the operating system says
    light,  // manual override
    dark,   // manual override
};

enum class VerdictKind {
    consistent,    // the model's range (widened by the tolerance) contains the claimed value
    overstated,    // claimed value above the range
    understated,   // claimed value below the range
    not_checkable, // the model cannot check it (market value, ownership...)
};

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

ImU32 verdict_color(VerdictKind verdict, ThemeKind kind);
const char* verdict_glyph(VerdictKind verdict);      // "✓", "▲", "▼", "○" (all in assets/font-extra-chars.txt)
const char* verdict_string_key(VerdictKind verdict); // "verdict.consistent", ...

} // namespace chips::ui
