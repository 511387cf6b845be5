// model/engine/estimate.cpp — the formulas. Each block names the docs/model.md section that derives it and cites the
// sources of its constants. See estimate.h for the API.
//
// Index
// - [SECTION] Constants (each with its source)
// - [SECTION] Input check
// - [SECTION] Parameters and FLOP            (docs/model.md §2, §3)
// - [SECTION] Expert all-to-all              (docs/model.md §5)
// - [SECTION] Memory                         (docs/model.md §8)
// - [SECTION] Expert-parallel degree         (docs/model.md §5)
// - [SECTION] Scaling: global batch, failures (docs/model.md §6; goodput itself: model/engine/reliability.h)
// - [SECTION] Inference                      (docs/model.md §9)
// - [SECTION] estimate()
// - [SECTION] Output table
#include "model/engine/estimate.h"
#include "model/engine/reliability.h"
#include <algorithm>
#include <cmath>
#include <cstring>

namespace chips {

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] Constants
//-----------------------------------------------------------------------------------------------------------------

// Datasheets quote NVLink as a bidirectional aggregate (H800: 400 GB/s). DeepSeek-V3 §3.2.2 measures "160 GB/s"
// usable on H800, i.e. 0.4 x the aggregate (80% of one direction). Applied to every scale-up fabric.
constexpr double scale_up_usable_fraction = 0.4;

// Bytes per hidden element crossing the fabric for one routed delivery, forward + backward. DeepSeek-V3 §3.3.4:
// dispatch and the backward activation-gradient dispatch in FP8 (1 B), both combines in BF16 (2 B).
constexpr double all_to_all_bytes_fp8 = 1 + 2 + 1 + 2;
constexpr double all_to_all_bytes_bf16 = 2 + 2 + 2 + 2;

// Whole-server power per GPU relative to GPU TDP. Low: the GPU board alone at TDP (Meta's Llama 3.1 model card
// method). High: NVIDIA DGX H100 datasheet, 10.2 kW max for 8 x 700 W GPUs = 1.82x. Central: the midpoint.
constexpr double server_power_low = 1.0;
constexpr double server_power_high = 10200.0 / 8.0 / 700.0;
constexpr double server_power_central = (server_power_low + server_power_high) / 2.0;

// Training state must leave room for activations and workspace (assumption: 20% of device memory).
constexpr double training_memory_usable_fraction = 0.8;
// Inference: weights + KV cache in 90% of memory (assumption: the runtime keeps ~10%).
constexpr double inference_memory_usable_fraction = 0.9;

// Achieved fraction of datasheet HBM bandwidth in decode (assumption: 60% to 90%; tuned kernels reach the top).
constexpr double hbm_efficiency_low = 0.6;
constexpr double hbm_efficiency_central = 0.75;
constexpr double hbm_efficiency_high = 0.9;

// Training-state bytes per parameter.
// BF16 mixed precision + Adam: 2 weights + 2 gradients replicated, 12 optimizer bytes (FP32 master, m, v) that
// ZeRO-1 shards across data-parallel ranks. ZeRO (arXiv 1910.02054) §3.1, "K = 12".
// FP8 (DeepSeek-V3 §3.3.1-3.3.3): FP32 gradients 4 + FP8 working weights 1 (central 1.5, up to 2 with a BF16
// copy) replicated; FP32 master 4 + BF16 m, v 4 = 8 sharded by ZeRO-1 (§3.2).
constexpr Range replicated_bytes_bf16 = Range::exact(4.0);
constexpr double sharded_bytes_bf16 = 12.0;
constexpr Range replicated_bytes_fp8 = Range{5.0, 5.5, 6.0};
constexpr double sharded_bytes_fp8 = 8.0;

const char* scaling_limit_name(ScalingLimit limit) {
    switch (limit) {
    case ScalingLimit::none:
        return "none";
    case ScalingLimit::failures:
        return "failures";
    case ScalingLimit::batch:
        return "batch";
    }
    return "none";
}

const char* status_message(EstimateStatus status) {
    switch (status) {
    case EstimateStatus::ok:
        return "ok";
    case EstimateStatus::fp8_unsupported:
        return "precision fp8 is not available on this GPU (no FP8 tensor cores)";
    case EstimateStatus::invalid_input:
        return "a scenario value is outside its allowed range (see validate_scenario)";
    }
    return "unknown status";
}

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] Input check
//-----------------------------------------------------------------------------------------------------------------

