// ui/panel_results.cpp — the Results panel: headline cards (days, GPU-hours, cost, energy, goodput, inference
// price), each with its low–high range and its ratio to DeepSeek-V3's reported figure, then every other output.
//
// Index
// - [SECTION] Baselines ("× DeepSeek-V3")
// - [SECTION] Cards
// - [SECTION] Panel
#include "session/summary.h"
#include "ui/app_state.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace chips::ui {

namespace {

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] Baselines
//-----------------------------------------------------------------------------------------------------------------

// DeepSeek-V3's own figure where the report gives one (Table 1: 2.788M H800 GPU-hours at $2 → $5.576M; wall-clock
// = GPU-hours / 2,048 GPUs), else the model's estimate of the deepseek-v3 preset. `reported` says which.
double v3_baseline(const AppState& state, const char* key, bool& reported) {
    reported = true;
    if (std::strcmp(key, "rental_cost_usd") == 0) return deepseek_v3_reported_cost_usd;
    if (std::strcmp(key, "gpu_hours") == 0) return deepseek_v3_reported_gpu_hours;
    if (std::strcmp(key, "training_days") == 0) return deepseek_v3_reported_gpu_hours / 2048.0 / 24.0;
    reported = false;
    const OutputInfo* info = find_output(key);
    return info ? (state.session.v3_baseline().*(info->field)).central : 0.0;
}

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] Cards
//-----------------------------------------------------------------------------------------------------------------

void card(AppState& state, const char* key, float width) {
    const OutputInfo* info = find_output(key);
    if (!info) return;
    const Range& range = state.session.result().*(info->field);
    const Quantity kind = quantity_for_unit(info->unit);
    const float em = ImGui::GetFontSize();
    ImGui::PushID(key);
    ImGui::BeginChild("card", ImVec2(width, 0),
                      ImGuiChildFlags_Borders | ImGuiChildFlags_AutoResizeY | ImGuiChildFlags_AlwaysUseWindowPadding |
                          ImGuiChildFlags_NavFlattened, // Tab goes through in reading order (ui/keyboard.h)
                      ImGuiWindowFlags_NoScrollbar);
    char label_key[96];
    std::snprintf(label_key, sizeof label_key, "output.%s", key);
    wrapped_text(state.tr(label_key), ImGui::GetColorU32(ImGuiCol_TextDisabled));
    // The headline figure; in presenter mode 3× the body text, shrunk (never below the normal headline size) only if
    // the card is too narrow for it, so nothing is cut off.
    const std::string central = state.session.fmt().format(range.central, kind);
    const float base = ImGui::GetStyle().FontSizeBase;
    float size = base * (state.session.presenter() ? kPresenterHeadlineScale : kHeadlineScale);
    const float text_width = ImGui::CalcTextSize(central.c_str()).x * size / base; // CalcTextSize: at the body size
    const float room = ImGui::GetContentRegionAvail().x;
    if (text_width > room && room > 0) size = std::max(base * kHeadlineScale, size * room / text_width);
    ImGui::PushFont(nullptr, size);
    ImGui::TextUnformatted(central.c_str());
    ImGui::PopFont();
    state.record_rect(std::string("figure.") + key);
    if (range.low != range.high) {
        const std::string text = state.session.fmt().format_range(range, kind);
        wrapped_text(text.c_str());
    }
    bool reported = false;
    const double baseline = v3_baseline(state, key, reported);
    if (baseline > 0 && std::isfinite(range.central)) {
        const std::string ratio = state.session.fmt().format(range.central / baseline, Quantity::ratio);
        const std::string text =
            fill_in(state.tr(reported ? "results.vs_v3_reported" : "results.vs_v3_model"), "ratio", ratio);
        wrapped_text(text.c_str(), ImGui::GetColorU32(ImGuiCol_TextDisabled));
    }
    ImGui::EndChild();
    state.record_rect(std::string("result.") + key);
    ImGui::PopID();
    (void)em;
}

// How the estimate was reached, where it matters to the reader: why more chips stop helping
// (Estimate::scaling_limited_by, docs/model.md §6) and a 16-bit run on a chip without BF16 (its FP16 rate is used).
void draw_estimate_notes(AppState& state) {
    const Estimate& result = state.session.result();
    const Formatter& fmt = state.session.fmt();
    if (result.scaling_limited_by != ScalingLimit::none) {
        std::string text;
        if (result.scaling_limited_by == ScalingLimit::batch) {
            text = fill_in(state.tr("results.scaling.batch"), "useful",
                           fmt.format(result.useful_chips.central, Quantity::count));
            text = fill_in(text, "chips", fmt.format(state.session.scenario().chips, Quantity::count));
        } else {
            text = state.tr("results.scaling.failures");
        }
        wrapped_text(text.c_str());
        state.record_rect("results.scaling");
    }
    if (result.fp16_instead_of_bf16 && state.session.gpu()) {
        wrapped_text(fill_in(state.tr("results.fp16"), "gpu", gpu_short_name(*state.session.gpu())).c_str());
        state.record_rect("results.fp16");
    }
}

// Presenter mode: the selected claim and its verdict under the current assumptions, 3× the body text, so the room
// sees what the slider just did to the claim (glyph and word, not colour alone).
void draw_presenter_verdict(AppState& state) {
    Verdict verdict = Verdict::not_checkable;
    const CheckedClaim* claim = selected_claim_live_verdict(state.session, verdict);
    if (!claim) return;
    ImFont* face = state.font_for_script(state.session.quotes()[state.session.selected_quote()].quote->script);
    ImGui::PushFont(face, ImGui::GetStyle().FontSizeBase * 1.4f);
    wrapped_text(("\xE2\x80\x9C" + claim->claim->span + "\xE2\x80\x9D").c_str());
    ImGui::PopFont();
    const std::string text = std::string(verdict_glyph(verdict)) + " " + state.tr(verdict_string_key(verdict));
    ImGui::PushFont(nullptr, ImGui::GetStyle().FontSizeBase * kPresenterHeadlineScale);
    wrapped_text(text.c_str(), verdict_color(verdict, state.session.theme()));
    ImGui::PopFont();
    state.record_rect("presenter.verdict");
}

} // namespace

