// tests/test_model_inference.cpp — decode and prefill against DeepSeek's published production figures
// (deepseek-ai/open-infra-index, day 6, "DeepSeek-V3/R1 inference system overview", Feb 2025): about 1,850 output
// tokens/s per H800 in decode, and $87,072 per day for 226.75 nodes of 8 H800 at $2 per GPU-hour, serving 608B
// input tokens (342B of them KV-cache hits) and 168B output tokens a day. The V3 preset's serving settings are
// DeepSeek's production load (batch 1,500 = ~88 sequences per GPU on a 17-GPU replica; context 4,989, the average
// KV length), and the model's range must hold both figures.
#include "test_model_support.h"

using namespace chips;
using chips::test::preset;
using chips::test::run;

namespace {

constexpr double day6_output_tokens_per_h800_second = 14.8e3 / 8; // ~14.8k per node during decode
constexpr double day6_usd_per_day = 87072;                        // 226.75 nodes x 8 x 24 h x $2
constexpr double day6_input_tokens_per_day = 608e9;
constexpr double day6_cache_hit_tokens_per_day = 342e9;
constexpr double day6_output_tokens_per_day = 168e9;
constexpr double day6_average_kv_length = 4989;

} // namespace

TEST_CASE("DAY6: the V3 preset's decode range holds DeepSeek's ~1,850 output tokens/s per H800") {
    const Scenario scenario = preset("deepseek-v3");
    CHECK(scenario.inference_context == day6_average_kv_length);
    CHECK(226.75 * 8 * 24 * 2.0 == doctest::Approx(day6_usd_per_day)); // the published arithmetic
    const Estimate result = run(scenario);
    CHECK(result.inference_tokens_per_gpu_second.contains(day6_output_tokens_per_h800_second));
}

TEST_CASE("DAY6: the day's traffic on the model's decode and prefill rates costs what DeepSeek reports") {
    // GPUs needed = output / (decode rate x 86,400) + uncached input / (prefill rate x 86,400); at $2 per
    // GPU-hour for 24 hours. Cache hits are taken as free (DeepSeek serves them from its disk KV cache).
    const Estimate result = run(preset("deepseek-v3"));
    auto usd_per_day = [](double decode_rate, double prefill_rate) {
        const double gpus = day6_output_tokens_per_day / (decode_rate * 86400) +
                            (day6_input_tokens_per_day - day6_cache_hit_tokens_per_day) / (prefill_rate * 86400);
        return gpus * 24 * 2.0;
    };
    const double cheapest =
        usd_per_day(result.inference_tokens_per_gpu_second.high, result.inference_prefill_tokens_per_gpu_second.high);
    const double dearest =
        usd_per_day(result.inference_tokens_per_gpu_second.low, result.inference_prefill_tokens_per_gpu_second.low);
    MESSAGE("model: $" << cheapest << " to $" << dearest << " per day; DeepSeek: $" << day6_usd_per_day);
    CHECK(cheapest <= day6_usd_per_day);
    CHECK(dearest >= day6_usd_per_day);
}

TEST_CASE("Batch size is a visible input: larger batches serve more tokens per GPU until compute binds") {
    Scenario scenario = preset("deepseek-v3");
    double previous = 0;
    for (double batch : {16.0, 64.0, 256.0, 1500.0}) {
        scenario.inference_batch = batch;
        const double rate = run(scenario).inference_tokens_per_gpu_second.central;
        CHECK(rate > previous);
        previous = rate;
    }
    const ScenarioKeyInfo* key = find_scenario_key("inference_batch");
    REQUIRE(key != nullptr);
    CHECK(key->max >= 1e4);
}

TEST_CASE("Decode attention: absorbed MLA reads a compressed KV cache but computes over every context token") {
    // 4 x layers x decode_attention_dim x context FLOP per token: at V3's 4,989 tokens of context that is as much
    // as the 2 x 37.55B of the weights, so a longer context lowers the compute-bound rate.
    Scenario scenario = preset("deepseek-v3");
    const double attention = 4 * scenario.layers * scenario.decode_attention_dim * scenario.inference_context;
    CHECK(attention > 2 * 37e9);
    Scenario longer = scenario;
    longer.inference_context = 2 * scenario.inference_context;
    CHECK(run(longer).inference_tokens_per_gpu_second.central < run(scenario).inference_tokens_per_gpu_second.central);
}
