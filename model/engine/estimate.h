// model/engine/estimate.h — the estimation engine: one Scenario + one GpuSpec in, every output as a low/central/high
// Range out. Formulas, sources and limitations: docs/model.md (the section names below match its headings).
//
// Index
// - [SECTION] Estimate: outputs as fields (units in names or comments)
// - [SECTION] Output table: generic (key, unit, Range) iteration for JSON and UI
// - [SECTION] estimate()
//
// estimate() allocates nothing and throws nothing: the UI sweeps hundreds per frame. Bad input never yields NaN:
// it yields status != ok and all-zero outputs.
#pragma once
#include "model/core/range.h"
#include "model/core/types.h"
#include "model/engine/scenario.h"

namespace chips {

// DeepSeek-V3 Technical Report (arXiv 2412.19437), Table 1: 2.788M H800 GPU-hours at an assumed $2/GPU-hour.
inline constexpr double deepseek_v3_reported_cost_usd = 5.576e6;
inline constexpr double deepseek_v3_reported_gpu_hours = 2.788e6;

enum class EstimateStatus {
    ok,
    fp8_unsupported, // precision = fp8 on a GPU without FP8 tensor cores
    invalid_input,   // a value outside the key table or a failed cross-key check (see validate_scenario)
};

const char* status_message(EstimateStatus status); // static English text, for logs and the CLI

// Why adding GPUs stops shortening the run (docs/model.md §6). The UI shows it next to the chips slider.
enum class ScalingLimit {
    none,     // one more GPU still shortens the run
    failures, // past the failure peak: one more GPU adds more failure losses than work (any goodput end)
    batch,    // more GPUs than the global batch can feed: the extra ones idle (useful_chips < chips)
};

const char* scaling_limit_name(ScalingLimit limit); // "none", "failures", "batch"

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] Estimate
//-----------------------------------------------------------------------------------------------------------------

struct Estimate {
    EstimateStatus status = EstimateStatus::ok;

    // How the outputs were reached (not ranges; shown as notes next to the results and in the CLI JSON "notes")
    bool fp16_instead_of_bf16 = false; // precision bf16 on a chip without BF16: its FP16 rate is used instead
    bool mfu_from_catalog = false;     // mfu was 0: the GPU catalog's default efficiency range is used
    ScalingLimit scaling_limited_by = ScalingLimit::none;

    // Model size (exact: low = central = high)
    Range total_params;    // params: non-expert + moe_layers x (routed + shared) x params_per_expert
    Range active_params;   // params per token: non-expert + moe_layers x (active + shared) x params_per_expert
    Range active_fraction; // active / total

    // Training compute and time
    Range training_flop; // FLOP; low 6·(N_active − embedding)·D, central 6·N·D, high + causal attention
    Range mfu_used;      // the efficiency range used: the scenario's, or the catalog default when mfu is 0
    Range effective_tflops_per_gpu;    // TFLOP/s per GPU on the 6·N·D basis, after comm slowdown and goodput
    Range comm_to_compute_ratio;       // MoE all-to-all time / compute time per token, before any overlap
    Range comm_slowdown;               // ratio >= 1: step time with exposed all-to-all / step time without
    Range expert_parallel_used;        // GPUs per MoE layer's experts: the fastest degree up to the cap that fits
    Range useful_chips;                // GPUs the global batch keeps busy (<= chips; the rest idle)
    Range goodput;                     // fraction of wall-clock time that advances training (failures cost the rest)
    Range checkpoint_interval_minutes; // checkpoint interval used at each goodput end (Young/Daly when 0)
    Range training_days;               // wall-clock days
    Range gpu_hours;                   // GPU-hours billed: chips x wall-clock hours
    Range rental_cost_usd;             // USD at the scenario's (or catalog's) rental price
    Range cluster_purchase_usd;        // USD for the GPUs alone (no servers, network, buildings)

    // Energy
    Range energy_mwh;      // MWh at the meter: GPU TDP x server overhead x PUE x GPU-hours
    Range energy_cost_usd; // USD of electricity
    Range co2_tonnes;      // t CO2e at the grid intensity

    // Memory
    Range memory_per_gpu_gb; // GB of weights + gradients + optimizer state per GPU (activations excluded)
    Range memory_fits;       // 1 = model state fits in 80% of device memory, 0 = does not (low = pessimistic)

    // Inference
    Range inference_tokens_per_gpu_second;         // decode output tokens/s per GPU at inference_batch
    Range inference_prefill_tokens_per_gpu_second; // prompt (prefill) tokens/s per GPU, compute-bound, uncached
    Range inference_usd_per_million_tokens;        // USD per 1M output tokens at the rental price

    // Ratios
    Range cost_vs_deepseek_v3; // rental cost / DeepSeek-V3's reported $5.576M
    Range compute_vs_dense;    // training FLOP / training FLOP of a dense model with the same total params
};

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] Output table
//-----------------------------------------------------------------------------------------------------------------

struct OutputInfo {
    const char* key;        // "training_days" (docs/contract.md "Output keys")
    const char* unit;       // "days"
    Range Estimate::*field; // where the value lives
    const char* doc;        // one line for tooltips and --help
};

const OutputInfo* estimate_outputs(size_t& count); // every output, in display order
const OutputInfo* find_output(const char* key);    // nullptr when unknown

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] estimate()
//-----------------------------------------------------------------------------------------------------------------

// `gpu` must be the catalog entry for scenario.gpu (the caller looked it up once; sweeps reuse it).
Estimate estimate(const Scenario& scenario, const GpuSpec& gpu);

} // namespace chips
