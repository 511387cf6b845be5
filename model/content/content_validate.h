// model/content/content_validate.h — validates all of content/ together: each file's schema plus the references between
// files (preset and GPU ids used by quotes, strings the UI needs for every contract key). Used by
// tools/validate_content (which fails the build) and by the tests; the wasm app can call it on its embedded copy.
#pragma once
#include "model/content/quotes.h"
#include "model/content/strings.h"
#include "model/core/content_error.h"

#include <cstddef>
#include <map>
#include <string>

namespace chips {

// Counts for the one-line summary printed when content is valid.
struct ContentSummary {
    std::size_t articles = 0;         // entries in quotes.json /articles
    std::size_t quotes = 0;           // entries in quotes.json /quotes
    std::size_t claims = 0;           // claims over all quotes
    std::size_t checkable_claims = 0; // claims whose quantity is an output key
    std::size_t strings = 0;          // keys in strings.json /strings
    std::size_t presets = 0;          // entries in presets.json /presets
    std::size_t gpus = 0;             // entries in gpus.json /gpus
};

// `files` maps display name → JSON text, e.g. {"content/quotes.json": "...", "content/presets.json": "..."}.
// Files are recognised by their base name (quotes.json, strings.json, presets.json, gpus.json); each of the four
// is required, and a missing one is reported as "<dir>/presets.json: missing file (...)". tour.json and
// currency.json (docs/journeys.md) are optional and fully checked when present (tour steps against presets and
// quotes); calibration.json (docs/model.md §4) likewise. Other *.json files are only checked for JSON syntax. Returns
// every error found (empty = valid); fills `summary` if given.
ContentErrors validate_all(const std::map<std::string, std::string>& files, ContentSummary* summary = nullptr);

// Ids declared in presets.json (/presets/*/id) or gpus.json (/gpus/*/id), with schema errors for the list itself
// (not an array, missing or duplicate id, empty name, a translated name/label/title/description object missing a
// language; a plain-string name is a proper name and needs no translation). `list_key` is "presets" or "gpus".
std::map<std::string, std::size_t> read_id_list(std::string_view json_text, const std::string& file_name,
                                                const char* list_key, ContentErrors& errors);

// String keys the app needs for every contract name; validate_all reports any that strings.json lacks.
std::vector<std::string> required_string_keys();

} // namespace chips
