// session/summary.cpp — see summary.h.
#include "session/summary.h"

namespace chips {

namespace {

// The selected claim (Session::selected_claim: the one the reader chose, else the quote's first checkable one) and
// its verdict under the reader's assumptions (model/content/claim_book.h recheck): a screen-reader user hears the
// verdict when a quote is picked, and again when a slider moves it ("Overstated" → "Consistent").
std::string selected_verdict(const Session& session) {
    Verdict verdict = Verdict::not_checkable;
    const CheckedClaim* claim = selected_claim_live_verdict(session, verdict);
    if (!claim) return "";
    std::string text = fill_in(session.tr("summary.verdict"), "span", claim->claim->span);
    return fill_in(text, "verdict", session.tr(verdict_string_key(verdict)));
}

// How the summary names the value the reader just changed ("Price per GPU-hour: $1.80."): the control's label and
// the value in the same units the slider shows.
Quantity quantity_for_key(const std::string& key) {
    if (key == "tokens") return Quantity::tokens;
    if (key == "mfu" || key == "mfu_low" || key == "mfu_high" || key == "overlap") return Quantity::fraction;
    if (key.rfind("usd_per_", 0) == 0) return Quantity::usd_small;
    if (key == "gpu_mtbf_hours") return Quantity::hours;
    if (key == "checkpoint_minutes" || key == "restart_minutes") return Quantity::minutes;
    if (key == "pue" || key == "kg_co2_per_kwh") return Quantity::plain;
    return Quantity::count;
}

std::string changed_value(const Session& session) {
    const std::string& key = session.last_changed_key();
    if (key.empty()) return "";
    const std::string label_key = "scenario." + key + ".label";
    if (!session.strings().has(label_key)) return "";
    std::string value;
    if (key == "gpu") {
        value = session.gpu() ? session.gpu_label(*session.gpu()) : "";
    } else if (key == "precision") {
        value = session.tr(session.scenario().precision == Precision::fp8 ? "scenario.precision.fp8"
                                                                          : "scenario.precision.bf16");
    } else {
        const ScenarioKeyInfo* info = find_scenario_key(key);
        if (!info || !info->field) return "";
        value = session.fmt().format(session.scenario().*(info->field), quantity_for_key(key));
    }
    std::string text = fill_in(session.tr("summary.changed"), "name", session.tr(label_key.c_str()));
    return fill_in(text, "value", value);
}

} // namespace

const CheckedClaim* selected_claim_live_verdict(const Session& session, Verdict& verdict_out) {
    if (session.quotes().empty()) return nullptr;
    const int quote_index = session.selected_quote();
    const auto& claims = session.quotes()[quote_index].claims;
    const int claim_index = session.selected_claim();
    if (claim_index < 0 || claim_index >= static_cast<int>(claims.size())) return nullptr;
    const CheckedClaim& claim = claims[claim_index];
    if (!claim.claim->checkable()) return nullptr;
    verdict_out = claim.check.verdict;
    const ClaimBook& book = session.claim_book();
    for (std::size_t i = 0; i < book.size(); ++i) {
        const ClaimEntry& entry = book.entry(i);
        if (entry.quote_index != static_cast<std::size_t>(quote_index) ||
            entry.claim_index != static_cast<std::size_t>(claim_index) || !entry.live)
            continue;
        const Preset* preset = session.presets().find(session.preset_id());
        verdict_out = book.recheck(i, session.scenario(), preset ? preset->scenario : Scenario()).verdict;
        break;
    }
    return &claim;
}

std::string accessible_summary(const Session& session) {
    if (!session.loaded() || !session.gpu()) return "";
    if (session.result().status != EstimateStatus::ok) return session.tr("results.invalid");
    const Formatter& fmt = session.fmt();
    const Estimate& result = session.result();
    std::string text = session.tr("summary.text");
    text = fill_in(text, "chips", fmt.format(session.scenario().chips, Quantity::count));
    text = fill_in(text, "gpu", session.gpu_label(*session.gpu()));
    text = fill_in(text, "days", fmt.format(result.training_days.central, Quantity::days));
    text = fill_in(text, "cost", fmt.format(result.rental_cost_usd.central, Quantity::usd));
    text = fill_in(text, "cost_range", fmt.format_range(result.rental_cost_usd, Quantity::usd));
    text = fill_in(text, "ratio", fmt.format(result.cost_vs_deepseek_v3.central, Quantity::ratio));
    const std::string verdict = selected_verdict(session);
    if (!verdict.empty()) text = verdict + " " + text;
    if (session.touring() && session.tour_nav().step() < session.tour().steps.size()) {
        // A screen reader hears the step with the results it sets up.
        const TourNavigator& nav = session.tour_nav();
        const TourStep& step = session.tour().steps[nav.step()];
        std::string counter = fill_in(session.tr("tour.step_of"), "step", std::to_string(nav.step() + 1));
        counter = fill_in(counter, "total", std::to_string(nav.step_count()));
        std::string prefix = fill_in(session.tr("tour.summary"), "step", counter);
        prefix = fill_in(prefix, "title", session.localized(step.title));
        prefix = fill_in(prefix, "body", session.tour_step_body(nav.step()));
        text = prefix + " " + text;
    }
    return text;
}

std::string live_announcement(const Session& session) {
    const std::string summary = accessible_summary(session);
    const std::string changed = changed_value(session);
    return changed.empty() || summary.empty() ? summary : changed + " " + summary;
}

} // namespace chips
