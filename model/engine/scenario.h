// model/engine/scenario.h — the inputs of one estimate, and the one table of scenario keys shared by the CLI (--set),
// URL permalinks and the JS bridge (setState).
//
// Index
// - [SECTION] Scenario: the inputs, with units and defaults (defaults = DeepSeek-V3 as reported)
// - [SECTION] Key table: key, unit, allowed range, doc — the single source for validation, UI sliders and docs
// - [SECTION] Key/value codec: apply_scenario_value, scenario_value_text, validate_scenario
//
// Every numeric key is stored as a double (counts included) so the key table can point at it generically and
// the UI can sweep any key with one code path; whole-number keys are checked to be whole on input.
#pragma once
#include "model/core/content_error.h"
#include "model/core/types.h"
#include <optional>
#include <string>

namespace chips {

enum class Precision { bf16, fp8 }; // GEMM precision of training (and of the inference weights)

const char* precision_name(Precision precision); // "bf16" / "fp8"

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] Scenario
//-----------------------------------------------------------------------------------------------------------------

struct Scenario {
    // Hardware
    std::string gpu = "h800"; // GPU id from content/gpus.json
    double chips = 2048;      // GPUs in the cluster, 1..1e6

    // Model: Mixture-of-Experts. A dense model is experts_total = experts_active = 1, experts_shared = 0, with
    // params_per_expert = one layer's FFN and moe_layers = layers (or everything in non_expert_params).
    double experts_total = 256;             // routed experts per MoE layer, 1..4096
    double experts_active = 8;              // routed experts chosen per token, 1..experts_total
    double experts_shared = 1;              // always-on shared experts per MoE layer, 0..64
    double params_per_expert = 44040192;    // params of one expert in one layer (3 x 7168 x 2048 for V3)
    double moe_layers = 58;                 // layers with an MoE FFN, 0..1000
    double non_expert_params = 14563317248; // attention, dense FFN layers, embeddings, head, router, norms
    double embedding_params = 926679040;    // input embedding alone (part of non_expert_params), params
    double layers = 61;                     // all transformer layers (for attention FLOPs), 1..1000
    double attention_dim = 20480;           // heads x (qk_dim + v_dim) / 2 per layer; 0 ignores attention
    double hidden_size = 7168;              // d_model: width of a token's vector sent to experts
    double seq_len = 4096;                  // training context length, tokens

    // Training
    double tokens = 14.8e12;              // training tokens
    Precision precision = Precision::fp8; // bf16 or fp8 (fp8 only on GPUs with FP8 tensor cores)
    // Efficiency: steady-state model-FLOPs utilization while the job makes progress (6·N·D basis, fraction of the
    // dense peak *of `precision`*). 0 = the GPU catalog's default range for this chip and precision, set from
    // published runs other than the one being checked (docs/model.md §4). Failures are not in it (goodput is).
    double mfu = 0.0;                      // central, or 0 for the catalog default
    double mfu_low = 0.10;                 // pessimistic end of mfu, 0.01..mfu (ignored while mfu is 0)
    double mfu_high = 0.30;                // optimistic end of mfu, mfu..0.9 (ignored while mfu is 0)
    double global_batch_tokens = 62914560; // tokens per optimizer step (V3: 15,360 sequences x 4,096, §4.2)
    double usd_per_gpu_hour = 2.0;         // rental price; 0 = use the GPU catalog's rental range
    double usd_per_gpu_hour_low = 2.0;     // low end of the rental price (ignored when the price is 0)
    double usd_per_gpu_hour_high = 2.0;    // high end of the rental price (ignored when the price is 0)

    // Interconnect (MoE expert-parallel all-to-all)
    double overlap = 1.0;          // fraction of all-to-all hidden behind compute, 0..1 (DualPipe ~1)
    double expert_parallel = 64;   // GPUs one MoE layer's experts are spread over (EP degree)
    double pipeline_parallel = 16; // pipeline stages (splits layers, hence weights, across GPUs)
    double tensor_parallel = 1;    // GPUs splitting each weight matrix (V3: none, §3.2)
    double route_node_limit = 4;   // max nodes a token is routed to, 0 = unlimited (V3: 4)

    // Energy
    double pue = 1.3;              // power usage effectiveness, 1..3
    double usd_per_kwh = 0.08;     // electricity price, USD/kWh
    double kg_co2_per_kwh = 0.582; // grid carbon intensity, kg CO2e/kWh (China 2023: 0.582)

