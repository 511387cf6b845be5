// tests/test_model_gpu_change.cpp — what switching GPU means: a price stated for one chip does not follow the reader
// to another (the new chip's catalog price applies unless the reader set one), FP8 falls back to BF16 on chips
// without it, and BF16 on chips without BF16 (V100, RTX 2080 Ti) runs at their FP16 rate, flagged in the estimate
// and the CLI's JSON.
#include "model/output/estimate_json.h"
#include "test_model_support.h"
#include "test_tool_run.h"

#include <string>

using namespace chips;
using chips::test::gpu;
using chips::test::preset;
using chips::test::run;

TEST_CASE("switching GPU: the preset's $2 per H800-hour gives way to the new chip's catalog price") {
    Scenario scenario = preset("deepseek-v3");
    REQUIRE(scenario.usd_per_gpu_hour == 2.0);
    const GpuChange change = set_scenario_gpu(scenario, gpu("rtx2080ti"), /*keep_price=*/false);
    CHECK(change.price_reset);
    CHECK(change.precision_to_bf16); // the 2080 Ti has no FP8
    CHECK(scenario.usd_per_gpu_hour == 0.0);
    CHECK(scenario.precision == Precision::bf16);
    const Estimate result = run(scenario);
    const Range& catalog_price = gpu("rtx2080ti").rental_usd_per_gpu_hour;
    CHECK(result.rental_cost_usd.central == doctest::Approx(result.gpu_hours.central * catalog_price.central));

    // A price the reader set stays.
    Scenario reader = preset("deepseek-v3");
    REQUIRE_FALSE(apply_scenario_value(reader, "usd_per_gpu_hour", "3", "test", chips::test::catalog()));
    CHECK_FALSE(set_scenario_gpu(reader, gpu("h100"), /*keep_price=*/true).price_reset);
    CHECK(reader.usd_per_gpu_hour == 3.0);
    // The same chip again changes nothing.
    Scenario same = preset("deepseek-v3");
    CHECK_FALSE(set_scenario_gpu(same, gpu("h800"), /*keep_price=*/false).price_reset);
    CHECK(same.usd_per_gpu_hour == 2.0);
}

TEST_CASE("BF16 on chips without BF16 is flagged: the FP16 rate stands in, in the estimate and its JSON") {
    for (const char* id : {"v100", "rtx2080ti"}) {
        CAPTURE(id);
        CHECK_FALSE(gpu(id).has_bf16);
        Scenario scenario = preset("a100-10k");
        set_scenario_gpu(scenario, gpu(id), false);
        const Estimate result = run(scenario);
        CHECK(result.fp16_instead_of_bf16);
        const nlohmann::json json = estimate_to_json("a100-10k", scenario, gpu(id), result);
        CHECK(json["notes"]["fp16_instead_of_bf16"] == true);
        CHECK(json["notes"]["precision_rate_used"] == "fp16");
        CHECK(json["gpu"]["has_bf16"] == false);
    }
    const Estimate a100 = run(preset("a100-10k"));
    CHECK_FALSE(a100.fp16_instead_of_bf16);
    CHECK(estimate_to_json("a100-10k", preset("a100-10k"), gpu("a100"), a100)["notes"]["precision_rate_used"] ==
          "bf16");
}

TEST_CASE("CLI: --preset deepseek-v3 --set gpu=rtx2080ti prices the 2080 Ti at its catalog rate, flagged fp16") {
    const std::string program = chips::test::sibling_tool("estimate");
    REQUIRE_MESSAGE(access(program.c_str(), X_OK) == 0, "the CLI is missing at " << program);
    const chips::test::RunResult cli =
        chips::test::run_tool(program, {"--preset", "deepseek-v3", "--set", "gpu=rtx2080ti", "--json"});
    CHECK(cli.exit_code == 0);
    const nlohmann::json json = nlohmann::json::parse(cli.out);
    CHECK(json["inputs"]["usd_per_gpu_hour"]["value"] == 0);
    CHECK(json["notes"]["price_source"] == "catalog");
    CHECK(json["notes"]["precision_rate_used"] == "fp16");
    const double gpu_hours = json["outputs"]["gpu_hours"]["central"];
    const double cost = json["outputs"]["rental_cost_usd"]["central"];
    CHECK(cost == doctest::Approx(gpu_hours * gpu("rtx2080ti").rental_usd_per_gpu_hour.central));
    CHECK(cost < gpu_hours * 2.0 / 5); // not DeepSeek's $2 per H800-hour
}
