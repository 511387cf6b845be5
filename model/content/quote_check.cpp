// model/content/quote_check.cpp — see quote_check.h.
#include "model/content/quote_check.h"

namespace chips {

namespace {

bool build(const PresetCatalog& presets, const GpuCatalog& catalog, const ScenarioRef& ref,
           const ScenarioOverrides& assumptions, Scenario& out) {
    const Preset* preset = presets.find(ref.preset);
    if (preset == nullptr) return false;
    Scenario scenario = preset->scenario;
    for (const auto& [key, value] : assumptions)
        if (apply_scenario_value(scenario, key, value, "assumptions", catalog)) return false;
    for (const auto& [key, value] : ref.overrides)
        if (apply_scenario_value(scenario, key, value, "content/quotes.json", catalog)) return false;
    if (validate_scenario(scenario, catalog, "content/quotes.json")) return false;
    out = scenario;
    return true;
}

} // namespace

QuoteClaimCheck check_quote_claim(const QuoteClaim& claim, const PresetCatalog& presets, const GpuCatalog& catalog,
                                  const ScenarioOverrides& assumptions) {
    QuoteClaimCheck result;
    result.check.quantity = claim.quantity;
    result.has_scenario = claim.has_scenario && build(presets, catalog, claim.scenario, assumptions, result.scenario);
    if (!claim.checkable()) {
        result.check.problem = ClaimProblem::declared_not_checkable;
        return result;
    }
    double low = 0.0, high = 0.0;
    if (!result.has_scenario || !claim_values_for_checker(claim, low, high)) {
        result.check.problem = ClaimProblem::scenario_invalid;
        return result;
    }
    Claim input;
    input.quantity = claim.quantity;
    input.scenario = result.scenario;
    input.tolerance = claim.tolerance;
    input.ratio_mode = claim.ratio_mode == QuoteRatioMode::inverse ? RatioMode::inverse : RatioMode::direct;
    if (claim.has_compare_to) {
        Scenario compare;
        if (!build(presets, catalog, claim.compare_to, {}, compare)) {
            result.check.problem = ClaimProblem::compare_invalid;
            return result;
        }
        input.compare_to = compare;
    }
    input.claimed_value = low;
    result.check = check_claim(input, catalog);
    if (high != low && result.check.problem == ClaimProblem::none) {
        input.claimed_value = high;
        const ClaimCheck upper = check_claim(input, catalog);
        // Consistent if either end is, or if the ends fall on opposite sides of the model's range.
        if (upper.verdict == Verdict::consistent ||
            (upper.verdict != result.check.verdict && result.check.verdict != Verdict::consistent))
            result.check.verdict = Verdict::consistent;
    }
    return result;
}

} // namespace chips
