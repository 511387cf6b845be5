// model/output/estimate_json.h — one estimate as JSON: the shape printed by `scripts/estimate --json`, returned by the
// page's getResults() and written into the scenario download (model/output/export.h). One writer, so the three agree.
#pragma once
#include "model/engine/estimate.h"
#include "model/core/types.h"
#include "model/engine/scenario.h"

#include <nlohmann/json.hpp>
#include <string>

namespace chips {

// {"preset": id, "status": "ok" | message, "gpu": {id, name, bf16_dense_tflops, fp8_dense_tflops (null without
// FP8), memory_gb, confidence}, "inputs": {key: {"value", "unit"}}, "outputs": {key: {"low", "central", "high",
// "unit"}}}. Keys as in docs/contract.md (objects print in alphabetical key order). Values in SI and USD.
nlohmann::json estimate_to_json(const std::string& preset_id, const Scenario& scenario, const GpuSpec& gpu,
                                const Estimate& result);

} // namespace chips
