// model/engine/claim_check.cpp — see claim_check.h.
#include "model/engine/claim_check.h"
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>

namespace chips {

const char* verdict_name(Verdict verdict) {
    switch (verdict) {
    case Verdict::consistent:
        return "consistent";
    case Verdict::overstated:
        return "overstated";
    case Verdict::understated:
        return "understated";
    case Verdict::not_checkable:
        return "not_checkable";
    }
    return "not_checkable";
}

const char* ratio_mode_name(RatioMode mode) {
    return mode == RatioMode::inverse ? "inverse" : "direct";
}

std::string format_quantity(double value) {
    if (!std::isfinite(value)) return "n/a";
    char text[48];
    const double magnitude = std::fabs(value);
    struct Suffix {
        double scale;
        const char* name;
    };
    static const Suffix suffixes[] = {{1e12, "T"}, {1e9, "B"}, {1e6, "M"}, {1e3, "k"}};
    if (magnitude >= 1e15) {
        std::snprintf(text, sizeof text, "%.3g", value);
        // "3.3e+24" -> "3.3e24": shorter, and what the articles' readers see elsewhere.
        std::string out = text;
        auto plus = out.find("e+");
        if (plus != std::string::npos) out.erase(plus + 1, 1);
        return out;
    }
    for (const Suffix& suffix : suffixes) {
        if (magnitude >= suffix.scale) {
            std::snprintf(text, sizeof text, "%.3g%s", value / suffix.scale, suffix.name);
            return text;
        }
    }
    std::snprintf(text, sizeof text, "%.3g", value);
    return text;
}

static ClaimCheck not_checkable(ClaimCheck check, ClaimProblem problem) {
    check.verdict = Verdict::not_checkable;
    check.problem = problem;
    check.claimed_over_model = 0.0;
    return check;
}

Verdict verdict_for(double claimed, const Range& model, double tolerance, bool fraction_of_reference) {
    // Within a factor (1 + t) either way: symmetric on a ratio scale, so "1/20", "5%" and "20 times" of the same gap
    // reach the same verdict at every boundary.
    const double lowest = model.low / (1.0 + tolerance);
    const double highest = model.high * (1.0 + tolerance);
    if (claimed > highest) return fraction_of_reference ? Verdict::understated : Verdict::overstated;
    if (claimed < lowest) return fraction_of_reference ? Verdict::overstated : Verdict::understated;
    return Verdict::consistent;
}

static ClaimComparison refused(ClaimComparison comparison, ClaimProblem problem) {
    comparison.verdict = Verdict::not_checkable;
    comparison.problem = problem;
    comparison.claimed_over_model = 0.0;
    return comparison;
}

ClaimComparison compare_claim(const OutputInfo& output, double claimed, double tolerance, RatioMode mode,
                              const Scenario& scenario, const Scenario* compare_to, const GpuCatalog& catalog) {
    ClaimComparison comparison;
    if (!std::isfinite(claimed) || claimed < 0 || !(tolerance >= 0) || tolerance > 1)
        return refused(comparison, ClaimProblem::invalid_claimed_value);
    auto run = [&](const Scenario& which, EstimateStatus& status) {
        const GpuSpec* gpu = catalog.find(which.gpu);
        if (gpu == nullptr) {
            status = EstimateStatus::invalid_input;
            return Estimate{};
        }
        Estimate result = estimate(which, *gpu);
        status = result.status;
        return result;
    };
    const Estimate main_estimate = run(scenario, comparison.scenario_status);
    if (comparison.scenario_status != EstimateStatus::ok) return refused(comparison, ClaimProblem::scenario_invalid);
    Range model = main_estimate.*(output.field);
    if (compare_to) {
        const Estimate reference = run(*compare_to, comparison.compare_status);
        if (comparison.compare_status != EstimateStatus::ok) return refused(comparison, ClaimProblem::compare_invalid);
        const Range base = reference.*(output.field);
        if (base.low <= 0 || base.central <= 0 || base.high <= 0)
            return refused(comparison, ClaimProblem::zero_model_value);
        // Two runs are independent estimates (their efficiencies, prices and failure rates are not the same
        // uncertain quantity), so the ends cross: the ratio is never narrower than either part.
        model = Range{model.low / base.high, model.central / base.central, model.high / base.low};
        comparison.fraction_of_reference = mode == RatioMode::direct && claimed < 1.0;
    }
    if (mode == RatioMode::inverse) {
        if (model.low <= 0) return refused(comparison, ClaimProblem::zero_model_value);
        model = Range{1.0 / model.high, 1.0 / model.central, 1.0 / model.low};
    }
    comparison.model = model;
    comparison.claimed_over_model = model.central > 0 ? claimed / model.central : 0.0;
    comparison.verdict = verdict_for(claimed, model, tolerance, comparison.fraction_of_reference);
    return comparison;
}

ClaimComparison combine_range_ends(const ClaimComparison& low_end, const ClaimComparison& high_end) {
    ClaimComparison combined = low_end;
    if (low_end.problem != ClaimProblem::none || high_end.problem != ClaimProblem::none) return combined;
    if (high_end.verdict == Verdict::consistent ||
        (high_end.verdict != low_end.verdict && low_end.verdict != Verdict::consistent))
        combined.verdict = Verdict::consistent;
    return combined;
}

ClaimCheck check_claim(const Claim& claim, const GpuCatalog& catalog) {
    ClaimCheck check;
    check.quantity = claim.quantity;
    check.claimed = claim.claimed_value;
    check.tolerance = claim.tolerance;
    check.ratio_mode = claim.ratio_mode;
    check.is_ratio = claim.compare_to.has_value();
    check.note = claim.note;
    if (claim.quantity == "not_checkable") return not_checkable(check, ClaimProblem::declared_not_checkable);
    const OutputInfo* output = find_output(claim.quantity.c_str());
    if (output == nullptr) return not_checkable(check, ClaimProblem::unknown_quantity);
    check.unit = check.is_ratio ? "ratio" : output->unit;
    if (!check.is_ratio && claim.ratio_mode == RatioMode::direct && !claim.unit.empty() && claim.unit != output->unit)
        return not_checkable(check, ClaimProblem::unit_mismatch);
    const ClaimComparison comparison =
        compare_claim(*output, claim.claimed_value, claim.tolerance, claim.ratio_mode, claim.scenario,
                      claim.compare_to ? &*claim.compare_to : nullptr, catalog);
    check.scenario_status = comparison.scenario_status;
    check.compare_status = comparison.compare_status;
    if (comparison.problem != ClaimProblem::none) return not_checkable(check, comparison.problem);
    check.verdict = comparison.verdict;
    check.model = comparison.model;
    check.claimed_over_model = comparison.claimed_over_model;
    check.fraction_of_reference = comparison.fraction_of_reference;
    return check;
}

static std::string with_unit(double value, const char* unit) {
    std::string text = format_quantity(value);
    if (std::strcmp(unit, "ratio") == 0) return text + "x";
    if (unit[0] != '\0') text += std::string(" ") + unit;
    return text;
}

std::string format_claim_reasoning(const ClaimCheck& check) {
    switch (check.problem) {
    case ClaimProblem::declared_not_checkable:
        return "This claim is not checkable by a compute-cost model" +
               (check.note.empty() ? std::string(".") : ": " + check.note);
    case ClaimProblem::unknown_quantity:
        return "\"" + check.quantity + "\" is not an output of this model, so the claim cannot be checked.";
    case ClaimProblem::unit_mismatch:
        return "The claim's unit does not match the model's unit for " + check.quantity + " (" + check.unit + ").";
    case ClaimProblem::invalid_claimed_value:
        return "The claimed value or tolerance is not a usable number.";
    case ClaimProblem::scenario_invalid:
        return std::string("The claim's scenario cannot be estimated: ") + status_message(check.scenario_status) + ".";
    case ClaimProblem::compare_invalid:
        return std::string("The reference scenario cannot be estimated: ") + status_message(check.compare_status) + ".";
    case ClaimProblem::zero_model_value:
        return "The model's value for " + check.quantity + " is zero, so no ratio can be formed.";
    case ClaimProblem::none:
        break;
    }
    const char* unit = check.unit;
    const std::string what =
        check.is_ratio ? "the ratio of " + check.quantity + " between the two scenarios" : check.quantity;
    const std::string inverse = check.ratio_mode == RatioMode::inverse ? " (read as 1/N)" : "";
    const std::string claimed = (check.ratio_mode == RatioMode::inverse ? "1/" : "") +
                                with_unit(check.claimed, check.ratio_mode == RatioMode::inverse ? "" : unit);
    const std::string model_range = with_unit(check.model.low, "") + " to " + with_unit(check.model.high, unit) +
                                    " (central " + with_unit(check.model.central, unit) + ")";
    char tolerance[16];
    std::snprintf(tolerance, sizeof tolerance, "%.0f%%", check.tolerance * 100.0);
    if (check.ratio_mode == RatioMode::inverse) {
        const std::string model_inverse = "1/" + format_quantity(check.model.high) + " to 1/" +
                                          format_quantity(check.model.low) + " (central 1/" +
                                          format_quantity(check.model.central) + ")";
        if (check.verdict == Verdict::consistent)
            return "The claimed " + claimed + " is consistent with the model's " + model_inverse + " for " + what + ".";
        return "The claimed " + claimed + " is " + verdict_name(check.verdict) + inverse + ": the model gives " +
               model_inverse + " for " + what + ", outside the range even with " + tolerance + " tolerance.";
    }
    if (check.verdict == Verdict::consistent)
        return "The claimed " + claimed + " is consistent with the model's " + model_range + " for " + what + ".";
    char factor[32];
    std::snprintf(factor, sizeof factor, "%.3g", check.claimed_over_model);
    return "The claimed " + claimed + " is " + verdict_name(check.verdict) + ": it is " + factor +
           "x the model's central estimate for " + what + ", whose range is " + model_range + ", even with " +
           tolerance + " tolerance.";
}

} // namespace chips
