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

ClaimComparison compare_with_published(const QuoteClaim& claim, double claimed_low, double claimed_high) {
    auto one_end = [&](double claimed) {
        ClaimComparison comparison;
        comparison.model = claim.published;
        comparison.claimed_over_model = claimed / claim.published.central;
        comparison.verdict = verdict_for(claimed, claim.published, claim.tolerance, false);
        return comparison;
    };
    const ClaimComparison low = one_end(claimed_low);
    return claimed_high == claimed_low ? low : combine_range_ends(low, one_end(claimed_high));
}

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
    if (!claim_values_for_checker(claim, low, high)) {
        result.check.problem = ClaimProblem::invalid_claimed_value;
        return result;
    }
    if (claim.against_published()) {
        const ClaimComparison published = compare_with_published(claim, low, high);
        result.check.verdict = published.verdict;
        result.check.model = published.model;
        result.check.claimed = low;
        result.check.claimed_over_model = published.claimed_over_model;
        result.check.tolerance = claim.tolerance;
        result.check.unit = zh_unit_name(claim.unit);
        result.check.against_published = true;
        return result;
    }
    if (!result.has_scenario) {
        result.check.problem = ClaimProblem::scenario_invalid;
        return result;
    }
    Claim input;
    input.quantity = claim.quantity;
    input.scenario = result.scenario;
    input.tolerance = claim.tolerance;
    input.ratio_mode = claim.ratio_mode == QuoteRatioMode::inverse ? RatioMode::inverse : RatioMode::direct;
    if (claim.has_compare_to) {
        if (!build(presets, catalog, claim.compare_to, assumptions, result.compare_to)) {
            result.check.problem = ClaimProblem::compare_invalid;
            return result;
        }
        result.has_compare_to = true;
        input.compare_to = result.compare_to;
    }
    input.claimed_value = low;
    result.check = check_claim(input, catalog);
    if (high != low && result.check.problem == ClaimProblem::none) {
        input.claimed_value = high;
        const ClaimCheck upper = check_claim(input, catalog);
        ClaimComparison low_end, high_end;
        low_end.verdict = result.check.verdict;
        high_end.verdict = upper.verdict;
        result.check.verdict = combine_range_ends(low_end, high_end).verdict;
    }
    return result;
}

} // namespace chips
