// model/content/content_bundle.h — every content file as model types, in one value: what the app needs to start.
//
// Two ways in, same result:
//   - load_content_bundle: the JSON texts of content/*.json, parsed and checked file by file (tools, native tests);
//   - read_content_snapshot (model/content/content_snapshot.h): the same bundle stored in binary by the build, which
//   the web
//     app reads at start instead of parsing ~200 KB of JSON (docs/quality.md, "Findings").
#pragma once
#include "model/content/currency.h"
#include "model/content/gpu_catalog.h"
#include "model/content/presets.h"
#include "model/content/quotes.h"
#include "model/content/strings.h"
#include "model/content/tour.h"
#include "model/core/content_error.h"

#include <map>
#include <string>

namespace chips {

// Content files by name ("gpus.json" or "content/gpus.json" → its JSON text).
using ContentTexts = std::map<std::string, std::string>;

struct ContentBundle {
    StringTable strings;   // content/strings.json
    GpuCatalog gpus;       // content/gpus.json
    PresetCatalog presets; // content/presets.json (scenarios resolved against `gpus`)
    QuoteLibrary quotes;   // content/quotes.json
    Tour tour;             // content/tour.json; no steps when the file is absent or broken (then there is no tour)
    CurrencyRate rate;     // content/currency.json; cny_per_usd == 0 when absent or broken (CNY then shows "—")
};

// Parses the six files with their loaders (each reports its own schema errors with file name + JSON pointer).
// gpus.json, presets.json, quotes.json and strings.json are required ("missing file" otherwise); tour.json and
// currency.json are optional, and a broken one is reported and then left empty. Cross-file checks are
// validate_all's (model/content/content_validate.h). Returns true when no error was added.
bool load_content_bundle(const ContentTexts& texts, ContentBundle& bundle_out, ContentErrors& errors);

} // namespace chips