// The allocation-free twin of validate_scenario (which builds messages): any value that could produce a NaN or
// infinity downstream is caught here.
static bool inputs_in_range(const Scenario& scenario, const GpuSpec& gpu) {
    size_t count = 0;
    const ScenarioKeyInfo* keys = scenario_keys(count);
    for (size_t index = 0; index < count; ++index) {
        const ScenarioKeyInfo& info = keys[index];
        if (info.field == nullptr) continue;
        const double value = scenario.*info.field;
        if (!(value >= info.min && value <= info.max)) return false; // also false for NaN
        if (info.kind == KeyKind::whole && value != std::floor(value)) return false;
    }
    if (scenario.experts_active > scenario.experts_total) return false;
    if (scenario.mfu > 0 && !(scenario.mfu_low <= scenario.mfu && scenario.mfu <= scenario.mfu_high)) return false;
    // The catalog default must be usable when the scenario asks for it (a GpuSpec built by hand may lack it). FP8 on
    // a chip without FP8 is left to its own status below.
    const bool fp8 = scenario.precision == Precision::fp8;
    const Range& default_mfu = gpu.default_mfu(fp8);
    if (scenario.mfu == 0 && (!fp8 || gpu.has_fp8()) &&
        !(default_mfu.low > 0 && default_mfu.low <= default_mfu.central && default_mfu.central <= default_mfu.high &&
          default_mfu.high <= 1))
        return false;
    if (scenario.usd_per_gpu_hour > 0 && !(scenario.usd_per_gpu_hour_low <= scenario.usd_per_gpu_hour &&
                                           scenario.usd_per_gpu_hour <= scenario.usd_per_gpu_hour_high))
        return false;
    if (scenario.embedding_params > scenario.non_expert_params) return false;
    const double active = scenario.non_expert_params + scenario.moe_layers *
                                                           (scenario.experts_active + scenario.experts_shared) *
                                                           scenario.params_per_expert;
    if (!(active >= 1e6)) return false;
    // A GpuSpec not from the loader (e.g. default-constructed) must not divide by zero.
    return gpu.bf16_dense_tflops > 0 && gpu.memory_gb > 0 && gpu.memory_tbps > 0 && gpu.scale_up_gbps > 0 &&
           gpu.scale_out_gbps > 0 && gpu.scale_up_domain_gpus >= 1 && gpu.tdp_w > 0 && gpu.unit_price_usd.low >= 0 &&
           gpu.rental_usd_per_gpu_hour.low >= 0 && std::isfinite(gpu.unit_price_usd.high) &&
           std::isfinite(gpu.rental_usd_per_gpu_hour.high);
}

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] Parameters and FLOP
//-----------------------------------------------------------------------------------------------------------------

struct ParamCounts {
    double total = 0;      // params
    double active = 0;     // params per token
    double routed = 0;     // params in routed experts (split across expert-parallel ranks)
    double replicated = 0; // non-expert + shared-expert params (split only by pipeline stages)
};

static ParamCounts count_params(const Scenario& scenario) {
    ParamCounts counts;
    counts.routed = scenario.moe_layers * scenario.experts_total * scenario.params_per_expert;
    const double shared = scenario.moe_layers * scenario.experts_shared * scenario.params_per_expert;
    counts.replicated = scenario.non_expert_params + shared;
    counts.total = counts.routed + counts.replicated;
    counts.active = counts.replicated + scenario.moe_layers * scenario.experts_active * scenario.params_per_expert;
    return counts;
}

// Training FLOP per token. Central: 6·N_active (Kaplan et al. 2020 §2.1; the convention MFU figures use). Low:
// Kaplan's non-embedding N. High: adds causal self-attention, 6·layers·seq_len·attention_dim (PaLM App. B's
// 12·L·H·Q·T halved for the causal mask).
static Range training_flop_per_token(const Scenario& scenario, double active_params) {
    const double attention = 6.0 * scenario.layers * scenario.seq_len * scenario.attention_dim;
    return Range{6.0 * (active_params - scenario.embedding_params), 6.0 * active_params,
                 6.0 * active_params + attention};
}

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] Expert all-to-all
//-----------------------------------------------------------------------------------------------------------------

struct CommSeconds {
    double scale_up = 0;  // GPU-seconds per token on the scale-up fabric (NVLink...)
    double scale_out = 0; // GPU-seconds per token on the scale-out NIC (InfiniBand/RoCE)
};

