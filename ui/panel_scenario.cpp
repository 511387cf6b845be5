// ui/panel_scenario.cpp — the Scenario panel: preset, GPU (with specs and sources on hover), chip count on a log
// slider with typed entry, experts, tokens, precision, utilization, price, and an Advanced section.
//
// Index
// - [SECTION] Control table (ui range, scale, unit kind per scenario key)
// - [SECTION] Controls (one generic numeric control; GPU combo; precision)
// - [SECTION] Panel
//
// Every change goes through the session (Session::set_number, set_gpu, set_precision, load_preset), which applies it
// with the model's codec, so companions follow (mfu rescales its low/high, a price sets its range) exactly as with
// --set and permalinks, and recomputes the estimate and chart data in the same frame.
#include "ui/app_state.h"
#include "ui/keyboard.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace chips::ui {

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] Control table
//-----------------------------------------------------------------------------------------------------------------

namespace {

struct ControlInfo {
    const char* key;              // scenario key (docs/contract.md)
    double ui_min;                // slider minimum (inside the key table's range), in the key's unit
    double ui_max;                // slider maximum; experts_active uses experts_total instead
    bool log;                     // logarithmic slider (counts and prices spanning decades)
    Quantity kind;                // how the value is shown on the slider
    bool typed_entry;             // a visible number field next to the slider (Ctrl+click has no touch equivalent)
    bool zero_is_default = false; // 0 means "the chip's catalog default": a "Chip's default" checkbox says so
};

const ControlInfo kControls[] = {
    {"chips", 1, 1e6, true, Quantity::count, true},
    {"experts_total", 1, 1024, true, Quantity::count, false},
    {"experts_active", 1, 1024, false, Quantity::count, false},
    {"tokens", 1e9, 1e14, true, Quantity::tokens, true},
    {"mfu", 0.01, 0.9, false, Quantity::fraction, false, true},
    {"usd_per_gpu_hour", 0.1, 20, true, Quantity::usd_small, false, true},
    {"overlap", 0, 1, false, Quantity::fraction, false},
    {"experts_shared", 0, 8, false, Quantity::count, false},
    {"pue", 1, 3, false, Quantity::plain, false},
    {"usd_per_kwh", 0.01, 0.5, true, Quantity::usd_small, false},
    {"kg_co2_per_kwh", 0, 1.2, false, Quantity::plain, false},
    {"gpu_mtbf_hours", 1000, 1e6, true, Quantity::hours, false},
    {"checkpoint_minutes", 1, 240, true, Quantity::minutes, false},
    {"restart_minutes", 1, 240, true, Quantity::minutes, false},
    {"inference_batch", 1, 4096, true, Quantity::count, false},
};

const ControlInfo* find_control(const char* key) {
    for (const ControlInfo& info : kControls)
        if (std::strcmp(info.key, key) == 0) return &info;
    return nullptr;
}

// ImGui treats '%' in a slider format as a specifier; a formatted "17%" must be written "17%%".
void escape_percent(const std::string& text, char* out, size_t capacity) {
    size_t n = 0;
    for (char c : text) {
        if (n + 2 >= capacity) break;
        out[n++] = c;
        if (c == '%') out[n++] = '%';
    }
    out[n] = '\0';
}

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] Controls
//-----------------------------------------------------------------------------------------------------------------

void label_with_help(AppState& state, const char* key) {
    char label_key[96], help_key[96];
    std::snprintf(label_key, sizeof label_key, "scenario.%s.label", key);
    std::snprintf(help_key, sizeof help_key, "scenario.%s.help", key);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(state.tr(label_key));
    help_marker(state, state.tr(help_key));
}

// Applies one number through the session (rounding, clamping, the experts clamp and cross-key checks live there).
bool apply_number(AppState& state, const char* key, double value) {
    return state.session.set_number(key, value);
}

// For a key where 0 means "the chip's default" (mfu: the efficiency other published runs reach on this chip; the
// price: the GPU catalog's rental range): the range the model uses then, and its central value. The slider cannot
// show 0 (its minimum is a real figure), so at 0 it stands at the default's central value and reads "default …".
Range chip_default(const AppState& state, const char* key) {
    if (std::strcmp(key, "mfu") == 0) return state.session.result().mfu_used;
    const GpuSpec* gpu = state.session.gpu();
    return gpu ? gpu->rental_usd_per_gpu_hour : Range{};
}

// "☐ Chip's default" on the label's line: ticking it sets 0 (the default), unticking it states the default's
// central value, which the slider then moves from.
void default_checkbox(AppState& state, const ControlInfo& control, double value) {
    const char* label = state.tr("scenario.use_default");
    ImGui::SameLine();
    const float room = ImGui::GetContentRegionAvail().x;
    if (check_width(label) < room) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + room - check_width(label));
    bool use_default = value == 0;
    if (ImGui::Checkbox(label, &use_default)) {
        const double central = chip_default(state, control.key).central;
        apply_number(state, control.key, use_default ? 0.0 : (central > 0 ? central : 0.3));
    }
    state.record_rect(std::string(control.key) + ".default");
}

