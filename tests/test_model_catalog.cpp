// tests/test_model_catalog.cpp — content/gpus.json and content/presets.json: complete, sourced, DENSE figures,
// and the loaders' error reporting (file + JSON pointer, no exceptions).
#include "test_model_support.h"
#include <set>

using namespace chips;
using chips::test::catalog;
using chips::test::gpu;
using chips::test::presets;

TEST_CASE("GPU catalog has every required GPU, each sourced and rated") {
    for (const char* id :
         {"h800", "h100", "h20", "a100", "a800", "v100", "rtx2080ti", "b200", "gb200", "ascend910b", "mi300x"}) {
        INFO(id);
        const GpuSpec& spec = gpu(id);
        CHECK_FALSE(spec.sources.empty());
        CHECK_FALSE(spec.confidence.empty());
        CHECK_FALSE(spec.sources[0].date.empty());
        CHECK(spec.unit_price_usd.low <= spec.unit_price_usd.high);
        CHECK(spec.rental_usd_per_gpu_hour.central > 0);
    }
}

TEST_CASE("GPU figures are dense, not the datasheets' 2:4-sparsity headline") {
    // Dense H100 BF16 is 989.4 TFLOPS; the datasheet's 1,979 is with sparsity.
    CHECK(gpu("h100").bf16_dense_tflops == doctest::Approx(989.4));
    CHECK(gpu("b200").fp8_dense_tflops == doctest::Approx(4500));  // datasheet 9 PF* is sparse
    CHECK(gpu("gb200").fp8_dense_tflops == doctest::Approx(5000)); // datasheet 10 PF* is sparse
    CHECK(gpu("mi300x").bf16_dense_tflops == doctest::Approx(1307.4));
    // On these architectures dense FP8 is exactly twice dense BF16: a sparse figure in one column breaks it.
    for (const GpuSpec& spec : catalog().gpus)
        if (spec.has_fp8()) {
            INFO(spec.id);
            CHECK(spec.fp8_dense_tflops == doctest::Approx(2 * spec.bf16_dense_tflops).epsilon(0.001));
        }
    // Chips without FP8 tensor cores.
    for (const char* id : {"a100", "a800", "v100", "rtx2080ti", "ascend910b"})
        CHECK_FALSE(gpu(id).has_fp8());
}

TEST_CASE("Export variants differ from their parents only where the sources say") {
    CHECK(gpu("h800").bf16_dense_tflops == gpu("h100").bf16_dense_tflops);
    CHECK(gpu("h800").scale_up_gbps == 400);
    CHECK(gpu("h100").scale_up_gbps == 900);
    CHECK(gpu("a800").bf16_dense_tflops == gpu("a100").bf16_dense_tflops);
    CHECK(gpu("a800").scale_up_gbps == 400);
    CHECK(gpu("a100").scale_up_gbps == 600);
    CHECK(gpu("h20").bf16_dense_tflops < 0.2 * gpu("h100").bf16_dense_tflops);
    CHECK(gpu("gb200").scale_up_domain_gpus == 72);
}

TEST_CASE("Presets: required ids, sourced, trilingual, and DeepSeek-V3 as reported") {
    for (const char* id : {"deepseek-v3", "llama3.1-405b", "gpt4-estimate", "grok3-100k-h100", "h100-50k-claim",
                           "mixtral-8x7b", "highflyer-2020", "a100-10k", "ascend910b-cluster"}) {
        INFO(id);
        const Preset* entry = presets().find(id);
        REQUIRE(entry != nullptr);
        CHECK_FALSE(entry->sources.empty());
        CHECK_FALSE(entry->name.zh_hans.empty());
        CHECK_FALSE(entry->notes.zh_hant.empty());
    }
    const Scenario& v3 = chips::test::preset("deepseek-v3");
    CHECK(v3.gpu == "h800");
    CHECK(v3.chips == 2048);
    CHECK(v3.tokens == 14.8e12);
    CHECK(v3.experts_total == 256);
    CHECK(v3.experts_active == 8);
    CHECK(v3.experts_shared == 1);
    CHECK(v3.moe_layers == 58);
    CHECK(v3.usd_per_gpu_hour == 2.0);
    CHECK(chips::test::preset("highflyer-2020").gpu == "rtx2080ti");
    CHECK(chips::test::preset("highflyer-2020").chips == 1000);
    CHECK(chips::test::preset("h100-50k-claim").chips == 50000);
    CHECK(chips::test::preset("grok3-100k-h100").chips == 100000);
}