// The most GPUs one layer's experts may be spread over: the configured degree, the GPUs of one pipeline stage and
// the number of routed experts. The degree actually used is chosen below ([SECTION] Expert-parallel degree).
static double expert_parallel_cap(const Scenario& scenario, double pipeline_stages) {
    const double ranks_per_stage = std::floor(scenario.chips / pipeline_stages);
    return std::max(1.0, std::min({scenario.expert_parallel, ranks_per_stage, scenario.experts_total}));
}

static double pipeline_stages(const Scenario& scenario) {
    return std::max(1.0, std::min({scenario.pipeline_parallel, scenario.chips, scenario.layers}));
}

static double tensor_degree(const Scenario& scenario, double stages) {
    return std::min(scenario.tensor_parallel, std::max(1.0, std::floor(scenario.chips / stages)));
}

// Every token's hidden vector goes to each of its experts_active routed experts and back, forward and backward.
// Experts sit on `ep` GPUs, grouped in scale-up domains (nodes). A token reaches a remote node once over the NIC
// (then fans out over the scale-up fabric, as in DeepSeek-V3 §3.2.2); every delivery to another GPU uses the
// scale-up fabric once. Routing is assumed uniform, so a token's experts_active picks land on
// (n-1)·(1-(1-1/n)^k) other nodes on average, capped by route_node_limit (DeepSeek-V3: 4 nodes, §2.1.2).
static CommSeconds all_to_all_seconds_per_token(const Scenario& scenario, const GpuSpec& gpu, double ep) {
    CommSeconds seconds;
    if (ep <= 1 || scenario.moe_layers <= 0) return seconds;
    const double picks = scenario.experts_active;
    const double gpus_per_domain = std::min(static_cast<double>(gpu.scale_up_domain_gpus), ep);
    const double nodes = std::ceil(ep / gpus_per_domain);
    double remote_nodes = 0;
    if (nodes > 1) {
        remote_nodes = (nodes - 1) * (1.0 - std::pow(1.0 - 1.0 / nodes, picks));
        if (scenario.route_node_limit > 0)
            remote_nodes = std::min(remote_nodes, scenario.route_node_limit * (nodes - 1) / nodes);
    }
    const double local_deliveries = picks * (1.0 - 1.0 / gpus_per_domain);
    const double bytes_per_delivery =
        scenario.hidden_size * (scenario.precision == Precision::fp8 ? all_to_all_bytes_fp8 : all_to_all_bytes_bf16);
    const double scale_up_bytes_per_second = gpu.scale_up_gbps * 1e9 * scale_up_usable_fraction;
    const double scale_out_bytes_per_second = gpu.scale_out_gbps * 1e9;
    seconds.scale_up = scenario.moe_layers * local_deliveries * bytes_per_delivery / scale_up_bytes_per_second;
    seconds.scale_out = scenario.moe_layers * remote_nodes * bytes_per_delivery / scale_out_bytes_per_second;
    return seconds;
}

// Step time relative to compute alone. A fraction `overlap` of communication hides behind compute, but never more
// than the compute available to hide it: time = max(compute + (1-overlap)·comm, comm).
static double slowdown(double compute_seconds, double comm_seconds, double overlap) {
    return std::max(compute_seconds + (1.0 - overlap) * comm_seconds, comm_seconds) / compute_seconds;
}

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] Memory
//-----------------------------------------------------------------------------------------------------------------

// Pipeline stages and tensor parallelism split every weight; expert parallelism further splits routed experts
// (never over more GPUs than exist). ZeRO-1 shards optimizer state across the data-parallel replicas of each
// weight (DeepSeek-V3 §3.2: PP16 + EP64 + ZeRO-1, no TP; Llama 3 405B: TP8 + PP16). Replicas are counted as a
// real number (chips / split, at least 1) rather than rounded down, so that memory never grows with more chips or a
// wider expert split (the expert-parallel search below relies on it). `replicated_bytes` is one end of the range.
static double training_memory_gb(const Scenario& scenario, const ParamCounts& params, double stages, double tensor,
                                 double ep, double replicated_bytes) {
    const double replicated_split = stages * tensor;
    const double routed_split = std::min(stages * tensor * ep, std::max(scenario.chips, stages * tensor));
    const double replicas_of_replicated = std::max(1.0, scenario.chips / replicated_split);
    const double replicas_of_routed = std::max(1.0, scenario.chips / routed_split);
    const double sharded_bytes = scenario.precision == Precision::fp8 ? sharded_bytes_fp8 : sharded_bytes_bf16;
    return (params.replicated / replicated_split * (replicated_bytes + sharded_bytes / replicas_of_replicated) +
            params.routed / routed_split * (replicated_bytes + sharded_bytes / replicas_of_routed)) /
           1e9;
}

