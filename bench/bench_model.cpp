// bench/bench_model.cpp — estimates per second on the DeepSeek-V3 preset, and a claim check. Target: one
// estimate well under a microsecond natively (the UI sweeps hundreds per frame). chips_bench prints
// items_per_second = estimates per second.
#include "model/content/gpu_catalog.h"
#include "model/content/presets.h"
#include "model/engine/claim_check.h"
#include "model/engine/estimate.h"
#include "native/file_io.h"
#include <benchmark/benchmark.h>
#include <fstream>
#include <sstream>

namespace {

struct Content {
    chips::GpuCatalog catalog;
    chips::PresetCatalog presets;
    bool ok = false;
};

const Content& content() {
    static Content loaded = [] {
        Content result;
        chips::ContentErrors errors;
        result.ok = chips::load_gpu_catalog(chips::read_file_or_empty(CHIPS_CONTENT_DIR "/gpus.json"),
                                            "content/gpus.json", result.catalog, errors) &&
                    chips::load_presets(chips::read_file_or_empty(CHIPS_CONTENT_DIR "/presets.json"),
                                        "content/presets.json", result.catalog, result.presets, errors);
        return result;
    }();
    return loaded;
}

void BM_estimate_deepseek_v3(benchmark::State& state) {
    if (!content().ok) return state.SkipWithError("content/ did not load");
    chips::Scenario scenario = content().presets.find("deepseek-v3")->scenario;
    const chips::GpuSpec& gpu = *content().catalog.find(scenario.gpu);
    unsigned long long state_bits = 88172645463325252ull;
    for (auto _ : state) {
        // A pseudo-random chip count each time (xorshift): the work cannot be hoisted and the branch predictor
        // cannot learn a short cycle, as it would with a fixed sweep.
        state_bits ^= state_bits << 13;
        state_bits ^= state_bits >> 7;
        state_bits ^= state_bits << 17;
        scenario.chips = static_cast<double>(1 + state_bits % 1000000);
        chips::Estimate result = chips::estimate(scenario, gpu);
        benchmark::DoNotOptimize(result);
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_estimate_deepseek_v3);

void BM_check_claim_ratio(benchmark::State& state) {
    if (!content().ok) return state.SkipWithError("content/ did not load");
    chips::Claim claim;
    claim.quantity = "training_days";
    claim.claimed_value = 15;
    claim.scenario = content().presets.find("deepseek-v3")->scenario;
    claim.compare_to = content().presets.find("grok3-100k-h100")->scenario;
    for (auto _ : state) {
        chips::ClaimCheck check = chips::check_claim(claim, content().catalog);
        benchmark::DoNotOptimize(check);
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_check_claim_ratio);

} // namespace

BENCHMARK_MAIN();
