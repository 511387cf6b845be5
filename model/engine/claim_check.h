// model/engine/claim_check.h — checks a number stated in an article against the model (docs/contract.md "Claims").
//
// A claim names an output key (`quantity`), the value the article states in that output's unit, and the scenario
// the article implies. With `compare_to` the claimed value is a ratio output(scenario) / output(compare_to)
// ("15 times"); with RatioMode::inverse the article's N means 1/N ("cut compute to 1/10"), so N is compared with
// 1 / (model value or ratio). The verdict is structured; format_claim_reasoning() renders one English sentence
// for logs, and model/content/claim_reason.h the plain sentence readers see, in their language.
//
// Ratios of two runs combine their ranges as independent estimates: low = low / high, high = high / low (never
// narrower than either part; the central stays inside). Overstated and understated always speak of the size of
// the gap the article asserts: "V3 cost 5% of GPT-4" and "1/20 of GPT-4" both assert a 20-fold gap, and both are
// overstated when the model's gap is smaller (docs/content.md "Verdicts").
#pragma once
#include "model/core/range.h"
#include "model/core/types.h"
#include "model/engine/estimate.h"
#include "model/engine/scenario.h"
#include <optional>
#include <string>

namespace chips {

enum class Verdict { consistent, overstated, understated, not_checkable };
enum class RatioMode { direct, inverse };

const char* verdict_name(Verdict verdict);   // "consistent", "overstated", "understated", "not_checkable"
const char* ratio_mode_name(RatioMode mode); // "direct", "inverse"

struct Claim {
    std::string quantity;                     // output key ("rental_cost_usd"), or "not_checkable"
    double claimed_value = 0.0;               // in the output's unit; a ratio with compare_to; N for "1/N" when inverse
    std::string unit;                         // optional: when set (and not a ratio) it must equal the output's unit
    Scenario scenario;                        // what the article describes
    std::optional<Scenario> compare_to;       // reference scenario for "N times ..." claims
    RatioMode ratio_mode = RatioMode::direct; // inverse: the article writes 1/N and claimed_value holds N
    double tolerance = 0.10;                  // relative slack around the model range, 0..1 (rounded news numbers)
    std::string note;                         // for not_checkable claims: why (market value, stock moves...)
};

enum class ClaimProblem {
    none,
    declared_not_checkable, // quantity = "not_checkable"
    unknown_quantity,       // not an output key
    unit_mismatch,          // Claim::unit differs from the output's unit
    invalid_claimed_value,  // negative, NaN or infinite claimed value, or tolerance outside 0..1
    scenario_invalid,       // estimate() refused the scenario (see scenario_status)
    compare_invalid,        // estimate() refused compare_to (see compare_status)
    zero_model_value,       // a ratio or inverse needs a non-zero model value
};

// The comparison itself, without any text: what check_claim computes and what a live re-check under the reader's
// assumptions calls on every change (no allocation).
struct ClaimComparison {
    Verdict verdict = Verdict::not_checkable;
    ClaimProblem problem = ClaimProblem::none;           // why not_checkable, none otherwise
    Range model;                                         // the model's value in the claim's terms, low <= high
    double claimed_over_model = 0.0;                     // claimed / model.central (0 when not checkable)
    bool fraction_of_reference = false;                  // a ratio written below 1 ("5% of"): the gap is 1/x
    EstimateStatus scenario_status = EstimateStatus::ok; // estimate status of the claim's scenario
    EstimateStatus compare_status = EstimateStatus::ok;  // estimate status of compare_to (ok when absent)
};

// The verdict of `claimed` against `model` with relative `tolerance`: consistent inside [low/(1+t), high·(1+t)],
// else overstated above and understated below; `fraction_of_reference` swaps the two (a smaller fraction is a
// larger gap).
Verdict verdict_for(double claimed, const Range& model, double tolerance, bool fraction_of_reference);

// `claimed` (in the output's unit; a ratio with compare_to; N for "1/N" with RatioMode::inverse) against
// output(scenario) [/ output(compare_to)]. `compare_to` may be null. Never throws, never allocates.
ClaimComparison compare_claim(const OutputInfo& output, double claimed, double tolerance, RatioMode mode,
                              const Scenario& scenario, const Scenario* compare_to, const GpuCatalog& catalog);

// A range claim ("100億到1000億"): consistent when either end is, or when the ends fall on opposite sides of the
// model's range; otherwise the side both ends are on. `low_end` and `high_end` are the two ends' comparisons.
ClaimComparison combine_range_ends(const ClaimComparison& low_end, const ClaimComparison& high_end);

struct ClaimCheck {
    Verdict verdict = Verdict::not_checkable;
    ClaimProblem problem = ClaimProblem::none;           // why not_checkable, none otherwise
    std::string quantity;                                // the claim's output key
    const char* unit = "";                               // output unit, or "ratio" for ratio claims
    bool is_ratio = false;                               // compared against output(scenario) / output(compare_to)
    bool against_published = false;                      // compared with a published figure, not the model
    bool fraction_of_reference = false;                  // ratio written below 1: overstated = gap too large
    RatioMode ratio_mode = RatioMode::direct;            // inverse: model range below is 1 / (value or ratio)
    Range model;                                         // the model's value in the claim's terms, low <= high
    double claimed = 0.0;                                // the claimed value as stated
    double claimed_over_model = 0.0;                     // claimed / model.central (0 when not checkable)
    double tolerance = 0.0;                              // relative slack used
    EstimateStatus scenario_status = EstimateStatus::ok; // estimate status of the claim's scenario
    EstimateStatus compare_status = EstimateStatus::ok;  // estimate status of compare_to (ok when absent)
    std::string note;                                    // the claim's note (not_checkable claims)
};

// Looks up the GPUs in `catalog`, runs estimate() once or twice and compares. Never throws.
ClaimCheck check_claim(const Claim& claim, const GpuCatalog& catalog);

// One English sentence, e.g. "The claimed 5.58M USD is consistent with the model's 4.99M to 6.32M USD (central
// 5.58M) for rental_cost_usd." Numbers use 3 significant digits with k/M/B/T suffixes.
std::string format_claim_reasoning(const ClaimCheck& check);

// 3 significant digits with a k/M/B/T/e-notation suffix: 5576000 -> "5.58M", 0.056 -> "0.056", 3.3e24 -> "3.3e24".
std::string format_quantity(double value);

} // namespace chips
