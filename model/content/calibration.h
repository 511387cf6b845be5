// model/content/calibration.h — the calibration table (content/calibration.json): published training runs the model is
// checked against and never fitted to. Each run's public configuration becomes a Scenario with mfu = 0 (the GPU
// catalog's default efficiency for its chip), and coverage counts how many published GPU-hours (or FLOP) land
// inside the model's stated range. docs/model.md §4 prints the table and the figure; tests/test_calibration.cpp and
// `chips_bench` report it.
#pragma once
#include "model/content/gpu_catalog.h"
#include "model/core/content_error.h"
#include "model/engine/estimate.h"
#include "model/engine/scenario.h"

#include <string>
#include <string_view>
#include <vector>

namespace chips {

struct CalibrationRun {
    std::string id;        // "llama2-70b"
    std::string name;      // "Llama 2 70B"
    std::string developer; // "Meta"
    std::string gpu;       // GPU id in content/gpus.json
    double chips = 0;      // GPUs in the run (an assumption when chips_published is false)
    bool chips_published = false;
    double params_total = 0;     // parameters
    double params_active = 0;    // parameters per token (== total for dense models)
    double embedding_params = 0; // input embedding (part of the non-expert parameters)
    double layers = 0;           // transformer layers
    double hidden_size = 0;      // d_model
    double seq_len = 0;          // training context, tokens
    double tokens = 0;           // training tokens
    Precision precision = Precision::bf16;
    double global_batch_tokens = 0; // tokens per optimizer step
    // Mixture-of-experts runs only (experts_routed = 0 for dense): routed experts per MoE layer, chosen per token,
    // shared, and the number of MoE layers.
    double experts_routed = 0, experts_active = 0, experts_shared = 0, moe_layers = 0;
    double published_gpu_hours = 0; // what the source reports (0 when it reports FLOP instead)
    double published_flop = 0;      // 0 when it reports GPU-hours
    std::vector<SourceRef> sources; // at least one primary source
    std::string notes;              // assumptions (GPU count, batch) and caveats
};

struct CalibrationTable {
    std::vector<CalibrationRun> runs;
};

// Parses content/calibration.json. Unknown fields, a missing source, a run with neither or both published figures
// and values outside the scenario key table's ranges are errors with file name and JSON pointer.
bool load_calibration(std::string_view json_text, const std::string& file_name, CalibrationTable& table_out,
                      ContentErrors& errors);

// The run as the model sees it: Scenario{} with the run's public configuration, mfu = 0 (catalog default), no
// routing limit, and an expert split into `moe_layers` layers whose sizes reproduce params_total and
// params_active exactly. False (with a reason) when the GPU is unknown or the numbers make no model.
bool calibration_scenario(const CalibrationRun& run, const GpuCatalog& catalog, Scenario& out, std::string& problem);

struct CalibrationResult {
    const CalibrationRun* run = nullptr;
    Estimate estimate;    // the model's estimate for the run
    Range model;          // gpu_hours, or training_flop when the run publishes FLOP
    double published = 0; // the run's published figure
    bool inside = false;  // published lies within the model's range
    std::string problem;  // non-empty when the run could not be estimated
};

// Every run, estimated. Coverage = inside / results.size().
std::vector<CalibrationResult> evaluate_calibration(const CalibrationTable& table, const GpuCatalog& catalog);

} // namespace chips
