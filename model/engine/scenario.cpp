// model/engine/scenario.cpp — key table and key/value codec. See scenario.h.
//
// Index
// - [SECTION] Key table
// - [SECTION] Number parsing
// - [SECTION] apply / text / validate
#include "model/engine/scenario.h"
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace chips {

const char* precision_name(Precision precision) {
    return precision == Precision::fp8 ? "fp8" : "bf16";
}

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] Key table
//-----------------------------------------------------------------------------------------------------------------
// Ranges are what the model is meaningful for, not what is common: 1 to 1,000,000 chips spans a workstation to a
// hypothetical Stargate-scale cluster. Each range keeps every output finite (tests/test_model_estimate.cpp has a
// property test over random in-range scenarios).

static const ScenarioKeyInfo key_table[] = {
    {"gpu", "id", KeyKind::gpu_id, 0, 0, nullptr, "GPU id from content/gpus.json"},
    {"chips", "GPUs", KeyKind::whole, 1, 1e6, &Scenario::chips, "GPUs in the cluster"},
    {"experts_total", "experts", KeyKind::whole, 1, 4096, &Scenario::experts_total,
     "routed experts per MoE layer (1 = dense)"},
    {"experts_active", "experts", KeyKind::whole, 1, 4096, &Scenario::experts_active,
     "routed experts chosen per token, at most experts_total"},
    {"experts_shared", "experts", KeyKind::whole, 0, 64, &Scenario::experts_shared,
     "always-active shared experts per MoE layer"},
    {"params_per_expert", "params", KeyKind::number, 1e3, 1e12, &Scenario::params_per_expert,
     "parameters of one expert in one layer"},
    {"moe_layers", "layers", KeyKind::whole, 0, 1000, &Scenario::moe_layers, "layers with an MoE (or expert) FFN"},
    {"non_expert_params", "params", KeyKind::number, 0, 1e13, &Scenario::non_expert_params,
     "parameters outside routed and shared experts (attention, dense FFNs, embeddings, head, router)"},
    {"embedding_params", "params", KeyKind::number, 0, 1e12, &Scenario::embedding_params,
     "input-embedding parameters (a part of non_expert_params; a lookup, not a matmul)"},
    {"layers", "layers", KeyKind::whole, 1, 1000, &Scenario::layers, "transformer layers (for attention FLOPs)"},
    {"attention_dim", "dims", KeyKind::number, 0, 1e6, &Scenario::attention_dim,
     "heads x (qk_dim + v_dim) / 2 per layer; 0 leaves attention FLOPs out"},
    {"hidden_size", "dims", KeyKind::whole, 1, 1e6, &Scenario::hidden_size,
     "model width d_model (size of a token vector sent to experts)"},
    {"seq_len", "tokens", KeyKind::whole, 1, 1e7, &Scenario::seq_len, "training context length"},
    {"tokens", "tokens", KeyKind::number, 1e6, 1e16, &Scenario::tokens, "training tokens"},
    {"precision", "bf16|fp8", KeyKind::precision, 0, 0, nullptr, "training GEMM precision"},
    {"mfu", "fraction", KeyKind::number, 0, 0.9, &Scenario::mfu,
     "steady-state model-FLOPs utilization of the dense peak of `precision` (6·N·D basis); 0 = the GPU catalog's "
     "default for this chip; rescales mfu_low/high"},
    {"mfu_low", "fraction", KeyKind::number, 0.01, 0.9, &Scenario::mfu_low, "pessimistic MFU, at most mfu"},
    {"mfu_high", "fraction", KeyKind::number, 0.01, 0.9, &Scenario::mfu_high, "optimistic MFU, at least mfu"},
    {"global_batch_tokens", "tokens", KeyKind::number, 1e3, 1e10, &Scenario::global_batch_tokens,
     "tokens per optimizer step; limits how many GPUs can share the work (one sequence per replica at least)"},
    {"usd_per_gpu_hour", "USD/GPU-hour", KeyKind::number, 0, 1000, &Scenario::usd_per_gpu_hour,
     "rental price (0 = the GPU catalog's range); sets the low and high price too"},
    {"usd_per_gpu_hour_low", "USD/GPU-hour", KeyKind::number, 0, 1000, &Scenario::usd_per_gpu_hour_low,
     "low rental price, at most usd_per_gpu_hour"},
    {"usd_per_gpu_hour_high", "USD/GPU-hour", KeyKind::number, 0, 1000, &Scenario::usd_per_gpu_hour_high,
     "high rental price, at least usd_per_gpu_hour"},
    {"overlap", "fraction", KeyKind::number, 0, 1, &Scenario::overlap,
     "fraction of MoE all-to-all hidden behind compute (DeepSeek DualPipe ~1)"},
    {"expert_parallel", "GPUs", KeyKind::whole, 1, 1e6, &Scenario::expert_parallel,
     "GPUs one MoE layer's experts are spread over (EP degree; capped by chips and experts_total)"},
    {"pipeline_parallel", "stages", KeyKind::whole, 1, 1000, &Scenario::pipeline_parallel,
     "pipeline stages splitting the layers (capped by chips and layers)"},
    {"tensor_parallel", "GPUs", KeyKind::whole, 1, 64, &Scenario::tensor_parallel,
     "GPUs splitting each weight matrix (for memory per GPU)"},
    {"route_node_limit", "nodes", KeyKind::whole, 0, 1024, &Scenario::route_node_limit,
     "max scale-up domains (nodes) a token is sent to; 0 = unlimited"},
    {"pue", "ratio", KeyKind::number, 1, 3, &Scenario::pue, "data-centre power usage effectiveness"},
    {"usd_per_kwh", "USD/kWh", KeyKind::number, 0, 2, &Scenario::usd_per_kwh, "electricity price"},
    {"kg_co2_per_kwh", "kg CO2e/kWh", KeyKind::number, 0, 2, &Scenario::kg_co2_per_kwh, "grid carbon intensity"},
    {"gpu_mtbf_hours", "hours", KeyKind::number, 100, 1e9, &Scenario::gpu_mtbf_hours,
     "mean time between job-interrupting failures per GPU, including its share of host and network"},
    {"checkpoint_minutes", "minutes", KeyKind::number, 0, 10080, &Scenario::checkpoint_minutes,
     "checkpoint interval; 0 = the Young/Daly optimum for the failure rate"},
    {"checkpoint_write_minutes", "minutes", KeyKind::number, 0.001, 1440, &Scenario::checkpoint_write_minutes,
     "training time one checkpoint write blocks"},
    {"restart_minutes", "minutes", KeyKind::number, 0, 10080, &Scenario::restart_minutes,
     "time to detect a failure, restart and reload"},
    {"inference_batch", "sequences", KeyKind::whole, 1, 1e6, &Scenario::inference_batch,
     "sequences decoded together by one model replica"},
    {"inference_context", "tokens", KeyKind::whole, 1, 1e7, &Scenario::inference_context,
     "average KV-cache length per sequence while decoding"},
    {"kv_bytes_per_token", "bytes", KeyKind::number, 0, 1e8, &Scenario::kv_bytes_per_token,
     "KV cache per context token (V3 MLA: 70,272)"},
    {"decode_attention_dim", "dims", KeyKind::number, 0, 1e6, &Scenario::decode_attention_dim,
     "heads x (score dim + value dim) / 2 as decoding computes attention (V3 MLA, absorbed: 128 x (576 + 512) / 2)"},
};