static Range replicated_bytes_range(const Scenario& scenario) {
    return scenario.precision == Precision::fp8 ? replicated_bytes_fp8 : replicated_bytes_bf16;
}

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] Expert-parallel degree
//-----------------------------------------------------------------------------------------------------------------

// Spreading experts wider never cuts traffic (more GPUs per layer, then more nodes) but always cuts memory. The
// model uses the fastest degree up to the cap among those whose state fits in memory (or among all, when none
// fits), and among equally fast ones the widest (least memory): with DualPipe-style overlap hiding the all-to-all,
// DeepSeek-V3 keeps its EP64. Degrees are divisors of the expert count, so every GPU holds whole experts. Because a
// larger cluster only adds candidates (a higher cap, less memory per GPU), more chips can never make the chosen
// degree slower, which an earlier fixed "use the cap" rule did (a model 200,000 wide took 7,171 days on 16 GPUs and
// 9,316 on 32). Both searches are binary: step time grows and memory shrinks monotonically with the degree.
struct ExpertParallelChoice {
    double degree = 1;
    CommSeconds comm; // per token per GPU at that degree
};

static double central_comm(const CommSeconds& comm) {
    return (std::max(comm.scale_up, comm.scale_out) + comm.scale_up + comm.scale_out) / 2.0;
}

// Divisors of `experts` up to `cap`, ascending. No whole number up to 4,096 (the key table's maximum) has more
// than 60 divisors; the array leaves room.
struct Degrees {
    double values[128];
    int count = 0;
};

static Degrees expert_parallel_candidates(double experts, double cap) {
    Degrees degrees;
    const long total = static_cast<long>(experts);
    const long limit = static_cast<long>(cap);
    for (long divisor = 1; divisor <= limit && degrees.count < 128; ++divisor)
        if (total % divisor == 0) degrees.values[degrees.count++] = static_cast<double>(divisor);
    return degrees;
}

// Compute seconds per token per GPU at the three efficiency ends (fast = high MFU).
struct ComputeEnds {
    double fast = 0, central = 0, slow = 0;
};

// Step time relative to compute at each end, with the fabric bound each end uses (concurrent, mean, serialized).
struct StepEnds {
    double fast = 0, central = 0, slow = 0;
    bool within(const StepEnds& limit) const {
        const double slack = 1.0 + 1e-12;
        return fast <= limit.fast * slack && central <= limit.central * slack && slow <= limit.slow * slack;
    }
};

static StepEnds step_ends(const Scenario& scenario, const ComputeEnds& compute, const CommSeconds& comm) {
    const double concurrent = std::max(comm.scale_up, comm.scale_out);
    const double serialized = comm.scale_up + comm.scale_out;
    return StepEnds{compute.fast * slowdown(compute.fast, concurrent, scenario.overlap),
                    compute.central * slowdown(compute.central, central_comm(comm), scenario.overlap),
                    compute.slow * slowdown(compute.slow, serialized, scenario.overlap)};
}

static ExpertParallelChoice choose_expert_parallel(const Scenario& scenario, const GpuSpec& gpu,
                                                   const ParamCounts& params, double stages, double tensor,
                                                   const ComputeEnds& compute) {
    const Degrees degrees = expert_parallel_candidates(scenario.experts_total, expert_parallel_cap(scenario, stages));
    const double usable_gb = gpu.memory_gb * training_memory_usable_fraction;
    const double bytes = replicated_bytes_range(scenario).central;
    auto fits = [&](int index) {
        return training_memory_gb(scenario, params, stages, tensor, degrees.values[index], bytes) <= usable_gb;
    };
    auto steps = [&](int index) {
        return step_ends(scenario, compute, all_to_all_seconds_per_token(scenario, gpu, degrees.values[index]));
    };
    const int last = degrees.count - 1; // degrees.values[0] is 1, so count >= 1
    // Smallest degree that fits (memory falls with the degree), or the first when even the widest does not fit.
    int low = 0;
    if (fits(last)) {
        int no = -1, yes = last; // fits(yes); no == -1 or !fits(no)
        while (yes - no > 1) {
            const int middle = (no + yes) / 2;
            (fits(middle) ? yes : no) = middle;
        }
        low = yes;
    }
    // Widest degree as fast as that one at all three ends (each end's step time grows with the degree), so that a
    // wider choice never shows up as a slower low or high end either.
    const StepEnds fastest = steps(low);
    int best = low, beyond = last + 1; // steps(best) within fastest; beyond is slower or past the last
    while (beyond - best > 1) {
        const int middle = (best + beyond) / 2;
        (steps(middle).within(fastest) ? best : beyond) = middle;
    }
    const double degree = degrees.values[best];
    return ExpertParallelChoice{degree, all_to_all_seconds_per_token(scenario, gpu, degree)};
}

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] Scaling: global batch, failures
//-----------------------------------------------------------------------------------------------------------------

