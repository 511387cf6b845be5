// tools/estimate.cpp — command-line front end of the estimation engine (run it through scripts/estimate).
//
//   estimate [--preset ID] [--set key=value]... [--json] [--content DIR]
//   estimate --list-presets | --list-gpus | --list-keys | --help
//
// Exit codes: 0 ok; 1 content files unreadable or invalid; 2 bad command line (unknown flag or key, malformed or
// out-of-range value), always with one line on stderr naming the key and the allowed range.
#include "model/engine/estimate.h"
#include "model/content/gpu_catalog.h"
#include "model/content/presets.h"
#include "model/content/scenario_json.h"
#include "model/engine/claim_check.h"
#include "model/engine/scenario.h"
#include "model/output/estimate_json.h"
#include "native/file_io.h"
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#ifndef CHIPS_CONTENT_DIR
#define CHIPS_CONTENT_DIR "content"
#endif

namespace {

using namespace chips;

struct Options {
    std::string content_dir = CHIPS_CONTENT_DIR;                // where gpus.json and presets.json live
    std::string preset_id = "deepseek-v3";                      // starting scenario
    std::vector<std::pair<std::string, std::string>> overrides; // --set key=value, in order
    bool json = false;                                          // machine-readable output
    enum class Listing { none, presets, gpus, keys } listing = Listing::none;
};

const char* usage_text = "usage: estimate [--preset ID] [--set key=value]... [--json] [--content DIR]\n"
                         "       estimate --list-presets | --list-gpus | --list-keys | --help\n"
                         "Prints every output as low / central / high. Default preset: deepseek-v3.\n"
                         "Numbers accept 2048, 14.8e12, 14.8T (k M B T suffixes) and 35% for fractions.\n";

int usage_error(const std::string& message) {
    std::cerr << "estimate: " << message << "\n";
    return 2;
}

// Returns 0 to continue, or the exit code.
int parse_arguments(int argc, char** argv, Options& options) {
    for (int index = 1; index < argc; ++index) {
        const std::string argument = argv[index];
        auto next_value = [&](std::string& out) {
            if (index + 1 >= argc) return false;
            out = argv[++index];
            return true;
        };
        if (argument == "--json")
            options.json = true;
        else if (argument == "--list-presets")
            options.listing = Options::Listing::presets;
        else if (argument == "--list-gpus")
            options.listing = Options::Listing::gpus;
        else if (argument == "--list-keys")
            options.listing = Options::Listing::keys;
        else if (argument == "--help" || argument == "-h") {
            std::cout << usage_text;
            return -1;
        } else if (argument == "--preset") {
            if (!next_value(options.preset_id)) return usage_error("--preset needs a preset id (see --list-presets)");
        } else if (argument == "--content") {
            if (!next_value(options.content_dir)) return usage_error("--content needs a directory");
        } else if (argument == "--set") {
            std::string assignment;
            if (!next_value(assignment)) return usage_error("--set needs key=value (see --list-keys)");
            const size_t equals = assignment.find('=');
            if (equals == std::string::npos || equals == 0)
                return usage_error("--set " + chips::quote_for_message(assignment) +
                                   ": expected key=value (see --list-keys)");
            options.overrides.emplace_back(assignment.substr(0, equals), assignment.substr(equals + 1));
        } else {
            return usage_error("unknown argument " + chips::quote_for_message(argument) + "; try --help");
        }
    }
    return 0;
}

bool load_content(const Options& options, GpuCatalog& catalog, PresetCatalog& presets) {
    ContentErrors errors;
    std::string gpus_text, presets_text;
    const std::string gpus_path = options.content_dir + "/gpus.json";
    const std::string presets_path = options.content_dir + "/presets.json";
    if (!chips::read_file(gpus_path, gpus_text))
        errors.push_back({gpus_path, "", "cannot read file"});
    else
        load_gpu_catalog(gpus_text, "content/gpus.json", catalog, errors);
    if (!chips::read_file(presets_path, presets_text))
        errors.push_back({presets_path, "", "cannot read file"});
    else if (errors.empty())
        load_presets(presets_text, "content/presets.json", catalog, presets, errors);
    for (const ContentError& error : errors)
        std::cerr << "estimate: " << error.to_string() << "\n";
    return errors.empty();
}

std::string number_text(double value) {
    char text[40];
    std::snprintf(text, sizeof text, "%.6g", value);
    return text;
}

void print_listing(const Options& options, const GpuCatalog& catalog, const PresetCatalog& presets) {
    if (options.listing == Options::Listing::presets) {
        for (const Preset& preset : presets.presets)
            std::cout << preset.id << "\t" << preset.name.en << "\n";
    } else if (options.listing == Options::Listing::gpus) {
        std::printf("%-12s %10s %10s %8s %8s %9s %9s %7s  %s\n", "id", "bf16_TF", "fp8_TF", "mem_GB", "mem_TB/s",
                    "up_GB/s", "out_GB/s", "TDP_W", "name");
        for (const GpuSpec& gpu : catalog.gpus)
            std::printf("%-12s %10.1f %10s %8.0f %8.3g %9.0f %9.3g %7.0f  %s\n", gpu.id.c_str(), gpu.bf16_dense_tflops,
                        gpu.has_fp8() ? number_text(gpu.fp8_dense_tflops).c_str() : "-", gpu.memory_gb, gpu.memory_tbps,
                        gpu.scale_up_gbps, gpu.scale_out_gbps, gpu.tdp_w, gpu.name.c_str());
    } else {
        size_t count = 0;
        const ScenarioKeyInfo* keys = scenario_keys(count);
        for (size_t index = 0; index < count; ++index) {
            const ScenarioKeyInfo& info = keys[index];
            std::string range = info.kind == KeyKind::gpu_id ? catalog.id_list()
                                : info.kind == KeyKind::precision
                                    ? "bf16, fp8"
                                    : number_text(info.min) + " to " + number_text(info.max);
            std::printf("%-22s %-14s %-28s %s\n", info.key, info.unit, range.c_str(), info.doc);
        }
    }
}

void print_table(const std::string& preset_id, const Scenario& scenario, const GpuSpec& gpu, const Estimate& result) {
    std::printf("Scenario: preset %s on %s (%s)\n\nInputs\n", preset_id.c_str(), gpu.name.c_str(),
                gpu.confidence.c_str());
    size_t key_count = 0;
    const ScenarioKeyInfo* keys = scenario_keys(key_count);
    for (size_t index = 0; index < key_count; ++index) {
        const ScenarioKeyInfo& info = keys[index];
        std::string value = info.field ? format_quantity(scenario.*info.field) : scenario_value_text(scenario, info);
        std::printf("  %-26s %12s  %s\n", info.key, value.c_str(), info.unit);
    }
    std::printf("\nOutputs%*s%12s %12s %12s  %s\n", 33, "", "low", "central", "high", "unit");
    size_t output_count = 0;
    const OutputInfo* infos = estimate_outputs(output_count);
    for (size_t index = 0; index < output_count; ++index) {
        const Range& range = result.*(infos[index].field);
        std::printf("  %-38s %12s %12s %12s  %s\n", infos[index].key, format_quantity(range.low).c_str(),
                    format_quantity(range.central).c_str(), format_quantity(range.high).c_str(), infos[index].unit);
    }
    const EstimateNotes notes = estimate_notes(scenario, result);
    std::printf("\nNotes\n  precision rate used: %s%s\n  efficiency: %s\n  price: %s\n  scaling limited by: %s\n",
                notes.precision_rate_used,
                result.fp16_instead_of_bf16 ? " (this GPU has no BF16: its FP16 rate stands in for bf16)" : "",
                notes.mfu_source, notes.price_source, scaling_limit_name(result.scaling_limited_by));
}

} // namespace