void draw_result_for(AppState& state, const char* output_key) {
    if (state.session.result().status != EstimateStatus::ok) {
        wrapped_text(state.tr("results.invalid"));
        return;
    }
    card(state, output_key, -1.0f);
}

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] Panel
//-----------------------------------------------------------------------------------------------------------------

void draw_results_panel(AppState& state) {
    ImGui::PushID("results");
    ImGui::BeginGroup(); // the whole panel is control "results" (a tour step may point at it)
    ImGui::SeparatorText(state.tr("panel.results"));
    draw_currency_note(state);
    const float em = ImGui::GetFontSize();
    if (state.session.gpu()) {
        std::string line = fill_in(state.tr("results.for"), "chips",
                                   state.session.fmt().format(state.session.scenario().chips, Quantity::count));
        line = fill_in(line, "gpu", gpu_short_name(*state.session.gpu()));
        line = fill_in(line, "tokens", state.session.fmt().format(state.session.scenario().tokens, Quantity::tokens));
        wrapped_text(line.c_str(), ImGui::GetColorU32(ImGuiCol_TextDisabled));
    }
    if (state.session.presenter()) draw_presenter_verdict(state);
    if (state.session.result().status != EstimateStatus::ok) {
        wrapped_text(state.tr(state.session.result().status == EstimateStatus::fp8_unsupported
                                  ? "results.fp8_unsupported"
                                  : "results.invalid"));
        ImGui::EndGroup();
        state.record_rect("results");
        ImGui::PopID();
        return;
    }
    static const char* const headline[] = {"training_days", "rental_cost_usd", "gpu_hours",
                                           "energy_mwh",    "goodput",         "inference_usd_per_million_tokens"};
    const float avail = ImGui::GetContentRegionAvail().x;
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    // Cards at least 11 em wide (20 em in presenter mode, where the figure is 3× the body text).
    const float min_card_em = state.session.presenter() ? 20.0f : 11.0f;
    const int columns = std::clamp(static_cast<int>((avail + gap) / (min_card_em * em)), 1, 3);
    const float width = (avail - gap * (columns - 1)) / columns;
    for (int i = 0; i < 6; ++i) {
        if (i % columns != 0) ImGui::SameLine(0, gap);
        card(state, headline[i], width);
    }
    draw_estimate_notes(state);
    if (state.session.result().memory_fits.central < 0.5) {
        const std::string text =
            fill_in(state.tr("results.memory_warning"), "memory",
                    state.session.fmt().format(state.session.result().memory_per_gpu_gb.central, Quantity::gigabytes));
        wrapped_text(text.c_str(), verdict_color(Verdict::overstated, state.session.theme()));
    }
    if (ImGui::CollapsingHeader(state.tr("results.more"))) {
        if (ImGui::BeginTable("more", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
            static const char* const more[] = {"total_params",
                                               "active_params",
                                               "active_fraction",
                                               "training_flop",
                                               "effective_tflops_per_gpu",
                                               "comm_slowdown",
                                               "cluster_purchase_usd",
                                               "energy_cost_usd",
                                               "co2_tonnes",
                                               "memory_per_gpu_gb",
                                               "compute_vs_dense"};
            for (const char* key : more) {
                const OutputInfo* info = find_output(key);
                if (!info) continue;
                char label_key[96];
                std::snprintf(label_key, sizeof label_key, "output.%s", key);
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                wrapped_text(state.tr(label_key));
                ImGui::TableNextColumn();
                const Range& range = state.session.result().*(info->field);
                const std::string text = state.session.fmt().format_range(range, quantity_for_unit(info->unit));
                wrapped_text(text.c_str());
            }
            ImGui::EndTable();
        }
    }
    ImGui::EndGroup();
    state.record_rect("results");
    ImGui::PopID();
}

void draw_currency_note(AppState& state) {
    // The rate, its date and source, wherever converted amounts are shown (docs/journeys.md "Currency").
    if (state.session.currency() != Currency::cny || state.session.rate().cny_per_usd <= 0) return;
    std::string note = fill_in(state.tr("currency.rate_note"), "rate",
                               format_decimal(state.session.rate().cny_per_usd, state.session.lang(), 5));
    note = fill_in(note, "date", state.session.rate().date);
    // The publisher's first clause ("Board of Governors of the Federal Reserve System"); the full citation is in
    // the tooltip and in docs/journeys.md.
    const std::string publisher =
        state.session.rate().sources.empty() ? std::string() : state.session.rate().sources.front().publisher;
    note = fill_in(note, "source", publisher.substr(0, publisher.find(',')));
    wrapped_text(note.c_str(), ImGui::GetColorU32(ImGuiCol_TextDisabled));
    if (!state.session.rate().sources.empty() && ImGui::IsItemHovered() && ImGui::BeginTooltip()) {
        const SourceRef& source = state.session.rate().sources.front();
        wrapped_text((source.title + " \xE2\x80\x94 " + source.locator + "\n" + source.url).c_str(), 0,
                     24.0f * ImGui::GetFontSize());
        ImGui::EndTooltip();
    }
}

} // namespace chips::ui