const ScenarioKeyInfo* scenario_keys(size_t& count) {
    count = sizeof key_table / sizeof key_table[0];
    return key_table;
}

const ScenarioKeyInfo* find_scenario_key(const std::string& key) {
    for (const ScenarioKeyInfo& info : key_table)
        if (key == info.key) return &info;
    return nullptr;
}

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] Number parsing
//-----------------------------------------------------------------------------------------------------------------

// Compact number for messages: 1000000 -> "1000000", 0.01 -> "0.01", 1e16 -> "1e+16".
static std::string number_text(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.10g", value);
    return text;
}

static std::string allowed_text(const ScenarioKeyInfo& info) {
    if (info.kind == KeyKind::precision) return "allowed: bf16, fp8";
    std::string text = "allowed " + number_text(info.min) + " to " + number_text(info.max);
    if (info.kind == KeyKind::whole) text += ", whole numbers";
    return text + " (" + info.unit + ")";
}

// Accepts only plain decimal notation: [-]digits[.digits][e[+-]digits]. The grammar is checked by hand first, so
// "nan", "inf", hex floats and locale-specific forms never reach strtod. (std::from_chars for double would do the
// same but emcc 3.1.6's libc++ does not implement it.) The program never calls setlocale, so strtod reads '.'.
static bool parse_number(const std::string& text, double& out) {
    if (text.empty() || text.size() > 64) return false;
    const char* begin = text.data();
    const char* end = begin + text.size();
    if (*begin == '+') ++begin; // people type a leading '+'
    const char* cursor = begin;
    auto digits = [&cursor, end]() {
        const char* start = cursor;
        while (cursor < end && *cursor >= '0' && *cursor <= '9')
            ++cursor;
        return cursor - start;
    };
    if (cursor < end && *cursor == '-') ++cursor;
    long mantissa_digits = digits();
    if (cursor < end && *cursor == '.') {
        ++cursor;
        mantissa_digits += digits();
    }
    if (mantissa_digits == 0) return false;
    if (cursor < end && (*cursor == 'e' || *cursor == 'E')) {
        ++cursor;
        if (cursor < end && (*cursor == '+' || *cursor == '-')) ++cursor;
        if (digits() == 0) return false;
    }
    const std::string number(begin, cursor);
    double value = std::strtod(number.c_str(), nullptr);
    const char* next = cursor;
    double multiplier = 1;
    if (next != end) {
        if (end - next != 1) return false;
        switch (*next) {
        case 'k':
        case 'K':
            multiplier = 1e3;
            break;
        case 'M':
            multiplier = 1e6;
            break;
        case 'B':
        case 'G':
            multiplier = 1e9;
            break;
        case 'T':
            multiplier = 1e12;
            break;
        case '%':
            multiplier = 0.01;
            break;
        default:
            return false;
        }
    }
    value *= multiplier;
    if (!std::isfinite(value)) return false;
    out = value;
    return true;
}

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] apply / text / validate
//-----------------------------------------------------------------------------------------------------------------