void numeric_control(AppState& state, const ControlInfo& control) {
    const ScenarioKeyInfo* info = find_scenario_key(control.key);
    if (!info || !info->field) return;
    label_with_help(state, control.key);
    ImGui::PushID(control.key);
    double value = state.session.scenario().*(info->field);
    if (control.zero_is_default) default_checkbox(state, control, value);
    ImGui::PopID();
    const float em = ImGui::GetFontSize();
    double lo = std::max(control.ui_min, info->min);
    double hi = std::min(control.ui_max, info->max);
    if (std::strcmp(control.key, "experts_active") == 0) hi = std::max(1.0, state.session.scenario().experts_total);
    if (hi <= lo) hi = lo + 1;
    char format[160];
    const bool at_default = control.zero_is_default && value == 0;
    if (at_default) {
        const Range range = chip_default(state, control.key);
        escape_percent(
            fill_in(state.tr("scenario.default_value"), "range", state.session.fmt().format_range(range, control.kind)),
            format, sizeof format);
    } else {
        escape_percent(state.session.fmt().format(value, control.kind), format, sizeof format);
    }
    ImGui::PushID(control.key);
    const float typed_width = control.typed_entry ? 6.5f * em : 0.0f;
    ImGui::SetNextItemWidth(std::max(6.0f * em, ImGui::GetContentRegionAvail().x - typed_width));
    ImGuiSliderFlags flags = ImGuiSliderFlags_AlwaysClamp; // (Ctrl+click typing is clamped too)
    if (control.log) flags |= ImGuiSliderFlags_Logarithmic;
    const double shown = at_default ? std::clamp(chip_default(state, control.key).central, lo, hi) : value;
    double edited = shown;
    if (ImGui::SliderScalar("##slider", ImGuiDataType_Double, &edited, &lo, &hi, format, flags) && edited != shown)
        apply_number(state, control.key, edited);
    // Arrows, Page Up/Down, Home/End on the focused slider (ui/keyboard.h).
    double keyed = value;
    if (slider_keys(keyed, lo, hi, control.log, info->kind == KeyKind::whole)) apply_number(state, control.key, keyed);
    state.record_rect(control.key);
    if (control.typed_entry) {
        ImGui::SameLine();
        ImGui::SetNextItemWidth(-1);
        // Applied when the field loses focus (or on Enter), so "2" on the way to "2048" does not recompute a
        // 2-GPU cluster. While the field is active ImGui keeps its own text; the parsed value waits in
        // typed_values until then.
        double typed = value;
        auto pending = state.typed_values.find(control.key);
        if (pending != state.typed_values.end()) typed = pending->second;
        if (ImGui::InputDouble("##typed", &typed, 0.0, 0.0, "%.6g", ImGuiInputTextFlags_CharsScientific))
            state.typed_values[control.key] = typed;
        if (ImGui::IsItemDeactivatedAfterEdit()) {
            auto edited_value = state.typed_values.find(control.key);
            if (edited_value != state.typed_values.end()) {
                if (edited_value->second != value) apply_number(state, control.key, edited_value->second);
                state.typed_values.erase(edited_value);
            }
        } else if (!ImGui::IsItemActive()) {
            state.typed_values.erase(control.key);
        }
        state.record_rect(std::string(control.key) + ".typed");
    }
    draw_tour_result_line(state, control.key);
    ImGui::PopID();
}

void gpu_tooltip(AppState& state, const GpuSpec& gpu) {
    const float em = ImGui::GetFontSize();
    if (!ImGui::BeginTooltip()) return;
    ImGui::TextUnformatted(gpu.name.c_str());
    std::string line = fill_in(state.tr("gpu.spec_compute"), "bf16",
                               state.session.fmt().format(gpu.bf16_dense_tflops, Quantity::plain));
    line = fill_in(line, "fp8",
                   gpu.has_fp8() ? state.session.fmt().format(gpu.fp8_dense_tflops, Quantity::plain)
                                 : state.tr("gpu.no_fp8"));
    wrapped_text(line.c_str(), 0, 24.0f * em);
    line =
        fill_in(state.tr("gpu.spec_memory"), "memory", state.session.fmt().format(gpu.memory_gb, Quantity::gigabytes));
    line = fill_in(line, "bandwidth", state.session.fmt().format(gpu.memory_tbps, Quantity::plain));
    line = fill_in(line, "tdp", state.session.fmt().format(gpu.tdp_w, Quantity::plain));
    wrapped_text(line.c_str(), 0, 24.0f * em);
    line = fill_in(state.tr("gpu.spec_price"), "range",
                   state.session.fmt().format_range(gpu.rental_usd_per_gpu_hour, Quantity::usd_small));
    line = fill_in(line, "purchase", state.session.fmt().format_range(gpu.unit_price_usd, Quantity::usd));
    wrapped_text(line.c_str(), 0, 24.0f * em);
    ImGui::Separator();
    ImGui::TextDisabled("%s", state.tr("quote.sources"));
    for (const SourceRef& source : gpu.sources) {
        const std::string text = "\xE2\x80\xA2 " + source.title + " (" + source.publisher + ", " + source.date + ")";
        wrapped_text(text.c_str(), ImGui::GetColorU32(ImGuiCol_TextDisabled), 24.0f * em);
    }
    ImGui::EndTooltip();
}

