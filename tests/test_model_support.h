// tests/test_model_support.h — the shipped content/gpus.json and content/presets.json, loaded once for the model
// tests (test_model_*.cpp). Loading failures fail the test that asked, with the loader's messages.
#pragma once
#include "model/engine/estimate.h"
#include "native/file_io.h"
#include "model/content/gpu_catalog.h"
#include "model/content/presets.h"
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
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

} // namespace chips::test
