// model/output/estimate_json.h — one estimate as JSON: the shape printed by `scripts/estimate --json`, returned by the
// page's getResults() and written into the scenario download (model/output/export.h). One writer, so the three agree.
#pragma once
#include "model/core/types.h"
#include "model/engine/estimate.h"
#include "model/engine/scenario.h"

#include <nlohmann/json.hpp>
#include <string>

namespace chips {

// How an estimate was reached, as short ASCII words for the CLI and the JSON "notes" member.
struct EstimateNotes {
    const char* precision_rate_used; // "bf16", "fp16" (bf16 asked on a chip without BF16) or "fp8"
    const char* mfu_source;          // "scenario" or "catalog" (mfu = 0: the chip's default range)
    const char* price_source;        // "scenario" (a stated price) or "catalog" (usd_per_gpu_hour = 0)
};
EstimateNotes estimate_notes(const Scenario& scenario, const Estimate& result);

// {"preset": id, "status": "ok" | message, "gpu": {id, name, bf16_dense_tflops, fp8_dense_tflops (null without
// FP8), has_bf16, memory_gb, confidence}, "inputs": {key: {"value", "unit"}}, "outputs": {key: {"low", "central",
// "high", "unit"}}, "notes": {"precision_rate_used", "fp16_instead_of_bf16", "mfu_source", "price_source",
// "scaling_limited_by"}}. Keys as in docs/contract.md (objects print in alphabetical key order). SI and USD.
nlohmann::json estimate_to_json(const std::string& preset_id, const Scenario& scenario, const GpuSpec& gpu,
                                const Estimate& result);

} // namespace chips
