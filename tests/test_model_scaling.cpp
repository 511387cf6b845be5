// tests/test_model_scaling.cpp — what more chips buy: goodput under exponential failures with the Young/Daly
// checkpoint interval (model/engine/reliability.h), the global-batch limit, the expert-parallel degree, and the
// property that ties them together over 100,000 random scenarios: more chips never lengthen training unless the failure
// or batch model says why, and says it in Estimate::scaling_limited_by.
#include "model/engine/reliability.h"
#include "test_model_support.h"

#include <cmath>
#include <random>

using namespace chips;
using chips::test::preset;
using chips::test::run;

TEST_CASE("Young/Daly: the optimal interval is sqrt(2·C·M) to first order, and goodput has its closed form") {
    // C = 1 minute, M = 1,000 minutes: Young's sqrt(2000) = 44.7; Daly's correction adds a few percent.
    const double interval = young_daly_interval_minutes(1.0, 1000.0);
    CHECK(interval > std::sqrt(2000.0) * 0.97);
    CHECK(interval < std::sqrt(2000.0) * 1.03);
    CHECK(young_daly_interval_minutes(3000.0, 1000.0) == 1000.0); // C >= 2M: checkpoint once per MTBF

    ReliabilityInputs inputs;
    inputs.chips = 1000;
    inputs.gpu_mtbf_hours = 1000.0 * 1000.0 / 60.0; // job MTBF 1,000 minutes
    inputs.checkpoint_minutes = 30;
    inputs.checkpoint_write_minutes = 1;
    inputs.restart_minutes = 10;
    const double expected = 30.0 / (1000.0 * std::exp(10.0 / 1000.0) * (std::exp(31.0 / 1000.0) - 1.0));
    CHECK(goodput(inputs).fraction == doctest::Approx(expected).epsilon(1e-12));
    CHECK(goodput(inputs).interval_minutes == 30);

    // The optimum beats any other interval.
    inputs.checkpoint_minutes = 0;
    const double best = goodput(inputs).fraction;
    for (double other : {5.0, 20.0, 80.0, 300.0}) {
        inputs.checkpoint_minutes = other;
        CHECK(goodput(inputs).fraction <= best + 1e-12);
    }
}

TEST_CASE("Goodput falls as chips grow, and past the failure peak more chips mean less work done") {
    ReliabilityInputs inputs = ReliabilityInputs{};
    double previous_goodput = 1.0;
    double peak_chips = 0, peak_work = 0, first_flagged = 0;
    for (double chips = 1000; chips <= 1e6; chips *= 1.05) {
        inputs.chips = chips;
        const double fraction = goodput(inputs).fraction;
        CHECK(fraction < previous_goodput);
        previous_goodput = fraction;
        if (chips * fraction > peak_work) {
            peak_work = chips * fraction;
            peak_chips = chips;
        }
        // Unimodal: once past the peak, every larger job is too.
        if (first_flagged > 0) CHECK(past_failure_peak(inputs));
        if (first_flagged == 0 && past_failure_peak(inputs)) first_flagged = chips;
    }
    // The flag turns on where chips x goodput stops growing (within one 5% step of the sweep).
    CHECK(first_flagged >= peak_chips);
    CHECK(first_flagged <= peak_chips * 1.051);
    // With the defaults (MTBF 50,000 GPU-hours, 13-minute restart) the peak lies between 100,000 and 400,000 GPUs.
    CHECK(peak_chips > 1e5);
    CHECK(peak_chips < 4e5);
}

TEST_CASE("Adding chips to DeepSeek-V3's job eventually stops helping, and the estimate says why") {
    Scenario scenario = preset("deepseek-v3");
    double best_days = 1e300, best_chips = 0;
    bool saw_failures = false;
    for (double chips = 2048; chips <= 1e6; chips *= 2) {
        scenario.chips = chips;
        const Estimate result = run(scenario);
        if (result.training_days.central < best_days) {
            best_days = result.training_days.central;
            best_chips = chips;
        } else {
            CHECK(result.scaling_limited_by != ScalingLimit::none); // slower with more chips: a reason is given
        }
        saw_failures |= result.scaling_limited_by == ScalingLimit::failures;
    }
    CHECK(best_chips < 1e6); // the fastest run is not the largest cluster
    CHECK(saw_failures);
}

