// model/core/types.h — the value types every layer shares: where a number comes from (SourceRef), text in the three
// languages (LocalizedText), one accelerator (GpuSpec) and the catalog of them (GpuCatalog). No loaders here: the
// engine includes this, not model/content/.
//
// Index
// - [SECTION] SourceRef: where a number comes from
// - [SECTION] LocalizedText
// - [SECTION] GpuSpec: one accelerator
// - [SECTION] GpuCatalog
//
// All compute figures are DENSE tensor throughput. NVIDIA and AMD headline tables print 2:4-sparsity figures
// (marked "*"), which are exactly 2x dense; the loader cannot detect that, so the content file says "dense" in
// every field name and docs/model.md explains the trap.
#pragma once
#include "model/core/range.h"
#include <string>
#include <vector>

namespace chips {

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] SourceRef
//-----------------------------------------------------------------------------------------------------------------

struct SourceRef {
    std::string title;     // "DeepSeek-V3 Technical Report"
    std::string publisher; // "DeepSeek-AI (arXiv 2412.19437)"
    std::string date;      // ISO date or year-month of the cited version, "2025-02-18"
    std::string locator;   // section/table/page inside the source, "Table 1"
    std::string url;       // may be empty for print sources
};

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] LocalizedText
//-----------------------------------------------------------------------------------------------------------------

struct LocalizedText {
    std::string en;      // English
    std::string zh_hans; // Simplified Chinese ("zh-Hans" in JSON)
    std::string zh_hant; // Traditional Chinese ("zh-Hant" in JSON)
};

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] GpuSpec
//-----------------------------------------------------------------------------------------------------------------

struct GpuSpec {
    std::string id;                 // catalog key used by scenarios, "h800"
    std::string name;               // display name, "NVIDIA H800 SXM5 80GB"
    std::string short_name;         // in running text, "H800" (the id when the file gives none)
    double bf16_dense_tflops = 0.0; // dense BF16 tensor TFLOP/s (FP16 on chips without BF16), > 0
    double fp8_dense_tflops = 0.0;  // dense FP8 tensor TFLOP/s, 0 = chip has no FP8 tensor cores
    bool has_bf16 = true;           // false: no BF16 (V100, RTX 2080 Ti); bf16_dense_tflops is then the FP16 rate
    double memory_gb = 0.0;         // device memory, GB (1e9 bytes), > 0
    double memory_tbps = 0.0;       // device memory bandwidth, TB/s (1e12 bytes/s), > 0
    double scale_up_gbps = 0.0;     // datasheet scale-up link (NVLink/IF/HCCS), GB/s, bidirectional aggregate
    int scale_up_domain_gpus = 8;   // GPUs sharing one scale-up fabric (8 in an HGX node, 72 in an NVL72 rack)
    double scale_out_gbps = 0.0;    // scale-out NIC per GPU (InfiniBand/RoCE/Ethernet), GB/s per direction
    double tdp_w = 0.0;             // board power at full load, W
    Range unit_price_usd;           // purchase price of one GPU (not the server around it), USD
    Range rental_usd_per_gpu_hour;  // cloud/market rental price, USD per GPU-hour
    // Default training efficiency on this chip when a scenario states none (mfu = 0): steady-state model-FLOPs
    // utilization on the 6·N·D basis, as a fraction of the dense peak of the precision. Set from published MFU
    // figures of runs that are not in the calibration table (docs/model.md §4); fp8 is all zero without FP8.
    Range mfu_bf16;                 // 16-bit (BF16, or FP16 where there is no BF16)
    Range mfu_fp8;                  // FP8, of the FP8 peak
    std::string confidence;         // "high", "medium", "low" (+ a short why), shown next to the numbers
    std::string notes;              // conflicts, sparse-vs-dense remarks, what the price covers
    std::vector<SourceRef> sources; // at least one; primary datasheet first

    bool has_fp8() const { return fp8_dense_tflops > 0.0; }
    const Range& default_mfu(bool fp8) const { return fp8 ? mfu_fp8 : mfu_bf16; }
};

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] GpuCatalog
//-----------------------------------------------------------------------------------------------------------------

struct GpuCatalog {
    std::vector<GpuSpec> gpus; // file order

    const GpuSpec* find(const std::string& id) const; // nullptr when unknown
    std::string id_list() const;                      // "h800, h100, ..." for error messages
};

} // namespace chips
