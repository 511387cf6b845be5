// ui/widgets.cpp — the small widgets every panel uses: flowing header items, compact buttons, the help marker and
// paragraphs wrapped with kinsoku rules (ui/line_break.h).
#include "ui/app_state.h"

#include <imgui.h>

#include <vector>

namespace chips::ui {

void flow(float width) {
    const float right = ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + width;
    // After an item the cursor sits at the start of the next line, so this is the right edge of the content.
    const float content_right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
    if (right <= content_right) ImGui::SameLine();
}

float button_width(const char* label) {
    return ImGui::CalcTextSize(label).x + ImGui::GetStyle().FramePadding.x * 2.0f;
}

float check_width(const char* label) {
    return ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(label).x;
}

bool small_button(const AppState& state, const char* label) {
    return state.layout == Layout::narrow ? ImGui::Button(label) : ImGui::SmallButton(label);
}

void help_marker(AppState& state, const char* text) {
    ImGui::SameLine();
    ImGui::TextDisabled("(?)");
    // Tooltips on hover for mice; on touch a tap "hovers" until the next tap, which ImGui reports the same way.
    if (ImGui::BeginItemTooltip()) {
        wrapped_text(text, 0, ImGui::GetFontSize() * 22.0f);
        ImGui::EndTooltip();
    }
    (void)state;
}

void wrapped_text(const char* text, ImU32 color, float max_width) {
    ImFont* font = ImGui::GetFont();
    const float size = ImGui::GetFontSize();
    float width = max_width > 0.0f ? max_width : ImGui::GetContentRegionAvail().x;
    if (width < size * 4.0f) width = size * 4.0f; // never one character per line
    static std::vector<TextLine> lines;           // reused: no per-frame allocation once grown
    const std::string_view view(text);
    break_lines(
        view, width,
        [font, size](std::string_view piece) {
            return font->CalcTextSizeA(size, 1e9f, 0.0f, piece.data(), piece.data() + piece.size()).x;
        },
        lines);
    if (color) ImGui::PushStyleColor(ImGuiCol_Text, color);
    for (const TextLine& line : lines)
        ImGui::TextUnformatted(text + line.begin, text + line.end);
    if (color) ImGui::PopStyleColor();
}

} // namespace chips::ui