void gpu_control(AppState& state) {
    label_with_help(state, "gpu");
    const GpuSpec* current = state.session.gpus().find(state.session.scenario().gpu);
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo("##gpu", current ? current->name.c_str() : state.session.scenario().gpu.c_str(),
                          ImGuiComboFlags_HeightLarge)) {
        for (const GpuSpec& gpu : state.session.gpus().gpus) {
            const bool selected = current == &gpu;
            if (ImGui::Selectable(gpu.name.c_str(), selected)) state.session.set_gpu(gpu.id);
            if (ImGui::IsItemHovered()) gpu_tooltip(state, gpu);
            if (selected) ImGui::SetItemDefaultFocus();
        }
        ImGui::EndCombo();
    }
    if (current && ImGui::IsItemHovered()) gpu_tooltip(state, *current);
    state.record_rect("gpu");
    draw_tour_result_line(state, "gpu");
}

void precision_control(AppState& state) {
    label_with_help(state, "precision");
    const bool has_fp8 = state.session.gpu() && state.session.gpu()->has_fp8();
    if (ImGui::RadioButton(state.tr("scenario.precision.bf16"), state.session.scenario().precision == Precision::bf16))
        state.session.set_precision(Precision::bf16);
    state.record_rect("precision.bf16");
    ImGui::SameLine();
    ImGui::BeginDisabled(!has_fp8);
    if (ImGui::RadioButton(state.tr("scenario.precision.fp8"), state.session.scenario().precision == Precision::fp8))
        state.session.set_precision(Precision::fp8);
    ImGui::EndDisabled();
    state.record_rect("precision.fp8");
}

void preset_control(AppState& state) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(state.tr("scenario.preset"));
    help_marker(state, state.tr("scenario.preset.help"));
    const Preset* current = state.session.presets().find(state.session.preset_id());
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo("##preset", current ? localized(state, current->short_name).c_str() : "",
                          ImGuiComboFlags_HeightLarge)) {
        for (const Preset& preset : state.session.presets().presets) {
            if (ImGui::Selectable(localized(state, preset.name).c_str(), current == &preset))
                state.session.load_preset(preset.id);
            if (ImGui::BeginItemTooltip()) {
                wrapped_text(localized(state, preset.notes).c_str(), 0, 24.0f * ImGui::GetFontSize());
                ImGui::EndTooltip();
            }
        }
        ImGui::EndCombo();
    }
    state.record_rect("preset");
    if (current && ImGui::Button(state.tr("action.reset_scenario"))) state.session.load_preset(current->id);
    state.record_rect("reset");
}

} // namespace

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] Panel
//-----------------------------------------------------------------------------------------------------------------

void draw_scenario_controls(AppState& state, const char* const* keys, int key_count) {
    for (int i = 0; i < key_count; ++i) {
        if (std::strcmp(keys[i], "gpu") == 0)
            gpu_control(state);
        else if (std::strcmp(keys[i], "precision") == 0)
            precision_control(state);
        else if (const ControlInfo* control = find_control(keys[i]))
            numeric_control(state, *control);
    }
}

void draw_scenario_panel(AppState& state) {
    ImGui::PushID("scenario");
    ImGui::SeparatorText(state.tr("panel.scenario"));
    preset_control(state);
    static const char* const main_keys[] = {"gpu",    "chips",     "experts_total", "experts_active",
                                            "tokens", "precision", "mfu",           "usd_per_gpu_hour"};
    draw_scenario_controls(state, main_keys, static_cast<int>(sizeof main_keys / sizeof main_keys[0]));
    ImGui::Spacing();
    static const char* const advanced_keys[] = {"overlap",
                                                "experts_shared",
                                                "pue",
                                                "usd_per_kwh",
                                                "kg_co2_per_kwh",
                                                "gpu_mtbf_hours",
                                                "checkpoint_minutes",
                                                "restart_minutes",
                                                "inference_batch"};
    constexpr int advanced_count = static_cast<int>(sizeof advanced_keys / sizeof advanced_keys[0]);
    // A tour step pointing at an advanced control opens the section once (the reader may close it again).
    if (state.tour_scroll_pending &&
        std::find(advanced_keys, advanced_keys + advanced_count, state.tour_control) != advanced_keys + advanced_count)
        ImGui::SetNextItemOpen(true);
    const bool advanced_open = ImGui::CollapsingHeader(state.tr("scenario.advanced"));
    state.record_rect("advanced");
    if (advanced_open) draw_scenario_controls(state, advanced_keys, advanced_count);
    ImGui::PopID();
}

} // namespace chips::ui