// Data parallelism needs at least one sequence per replica per step: a cluster wider than global batch sequences x
// GPUs per model replica (pipeline stages x tensor parallel) leaves the surplus idle. It still fails and is still
// billed, so past this width more chips make the run slower and dearer.
static double useful_chip_limit(const Scenario& scenario, double stages, double tensor) {
    const double sequences_per_step = std::max(1.0, std::floor(scenario.global_batch_tokens / scenario.seq_len));
    return sequences_per_step * stages * tensor;
}

static ReliabilityInputs reliability_inputs(const Scenario& scenario, double mtbf_factor) {
    ReliabilityInputs inputs;
    inputs.chips = scenario.chips;
    inputs.gpu_mtbf_hours = scenario.gpu_mtbf_hours * mtbf_factor;
    inputs.checkpoint_minutes = scenario.checkpoint_minutes;
    inputs.checkpoint_write_minutes = scenario.checkpoint_write_minutes;
    inputs.restart_minutes = scenario.restart_minutes;
    return inputs;
}

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] Inference
//-----------------------------------------------------------------------------------------------------------------

struct InferenceResult {
    Range tokens_per_gpu_second;
    Range prefill_tokens_per_gpu_second;
    Range usd_per_million_tokens;
};

// Roofline decode on the smallest replica that holds the weights and the batch's KV cache. One step emits one
// token per sequence and must (a) compute 2·N_active FLOP per token (Kaplan Table 1) plus attention over the
// context, 4·layers·decode_attention_dim·context (PaLM App. B's forward 2·2·L·H·Q·T: scores and values), and (b)
// stream every weight the batch touches plus the KV cache from HBM. With B tokens picking k of E experts
// uniformly, a layer touches E·(1-(1-k/E)^B) distinct experts. Step time = max(compute, memory). Prefill is
// compute-bound: 2·N_active plus causal attention over half the context on average, per uncached prompt token.
static InferenceResult inference(const Scenario& scenario, const GpuSpec& gpu, const ParamCounts& params,
                                 double peak_flops, const Range& mfu, const Range& price) {
    const double bytes_per_param = scenario.precision == Precision::fp8 ? 1.0 : 2.0;
    const double batch = scenario.inference_batch;
    const double context = scenario.inference_context;
    const double kv_bytes = batch * context * scenario.kv_bytes_per_token;
    const double weight_bytes = params.total * bytes_per_param;
    const double replica_gpus =
        std::max(1.0, std::ceil((weight_bytes + kv_bytes) / (gpu.memory_gb * 1e9 * inference_memory_usable_fraction)));
    const double touched_experts =
        scenario.experts_total * (1.0 - std::pow(1.0 - scenario.experts_active / scenario.experts_total, batch));
    const double bytes_read_per_step =
        (params.replicated + scenario.moe_layers * touched_experts * scenario.params_per_expert) * bytes_per_param +
        kv_bytes;
    const double decode_flop_per_token =
        2.0 * params.active + 4.0 * scenario.layers * scenario.decode_attention_dim * context;
    const double prefill_flop_per_token =
        2.0 * params.active + 2.0 * scenario.layers * scenario.attention_dim * context;

    auto tokens_per_gpu_second = [&](double efficiency, double hbm_efficiency) {
        const double compute_seconds = batch * decode_flop_per_token / (replica_gpus * peak_flops * efficiency);
        const double memory_seconds = bytes_read_per_step / (replica_gpus * gpu.memory_tbps * 1e12 * hbm_efficiency);
        return batch / std::max(compute_seconds, memory_seconds) / replica_gpus;
    };
    InferenceResult result;
    result.tokens_per_gpu_second = Range{tokens_per_gpu_second(mfu.low, hbm_efficiency_low),
                                         tokens_per_gpu_second(mfu.central, hbm_efficiency_central),
                                         tokens_per_gpu_second(mfu.high, hbm_efficiency_high)};
    result.prefill_tokens_per_gpu_second =
        map_range(mfu, [&](double efficiency) { return peak_flops * efficiency / prefill_flop_per_token; });
    auto usd_per_million = [](double usd_per_gpu_hour, double tokens_per_second) {
        return usd_per_gpu_hour / (tokens_per_second * 3600.0) * 1e6;
    };
    result.usd_per_million_tokens = Range{usd_per_million(price.low, result.tokens_per_gpu_second.high),
                                          usd_per_million(price.central, result.tokens_per_gpu_second.central),
                                          usd_per_million(price.high, result.tokens_per_gpu_second.low)};
    return result;
}

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] estimate()
//-----------------------------------------------------------------------------------------------------------------

