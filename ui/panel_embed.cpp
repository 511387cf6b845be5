// ui/panel_embed.cpp — the embed view (an iframe in someone's article): one quote with its verdicts, the controls
// that matter for its claim, the result they move, and a link to the full explainer.
#include "session/permalink.h"
#include "ui/app_state.h"

#include <imgui.h>

namespace chips::ui {

namespace {

// The controls that matter for a claim's quantity (embed view).
int controls_for(const std::string& quantity, const char** keys) {
    int n = 0;
    if (quantity == "active_params" || quantity == "active_fraction" || quantity == "compute_vs_dense" ||
        quantity == "total_params") {
        keys[n++] = "experts_total";
        keys[n++] = "experts_active";
        keys[n++] = "tokens";
    } else if (quantity == "inference_usd_per_million_tokens") {
        keys[n++] = "gpu";
        keys[n++] = "inference_batch";
        keys[n++] = "usd_per_gpu_hour";
    } else {
        keys[n++] = "gpu";
        keys[n++] = "chips";
        keys[n++] = "mfu";
        if (quantity != "training_days") keys[n++] = "usd_per_gpu_hour";
    }
    return n;
}

} // namespace

void draw_embed(AppState& state) {
    const Session& session = state.session;
    if (session.quotes().empty()) return;
    draw_quote_card(state, session.selected_quote(), true);
    const CheckedQuote& quote = session.quotes()[session.selected_quote()];
    std::string quantity = "rental_cost_usd";
    for (const CheckedClaim& claim : quote.claims)
        if (claim.claim->checkable()) {
            quantity = claim.claim->quantity;
            break;
        }
    const char* keys[4];
    const int n = controls_for(quantity, keys);
    const float em = ImGui::GetFontSize();
    if (ImGui::BeginTable("embed", 2, ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn("controls", ImGuiTableColumnFlags_WidthStretch, 1.2f);
        ImGui::TableSetupColumn("result", ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableNextColumn();
        draw_scenario_controls(state, keys, n);
        ImGui::TableNextColumn();
        draw_result_for(state, quantity.c_str());
        if (quantity != "rental_cost_usd") draw_result_for(state, "rental_cost_usd");
        ImGui::EndTable();
    }
    ImGui::Dummy(ImVec2(0, 0.3f * em));
    if (state.hooks.open_url) {
        if (ImGui::Button(state.tr("action.open_full"))) {
            state.hooks.open_url(state.page_url() + "?" + permalink_query(session, View::full));
        }
        state.record_rect("open_full");
    }
}

} // namespace chips::ui
