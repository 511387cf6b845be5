// model/content/gpu_catalog.h — accelerator specs read from content/gpus.json.
//
// The types (SourceRef, GpuSpec, GpuCatalog) live in model/core/types.h, so the engine needs no loader header.
//
// All compute figures are DENSE tensor throughput. NVIDIA and AMD headline tables print 2:4-sparsity figures
// (marked "*"), which are exactly 2x dense; the loader cannot detect that, so the content file says "dense" in
// every field name and docs/model.md explains the trap.
#pragma once
#include "model/core/content_error.h"
#include "model/core/types.h"
#include <string>
#include <vector>

namespace chips {

// The loader's numeric checks on a spec that did not come from JSON (the content snapshot): every figure inside its
// sanity bounds, price ranges ordered, FP8 absent (0) or not below BF16. "" when fine, else "<field>: <problem>".
std::string check_gpu_spec(const GpuSpec& gpu);

// Parses the text of content/gpus.json ({"gpus":[...]}) into `catalog`. Every problem is appended to `errors`
// with `file_name` and a JSON pointer; returns true when no error was added. Entries with errors are skipped.
bool load_gpu_catalog(const std::string& json_text, const std::string& file_name, GpuCatalog& catalog,
                      ContentErrors& errors);

} // namespace chips
