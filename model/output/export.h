// model/output/export.h — the contents of every download: the scenario and its results (JSON, CSV), the data behind
// each chart (CSV), and all quotes with their claims and verdicts under the reader's assumptions (CSV). Platform-free:
// the UI passes DownloadFile to PlatformHooks::download_file, which saves a real file in the browser.
//
// Index
// - [SECTION] Common: DownloadFile, ExportContext, CSV helpers
// - [SECTION] Scenario and results (JSON, CSV)
// - [SECTION] Chart data (CSV)
// - [SECTION] Quotes, claims, verdicts (CSV)
//
// Every file carries the page version (model/core/version.h), the export date the caller passes (ISO, from the browser
// clock — model/ reads no clock so tests are deterministic) and its sources. Numbers stay in the model's units
// (SI and USD, full precision, '.' decimal point, no grouping) whatever the reader's language or currency:
// downloads are data, not display text. Column lists: docs/journeys.md "Downloads".
//
// CSV: RFC 4180 (CRLF line ends; a field is quoted when it holds a comma, quote, CR or LF; quotes doubled), UTF-8
// with a byte-order mark. The BOM is there for Excel: without it Excel on Windows opens a .csv in the system code
// page (GBK, Big5, cp1252) and the Chinese quotes turn into mojibake; LibreOffice, pandas (encoding "utf-8-sig")
// and R read it fine. JSON has no BOM (RFC 8259 §8.1 forbids adding one).
#pragma once
#include "model/content/gpu_catalog.h"
#include "model/content/presets.h"
#include "model/content/quote_check.h"
#include "model/content/quotes.h"
#include "model/engine/chart_data.h"
#include "model/engine/scenario.h"

#include <string>
#include <string_view>
#include <vector>

namespace chips {

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] Common
//-----------------------------------------------------------------------------------------------------------------

inline constexpr const char* kUtf8Bom = "\xEF\xBB\xBF";

struct DownloadFile {
    std::string file_name; // "chips-and-claims_scenario_deepseek-v3_2025-02-01.csv": ASCII, no spaces
    std::string mime_type; // "text/csv;charset=utf-8" or "application/json"
    std::string content;   // the bytes to save (CSV starts with kUtf8Bom)
};

struct ExportContext {
    std::string date;      // export date, ISO "YYYY-MM-DD", from the caller's clock; "" writes "unknown"
    std::string page_url;  // permalink of the exported view (may be empty; written into JSON and the file notes)
    std::string preset_id; // preset the scenario started from ("deepseek-v3"); "" when none applies
};

// One RFC 4180 field: quoted when it contains ',', '"', CR or LF (quotes doubled), else as is.
std::string csv_field(std::string_view text);
// Fields joined with ',' and terminated with CRLF.
std::string csv_row(const std::vector<std::string>& fields);
// Shortest text that reads back to the same double ("5576000", "0.17", "3.3264e+24"); "" for NaN/inf (an empty
// cell, never "nan").
std::string csv_number(double value);
// "Title — publisher, date, locator, url" (empty parts left out); several joined with " | ".
std::string source_citation(const SourceRef& source);
std::string source_citations(const std::vector<SourceRef>& sources);

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] Scenario and results
//-----------------------------------------------------------------------------------------------------------------

// Sources of a scenario: its preset's, then its GPU's (duplicates removed).
std::vector<SourceRef> scenario_sources(const Scenario& scenario, const std::string& preset_id,
                                        const PresetCatalog& presets, const GpuCatalog& catalog);

// {"page": {"name", "version", "exported_on", "url"}, "sources": [{title, publisher, date, locator, url}],
//  + every member of estimate_to_json (preset, status, gpu, inputs, outputs)}. False when the scenario's GPU is
// not in the catalog (file_out untouched).
bool export_scenario_json(const ExportContext& context, const Scenario& scenario, const PresetCatalog& presets,
                          const GpuCatalog& catalog, DownloadFile& file_out);

// Columns: section (input|output), key, value (input value or output central), low, high (outputs), unit,
// preset, page_version, exported_on, sources. One row per scenario key, then one per output.
bool export_scenario_csv(const ExportContext& context, const Scenario& scenario, const PresetCatalog& presets,
                         const GpuCatalog& catalog, DownloadFile& file_out);

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] Chart data
//-----------------------------------------------------------------------------------------------------------------

enum class ChartKind {
    chips_sweep,   // "chart-chips": gpu, chips, days_low/central/high, cost_usd_low/central/high
    experts_sweep, // "chart-experts": experts_active, active_params, days_*, cost_usd_*
    gpu_times,     // "chart-gpus": gpu, gpu_name, precision, current, days_*, cost_usd_*
};

const char* chart_kind_name(ChartKind kind); // "chart-chips", "chart-experts", "chart-gpus" (file name part)

// The CSV of one chart; every row ends with page_version, exported_on, sources (the series GPU's sources).
DownloadFile export_chart_csv(const ExportContext& context, ChartKind kind, const ChartData& data,
                              const GpuCatalog& catalog);

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] Quotes, claims, verdicts
//-----------------------------------------------------------------------------------------------------------------

// One row per claim, in file order: quote_id, article_id, publication, article_title, article_date, script,
// topic, quote_text, translation_en, claim_index, span, claimed_value, claimed_value_high, claimed_unit,
// qualifier, quantity, verdict, model_low, model_central, model_high, model_unit, claimed_over_model, tolerance,
// scenario, compare_to, assumptions, note_en, note_zh_hans, note_zh_hant, sources, page_version, exported_on.
// Claims are checked with check_quote_claim under `assumptions` (the reader's changed keys; empty = as published).
DownloadFile export_quotes_csv(const ExportContext& context, const QuoteLibrary& quotes, const PresetCatalog& presets,
                               const GpuCatalog& catalog, const ScenarioOverrides& assumptions = {});

// The reader's assumptions: the assumption keys (assumption_keys()) whose value in `scenario` differs from `base`
// (the preset it started from), in key-table order, as --set text.
ScenarioOverrides assumptions_from(const Scenario& scenario, const Scenario& base);

// Keys that are assumptions about efficiency and prices and so carry over to every claim: mfu (and its range),
// usd_per_gpu_hour (and its range), overlap, pue, usd_per_kwh, kg_co2_per_kwh, gpu_mtbf_hours,
// checkpoint_minutes, checkpoint_write_minutes, restart_minutes, inference_batch, inference_context. Cluster keys (gpu,
// chips) and model keys (experts, parameters, tokens, precision, parallelism) describe one run and would turn a claim
// about another model into nonsense (8 active experts on dense Llama), so they are never carried over.
const std::vector<std::string>& assumption_keys();

} // namespace chips