static Range sorted(double a, double b, double c) {
    const double low = std::min({a, b, c});
    const double high = std::max({a, b, c});
    return Range{low, b, high};
}

Estimate estimate(const Scenario& scenario, const GpuSpec& gpu) {
    Estimate result;
    if (!inputs_in_range(scenario, gpu)) {
        result.status = EstimateStatus::invalid_input;
        return result;
    }
    if (scenario.precision == Precision::fp8 && !gpu.has_fp8()) {
        result.status = EstimateStatus::fp8_unsupported;
        return result;
    }

    // Parameters and FLOP
    const ParamCounts params = count_params(scenario);
    result.total_params = Range::exact(params.total);
    result.active_params = Range::exact(params.active);
    result.active_fraction = Range::exact(params.active / params.total);
    const Range flop_per_token = training_flop_per_token(scenario, params.active);
    result.training_flop = scale(flop_per_token, scenario.tokens);
    // Dense model of the same total size: the same three conventions with N_active = N_total.
    const double attention_per_token = flop_per_token.high - flop_per_token.central;
    // A model made of nothing but its embedding has no non-embedding convention; fall back to the central ratio.
    const double non_embedding_total = params.total - scenario.embedding_params;
    const double non_embedding_ratio = non_embedding_total > 0
                                           ? (params.active - scenario.embedding_params) / non_embedding_total
                                           : params.active / params.total;
    result.compute_vs_dense =
        sorted(non_embedding_ratio, params.active / params.total,
               (6.0 * params.active + attention_per_token) / (6.0 * params.total + attention_per_token));

    // Efficiency: the scenario's, or the chip's default from the catalog (mfu = 0). A chip without BF16 runs
    // "bf16" at its FP16 rate (the catalog's 16-bit figure is FP16 there); the flag says so to the reader.
    const bool fp8 = scenario.precision == Precision::fp8;
    result.mfu_from_catalog = scenario.mfu == 0;
    result.mfu_used =
        result.mfu_from_catalog ? gpu.default_mfu(fp8) : Range{scenario.mfu_low, scenario.mfu, scenario.mfu_high};
    result.fp16_instead_of_bf16 = !fp8 && !gpu.has_bf16;
    const Range& mfu = result.mfu_used;

    // Compute time per token, on the central 6·N basis (MFU is defined on it).
    const double peak_flops = (fp8 ? gpu.fp8_dense_tflops : gpu.bf16_dense_tflops) * 1e12;
    auto compute_seconds = [&](double efficiency) { return flop_per_token.central / (peak_flops * efficiency); };
    const double compute_fast = compute_seconds(mfu.high);
    const double compute_central = compute_seconds(mfu.central);
    const double compute_slow = compute_seconds(mfu.low);

    // Expert all-to-all at the chosen degree. Low: the two fabrics run concurrently (time = the slower); high:
    // serialized (sum).
    const double stages = pipeline_stages(scenario);
    const double tensor = tensor_degree(scenario, stages);
    const ExpertParallelChoice expert = choose_expert_parallel(
        scenario, gpu, params, stages, tensor, ComputeEnds{compute_fast, compute_central, compute_slow});
    result.expert_parallel_used = Range::exact(expert.degree);
    const double comm_low = std::max(expert.comm.scale_up, expert.comm.scale_out);
    const double comm_high = expert.comm.scale_up + expert.comm.scale_out;
    const double comm_central = central_comm(expert.comm);
    result.comm_to_compute_ratio =
        Range{comm_low / compute_slow, comm_central / compute_central, comm_high / compute_fast};
    result.comm_slowdown = Range{slowdown(compute_slow, comm_low, scenario.overlap),
                                 slowdown(compute_central, comm_central, scenario.overlap),
                                 slowdown(compute_fast, comm_high, scenario.overlap)};

    // Scaling: the GPUs the batch keeps busy, and goodput at three failure rates. Fast end: high MFU, concurrent
    // fabrics, the lower failure rate.
    const double chip_limit = useful_chip_limit(scenario, stages, tensor);
    const double useful_chips = std::min(scenario.chips, chip_limit);
    result.useful_chips = Range::exact(useful_chips);
    const ReliabilityInputs failure_ends[] = {reliability_inputs(scenario, 1.0 / kMtbfSpread),
                                              reliability_inputs(scenario, 1.0),
                                              reliability_inputs(scenario, kMtbfSpread)};
    const Goodput lost[] = {goodput(failure_ends[0]), goodput(failure_ends[1]), goodput(failure_ends[2])};
    result.goodput = Range{lost[0].fraction, lost[1].fraction, lost[2].fraction};
    result.checkpoint_interval_minutes =
        Range{lost[0].interval_minutes, lost[1].interval_minutes, lost[2].interval_minutes};
    if (scenario.chips > chip_limit)
        result.scaling_limited_by = ScalingLimit::batch;
    else if (past_failure_peak(failure_ends[0]) || past_failure_peak(failure_ends[1]) ||
             past_failure_peak(failure_ends[2]))
        result.scaling_limited_by = ScalingLimit::failures;

    const StepEnds step = step_ends(scenario, ComputeEnds{compute_fast, compute_central, compute_slow}, expert.comm);
    const double step_fast = step.fast, step_central = step.central, step_slow = step.slow;
    auto wall_seconds = [&](double gpu_seconds_per_token, double goodput_fraction) {
        return scenario.tokens * gpu_seconds_per_token / useful_chips / goodput_fraction;
    };
    const Range wall =
        Range{wall_seconds(step_fast, result.goodput.high), wall_seconds(step_central, result.goodput.central),
              wall_seconds(step_slow, result.goodput.low)};
    result.training_days = scale(wall, 1.0 / 86400.0);
    result.gpu_hours = scale(wall, scenario.chips / 3600.0); // idle and failed time is billed too
    result.effective_tflops_per_gpu =
        map_range(result.gpu_hours, [&](double hours) { return result.training_flop.central / (hours * 3600e12); });

    // Money
    const Range price = scenario.usd_per_gpu_hour > 0 ? Range{scenario.usd_per_gpu_hour_low, scenario.usd_per_gpu_hour,
                                                              scenario.usd_per_gpu_hour_high}
                                                      : gpu.rental_usd_per_gpu_hour;
    result.rental_cost_usd = multiply(result.gpu_hours, price);
    result.cluster_purchase_usd = scale(gpu.unit_price_usd, scenario.chips);
    result.cost_vs_deepseek_v3 = scale(result.rental_cost_usd, 1.0 / deepseek_v3_reported_cost_usd);

    // Energy: GPU-hours x TDP x server overhead x PUE.
    const Range kwh = multiply(scale(result.gpu_hours, gpu.tdp_w / 1000.0 * scenario.pue),
                               Range{server_power_low, server_power_central, server_power_high});
    result.energy_mwh = scale(kwh, 1.0 / 1000.0);
    result.energy_cost_usd = scale(kwh, scenario.usd_per_kwh);
    result.co2_tonnes = scale(kwh, scenario.kg_co2_per_kwh / 1000.0);

    // Memory
    result.memory_per_gpu_gb = map_range(replicated_bytes_range(scenario), [&](double bytes) {
        return training_memory_gb(scenario, params, stages, tensor, expert.degree, bytes);
    });
    const double usable_gb = gpu.memory_gb * training_memory_usable_fraction;
    result.memory_fits = Range{result.memory_per_gpu_gb.high <= usable_gb ? 1.0 : 0.0,
                               result.memory_per_gpu_gb.central <= usable_gb ? 1.0 : 0.0,
                               result.memory_per_gpu_gb.low <= usable_gb ? 1.0 : 0.0};

    // Inference
    const InferenceResult serving = inference(scenario, gpu, params, peak_flops, mfu, price);
    result.inference_tokens_per_gpu_second = serving.tokens_per_gpu_second;
    result.inference_prefill_tokens_per_gpu_second = serving.prefill_tokens_per_gpu_second;
    result.inference_usd_per_million_tokens = serving.usd_per_million_tokens;
    return result;
}

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] Output table
//-----------------------------------------------------------------------------------------------------------------

