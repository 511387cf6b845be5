// tests/test_model_support.h — the shipped content/gpus.json and content/presets.json, loaded once for the model
// tests (test_model_*.cpp). Loading failures fail the test that asked, with the loader's messages.
#pragma once
#include "model/content/content_bundle.h"
#include "model/content/gpu_catalog.h"
#include "model/content/presets.h"
#include "model/engine/estimate.h"
#include "native/file_io.h"
#include <algorithm>
#include <cmath>
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <string>

namespace chips::test {

inline std::string read_content_file(const std::string& name) {
    return read_file_or_empty(std::string(CHIPS_CONTENT_DIR) + "/" + name);
}

inline std::string joined(const ContentErrors& errors) {
    std::string text;
    for (const ContentError& error : errors)
        text += error.to_string() + "\n";
    return text;
}

inline const GpuCatalog& catalog() {
    static GpuCatalog loaded = [] {
        GpuCatalog result;
        ContentErrors errors;
        load_gpu_catalog(read_content_file("gpus.json"), "content/gpus.json", result, errors);
        CHECK_MESSAGE(errors.empty(), joined(errors));
        return result;
    }();
    return loaded;
}

inline const PresetCatalog& presets() {
    static PresetCatalog loaded = [] {
        PresetCatalog result;
        ContentErrors errors;
        load_presets(read_content_file("presets.json"), "content/presets.json", catalog(), result, errors);
        CHECK_MESSAGE(errors.empty(), joined(errors));
        return result;
    }();
    return loaded;
}

inline const Scenario& preset(const std::string& id) {
    const Preset* found = presets().find(id);
    REQUIRE_MESSAGE(found != nullptr, "missing preset " << id);
    return found->scenario;
}

inline const GpuSpec& gpu(const std::string& id) {
    const GpuSpec* found = catalog().find(id);
    REQUIRE_MESSAGE(found != nullptr, "missing gpu " << id);
    return *found;
}

inline Estimate run(const Scenario& scenario) {
    Estimate result = estimate(scenario, gpu(scenario.gpu));
    REQUIRE_MESSAGE(result.status == EstimateStatus::ok, status_message(result.status));
    return result;
}

// Every file of content/, loaded once with the app's own loader (quotes, strings, presets, GPUs, tour, currency).
inline const ContentBundle& bundle() {
    static ContentBundle loaded = [] {
        ContentTexts texts;
        for (const char* name :
             {"gpus.json", "presets.json", "quotes.json", "strings.json", "tour.json", "currency.json"})
            texts[name] = read_content_file(name);
        ContentBundle result;
        ContentErrors errors;
        load_content_bundle(texts, result, errors);
        CHECK_MESSAGE(errors.empty(), joined(errors));
        return result;
    }();
    return loaded;
}

// Every output finite, non-negative and ordered low <= central <= high (REQUIREs: the first failure stops the case).
inline void check_all_outputs(const Estimate& result) {
    std::size_t count = 0;
    const OutputInfo* outputs = estimate_outputs(count);
    for (std::size_t index = 0; index < count; ++index) {
        const Range& range = result.*(outputs[index].field);
        INFO("output " << outputs[index].key << " = " << range.low << " / " << range.central << " / " << range.high);
        REQUIRE(std::isfinite(range.low));
        REQUIRE(std::isfinite(range.central));
        REQUIRE(std::isfinite(range.high));
        REQUIRE(range.low <= range.central * (1 + 1e-12));
        REQUIRE(range.central <= range.high * (1 + 1e-12));
        REQUIRE(range.low >= 0);
    }
}

// A random scenario inside the key table's ranges that passes validate_scenario: every numeric key log-uniform across
// its range (extremes 5% of the time each), the cross-key rules met the way a UI would, a random catalog GPU and
// a precision it supports. For property tests over many scenarios (fixed seeds, so failures reproduce).
inline Scenario random_scenario(std::mt19937_64& random, const GpuCatalog& catalog) {
    std::size_t key_count = 0;
    const ScenarioKeyInfo* keys = scenario_keys(key_count);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    Scenario scenario;
    for (std::size_t index = 0; index < key_count; ++index) {
        const ScenarioKeyInfo& info = keys[index];
        if (info.field == nullptr) continue;
        const double pick = unit(random);
        double value;
        if (pick < 0.05)
            value = info.min;
        else if (pick > 0.95)
            value = info.max;
        else if (info.min > 0 && info.max / info.min > 100)
            value = info.min * std::pow(info.max / info.min, unit(random));
        else
            value = info.min + (info.max - info.min) * unit(random);
        if (info.kind == KeyKind::whole) value = std::round(value);
        scenario.*info.field = std::fmin(std::fmax(value, info.min), info.max);
    }
    scenario.experts_active = std::fmin(scenario.experts_active, scenario.experts_total);
    if (scenario.mfu > 0) { // 0 = the catalog default, and the range is then ignored
        scenario.mfu = std::fmax(scenario.mfu, 0.01);
        double mfus[3] = {scenario.mfu_low, scenario.mfu, scenario.mfu_high};
        std::sort(mfus, mfus + 3);
        scenario.mfu_low = mfus[0], scenario.mfu = mfus[1], scenario.mfu_high = mfus[2];
    }
    double prices[3] = {scenario.usd_per_gpu_hour_low, scenario.usd_per_gpu_hour, scenario.usd_per_gpu_hour_high};
    std::sort(prices, prices + 3);
    scenario.usd_per_gpu_hour_low = prices[0], scenario.usd_per_gpu_hour = prices[1],
    scenario.usd_per_gpu_hour_high = prices[2];
    scenario.embedding_params = std::fmin(scenario.embedding_params, scenario.non_expert_params);
    if (scenario.non_expert_params +
            scenario.moe_layers * (scenario.experts_active + scenario.experts_shared) * scenario.params_per_expert <
        1e6)
        scenario.non_expert_params = 1e6;
    const GpuSpec& chosen = catalog.gpus[random() % catalog.gpus.size()];
    scenario.gpu = chosen.id;
    scenario.precision = chosen.has_fp8() && (random() & 1) ? Precision::fp8 : Precision::bf16;
    return scenario;
}

} // namespace chips::test