// Keys arrive from URLs and payloads: anything that is not a plain short key name is quoted and cut, so that an
// error stays one printable line.
static ContentError key_error(const std::string& source, const std::string& key, const std::string& message) {
    bool plain = !key.empty() && key.size() <= 48;
    for (char letter : key)
        plain = plain && ((letter >= 'a' && letter <= 'z') || (letter >= '0' && letter <= '9') || letter == '_');
    return ContentError{source, plain ? key : quote_for_message(key), message};
}

std::optional<ContentError> apply_scenario_number(Scenario& scenario, const ScenarioKeyInfo& info, double value,
                                                  const std::string& source) {
    if (info.field == nullptr) return key_error(source, info.key, std::string("expected text; ") + allowed_text(info));
    if (!std::isfinite(value) || value < info.min || value > info.max ||
        (info.kind == KeyKind::whole && value != std::floor(value)))
        return key_error(source, info.key,
                         (std::isfinite(value) ? number_text(value) : std::string("non-finite value")) +
                             " is out of range; " + allowed_text(info));

    // mfu 0 means "the chip's catalog default"; a stated figure must be one its range companions can hold.
    if (info.field == &Scenario::mfu && value > 0 && value < 0.01)
        return key_error(source, info.key,
                         number_text(value) + " is out of range; allowed 0 (the chip's default) or 0.01 to 0.9");

    const double previous = scenario.*info.field;
    scenario.*info.field = value;
    if (info.field == &Scenario::mfu && previous > 0 && value > 0) {
        const double factor = value / previous;
        scenario.mfu_low = std::fmin(std::fmax(scenario.mfu_low * factor, 0.01), value);
        scenario.mfu_high = std::fmax(std::fmin(scenario.mfu_high * factor, 0.9), value);
    } else if (info.field == &Scenario::mfu && value > 0) {
        // From the catalog default to a stated figure: a point, like a stated price.
        scenario.mfu_low = value;
        scenario.mfu_high = value;
    } else if (info.field == &Scenario::usd_per_gpu_hour) {
        scenario.usd_per_gpu_hour_low = value;
        scenario.usd_per_gpu_hour_high = value;
    }
    return std::nullopt;
}

