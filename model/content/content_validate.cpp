// model/content/content_validate.cpp — see content_validate.h. Index:
//   [SECTION] Id lists (presets.json, gpus.json)
//   [SECTION] Required string keys
//   [SECTION] Cross references from quotes
//   [SECTION] validate_all
#include "model/content/content_validate.h"

#include "model/content/calibration.h"
#include "model/content/claim_reason.h"

#include "model/content/content_json.h"
#include "model/content/currency.h"
#include "model/content/presets.h"
#include "model/content/tour.h"
#include "model/engine/estimate.h"
#include "model/engine/scenario.h"

#include <set>

namespace chips {

using content_json::child;
using content_json::Json;
using content_json::Reporter;

// ---------------------------------------------------------------------------------------------------------------------
// [SECTION] Id lists
// ---------------------------------------------------------------------------------------------------------------------
std::map<std::string, std::size_t> read_id_list(std::string_view json_text, const std::string& file_name,
                                                const char* list_key, ContentErrors& errors) {
    std::map<std::string, std::size_t> ids; // id → index in the list
    Json root;
    if (!content_json::parse(json_text, file_name, root, errors)) return ids;
    const Reporter report{file_name, errors};
    if (!report.expect_object(root, "")) return ids;
    const std::string list_pointer = child("", list_key);
    const auto list = root.find(list_key);
    if (list == root.end()) {
        report.error(list_pointer, "missing field");
        return ids;
    }
    if (!report.expect_array(*list, list_pointer)) return ids;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const std::string here = child(list_pointer, i);
        const Json& item = (*list)[i];
        if (!report.expect_object(item, here)) continue;
        std::string id;
        if (report.read_string(item, here, "id", id, /*required=*/true) && !ids.emplace(id, i).second)
            report.error(child(here, "id"), "duplicate id '" + id + "'");
        // Text shown in the UI: a plain string is a proper name ("NVIDIA H800 SXM5 80GB") and stays as is; an
        // object is a translation and must have all three languages.
        for (const char* field : {"name", "short_name", "label", "title", "description"}) {
            const auto text = item.find(field);
            if (text == item.end()) continue;
            if (text->is_string()) {
                report.expect_string(*text, child(here, field), /*allow_empty=*/false);
            } else {
                LocalizedText ignored;
                report.read_localized(item, here, field, ignored, /*required=*/false);
            }
        }
    }
    return ids;
}

// ---------------------------------------------------------------------------------------------------------------------
// [SECTION] Required string keys
// ---------------------------------------------------------------------------------------------------------------------
std::vector<std::string> required_string_keys() {
    std::vector<std::string> keys = {
        "app.title",
        "app.subtitle",
        "panel.scenario",
        "panel.results",
        "panel.quotes",
        "panel.charts",
        "panel.method",
        "verdict.consistent",
        "verdict.overstated",
        "verdict.understated",
        "verdict.not_checkable",
        "lang.en",
        "lang.zh-Hans",
        "lang.zh-Hant",
        "action.copy_quote",
        "action.show_translation",
        "action.hide_translation",
        "status.loading",
        "error.load_failed",
        "unit.days",
        "unit.months",
        "unit.gpu_hours",
    };
    // Every output and scenario key the model exposes (its tables implement docs/contract.md and may add more).
    std::size_t output_count = 0;
    const OutputInfo* outputs = estimate_outputs(output_count);
    for (std::size_t i = 0; i < output_count; ++i)
        keys.push_back(std::string("output.") + outputs[i].key);
    std::size_t key_count = 0;
    const ScenarioKeyInfo* scenario_key_table = scenario_keys(key_count);
    for (std::size_t i = 0; i < key_count; ++i) {
        keys.push_back(std::string("scenario.") + scenario_key_table[i].key + ".label");
        keys.push_back(std::string("scenario.") + scenario_key_table[i].key + ".help");
    }
    for (std::size_t i = 0; i < kQuoteTopicCount; ++i)
        keys.push_back(std::string("topic.") + kQuoteTopics[i]);
    // Reader journeys (docs/journeys.md): the tour overlay, downloads and the currency switch.
    for (const std::string& key : tour_string_keys())
        keys.push_back(key);
    for (const char* key : {"download.label", "download.scenario_json", "download.scenario_csv", "download.chart_csv",
                            "download.quotes_csv", "download.saved", "currency.label", "currency.usd", "currency.cny",
                            "currency.rate_note"})
        keys.push_back(key);
    // The fact-check ledger page (tools/render_ledger.cpp).
    for (const char* key : {"ledger.title", "ledger.intro", "ledger.counts", "ledger.claim", "ledger.verdict",
                            "ledger.reason", "ledger.numbers", "ledger.sources", "ledger.compared", "ledger.scenario",
                            "ledger.scenario_vs", "ledger.languages"})
        keys.push_back(key);
    // The reason line under every claim (model/content/claim_reason.h); per-quantity words are checked against the
    // claims.
    for (const std::string& key : claim_reason_string_keys())
        keys.push_back(key);
    return keys;
}

