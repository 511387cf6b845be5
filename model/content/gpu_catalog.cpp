// model/content/gpu_catalog.cpp — loader for content/gpus.json. See gpu_catalog.h.
#include "model/content/gpu_catalog.h"
#include "model/content/scenario_json_fields.h"

#include <algorithm>
#include <iterator>
#include <string>
#include <utility>

namespace chips {

// Limits are sanity bounds, far outside any real accelerator, that catch unit slips (TFLOPS typed as FLOPS,
// MB typed as GB, a sparse figure where the dense one belongs is caught only by review: see docs/model.md).
// One table for the JSON loader and check_gpu_spec (the content snapshot re-checks with it).
namespace {
struct Limit {
    const char* key;
    double min;
    double max;
};
constexpr Limit kBf16{"bf16_dense_tflops", 1, 100000};
constexpr Limit kFp8{"fp8_dense_tflops", 1, 200000}; // or absent (0 in GpuSpec)
constexpr Limit kMemory{"memory_gb", 1, 10000};
constexpr Limit kBandwidth{"memory_tbps", 0.01, 1000};
constexpr Limit kScaleUp{"scale_up_gbps", 0.1, 100000};
constexpr Limit kDomain{"scale_up_domain_gpus", 1, 100000};
constexpr Limit kScaleOut{"scale_out_gbps", 0.01, 10000};
constexpr Limit kTdp{"tdp_w", 1, 10000};
constexpr Limit kUnitPrice{"unit_price_usd", 1, 10e6};
constexpr Limit kRental{"rental_usd_per_gpu_hour", 0.001, 1000};
constexpr Limit kMfuBf16{"mfu_bf16", 0.01, 0.9}; // the scenario's own mfu range (model/engine/scenario.cpp)
constexpr Limit kMfuFp8{"mfu_fp8", 0.01, 0.9};   // or absent (all zero) on chips without FP8

// Every field an entry may have: a typo ("mfu_bf61") must be an error, not a silently missing default.
const char* const kGpuFields[] = {"id",
                                  "name",
                                  "short_name",
                                  "bf16_dense_tflops",
                                  "fp8_dense_tflops",
                                  "has_bf16",
                                  "memory_gb",
                                  "memory_tbps",
                                  "scale_up_gbps",
                                  "scale_up_domain_gpus",
                                  "scale_out_gbps",
                                  "tdp_w",
                                  "unit_price_usd",
                                  "rental_usd_per_gpu_hour",
                                  "mfu_bf16",
                                  "mfu_fp8",
                                  "confidence",
                                  "notes",
                                  "sources"};

const char* const kFp8BelowBf16 = "is below bf16_dense_tflops; FP8 is never slower";
} // namespace

static bool read_gpu(const json_fields::Context& context, const nlohmann::json& entry, const std::string& pointer,
                     GpuSpec& gpu) {
    using namespace json_fields;
    if (!entry.is_object()) {
        context.fail(pointer, "expected an object");
        return false;
    }
    auto number = [&](const Limit& limit, double& out) {
        return read_number(context, entry, pointer, limit.key, limit.min, limit.max, out);
    };
    bool ok = true;
    for (auto member = entry.begin(); member != entry.end(); ++member)
        if (std::find_if(std::begin(kGpuFields), std::end(kGpuFields),
                         [&](const char* field) { return member.key() == field; }) == std::end(kGpuFields)) {
            context.fail(child(pointer, member.key()), "unknown field (see docs/model.md §1 for the GPU fields)");
            ok = false;
        }
    ok = read_string(context, entry, pointer, "id", gpu.id) && ok;
    ok = read_string(context, entry, pointer, "name", gpu.name) && ok;
    ok = read_string(context, entry, pointer, "short_name", gpu.short_name, /*required=*/false) && ok;
    if (gpu.short_name.empty()) gpu.short_name = gpu.id;
    ok = number(kBf16, gpu.bf16_dense_tflops) && ok;
    // FP8 is either absent (null) or a positive dense figure.
    auto fp8 = entry.find(kFp8.key);
    if (fp8 == entry.end() || fp8->is_null())
        gpu.fp8_dense_tflops = 0.0;
    else
        ok = number(kFp8, gpu.fp8_dense_tflops) && ok;
    // BF16 support: absent means yes; V100 and RTX 2080 Ti say false (their 16-bit figure is FP16).
    if (auto bf16 = entry.find("has_bf16"); bf16 != entry.end()) {
        if (bf16->is_boolean()) {
            gpu.has_bf16 = bf16->get<bool>();
        } else {
            context.fail(child(pointer, "has_bf16"), "expected true or false");
            ok = false;
        }
    }
    ok = number(kMemory, gpu.memory_gb) && ok;
    ok = number(kBandwidth, gpu.memory_tbps) && ok;
    ok = number(kScaleUp, gpu.scale_up_gbps) && ok;
    double domain = 0;
    if (number(kDomain, domain)) {
        if (domain != static_cast<int>(domain)) {
            context.fail(child(pointer, kDomain.key), "expected a whole number of GPUs");
            ok = false;
        }
        gpu.scale_up_domain_gpus = static_cast<int>(domain);
    } else {
        ok = false;
    }
    ok = number(kScaleOut, gpu.scale_out_gbps) && ok;
    ok = number(kTdp, gpu.tdp_w) && ok;
    ok = read_range(context, entry, pointer, kUnitPrice.key, kUnitPrice.min, kUnitPrice.max, gpu.unit_price_usd) && ok;
    ok = read_range(context, entry, pointer, kRental.key, kRental.min, kRental.max, gpu.rental_usd_per_gpu_hour) && ok;
    ok = read_range(context, entry, pointer, kMfuBf16.key, kMfuBf16.min, kMfuBf16.max, gpu.mfu_bf16) && ok;
    auto mfu_fp8 = entry.find(kMfuFp8.key);
    const bool has_mfu_fp8 = mfu_fp8 != entry.end() && !mfu_fp8->is_null();
    if (has_mfu_fp8) ok = read_range(context, entry, pointer, kMfuFp8.key, kMfuFp8.min, kMfuFp8.max, gpu.mfu_fp8) && ok;
    if (has_mfu_fp8 != (gpu.fp8_dense_tflops > 0)) {
        context.fail(child(pointer, kMfuFp8.key), gpu.fp8_dense_tflops > 0
                                                      ? "missing: a chip with FP8 needs its FP8 efficiency range"
                                                      : "must be null: the chip has no FP8 (fp8_dense_tflops is null)");
        ok = false;
    }
    ok = read_string(context, entry, pointer, "confidence", gpu.confidence) && ok;
    ok = read_string(context, entry, pointer, "notes", gpu.notes, false) && ok;
    ok = read_sources(context, entry, pointer, gpu.sources) && ok;
    if (ok && gpu.fp8_dense_tflops > 0 && gpu.fp8_dense_tflops < gpu.bf16_dense_tflops) {
        context.fail(child(pointer, kFp8.key), kFp8BelowBf16);
        ok = false;
    }
    return ok;
}

std::string check_gpu_spec(const GpuSpec& gpu) {
    auto outside = [](const Limit& limit, double value) {
        return !(value >= limit.min && value <= limit.max)
                   ? std::string(limit.key) + ": outside " + std::to_string(limit.min) + ".." +
                         std::to_string(limit.max)
                   : std::string();
    };
    auto range_outside = [&](const Limit& limit, const Range& range) {
        std::string problem = outside(limit, range.low);
        if (problem.empty()) problem = outside(limit, range.central);
        if (problem.empty()) problem = outside(limit, range.high);
        if (problem.empty() && !(range.low <= range.central && range.central <= range.high))
            problem = std::string(limit.key) + ": expected low <= central <= high";
        return problem;
    };
    if (gpu.id.empty()) return "id: empty";
    for (const auto& [limit, value] : {std::pair<const Limit&, double>{kBf16, gpu.bf16_dense_tflops},
                                       {kMemory, gpu.memory_gb},
                                       {kBandwidth, gpu.memory_tbps},
                                       {kScaleUp, gpu.scale_up_gbps},
                                       {kDomain, static_cast<double>(gpu.scale_up_domain_gpus)},
                                       {kScaleOut, gpu.scale_out_gbps},
                                       {kTdp, gpu.tdp_w}})
        if (std::string problem = outside(limit, value); !problem.empty()) return problem;
    if (gpu.fp8_dense_tflops != 0.0) {
        if (std::string problem = outside(kFp8, gpu.fp8_dense_tflops); !problem.empty()) return problem;
        if (gpu.fp8_dense_tflops < gpu.bf16_dense_tflops) return std::string(kFp8.key) + " " + kFp8BelowBf16;
    }
    if (std::string problem = range_outside(kUnitPrice, gpu.unit_price_usd); !problem.empty()) return problem;
    if (std::string problem = range_outside(kMfuBf16, gpu.mfu_bf16); !problem.empty()) return problem;
    if (gpu.fp8_dense_tflops != 0.0) {
        if (std::string problem = range_outside(kMfuFp8, gpu.mfu_fp8); !problem.empty()) return problem;
    } else if (gpu.mfu_fp8.low != 0.0 || gpu.mfu_fp8.central != 0.0 || gpu.mfu_fp8.high != 0.0) {
        return std::string(kMfuFp8.key) + ": set on a chip without FP8";
    }
    return range_outside(kRental, gpu.rental_usd_per_gpu_hour);
}

bool load_gpu_catalog(const std::string& json_text, const std::string& file_name, GpuCatalog& catalog,
                      ContentErrors& errors) {
    const size_t errors_before = errors.size();
    json_fields::Context context{file_name, errors};
    nlohmann::json document = json_fields::parse_text(json_text, context);
    if (document.is_discarded()) return false;
    auto list = document.is_object() ? document.find("gpus") : document.end();
    if (!document.is_object() || list == document.end() || !list->is_array()) {
        context.fail("/gpus", "expected {\"gpus\": [ ... ]}");
        return false;
    }
    catalog.gpus.clear();
    for (size_t index = 0; index < list->size(); ++index) {
        GpuSpec gpu;
        std::string pointer = "/gpus/" + std::to_string(index);
        if (!read_gpu(context, (*list)[index], pointer, gpu)) continue;
        if (catalog.find(gpu.id)) {
            context.fail(pointer + "/id", "duplicate id \"" + gpu.id + "\"");
            continue;
        }
        catalog.gpus.push_back(std::move(gpu));
    }
    return errors.size() == errors_before;
}

} // namespace chips
