// model/content/presets.h — named scenarios from content/presets.json ("deepseek-v3", "h100-50k-claim", ...), each with
// trilingual name and notes and the sources its numbers come from.
#pragma once
#include "model/content/gpu_catalog.h"
#include "model/core/content_error.h"
#include "model/engine/scenario.h"
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

namespace chips {

struct Preset {
    std::string id;                 // "deepseek-v3"
    LocalizedText name;             // display name
    LocalizedText short_name;       // in running text ("GPT-4 (estimate)"); the name when the file gives none
    Scenario scenario;              // Scenario{} (DeepSeek-V3 defaults) with the preset's keys applied
    std::vector<SourceRef> sources; // where the preset's numbers come from, at least one
    LocalizedText notes;            // assumptions and caveats, one short paragraph per language
};

struct PresetCatalog {
    std::vector<Preset> presets; // file order

    const Preset* find(const std::string& id) const; // nullptr when unknown
    std::string id_list() const;                     // "deepseek-v3, llama3.1-405b, ..." for messages
};

// Parses the text of content/presets.json ({"presets":[...]}). Scenario keys are checked with the same codec as
// --set (unknown key, wrong type, out of range, fp8 on a GPU without it), with JSON pointers into the file.
bool load_presets(const std::string& json_text, const std::string& file_name, const GpuCatalog& catalog,
                  PresetCatalog& presets, ContentErrors& errors);

// The scenario of a claim or permalink: preset `preset_id` with `overrides` (a JSON object of scenario keys,
// may be null/empty) applied. Errors name `source` and `pointer_prefix` + key.
bool build_scenario(const PresetCatalog& presets, const std::string& preset_id, const nlohmann::json& overrides,
                    const GpuCatalog& catalog, const std::string& source, const std::string& pointer_prefix,
                    Scenario& out, ContentErrors& errors);

} // namespace chips
