// tests/test_model_claims.cpp — the claim checker on the articles' numbers (seeds in ../shared/seeds): the
// verdicts follow from the model's ranges, computed here, not typed in.
#include "model/engine/claim_check.h"
#include "test_model_support.h"

using namespace chips;
using chips::test::catalog;
using chips::test::preset;
using chips::test::run;

TEST_CASE("'557万美元' (USD 5.57M) for DeepSeek-V3 is consistent") {
    Claim claim;
    claim.quantity = "rental_cost_usd";
    claim.claimed_value = 5.57e6;
    claim.unit = "USD";
    claim.scenario = preset("deepseek-v3");
    const ClaimCheck check = check_claim(claim, catalog());
    CHECK(check.verdict == Verdict::consistent);
    CHECK(check.problem == ClaimProblem::none);
    CHECK(check.model.contains(5.57e6));
    CHECK(check.claimed_over_model == doctest::Approx(5.57e6 / run(claim.scenario).rental_cost_usd.central));
    const std::string sentence = format_claim_reasoning(check);
    CHECK(sentence.find("consistent") != std::string::npos);
    CHECK(sentence.find("5.57M USD") != std::string::npos);
}

TEST_CASE("'MoE cut compute to 1/10' is understated: the model gives ~1/18 of a dense 671B model") {
    Claim claim;
    claim.quantity = "compute_vs_dense";
    claim.claimed_value = 10; // "1/10"
    claim.ratio_mode = RatioMode::inverse;
    claim.scenario = preset("deepseek-v3");
    const ClaimCheck check = check_claim(claim, catalog());
    const Estimate result = run(claim.scenario);
    CHECK(check.model.central == doctest::Approx(1.0 / result.compute_vs_dense.central));
    CHECK(check.model.central == doctest::Approx(17.87).epsilon(0.01));
    CHECK(check.model.low == doctest::Approx(1.0 / result.compute_vs_dense.high));
    CHECK(check.verdict == Verdict::understated);
    CHECK(format_claim_reasoning(check).find("1/10") != std::string::npos);
}

TEST_CASE("'xAI's 100,000 H100 could train V3 15 times': Grok 3's estimated cost over V3's, on one price basis") {
    Claim claim;
    claim.quantity = "rental_cost_usd";
    claim.claimed_value = 15;
    claim.tolerance = 0.25;
    claim.scenario = preset("grok3-estimate");
    Scenario v3 = preset("deepseek-v3");
    v3.usd_per_gpu_hour = v3.usd_per_gpu_hour_low = v3.usd_per_gpu_hour_high = 0; // the catalog, like Grok's
    claim.compare_to = v3;
    const ClaimCheck check = check_claim(claim, catalog());
    const Estimate grok = run(claim.scenario);
    const Estimate reference = run(v3);
    CHECK(check.is_ratio);
    CHECK(std::string(check.unit) == "ratio");
    // Independent estimates: the ends cross, so the ratio is at least as wide as either part.
    CHECK(check.model.low == doctest::Approx(grok.rental_cost_usd.low / reference.rental_cost_usd.high));
    CHECK(check.model.central == doctest::Approx(grok.rental_cost_usd.central / reference.rental_cost_usd.central));
    CHECK(check.model.high == doctest::Approx(grok.rental_cost_usd.high / reference.rental_cost_usd.low));
    // Ten times Llama 3.1 405B's compute is over a hundred V3 runs of compute: even the low end is far above 15.
    CHECK(grok.training_flop.central / reference.training_flop.central > 100);
    CHECK(check.model.low > 15 * 1.25);
    CHECK(check.verdict == Verdict::understated);
}

TEST_CASE("Verdict boundaries follow the tolerance around the model range") {
    Claim claim;
    claim.quantity = "gpu_hours";
    claim.scenario = preset("deepseek-v3");
    claim.tolerance = 0.10;
    const Estimate result = run(claim.scenario);
    claim.claimed_value = result.gpu_hours.high * 1.10 * (1 - 1e-9);
    CHECK(check_claim(claim, catalog()).verdict == Verdict::consistent);
    claim.claimed_value = result.gpu_hours.high * 1.10 * (1 + 1e-6);
    CHECK(check_claim(claim, catalog()).verdict == Verdict::overstated);
    claim.claimed_value = result.gpu_hours.low * 0.90 * (1 - 1e-6);
    CHECK(check_claim(claim, catalog()).verdict == Verdict::understated);
    claim.tolerance = 0;
    claim.claimed_value = result.gpu_hours.high * 1.01;
    const ClaimCheck check = check_claim(claim, catalog());
    CHECK(check.verdict == Verdict::overstated);
    CHECK(format_claim_reasoning(check).find("overstated") != std::string::npos);
}

TEST_CASE("Claims the model cannot check say why") {
    Claim claim;
    claim.scenario = preset("deepseek-v3");
    claim.quantity = "not_checkable";
    claim.note = "a stock-market move";
    ClaimCheck check = check_claim(claim, catalog());
    CHECK(check.verdict == Verdict::not_checkable);
    CHECK(check.problem == ClaimProblem::declared_not_checkable);
    CHECK(format_claim_reasoning(check).find("stock-market") != std::string::npos);

    claim.quantity = "market_cap_usd";
    CHECK(check_claim(claim, catalog()).problem == ClaimProblem::unknown_quantity);

    claim.quantity = "rental_cost_usd";
    claim.unit = "CNY";
    claim.claimed_value = 1;
    CHECK(check_claim(claim, catalog()).problem == ClaimProblem::unit_mismatch);

    claim.unit.clear();
    claim.claimed_value = std::nan("");
    CHECK(check_claim(claim, catalog()).problem == ClaimProblem::invalid_claimed_value);

    claim.claimed_value = 1;
    claim.scenario.gpu = "a100"; // still fp8
    check = check_claim(claim, catalog());
    CHECK(check.problem == ClaimProblem::scenario_invalid);
    CHECK(check.scenario_status == EstimateStatus::fp8_unsupported);
    CHECK(format_claim_reasoning(check).find("fp8") != std::string::npos);

    claim.scenario = preset("deepseek-v3");
    claim.quantity = "memory_fits";
    claim.compare_to = preset("highflyer-2020"); // does not fit: a zero denominator
    CHECK(check_claim(claim, catalog()).problem == ClaimProblem::zero_model_value);
}

TEST_CASE("format_quantity: 3 significant digits with suffixes") {
    CHECK(format_quantity(5576000) == "5.58M");
    CHECK(format_quantity(2048) == "2.05k");
    CHECK(format_quantity(671.03e9) == "671B");
    CHECK(format_quantity(14.8e12) == "14.8T");
    CHECK(format_quantity(3.29e24) == "3.29e24");
    CHECK(format_quantity(0.056) == "0.056");
    CHECK(format_quantity(std::nan("")) == "n/a");
}
