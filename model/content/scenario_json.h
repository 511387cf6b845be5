// model/content/scenario_json.h — a Scenario as a JSON object {"chips": 2048, "gpu": "h800", ...}: the shape used
// inside content/presets.json, by the JS bridge (setState/getState) and by `scripts/estimate --json` ("inputs").
#pragma once
#include "model/content/gpu_catalog.h"
#include "model/core/content_error.h"
#include "model/engine/scenario.h"
#include <nlohmann/json.hpp>
#include <string>

namespace chips {

// Every key of the key table, numbers as JSON numbers, gpu/precision as strings.
nlohmann::json scenario_to_json(const Scenario& scenario);

// Applies the members of `object` on top of `scenario` (keys absent from the object keep their value), then runs
// validate_scenario. Numbers may be JSON numbers or strings in the --set syntax ("14.8T"). Unknown keys, wrong
// types, out-of-range or non-finite values each add one error; the pointer is `pointer_prefix + "/" + key` when
// a prefix is given (content files) or the bare key (setState, url). Returns true when no error was added.
// Central keys are applied before their _low/_high companions whatever the object order (see apply_scenario_value).
bool scenario_from_json(const nlohmann::json& object, Scenario& scenario, const std::string& source,
                        const std::string& pointer_prefix, const GpuCatalog& catalog, ContentErrors& errors);

// Same from JSON text (the setState payload); malformed JSON is one error.
bool scenario_from_json_text(const std::string& json_text, Scenario& scenario, const std::string& source,
                             const GpuCatalog& catalog, ContentErrors& errors);

} // namespace chips
