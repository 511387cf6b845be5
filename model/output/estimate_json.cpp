// model/output/estimate_json.cpp — see estimate_json.h. The shape is the one tools/estimate.cpp has printed since the
// first release (tests/test_export.cpp pins it), so scripts reading `--json` keep working.
#include "model/output/estimate_json.h"

#include "model/content/scenario_json.h"

namespace chips {

EstimateNotes estimate_notes(const Scenario& scenario, const Estimate& result) {
    EstimateNotes notes;
    notes.precision_rate_used = scenario.precision == Precision::fp8 ? "fp8"
                                : result.fp16_instead_of_bf16        ? "fp16"
                                                                     : "bf16";
    notes.mfu_source = result.mfu_from_catalog ? "catalog" : "scenario";
    notes.price_source = scenario.usd_per_gpu_hour > 0 ? "scenario" : "catalog";
    return notes;
}

nlohmann::json estimate_to_json(const std::string& preset_id, const Scenario& scenario, const GpuSpec& gpu,
                                const Estimate& result) {
    nlohmann::json out;
    out["preset"] = preset_id;
    out["status"] = result.status == EstimateStatus::ok ? "ok" : status_message(result.status);
    out["gpu"] = {{"id", gpu.id},
                  {"name", gpu.name},
                  {"bf16_dense_tflops", gpu.bf16_dense_tflops},
                  {"fp8_dense_tflops", gpu.has_fp8() ? nlohmann::json(gpu.fp8_dense_tflops) : nlohmann::json()},
                  {"has_bf16", gpu.has_bf16},
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
    const EstimateNotes notes = estimate_notes(scenario, result);
    out["notes"] = {{"precision_rate_used", notes.precision_rate_used},
                    {"fp16_instead_of_bf16", result.fp16_instead_of_bf16},
                    {"mfu_source", notes.mfu_source},
                    {"price_source", notes.price_source},
                    {"scaling_limited_by", scaling_limit_name(result.scaling_limited_by)}};
    return out;
}

} // namespace chips
