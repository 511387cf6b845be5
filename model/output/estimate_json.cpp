// model/output/estimate_json.cpp — see estimate_json.h. The shape is the one tools/estimate.cpp has printed since the
// first release (tests/test_export.cpp pins it), so scripts reading `--json` keep working.
#include "model/output/estimate_json.h"

#include "model/content/scenario_json.h"

namespace chips {

nlohmann::json estimate_to_json(const std::string& preset_id, const Scenario& scenario, const GpuSpec& gpu,
                                const Estimate& result) {
    nlohmann::json out;
    out["preset"] = preset_id;
    out["status"] = result.status == EstimateStatus::ok ? "ok" : status_message(result.status);
    out["gpu"] = {{"id", gpu.id},
                  {"name", gpu.name},
                  {"bf16_dense_tflops", gpu.bf16_dense_tflops},
                  {"fp8_dense_tflops", gpu.has_fp8() ? nlohmann::json(gpu.fp8_dense_tflops) : nlohmann::json()},
                  {"memory_gb", gpu.memory_gb},
                  {"confidence", gpu.confidence}};
    nlohmann::json inputs = nlohmann::json::object();
    const nlohmann::json values = scenario_to_json(scenario);
    std::size_t key_count = 0;
    const ScenarioKeyInfo* keys = scenario_keys(key_count);
    for (std::size_t index = 0; index < key_count; ++index)
        inputs[keys[index].key] = {{"value", values[keys[index].key]}, {"unit", keys[index].unit}};
    out["inputs"] = inputs;
    nlohmann::json outputs = nlohmann::json::object();
    std::size_t output_count = 0;
    const OutputInfo* infos = estimate_outputs(output_count);
    for (std::size_t index = 0; index < output_count; ++index) {
        const Range& range = result.*(infos[index].field);
        outputs[infos[index].key] = {
            {"low", range.low}, {"central", range.central}, {"high", range.high}, {"unit", infos[index].unit}};
    }
    out["outputs"] = outputs;
    return out;
}

} // namespace chips