std::optional<ContentError> apply_scenario_value(Scenario& scenario, const std::string& key,
                                                 const std::string& value_text, const std::string& source,
                                                 const GpuCatalog& catalog) {
    const ScenarioKeyInfo* info = find_scenario_key(key);
    if (info == nullptr) {
        std::string known;
        size_t count = 0;
        const ScenarioKeyInfo* keys = scenario_keys(count);
        for (size_t index = 0; index < count; ++index)
            known += (index ? ", " : "") + std::string(keys[index].key);
        return key_error(source, key, "unknown scenario key; known keys: " + known);
    }
    switch (info->kind) {
    case KeyKind::gpu_id:
        if (const GpuSpec* gpu = catalog.find(value_text)) {
            set_scenario_gpu(scenario, *gpu, /*keep_price=*/false);
            return std::nullopt;
        }
        return key_error(source, key,
                         "unknown GPU " + quote_for_message(value_text) + "; allowed: " + catalog.id_list());
    case KeyKind::precision:
        if (value_text == "bf16")
            scenario.precision = Precision::bf16;
        else if (value_text == "fp8")
            scenario.precision = Precision::fp8;
        else
            return key_error(source, key,
                             quote_for_message(value_text) + " is not a precision; " + allowed_text(*info));
        return std::nullopt;
    case KeyKind::number:
    case KeyKind::whole: {
        double value = 0;
        if (!parse_number(value_text, value))
            return key_error(source, key, quote_for_message(value_text) + " is not a number; " + allowed_text(*info));
        return apply_scenario_number(scenario, *info, value, source);
    }
    }
    return key_error(source, key, "unhandled key kind");
}

GpuChange set_scenario_gpu(Scenario& scenario, const GpuSpec& gpu, bool keep_price) {
    GpuChange change;
    if (scenario.gpu != gpu.id && !keep_price && scenario.usd_per_gpu_hour > 0) {
        scenario.usd_per_gpu_hour = 0.0;
        scenario.usd_per_gpu_hour_low = 0.0;
        scenario.usd_per_gpu_hour_high = 0.0;
        change.price_reset = true;
    }
    if (scenario.precision == Precision::fp8 && !gpu.has_fp8()) {
        scenario.precision = Precision::bf16;
        change.precision_to_bf16 = true;
    }
    scenario.gpu = gpu.id;
    return change;
}

std::string scenario_value_text(const Scenario& scenario, const ScenarioKeyInfo& info) {
    if (info.kind == KeyKind::gpu_id) return scenario.gpu;
    if (info.kind == KeyKind::precision) return precision_name(scenario.precision);
    char text[40];
    std::snprintf(text, sizeof text, "%.17g", scenario.*info.field); // round-trips exactly
    return text;
}

std::optional<ContentError> validate_scenario(const Scenario& scenario, const GpuCatalog& catalog,
                                              const std::string& source) {
    const GpuSpec* gpu = catalog.find(scenario.gpu);
    if (gpu == nullptr)
        return key_error(source, "gpu",
                         "unknown GPU " + quote_for_message(scenario.gpu) + "; allowed: " + catalog.id_list());
    if (scenario.precision == Precision::fp8 && !gpu->has_fp8())
        return key_error(source, "precision",
                         "fp8 is not available on " + gpu->id + " (no FP8 tensor cores); allowed: bf16");
    if (scenario.experts_active > scenario.experts_total)
        return key_error(source, "experts_active",
                         number_text(scenario.experts_active) + " is out of range; allowed 1 to experts_total (" +
                             number_text(scenario.experts_total) + ")");
    if (scenario.mfu > 0 && !(scenario.mfu_low <= scenario.mfu && scenario.mfu <= scenario.mfu_high))
        return key_error(source, "mfu",
                         "expected mfu_low <= mfu <= mfu_high, got " + number_text(scenario.mfu_low) + ", " +
                             number_text(scenario.mfu) + ", " + number_text(scenario.mfu_high));
    if (scenario.usd_per_gpu_hour > 0 && !(scenario.usd_per_gpu_hour_low <= scenario.usd_per_gpu_hour &&
                                           scenario.usd_per_gpu_hour <= scenario.usd_per_gpu_hour_high))
        return key_error(source, "usd_per_gpu_hour",
                         "expected usd_per_gpu_hour_low <= usd_per_gpu_hour <= usd_per_gpu_hour_high, got " +
                             number_text(scenario.usd_per_gpu_hour_low) + ", " +
                             number_text(scenario.usd_per_gpu_hour) + ", " +
                             number_text(scenario.usd_per_gpu_hour_high));
    if (scenario.embedding_params > scenario.non_expert_params)
        return key_error(source, "embedding_params",
                         number_text(scenario.embedding_params) + " is out of range; allowed 0 to non_expert_params (" +
                             number_text(scenario.non_expert_params) + ")");
    const double active_params = scenario.non_expert_params + scenario.moe_layers *
                                                                  (scenario.experts_active + scenario.experts_shared) *
                                                                  scenario.params_per_expert;
    if (active_params < 1e6)
        return key_error(source, "non_expert_params",
                         "the model has " + number_text(active_params) +
                             " active parameters; at least 1e6 are needed (raise non_expert_params or moe_layers)");
    return std::nullopt;
}

} // namespace chips