TEST_CASE("GPU loader: errors carry file and JSON pointer, bad entries are skipped") {
    GpuCatalog loaded;
    ContentErrors errors;
    CHECK_FALSE(load_gpu_catalog(R"({"gpus": [{"id": "x", "name": "X"}]})", "content/gpus.json", loaded, errors));
    REQUIRE_FALSE(errors.empty());
    CHECK(errors[0].source == "content/gpus.json");
    bool saw_memory = false;
    for (const ContentError& error : errors)
        saw_memory = saw_memory || error.pointer == "/gpus/0/memory_gb";
    CHECK(saw_memory);
    CHECK(loaded.gpus.empty());

    errors.clear();
    CHECK_FALSE(load_gpu_catalog("{\"gpus\": [", "content/gpus.json", loaded, errors));
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].message.find("not valid JSON") != std::string::npos);

    errors.clear();
    CHECK_FALSE(load_gpu_catalog(R"({"gpu": []})", "content/gpus.json", loaded, errors));
    CHECK(errors[0].pointer == "/gpus");

    // A real entry with FP8 below BF16 (a sparse BF16 figure next to a dense FP8 one) is rejected.
    nlohmann::json document = nlohmann::json::parse(chips::test::read_content_file("gpus.json"));
    document["gpus"][1]["bf16_dense_tflops"] = 1979.0 * 2;
    errors.clear();
    CHECK_FALSE(load_gpu_catalog(document.dump(), "content/gpus.json", loaded, errors));
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].pointer == "/gpus/1/fp8_dense_tflops");
    CHECK(loaded.gpus.size() == catalog().gpus.size() - 1);

    // Duplicate ids.
    document = nlohmann::json::parse(chips::test::read_content_file("gpus.json"));
    document["gpus"].push_back(document["gpus"][0]);
    errors.clear();
    CHECK_FALSE(load_gpu_catalog(document.dump(), "content/gpus.json", loaded, errors));
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].message.find("duplicate") != std::string::npos);
}

TEST_CASE("Preset loader checks scenarios with the --set codec, pointing into the file") {
    nlohmann::json document = nlohmann::json::parse(chips::test::read_content_file("presets.json"));
    document["presets"][2]["scenario"]["mfu"] = 2.0;
    document["presets"][4]["scenario"]["chipz"] = 1;
    document["presets"][5].erase("sources");
    PresetCatalog loaded;
    ContentErrors errors;
    CHECK_FALSE(load_presets(document.dump(), "content/presets.json", catalog(), loaded, errors));
    std::set<std::string> pointers;
    for (const ContentError& error : errors)
        pointers.insert(error.pointer);
    CHECK(pointers.count("/presets/2/scenario/mfu") == 1);
    CHECK(pointers.count("/presets/4/scenario/chipz") == 1);
    CHECK(pointers.count("/presets/5/sources") == 1);
    CHECK(loaded.presets.size() == presets().presets.size() - 3);
}

TEST_CASE("build_scenario: preset + overrides, as claims and permalinks use it") {
    Scenario scenario;
    ContentErrors errors;
    REQUIRE(build_scenario(presets(), "deepseek-v3", nlohmann::json{{"chips", 50000}, {"gpu", "h100"}}, catalog(),
                           "content/quotes.json", "/quotes/0/claims/0/overrides", scenario, errors));
    CHECK(scenario.chips == 50000);
    CHECK(scenario.gpu == "h100");
    CHECK(scenario.tokens == 14.8e12);
    CHECK_FALSE(build_scenario(presets(), "deepseek-v4", nullptr, catalog(), "content/quotes.json",
                               "/quotes/0/claims/0/preset", scenario, errors));
    CHECK(errors.back().message.find("deepseek-v3") != std::string::npos);
}