// ---------------------------------------------------------------------------------------------------------------------
// [SECTION] Cross references from quotes
// ---------------------------------------------------------------------------------------------------------------------
namespace {

void check_scenario_refs(const Reporter& report, const ScenarioRef& scenario, const std::string& pointer,
                         const std::map<std::string, std::size_t>& presets,
                         const std::map<std::string, std::size_t>& gpus, const std::string& presets_file,
                         const std::string& gpus_file) {
    if (!scenario.preset.empty() && presets.find(scenario.preset) == presets.end())
        report.error(child(pointer, "preset"),
                     "unknown preset id '" + scenario.preset + "' (not in " + presets_file + " /presets/*/id)");
    for (const auto& [key, value] : scenario.overrides)
        if (key == "gpu" && gpus.find(value) == gpus.end())
            report.error(child(child(pointer, "overrides"), "gpu"),
                         "unknown GPU id '" + value + "' (not in " + gpus_file + " /gpus/*/id)");
}

// Comparing the cost of two runs means nothing unless both are priced the same way: both at their chips' catalog
// rental ranges (usd_per_gpu_hour 0), or both at one stated price. Other ratios (GPU-hours, FLOP) need no price.
void check_price_basis(const Reporter& report, const QuoteClaim& claim, const Scenario& scenario,
                       const Scenario& reference, const std::string& pointer) {
    const OutputInfo* output = find_output(claim.quantity.c_str());
    if (output == nullptr || std::string(output->unit) != "USD") return;
    const bool same =
        scenario.usd_per_gpu_hour == reference.usd_per_gpu_hour &&
        (scenario.usd_per_gpu_hour == 0 || (scenario.usd_per_gpu_hour_low == reference.usd_per_gpu_hour_low &&
                                            scenario.usd_per_gpu_hour_high == reference.usd_per_gpu_hour_high));
    if (!same)
        report.error(child(pointer, "compare_to"),
                     "a cost ratio must price both runs on one basis: both at the catalog rental range "
                     "(usd_per_gpu_hour 0) or both at the same stated price");
}

// Claims that share a "comparison" id make the same comparison: same quantity, same runs, same overrides, so that
// they cannot reach different verdicts by construction.
void check_comparison_groups(const Reporter& report, const QuoteLibrary& library) {
    std::map<std::string, std::pair<const QuoteClaim*, std::string>> first; // id → first claim and its pointer
    for (const Quote& quote : library.quotes)
        for (std::size_t c = 0; c < quote.claims.size(); ++c) {
            const QuoteClaim& claim = quote.claims[c];
            if (claim.comparison.empty()) continue;
            const std::string here = child(child(child("/quotes", quote.position), "claims"), c);
            const auto [entry, inserted] = first.emplace(claim.comparison, std::make_pair(&claim, here));
            if (inserted) continue;
            const QuoteClaim& model = *entry->second.first;
            const auto same_ref = [](const ScenarioRef& a, const ScenarioRef& b) {
                return a.preset == b.preset && a.overrides == b.overrides;
            };
            if (claim.quantity != model.quantity || claim.has_compare_to != model.has_compare_to ||
                !same_ref(claim.scenario, model.scenario) || !same_ref(claim.compare_to, model.compare_to))
                report.error(child(here, "comparison"), "comparison '" + claim.comparison +
                                                            "' is checked differently from " + entry->second.second +
                                                            ": same quantity, scenario and compare_to required");
        }
}

// "content/quotes.json" → "content/"; the folder other file names are reported in.
std::string folder_of(const std::string& display_name) {
    const std::size_t slash = display_name.find_last_of('/');
    return slash == std::string::npos ? std::string() : display_name.substr(0, slash + 1);
}

std::string base_name(const std::string& display_name) {
    const std::size_t slash = display_name.find_last_of('/');
    return slash == std::string::npos ? display_name : display_name.substr(slash + 1);
}

} // namespace

