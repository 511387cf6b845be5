// model/gpu_catalog.cpp — loader for content/gpus.json. See gpu_catalog.h.
#include "model/gpu_catalog.h"
#include "model/scenario_json_fields.h"

namespace chips {

const GpuSpec* GpuCatalog::find(const std::string& id) const {
    for (const GpuSpec& gpu : gpus)
        if (gpu.id == id) return &gpu;
    return nullptr;
}

std::string GpuCatalog::id_list() const {
    std::string list;
    for (const GpuSpec& gpu : gpus)
        list += (list.empty() ? "" : ", ") + gpu.id;
    return list;
}

// Limits are sanity bounds, far outside any real accelerator, that catch unit slips (TFLOPS typed as FLOPS,
// MB typed as GB, a sparse figure where the dense one belongs is caught only by review: see docs/model.md).
static bool read_gpu(const json_fields::Context& context, const nlohmann::json& entry, const std::string& pointer,
                     GpuSpec& gpu) {
    using namespace json_fields;
    if (!entry.is_object()) {
        context.fail(pointer, "expected an object");
        return false;
    }
    bool ok = read_string(context, entry, pointer, "id", gpu.id);
    ok = read_string(context, entry, pointer, "name", gpu.name) && ok;
    ok = read_number(context, entry, pointer, "bf16_dense_tflops", 1, 100000, gpu.bf16_dense_tflops) && ok;
    // FP8 is either absent (null) or a positive dense figure.
    auto fp8 = entry.find("fp8_dense_tflops");
    if (fp8 == entry.end() || fp8->is_null())
        gpu.fp8_dense_tflops = 0.0;
    else
        ok = read_number(context, entry, pointer, "fp8_dense_tflops", 1, 200000, gpu.fp8_dense_tflops) && ok;
    ok = read_number(context, entry, pointer, "memory_gb", 1, 10000, gpu.memory_gb) && ok;
    ok = read_number(context, entry, pointer, "memory_tbps", 0.01, 1000, gpu.memory_tbps) && ok;
    ok = read_number(context, entry, pointer, "scale_up_gbps", 0.1, 100000, gpu.scale_up_gbps) && ok;
    double domain = 0;
    if (read_number(context, entry, pointer, "scale_up_domain_gpus", 1, 100000, domain)) {
        if (domain != static_cast<int>(domain)) {
            context.fail(child(pointer, "scale_up_domain_gpus"), "expected a whole number of GPUs");
            ok = false;
        }
        gpu.scale_up_domain_gpus = static_cast<int>(domain);
    } else {
        ok = false;
    }
    ok = read_number(context, entry, pointer, "scale_out_gbps", 0.01, 10000, gpu.scale_out_gbps) && ok;
    ok = read_number(context, entry, pointer, "tdp_w", 1, 10000, gpu.tdp_w) && ok;
    ok = read_range(context, entry, pointer, "unit_price_usd", 1, 10e6, gpu.unit_price_usd) && ok;
    ok = read_range(context, entry, pointer, "rental_usd_per_gpu_hour", 0.001, 1000, gpu.rental_usd_per_gpu_hour) && ok;
    ok = read_string(context, entry, pointer, "confidence", gpu.confidence) && ok;
    ok = read_string(context, entry, pointer, "notes", gpu.notes, false) && ok;
    ok = read_sources(context, entry, pointer, gpu.sources) && ok;
    if (ok && gpu.fp8_dense_tflops > 0 && gpu.fp8_dense_tflops < gpu.bf16_dense_tflops) {
        context.fail(child(pointer, "fp8_dense_tflops"), "is below bf16_dense_tflops; FP8 is never slower");
        ok = false;
    }
    return ok;
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