TEST_CASE("Global batch: GPUs beyond one sequence per replica idle, are billed, and the reason is batch") {
    Scenario scenario = preset("deepseek-v3");
    scenario.global_batch_tokens = 64 * scenario.seq_len; // 64 sequences per step
    scenario.chips = 64 * 16;                             // one sequence per replica of 16 pipeline stages
    const Estimate at_limit = run(scenario);
    CHECK(at_limit.useful_chips.central == 1024);
    CHECK(at_limit.scaling_limited_by != ScalingLimit::batch);
    scenario.chips = 4096;
    const Estimate beyond = run(scenario);
    CHECK(beyond.useful_chips.central == 1024);
    CHECK(beyond.scaling_limited_by == ScalingLimit::batch);
    CHECK(beyond.training_days.central >= at_limit.training_days.central); // more failures, no more work
    CHECK(beyond.gpu_hours.central > 3.9 * at_limit.gpu_hours.central);    // and four times the bill
}

TEST_CASE("Expert parallelism: more chips never add traffic (a 200,000-wide model on 16 and 32 GPUs)") {
    // An earlier model used the cap (chips / stages) as the degree, so 32 GPUs spread experts over 2 and paid
    // traffic 16 GPUs did not: 9,316 days against 7,171. The model now picks the fastest degree that fits.
    Scenario scenario = preset("deepseek-v3");
    scenario.hidden_size = 200000;
    scenario.chips = 16;
    const Estimate sixteen = run(scenario);
    scenario.chips = 32;
    const Estimate thirty_two = run(scenario);
    CHECK(thirty_two.comm_to_compute_ratio.central <= sixteen.comm_to_compute_ratio.central);
    CHECK(thirty_two.training_days.central <= sixteen.training_days.central);
    CHECK(thirty_two.training_days.high <= sixteen.training_days.high);
}

namespace {

bool later_is_longer(double earlier, double later) {
    return later > earlier * (1.0 + 1e-9);
}

} // namespace

TEST_CASE("Property: over 100,000 random scenarios, more chips never lengthen training without a reason") {
    // Each scenario is estimated at its chip count and at 1-16x more. If any end of training_days grows, the
    // larger cluster must report failures or batch, or the smaller one must not hold the model in memory (its
    // time is then not achievable). Every output of both estimates is finite and ordered.
    std::mt19937_64 random(20250601);
    const GpuCatalog& catalog = chips::test::catalog();
    std::uniform_real_distribution<double> growth(0.0, 4.0);
    int compared = 0, by_failures = 0, by_batch = 0, by_memory = 0;
    for (int iteration = 0; iteration < 100000; ++iteration) {
        Scenario smaller = chips::test::random_scenario(random, catalog);
        const GpuSpec& gpu = *catalog.find(smaller.gpu);
        Scenario larger = smaller;
        larger.chips = std::fmin(1e6, std::round(smaller.chips * std::pow(2.0, growth(random))));
        if (larger.chips <= smaller.chips) continue;
        const Estimate before = estimate(smaller, gpu);
        const Estimate after = estimate(larger, gpu);
        REQUIRE(before.status == EstimateStatus::ok);
        REQUIRE(after.status == EstimateStatus::ok);
        chips::test::check_all_outputs(before);
        chips::test::check_all_outputs(after);
        ++compared;
        const bool longer = later_is_longer(before.training_days.low, after.training_days.low) ||
                            later_is_longer(before.training_days.central, after.training_days.central) ||
                            later_is_longer(before.training_days.high, after.training_days.high);
        if (!longer) continue;
        const bool explained = after.scaling_limited_by != ScalingLimit::none || before.memory_fits.central == 0;
        INFO("iteration " << iteration << ": " << smaller.chips << " -> " << larger.chips << " chips on " << smaller.gpu
                          << ", days " << before.training_days.central << " -> " << after.training_days.central);
        REQUIRE(explained);
        by_failures += after.scaling_limited_by == ScalingLimit::failures ? 1 : 0;
        by_batch += after.scaling_limited_by == ScalingLimit::batch ? 1 : 0;
        by_memory += after.scaling_limited_by == ScalingLimit::none ? 1 : 0;
    }
    CHECK(compared > 90000);
    MESSAGE(compared << " pairs compared; longer with more chips: " << by_failures << " past the failure peak, "
                     << by_batch << " beyond the batch, " << by_memory
                     << " where the smaller cluster could not hold the model");
}