// ---------------------------------------------------------------------------------------------------------------------
// [SECTION] validate_all
// ---------------------------------------------------------------------------------------------------------------------
ContentErrors validate_all(const std::map<std::string, std::string>& files, ContentSummary* summary) {
    ContentErrors errors;
    std::string folder = "content/";
    const std::string* quotes_text = nullptr;
    const std::string* strings_text = nullptr;
    const std::string* presets_text = nullptr;
    const std::string* gpus_text = nullptr;
    const std::string* tour_text = nullptr;        // optional: checked when present (docs/journeys.md)
    const std::string* currency_text = nullptr;    // optional: checked when present
    const std::string* calibration_text = nullptr; // optional: checked when present (docs/model.md §4)
    std::string quotes_file, strings_file, presets_file, gpus_file, tour_file, currency_file, calibration_file;
    for (const auto& [name, text] : files) {
        const std::string base = base_name(name);
        folder = folder_of(name);
        if (base == "quotes.json") {
            quotes_text = &text;
            quotes_file = name;
        } else if (base == "strings.json") {
            strings_text = &text;
            strings_file = name;
        } else if (base == "presets.json") {
            presets_text = &text;
            presets_file = name;
        } else if (base == "gpus.json") {
            gpus_text = &text;
            gpus_file = name;
        } else if (base == "tour.json") {
            tour_text = &text;
            tour_file = name;
        } else if (base == "currency.json") {
            currency_text = &text;
            currency_file = name;
        } else if (base == "calibration.json") {
            calibration_text = &text;
            calibration_file = name;
        } else {
            Json ignored;
            content_json::parse(text, name, ignored, errors); // unknown file: at least valid JSON
        }
    }
    auto require = [&](const std::string* text, std::string& file, const char* base, const char* why) {
        if (text) return true;
        file = folder + base;
        errors.push_back({file, "", std::string("missing file (") + why + ")"});
        return false;
    };
    const bool have_presets = require(presets_text, presets_file, "presets.json", "needed to check preset ids");
    const bool have_gpus = require(gpus_text, gpus_file, "gpus.json", "needed to check GPU ids");
    const bool have_quotes = require(quotes_text, quotes_file, "quotes.json", "the claims the app checks");
    const bool have_strings = require(strings_text, strings_file, "strings.json", "every user-visible string");

    std::map<std::string, std::size_t> presets, gpus;
    if (have_presets) presets = read_id_list(*presets_text, presets_file, "presets", errors);
    if (have_gpus) gpus = read_id_list(*gpus_text, gpus_file, "gpus", errors);

    QuoteLibrary library;
    if (have_quotes) {
        load_quotes(*quotes_text, quotes_file, library, errors);
        // Without the id lists every reference would look unknown; the missing file is already reported.
        if (have_presets && have_gpus) {
            const Reporter report{quotes_file, errors};
            for (const Quote& quote : library.quotes) {
                for (std::size_t c = 0; c < quote.claims.size(); ++c) {
                    const QuoteClaim& claim = quote.claims[c];
                    const std::string here = child(child(child("/quotes", quote.position), "claims"), c);
                    if (claim.has_scenario)
                        check_scenario_refs(report, claim.scenario, child(here, "scenario"), presets, gpus,
                                            presets_file, gpus_file);
                    if (claim.has_compare_to)
                        check_scenario_refs(report, claim.compare_to, child(here, "compare_to"), presets, gpus,
                                            presets_file, gpus_file);
                }
            }
        }
        check_comparison_groups(Reporter{quotes_file, errors}, library);
    }

    // Deep check of every claim scenario with the model's own codec (cross-key rules such as experts_active <=
    // experts_total, or fp8 on a GPU without FP8). Only when the model can load gpus.json and presets.json cleanly:
    // their schema is the model loaders' business, and id-only fixtures must not fail here.
    if (have_quotes && have_presets && have_gpus) {
        ContentErrors model_errors;
        GpuCatalog catalog;
        PresetCatalog preset_catalog;
        if (load_gpu_catalog(*gpus_text, gpus_file, catalog, model_errors) &&
            load_presets(*presets_text, presets_file, catalog, preset_catalog, model_errors)) {
            const Reporter report{quotes_file, errors};
            for (const Quote& quote : library.quotes) {
                for (std::size_t c = 0; c < quote.claims.size(); ++c) {
                    const QuoteClaim& claim = quote.claims[c];
                    const std::string here = child(child(child("/quotes", quote.position), "claims"), c);
                    const std::pair<bool, const ScenarioRef*> scenarios[] = {{claim.has_scenario, &claim.scenario},
                                                                             {claim.has_compare_to, &claim.compare_to}};
                    Scenario built[2];
                    bool built_ok[2] = {false, false};
                    for (int which = 0; which < 2; ++which) {
                        const auto& [present, scenario] = scenarios[which];
                        if (!present || !preset_catalog.find(scenario->preset)) continue; // unknown id: reported
                        Json overrides = Json::object();
                        for (const auto& [key, value] : scenario->overrides)
                            overrides[key] = value;
                        built_ok[which] =
                            build_scenario(preset_catalog, scenario->preset, overrides, catalog, quotes_file,
                                           child(child(here, which == 0 ? "scenario" : "compare_to"), "overrides"),
                                           built[which], errors);
                    }
                    if (built_ok[0] && built_ok[1]) check_price_basis(report, claim, built[0], built[1], here);
                }
            }
        }
    }

    // Guided tour: schema, then references into presets.json and quotes.json, then each step's scenario built with
    // the model's codec when the model can load the catalogs (same rule as for claims above).
    if (tour_text) {
        Tour tour;
        load_tour(*tour_text, tour_file, tour, errors);
        if (have_presets && have_quotes) {
            ContentErrors model_errors;
            GpuCatalog catalog;
            PresetCatalog preset_catalog;
            const bool model_loaded = have_gpus && load_gpu_catalog(*gpus_text, gpus_file, catalog, model_errors) &&
                                      load_presets(*presets_text, presets_file, catalog, preset_catalog, model_errors);
            check_tour_references(tour, tour_file, presets, library, model_loaded ? &preset_catalog : nullptr,
                                  model_loaded ? &catalog : nullptr, errors);
        }
    }
    if (currency_text) {
        CurrencyRate rate;
        load_currency(*currency_text, currency_file, rate, errors);
    }
    if (calibration_text) {
        CalibrationTable table;
        if (load_calibration(*calibration_text, calibration_file, table, errors) && have_gpus) {
            const Reporter report{calibration_file, errors};
            for (std::size_t i = 0; i < table.runs.size(); ++i)
                if (gpus.find(table.runs[i].gpu) == gpus.end())
                    report.error(child(child("/runs", i), "gpu"),
                                 "unknown GPU id '" + table.runs[i].gpu + "' (not in " + gpus_file + " /gpus/*/id)");
        }
    }

    StringTable strings;
    if (have_strings) {
        load_strings(*strings_text, strings_file, strings, errors);
        const Reporter report{strings_file, errors};
        for (const std::string& key : required_string_keys())
            if (!strings.has(key)) report.error(child("/strings", key), "missing string (the app needs this key)");
        // The reason line names each quantity a claim checks in words ("training cost"), never by its key.
        std::set<std::string> quantities;
        for (const Quote& quote : library.quotes)
            for (const QuoteClaim& claim : quote.claims)
                if (claim.checkable() && !claim.against_published()) quantities.insert(claim.quantity);
        for (const std::string& quantity : quantities)
            if (!strings.has("reason.what." + quantity))
                report.error(child("/strings", "reason.what." + quantity),
                             "missing string (the reason line of claims checking " + quantity + " needs it)");
    }

    if (summary) {
        summary->articles = library.articles.size();
        summary->quotes = library.quotes.size();
        summary->claims = library.claim_count();
        summary->checkable_claims = 0;
        for (const Quote& quote : library.quotes)
            for (const QuoteClaim& claim : quote.claims)
                summary->checkable_claims += claim.checkable() ? 1 : 0;
        summary->strings = strings.size();
        summary->presets = presets.size();
        summary->gpus = gpus.size();
    }
    return errors;
}

} // namespace chips