static const OutputInfo output_table[] = {
    {"total_params", "params", &Estimate::total_params, "all parameters (routed + shared experts + the rest)"},
    {"active_params", "params", &Estimate::active_params, "parameters used per token"},
    {"active_fraction", "fraction", &Estimate::active_fraction, "active / total parameters"},
    {"training_flop", "FLOP", &Estimate::training_flop,
     "training compute: 6·N_active·D (low: without embeddings; high: with causal attention)"},
    {"mfu_used", "fraction", &Estimate::mfu_used,
     "training efficiency used: the scenario's MFU, or the GPU catalog's default range when mfu is 0"},
    {"effective_tflops_per_gpu", "TFLOP/s", &Estimate::effective_tflops_per_gpu,
     "achieved 6·N·D throughput per GPU including communication and failures"},
    {"comm_to_compute_ratio", "ratio", &Estimate::comm_to_compute_ratio,
     "MoE all-to-all time / compute time per token before overlap"},
    {"comm_slowdown", "ratio", &Estimate::comm_slowdown, "step time with exposed all-to-all / compute-only time"},
    {"expert_parallel_used", "GPUs", &Estimate::expert_parallel_used,
     "GPUs a layer's experts are spread over: the fastest degree up to expert_parallel whose state fits"},
    {"useful_chips", "GPUs", &Estimate::useful_chips,
     "GPUs the global batch keeps busy (global batch sequences x GPUs per model replica, at most chips)"},
    {"goodput", "fraction", &Estimate::goodput, "fraction of wall-clock time not lost to failures"},
    {"checkpoint_interval_minutes", "minutes", &Estimate::checkpoint_interval_minutes,
     "checkpoint interval used: checkpoint_minutes, or the Young/Daly optimum when that is 0"},
    {"training_days", "days", &Estimate::training_days, "wall-clock training time"},
    {"gpu_hours", "GPU-hours", &Estimate::gpu_hours, "chips x wall-clock hours"},
    {"rental_cost_usd", "USD", &Estimate::rental_cost_usd, "GPU-hours x rental price"},
    {"cluster_purchase_usd", "USD", &Estimate::cluster_purchase_usd, "chips x GPU unit price (GPUs only)"},
    {"energy_mwh", "MWh", &Estimate::energy_mwh, "facility energy: GPU-hours x TDP x server overhead x PUE"},
    {"energy_cost_usd", "USD", &Estimate::energy_cost_usd, "energy x electricity price"},
    {"co2_tonnes", "t CO2", &Estimate::co2_tonnes, "energy x grid carbon intensity"},
    {"memory_per_gpu_gb", "GB", &Estimate::memory_per_gpu_gb,
     "weights + gradients + optimizer state per GPU (no activations)"},
    {"memory_fits", "1 = fits, 0 = does not", &Estimate::memory_fits, "model state within 80% of device memory"},
    {"inference_tokens_per_gpu_second", "tokens/s", &Estimate::inference_tokens_per_gpu_second,
     "decode output tokens per second per GPU at inference_batch"},
    {"inference_prefill_tokens_per_gpu_second", "tokens/s", &Estimate::inference_prefill_tokens_per_gpu_second,
     "prompt tokens per second per GPU in prefill (compute-bound, cache misses)"},
    {"inference_usd_per_million_tokens", "USD per 1M output tokens", &Estimate::inference_usd_per_million_tokens,
     "rental price / decode throughput"},
    {"cost_vs_deepseek_v3", "ratio", &Estimate::cost_vs_deepseek_v3, "rental cost / DeepSeek-V3's reported $5.576M"},
    {"compute_vs_dense", "ratio", &Estimate::compute_vs_dense, "training FLOP / a dense model of the same total size"},
};

const OutputInfo* estimate_outputs(size_t& count) {
    count = sizeof output_table / sizeof output_table[0];
    return output_table;
}

const OutputInfo* find_output(const char* key) {
    for (const OutputInfo& info : output_table)
        if (std::strcmp(info.key, key) == 0) return &info;
    return nullptr;
}

} // namespace chips