    // Reliability (docs/model.md §6: exponential failures, Young/Daly checkpoint interval)
    double gpu_mtbf_hours = 50000;         // mean time between job-killing failures per GPU (incl. host share)
    double checkpoint_minutes = 0;         // checkpoint interval, minutes; 0 = the Young/Daly optimum
    double checkpoint_write_minutes = 0.1; // training time one checkpoint write blocks, minutes
    double restart_minutes = 13;           // detect + restart + reload after a failure, minutes

    // Inference (decode). Defaults: DeepSeek's production figures (open-infra-index day 6, docs/model.md §9)
    double inference_batch = 1500;       // sequences decoded together by one model replica
    double inference_context = 4989;     // average context (KV length) per sequence while decoding, tokens
    double kv_bytes_per_token = 70272;   // KV cache per context token, bytes (V3 MLA: 61 x 576 x 2)
    double decode_attention_dim = 69632; // heads x (score dim + value dim) / 2 as decoding computes attention
};

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] Key table
//-----------------------------------------------------------------------------------------------------------------

enum class KeyKind {
    number,    // any finite value in [min, max]
    whole,     // whole number in [min, max]
    gpu_id,    // string, must be in the GPU catalog
    precision, // "bf16" or "fp8"
};

struct ScenarioKeyInfo {
    const char* key;         // "chips"
    const char* unit;        // "GPUs"
    KeyKind kind;            // how the value text is parsed
    double min;              // allowed minimum (numbers only)
    double max;              // allowed maximum (numbers only)
    double Scenario::*field; // the field it sets (numbers only; nullptr for gpu and precision)
    const char* doc;         // one-line meaning for --help, the UI tooltip and docs/model.md
};

// All keys, in the order the CLI prints them. `count` receives the number of entries.
const ScenarioKeyInfo* scenario_keys(size_t& count);
const ScenarioKeyInfo* find_scenario_key(const std::string& key); // nullptr when unknown

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] Key/value codec
//-----------------------------------------------------------------------------------------------------------------

// Parses `value_text` for `key` and stores it. Numbers accept "2048", "14.8e12", "14.8T" (suffixes k M B T =
// 1e3 1e6 1e9 1e12) and "35%" for fractions. Returns an error naming the key and its allowed range for an unknown
// key, a malformed or out-of-range value; the scenario is unchanged then. `source` is "--set", "url", "setState"...
//
// Two keys carry a range companion: setting `mfu` rescales mfu_low/mfu_high by the same factor (the relative
// uncertainty is kept, clamped to the allowed range) and, coming from 0 (the catalog default), makes it a point;
// setting `usd_per_gpu_hour` sets its low and high to the same value (a stated price is a point assumption). Set the
// _low/_high keys afterwards to override. Setting `gpu` to another chip goes through set_scenario_gpu (below) with
// keep_price = false: the rental price then follows the new chip's catalog price, and fp8 falls back to bf16 on a
// chip without FP8.
std::optional<ContentError> apply_scenario_value(Scenario& scenario, const std::string& key,
                                                 const std::string& value_text, const std::string& source,
                                                 const GpuCatalog& catalog);

// Same as apply_scenario_value for an already-parsed number (JSON input).
std::optional<ContentError> apply_scenario_number(Scenario& scenario, const ScenarioKeyInfo& key_info, double value,
                                                  const std::string& source);

// Moves the scenario to another GPU, with the two rules a chip change implies:
// - A price per GPU-hour belongs to the chip it was stated for: unless `keep_price` (the reader set the price
//   themselves), a different chip resets usd_per_gpu_hour (and its range) to 0, the new chip's catalog rental range.
//   The session calls this with keep_price = true once the reader has set a price; the CLI applies --set gpu
//   before the other --set keys, so a price given on the command line is kept.
// - FP8 needs FP8 tensor cores: on a chip without them the precision falls back to bf16 (its 16-bit rate; FP16
//   where the chip has no BF16 either, which estimate() flags).
struct GpuChange {
    bool price_reset = false;       // the price now follows the new chip's catalog range
    bool precision_to_bf16 = false; // fp8 fell back to bf16
};
GpuChange set_scenario_gpu(Scenario& scenario, const GpuSpec& gpu, bool keep_price);

// The value of one key as text that apply_scenario_value reads back unchanged ("2048", "bf16", "1.48e+13").
std::string scenario_value_text(const Scenario& scenario, const ScenarioKeyInfo& key_info);

// Cross-key checks that single keys cannot make: experts_active <= experts_total, mfu_low <= mfu <= mfu_high (unless
// mfu is 0), price low <= price <= high, embedding_params <= non_expert_params, at least 1e6 active parameters, a known
// GPU, and no fp8 on a GPU without FP8. Call after all values are applied.
std::optional<ContentError> validate_scenario(const Scenario& scenario, const GpuCatalog& catalog,
                                              const std::string& source);

} // namespace chips
