// ui/panel_method.cpp — the Method panel: each headline output as its formula with the current numbers plugged in
// ("6 × 37.6B × 14.8T = 3.34 × 10^24 FLOP") and where the formula comes from. Templates live in strings.json
// ("method.*", placeholders in braces), so the sentence order is the translator's; only numbers are filled here.
#include "ui/app_state.h"

#include <imgui.h>

namespace chips::ui {

namespace {

void formula(AppState& state, const char* title_key, const std::string& text, const char* source_key) {
    ImGui::Spacing();
    ImGui::TextUnformatted(state.tr(title_key));
    ImGui::Indent();
    wrapped_text(text.c_str());
    wrapped_text(state.tr(source_key), ImGui::GetColorU32(ImGuiCol_TextDisabled));
    ImGui::Unindent();
}

} // namespace

void draw_method_panel(AppState& state) {
    ImGui::PushID("method");
    ImGui::SeparatorText(state.tr("panel.method"));
    if (state.session.result().status != EstimateStatus::ok || !state.session.gpu()) {
        wrapped_text(state.tr("results.invalid"));
        ImGui::PopID();
        return;
    }
    const Estimate& r = state.session.result();
    const Scenario& s = state.session.scenario();
    const Formatter& f = state.session.fmt();
    const double peak =
        s.precision == Precision::fp8 ? state.session.gpu()->fp8_dense_tflops : state.session.gpu()->bf16_dense_tflops;
    const std::string flop = f.format(r.training_flop.central, Quantity::flop);
    const std::string effective = f.format(r.effective_tflops_per_gpu.central, Quantity::tflops);
    const std::string chips = f.format(s.chips, Quantity::count);
    const std::string gpu_hours = f.format(r.gpu_hours.central, Quantity::gpu_hours);

    std::string text = fill_in(state.tr("method.flop"), "active", f.format(r.active_params.central, Quantity::params));
    text = fill_in(text, "tokens", f.format(s.tokens, Quantity::tokens));
    text = fill_in(text, "flop", flop);
    formula(state, "output.training_flop", text, "method.flop.source");

    text = fill_in(state.tr("method.speed"), "peak", f.format(peak, Quantity::tflops));
    // The efficiency actually used: the scenario's, or the chip's default when the scenario says 0.
    text = fill_in(text, "mfu", f.format(r.mfu_used.central, Quantity::fraction));
    text = fill_in(text, "slowdown", f.format(r.comm_slowdown.central, Quantity::ratio));
    text = fill_in(text, "goodput", f.format(r.goodput.central, Quantity::fraction));
    text = fill_in(text, "effective", effective);
    formula(state, "output.effective_tflops_per_gpu", text, "method.speed.source");

    text = fill_in(state.tr("method.days"), "flop", flop);
    text = fill_in(text, "chips", chips);
    text = fill_in(text, "effective", effective);
    text = fill_in(text, "days", f.format(r.training_days.central, Quantity::days));
    formula(state, "output.training_days", text, "method.days.source");

    text = fill_in(state.tr("method.cost"), "gpu_hours", gpu_hours);
    text = fill_in(text, "chips", chips);
    text = fill_in(text, "hours", f.format(r.training_days.central * 24.0, Quantity::hours));
    text = fill_in(
        text, "price",
        f.format(r.gpu_hours.central > 0 ? r.rental_cost_usd.central / r.gpu_hours.central : 0, Quantity::usd_small));
    text = fill_in(text, "cost", f.format(r.rental_cost_usd.central, Quantity::usd));
    formula(state, "output.rental_cost_usd", text, "method.cost.source");

    text = fill_in(state.tr("method.energy"), "gpu_hours", gpu_hours);
    text = fill_in(text, "tdp", format_number(state.session.gpu()->tdp_w));
    text = fill_in(text, "pue", format_number(s.pue, 3));
    text = fill_in(text, "energy", f.format(r.energy_mwh.central, Quantity::energy_mwh));
    formula(state, "output.energy_mwh", text, "method.energy.source");

    text = fill_in(state.tr("method.inference"), "tps", format_number(r.inference_tokens_per_gpu_second.central, 3));
    text = fill_in(text, "batch", f.format(s.inference_batch, Quantity::count));
    text = fill_in(text, "usd", f.format(r.inference_usd_per_million_tokens.central, Quantity::usd_per_mtok));
    formula(state, "output.inference_usd_per_million_tokens", text, "method.inference.source");

    ImGui::Spacing();
    wrapped_text(state.tr("method.ranges"), ImGui::GetColorU32(ImGuiCol_TextDisabled));
    ImGui::PopID();
}

} // namespace chips::ui
