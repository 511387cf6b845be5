// model/engine/chart_data.h — the numbers behind the three charts, computed once per scenario change: the UI plots them
// and the chart downloads (model/output/export.h) write them, so a CSV always matches what the reader saw.
//
// Index
// - [SECTION] Series types
// - [SECTION] compute_chart_data
//
// Central values are what the charts draw; low/high are kept for the CSV (bounds, docs/model.md). A point the
// model refuses (e.g. fp8 on a GPU without FP8 is switched to bf16 first, so this is rare) holds NaN, which the
// chart skips and the CSV writes as an empty cell.
#pragma once
#include "model/core/range.h"
#include "model/core/types.h"
#include "model/engine/estimate.h"
#include "model/engine/scenario.h"

#include <string>
#include <vector>

namespace chips {

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] Series types
//-----------------------------------------------------------------------------------------------------------------

// Cost and days versus chip count, one series per compared GPU (same x for all).
struct ChipSweep {
    std::vector<double> chips;                // x: chip counts, 8 .. 262,144 in steps of √2, rounded
    std::vector<std::string> gpu_ids;         // series: the scenario's GPU first, then up to 3 compared GPUs
    std::vector<std::vector<Range>> days;     // [series][point] training days
    std::vector<std::vector<Range>> cost_usd; // [series][point] rental cost, USD
};

// The current model with 1 .. experts_total routed experts active per token.
struct ExpertSweep {
    std::vector<double> experts_active; // x: 1 .. experts_total (every value up to 48, then ~15% steps)
    std::vector<Range> active_params;   // params per token
    std::vector<Range> cost_usd;        // rental cost, USD
    std::vector<Range> days;            // training days
};

// The current model on every GPU in the catalog.
struct GpuComparison {
    std::vector<std::string> gpu_ids; // catalog order; GPUs the model refuses are left out
    std::vector<Precision> precision; // precision used (bf16 where the GPU has no FP8)
    std::vector<Range> days;          // training days
    std::vector<Range> cost_usd;      // rental cost at the catalog's rental price (the scenario's on its own GPU)
    int current = -1;                 // index of the scenario's GPU, -1 if absent
};

struct ChartData {
    ChipSweep chips;     // chart "cost and days vs chip count"
    ExpertSweep experts; // chart "experts active"
    GpuComparison gpus;  // chart "time on every GPU type"
};

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] compute_chart_data
//-----------------------------------------------------------------------------------------------------------------

// The compared GPUs of the chip sweep when the caller has no preference (the page's defaults).
const std::vector<std::string>& default_compare_gpus(); // {"h800", "h100", "a100", "b200"}

// The chip counts of the sweep: 8, 11, 16, 23, ..., 262,144.
std::vector<double> chip_sweep_points();

// `base` moved to another GPU: the catalog's rental price unless `keep_price` (the reader's price belongs to their
// own GPU), and bf16 where the chip has no FP8 tensor cores.
Scenario scenario_on_gpu(const Scenario& base, const GpuSpec& gpu, bool keep_price);

// Every series for `scenario` (whose GPU must be in `catalog`; otherwise all series are empty). About 200
// estimate() calls: call on scenario change, not per frame.
ChartData compute_chart_data(const Scenario& scenario, const GpuCatalog& catalog,
                             const std::vector<std::string>& compare_gpus = default_compare_gpus());

} // namespace chips