int main(int argc, char** argv) {
    Options options;
    if (int code = parse_arguments(argc, argv, options)) return code < 0 ? 0 : code;

    GpuCatalog catalog;
    PresetCatalog presets;
    if (!load_content(options, catalog, presets)) return 1;
    if (options.listing != Options::Listing::none) {
        print_listing(options, catalog, presets);
        return 0;
    }

    const Preset* preset = presets.find(options.preset_id);
    if (preset == nullptr)
        return usage_error("--preset: unknown preset " + chips::quote_for_message(options.preset_id) +
                           "; allowed: " + presets.id_list());
    Scenario scenario = preset->scenario;
    // The GPU first: moving to another chip resets a preset's price to that chip's catalog range
    // (set_scenario_gpu), and a price given on the same command line must win over that.
    std::stable_partition(options.overrides.begin(), options.overrides.end(),
                          [](const std::pair<std::string, std::string>& entry) { return entry.first == "gpu"; });
    for (const auto& [key, value] : options.overrides)
        if (auto error = apply_scenario_value(scenario, key, value, "--set", catalog))
            return usage_error(error->to_string());
    if (auto error = validate_scenario(scenario, catalog, "--set")) return usage_error(error->to_string());

    const GpuSpec& gpu = *catalog.find(scenario.gpu);
    const Estimate result = estimate(scenario, gpu);
    if (result.status != EstimateStatus::ok) return usage_error(status_message(result.status));
    if (options.json)
        std::cout << estimate_to_json(preset->id, scenario, gpu, result).dump(2) << "\n";
    else
        print_table(preset->id, scenario, gpu, result);
    return 0;
}
