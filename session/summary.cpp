// session/summary.cpp — see summary.h.
#include "session/summary.h"

namespace chips {

namespace {

// The selected quote's first checkable claim and its verdict: a screen-reader user hears the verdict change when a
// quote is picked (and, later, when the live verdict changes).
std::string selected_verdict(const Session& session) {
    if (session.quotes().empty()) return "";
    for (const CheckedClaim& claim : session.quotes()[session.selected_quote()].claims) {
        if (!claim.claim->checkable()) continue;
        std::string text = fill_in(session.tr("summary.verdict"), "span", claim.claim->span);
        return fill_in(text, "verdict", session.tr(verdict_string_key(claim.check.verdict)));
    }
    return "";
}

} // namespace

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
        prefix = fill_in(prefix, "body", session.localized(step.body));
        text = prefix + " " + text;
    }
    return text;
}

} // namespace chips
