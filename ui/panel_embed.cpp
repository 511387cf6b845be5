// ui/panel_embed.cpp — the embed view: one claim as a finished card for someone's article (an iframe of 700 × 450
// or narrower). Reading order: the verdict, large; the reason in one sentence; the quote (with our translation for
// English readers); the one or two controls that matter for the claim with their live result; "open the full
// explainer". It reads without interaction, and everything fits a 360 × 450 frame at the body size (17 px).
//
// The static card that embed.html shows before the module is ready (scripts/build_share_pages.mjs) has the same
// parts in the same order, so nothing jumps when the app takes over.
#include "session/permalink.h"
#include "ui/app_state.h"

#include <imgui.h>

namespace chips::ui {

namespace {

// The controls that matter for a claim's quantity, most telling first: a reader moves one or two, not a dashboard.
int controls_for(const std::string& quantity, const char** keys) {
    int n = 0;
    if (quantity == "active_params" || quantity == "active_fraction" || quantity == "compute_vs_dense" ||
        quantity == "total_params") {
        keys[n++] = "experts_active";
        keys[n++] = "experts_total";
    } else if (quantity == "inference_usd_per_million_tokens" || quantity == "inference_tokens_per_gpu_second") {
        keys[n++] = "inference_batch";
        keys[n++] = "usd_per_gpu_hour";
    } else if (quantity == "training_days") {
        keys[n++] = "chips";
        keys[n++] = "mfu";
    } else {
        keys[n++] = "usd_per_gpu_hour";
        keys[n++] = "mfu";
    }
    return n;
}

void verdict_headline(AppState& state, const CheckedClaim& claim) {
    const Session& session = state.session;
    const ImU32 color = verdict_color(claim.check.verdict, session.theme());
    ImGui::PushFont(nullptr, ImGui::GetStyle().FontSizeBase * 1.6f);
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    ImGui::Text("%s %s", verdict_glyph(claim.check.verdict), state.tr(verdict_string_key(claim.check.verdict)));
    ImGui::PopStyleColor();
    ImGui::PopFont();
    state.record_rect("embed.verdict");
    // What the verdict is about: the claim's own words.
    ImGui::SameLine();
    ImFont* face = state.font_for_script(session.quotes()[session.selected_quote()].quote->script);
    if (face) ImGui::PushFont(face, 0.0f);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(("\xE2\x80\x9C" + claim.claim->span + "\xE2\x80\x9D").c_str());
    if (face) ImGui::PopFont();
}

} // namespace

void draw_embed(AppState& state) {
    const Session& session = state.session;
    if (session.quotes().empty()) return;
    const int quote_index = session.selected_quote();
    const CheckedQuote& quote = session.quotes()[quote_index];
    if (quote.claims.empty()) return;
    const CheckedClaim& claim = quote.claims[session.selected_claim()];
    const float em = ImGui::GetFontSize();

    verdict_headline(state, claim);
    // "Open the full explainer" at the end of the verdict's line when it fits, else on its own: always in view,
    // however long the quote below is.
    if (state.hooks.open_url) {
        const char* label = state.tr("action.open_full");
        const float button = button_width(label);
        ImGui::SameLine();
        const float room = ImGui::GetContentRegionAvail().x;
        if (button + em > room)
            ImGui::NewLine();
        else
            ImGui::SetCursorPosX(ImGui::GetCursorPosX() + room - button);
        if (small_button(state, label))
            state.hooks.open_url(state.page_url() + "?" + permalink_query(session, View::full));
        state.record_rect("open_full");
    }
    const std::string reason = session.claim_reason(quote_index, session.selected_claim());
    wrapped_text(reason.empty() ? localized(state, claim.claim->note).c_str() : reason.c_str());
    state.record_rect("embed.reason");
    ImGui::Spacing();
    draw_quote_text(state, quote_index, "span_embed");
    if (session.lang() == Lang::en && !quote.quote->translation_en.empty())
        wrapped_text(quote.quote->translation_en.c_str(), ImGui::GetColorU32(ImGuiCol_TextDisabled));

    if (claim.claim->checkable()) {
        ImGui::Spacing();
        const char* keys[2];
        const int n = controls_for(claim.claim->quantity, keys);
        // Side by side when the frame is wide enough for both, stacked with the first control only on a phone-width
        // frame (a reader there moves one thing at a time; the full explainer has the rest).
        const bool side_by_side = ImGui::GetContentRegionAvail().x >= 30.0f * em;
        if (side_by_side && ImGui::BeginTable("embed", 2, ImGuiTableFlags_SizingStretchProp)) {
            ImGui::TableSetupColumn("controls", ImGuiTableColumnFlags_WidthStretch, 1.1f);
            ImGui::TableSetupColumn("result", ImGuiTableColumnFlags_WidthStretch, 1.0f);
            ImGui::TableNextColumn();
            draw_scenario_controls(state, keys, n);
            ImGui::TableNextColumn();
            draw_result_for(state, claim.claim->quantity.c_str());
            ImGui::EndTable();
        } else {
            draw_result_for(state, claim.claim->quantity.c_str());
            draw_scenario_controls(state, keys, 1);
        }
    }
    // Once the reader moves a control that reaches the claim, the verdict under their assumptions, labelled, with
    // its own reason: the card's promise that the verdict follows the sliders. Below the controls, so that its
    // appearing never moves a slider under the reader's finger or pointer.
    const LiveClaim live = session.live_claim(quote_index, session.selected_claim());
    if (live.differs) {
        ImGui::Spacing();
        ImGui::BeginGroup();
        ImGui::TextDisabled("%s:", state.tr("quote.your_scenario"));
        ImGui::SameLine();
        ImGui::PushStyleColor(ImGuiCol_Text, verdict_color(live.verdict, session.theme()));
        ImGui::Text("%s %s", verdict_glyph(live.verdict), state.tr(verdict_string_key(live.verdict)));
        ImGui::PopStyleColor();
        wrapped_text(live.reason.c_str());
        ImGui::EndGroup();
        state.record_rect("embed.live");
    }
}

} // namespace chips::ui
