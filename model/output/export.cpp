// model/output/export.cpp — see export.h. Index:
//   [SECTION] CSV helpers and citations
//   [SECTION] Scenario and results
//   [SECTION] Chart data
//   [SECTION] Quotes
#include "model/output/export.h"

#include "model/core/version.h"
#include "model/output/estimate_json.h"
#include "model/text/zh_quantity.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace chips {

// ---------------------------------------------------------------------------------------------------------------------
// [SECTION] CSV helpers and citations
// ---------------------------------------------------------------------------------------------------------------------
std::string csv_field(std::string_view text) {
    if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
    std::string quoted = "\"";
    for (char c : text) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    return quoted + "\"";
}

std::string csv_row(const std::vector<std::string>& fields) {
    std::string row;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i > 0) row += ',';
        row += csv_field(fields[i]);
    }
    return row + "\r\n";
}

std::string csv_number(double value) {
    if (!std::isfinite(value)) return "";
    if (value == 0.0) return "0"; // also -0
    char text[40];
    if (value == std::floor(value) && std::fabs(value) < 1e15) { // whole numbers in full: "5576000", not "5.576e+06"
        std::snprintf(text, sizeof text, "%.0f", value);
        return text;
    }
    for (int precision = 1; precision <= 17; ++precision) {
        std::snprintf(text, sizeof text, "%.*g", precision, value);
        if (std::strtod(text, nullptr) == value) break;
    }
    return text;
}

std::string source_citation(const SourceRef& source) {
    std::string details;
    for (const std::string* part : {&source.publisher, &source.date, &source.locator, &source.url}) {
        if (part->empty()) continue;
        if (!details.empty()) details += ", ";
        details += *part;
    }
    return details.empty() ? source.title : source.title + " \xE2\x80\x94 " + details; // em dash
}

std::string source_citations(const std::vector<SourceRef>& sources) {
    std::string text;
    for (const SourceRef& source : sources) {
        if (!text.empty()) text += " | ";
        text += source_citation(source);
    }
    return text;
}

namespace {

std::string date_or_unknown(const ExportContext& context) {
    return context.date.empty() ? "unknown" : context.date;
}

// "chips-and-claims_<what>[_<detail>]_<date>.<ext>" — ASCII only, so every browser and OS keeps the name.
std::string file_name(const ExportContext& context, const std::string& what, const std::string& detail,
                      const char* extension) {
    std::string name = "chips-and-claims_" + what;
    if (!detail.empty()) name += "_" + detail;
    name += "_" + date_or_unknown(context) + "." + extension;
    for (char& c : name) {
        const unsigned char u = static_cast<unsigned char>(c);
        if (!(std::isalnum(u) || c == '-' || c == '_' || c == '.') || u >= 0x80) c = '-';
    }
    return name;
}

DownloadFile csv_file(std::string name, std::string body) {
    return DownloadFile{std::move(name), "text/csv;charset=utf-8", std::string(kUtf8Bom) + body};
}

bool same_source(const SourceRef& a, const SourceRef& b) {
    return a.title == b.title && a.url == b.url;
}

void add_unique(std::vector<SourceRef>& into, const std::vector<SourceRef>& from) {
    for (const SourceRef& source : from)
        if (std::none_of(into.begin(), into.end(), [&](const SourceRef& have) { return same_source(have, source); }))
            into.push_back(source);
}

nlohmann::json source_json(const SourceRef& source) {
    nlohmann::json out = {{"title", source.title}};
    if (!source.publisher.empty()) out["publisher"] = source.publisher;
    if (!source.date.empty()) out["date"] = source.date;
    if (!source.locator.empty()) out["locator"] = source.locator;
    if (!source.url.empty()) out["url"] = source.url;
    return out;
}

std::string gpu_sources_text(const GpuCatalog& catalog, const std::string& gpu_id) {
    const GpuSpec* gpu = catalog.find(gpu_id);
    return gpu ? source_citations(gpu->sources) : std::string();
}

// Range ends as CSV cells.
void append_range(std::vector<std::string>& row, const Range& range) {
    row.push_back(csv_number(range.low));
    row.push_back(csv_number(range.central));
    row.push_back(csv_number(range.high));
}

} // namespace

// ---------------------------------------------------------------------------------------------------------------------
// [SECTION] Scenario and results
// ---------------------------------------------------------------------------------------------------------------------
std::vector<SourceRef> scenario_sources(const Scenario& scenario, const std::string& preset_id,
                                        const PresetCatalog& presets, const GpuCatalog& catalog) {
    std::vector<SourceRef> sources;
    if (const Preset* preset = presets.find(preset_id)) add_unique(sources, preset->sources);
    if (const GpuSpec* gpu = catalog.find(scenario.gpu)) add_unique(sources, gpu->sources);
    return sources;
}

bool export_scenario_json(const ExportContext& context, const Scenario& scenario, const PresetCatalog& presets,
                          const GpuCatalog& catalog, DownloadFile& file_out) {
    const GpuSpec* gpu = catalog.find(scenario.gpu);
    if (gpu == nullptr) return false;
    nlohmann::json document = estimate_to_json(context.preset_id, scenario, *gpu, estimate(scenario, *gpu));
    document["page"] = {{"name", kPageName},
                        {"version", kPageVersion},
                        {"exported_on", date_or_unknown(context)},
                        {"url", context.page_url},
                        {"units", "SI and USD; see docs/contract.md"}};
    nlohmann::json sources = nlohmann::json::array();
    for (const SourceRef& source : scenario_sources(scenario, context.preset_id, presets, catalog))
        sources.push_back(source_json(source));
    document["sources"] = sources;
    file_out = DownloadFile{file_name(context, "scenario", context.preset_id, "json"), "application/json",
                            document.dump(2) + "\n"};
    return true;
}

bool export_scenario_csv(const ExportContext& context, const Scenario& scenario, const PresetCatalog& presets,
                         const GpuCatalog& catalog, DownloadFile& file_out) {
    const GpuSpec* gpu = catalog.find(scenario.gpu);
    if (gpu == nullptr) return false;
    const Estimate result = estimate(scenario, *gpu);
    const std::string sources = source_citations(scenario_sources(scenario, context.preset_id, presets, catalog));
    const std::string date = date_or_unknown(context);
    std::string body =
        csv_row({"section", "key", "value", "low", "high", "unit", "preset", "page_version", "exported_on", "sources"});
    std::size_t key_count = 0;
    const ScenarioKeyInfo* keys = scenario_keys(key_count);
    for (std::size_t i = 0; i < key_count; ++i) {
        const ScenarioKeyInfo& info = keys[i];
        const std::string value = info.field ? csv_number(scenario.*info.field) : scenario_value_text(scenario, info);
        body += csv_row({"input", info.key, value, "", "", info.unit, context.preset_id, kPageVersion, date, sources});
    }
    std::size_t output_count = 0;
    const OutputInfo* outputs = estimate_outputs(output_count);
    for (std::size_t i = 0; i < output_count; ++i) {
        const Range& range = result.*(outputs[i].field);
        body += csv_row({"output", outputs[i].key, csv_number(range.central), csv_number(range.low),
                         csv_number(range.high), outputs[i].unit, context.preset_id, kPageVersion, date, sources});
    }
    file_out = csv_file(file_name(context, "scenario", context.preset_id, "csv"), body);
    return true;
}

// ---------------------------------------------------------------------------------------------------------------------
// [SECTION] Chart data
// ---------------------------------------------------------------------------------------------------------------------
const char* chart_kind_name(ChartKind kind) {
    switch (kind) {
    case ChartKind::chips_sweep:
        return "chart-chips";
    case ChartKind::experts_sweep:
        return "chart-experts";
    case ChartKind::gpu_times:
        return "chart-gpus";
    }
    return "chart";
}

DownloadFile export_chart_csv(const ExportContext& context, ChartKind kind, const ChartData& data,
                              const GpuCatalog& catalog) {
    const std::string date = date_or_unknown(context);
    std::string body;
    auto tail = [&](std::vector<std::string>& row, const std::string& sources) {
        row.push_back(kPageVersion);
        row.push_back(date);
        row.push_back(sources);
        body += csv_row(row);
    };
    if (kind == ChartKind::chips_sweep) {
        body = csv_row({"gpu", "chips", "days_low", "days_central", "days_high", "cost_usd_low", "cost_usd_central",
                        "cost_usd_high", "page_version", "exported_on", "sources"});
        for (std::size_t series = 0; series < data.chips.gpu_ids.size(); ++series) {
            const std::string& gpu = data.chips.gpu_ids[series];
            const std::string sources = gpu_sources_text(catalog, gpu);
            for (std::size_t point = 0; point < data.chips.chips.size(); ++point) {
                std::vector<std::string> row = {gpu, csv_number(data.chips.chips[point])};
                append_range(row, data.chips.days[series][point]);
                append_range(row, data.chips.cost_usd[series][point]);
                tail(row, sources);
            }
        }
    } else if (kind == ChartKind::experts_sweep) {
        body = csv_row({"experts_active", "active_params", "days_low", "days_central", "days_high", "cost_usd_low",
                        "cost_usd_central", "cost_usd_high", "page_version", "exported_on", "sources"});
        const std::string sources =
            data.chips.gpu_ids.empty() ? std::string() : gpu_sources_text(catalog, data.chips.gpu_ids.front());
        for (std::size_t point = 0; point < data.experts.experts_active.size(); ++point) {
            std::vector<std::string> row = {csv_number(data.experts.experts_active[point]),
                                            csv_number(data.experts.active_params[point].central)};
            append_range(row, data.experts.days[point]);
            append_range(row, data.experts.cost_usd[point]);
            tail(row, sources);
        }
    } else {
        body = csv_row({"gpu", "gpu_name", "precision", "current", "days_low", "days_central", "days_high",
                        "cost_usd_low", "cost_usd_central", "cost_usd_high", "page_version", "exported_on", "sources"});
        for (std::size_t i = 0; i < data.gpus.gpu_ids.size(); ++i) {
            const GpuSpec* gpu = catalog.find(data.gpus.gpu_ids[i]);
            std::vector<std::string> row = {data.gpus.gpu_ids[i], gpu ? gpu->name : std::string(),
                                            precision_name(data.gpus.precision[i]),
                                            static_cast<int>(i) == data.gpus.current ? "1" : "0"};
            append_range(row, data.gpus.days[i]);
            append_range(row, data.gpus.cost_usd[i]);
            tail(row, gpu ? source_citations(gpu->sources) : std::string());
        }
    }
    return csv_file(file_name(context, chart_kind_name(kind), context.preset_id, "csv"), body);
}

// ---------------------------------------------------------------------------------------------------------------------
// [SECTION] Quotes
// ---------------------------------------------------------------------------------------------------------------------
namespace {

// "deepseek-v3; overlap=0" — the preset and overrides as the CLI takes them.
std::string scenario_text(const ScenarioRef& ref) {
    std::string text = ref.preset;
    for (const auto& [key, value] : ref.overrides)
        text += "; " + key + "=" + value;
    return text;
}

std::string overrides_text(const ScenarioOverrides& overrides) {
    std::string text;
    for (const auto& [key, value] : overrides) {
        if (!text.empty()) text += "; ";
        text += key + "=" + value;
    }
    return text;
}

} // namespace

DownloadFile export_quotes_csv(const ExportContext& context, const QuoteLibrary& quotes, const PresetCatalog& presets,
                               const GpuCatalog& catalog, const ScenarioOverrides& assumptions) {
    const std::string date = date_or_unknown(context);
    const std::string assumptions_text = overrides_text(assumptions);
    std::string body = csv_row({"quote_id",
                                "article_id",
                                "publication",
                                "article_title",
                                "article_date",
                                "script",
                                "topic",
                                "quote_text",
                                "translation_en",
                                "claim_index",
                                "span",
                                "claimed_value",
                                "claimed_value_high",
                                "claimed_unit",
                                "qualifier",
                                "quantity",
                                "verdict",
                                "model_low",
                                "model_central",
                                "model_high",
                                "model_unit",
                                "claimed_over_model",
                                "tolerance",
                                "scenario",
                                "compare_to",
                                "assumptions",
                                "note_en",
                                "note_zh_hans",
                                "note_zh_hant",
                                "sources",
                                "page_version",
                                "exported_on"});
    for (const Quote& quote : quotes.quotes) {
        const Article& article = quotes.article_of(quote);
        for (std::size_t index = 0; index < quote.claims.size(); ++index) {
            const QuoteClaim& claim = quote.claims[index];
            const QuoteClaimCheck checked = check_quote_claim(claim, presets, catalog, assumptions);
            const bool has_model = claim.checkable() && checked.check.problem == ClaimProblem::none;
            std::vector<std::string> row = {quote.id,
                                            article.id,
                                            article.publication,
                                            article.title,
                                            article.date,
                                            quote.script,
                                            quote.topic,
                                            quote.text,
                                            quote.translation_en,
                                            std::to_string(index),
                                            claim.span,
                                            csv_number(claim.value),
                                            claim.value_high != claim.value ? csv_number(claim.value_high) : "",
                                            zh_unit_name(claim.unit),
                                            claim.qualifier == ZhQualifier::none ? ""
                                                                                 : zh_qualifier_name(claim.qualifier),
                                            claim.quantity,
                                            verdict_name(checked.check.verdict)};
            if (has_model) {
                append_range(row, checked.check.model);
                row.push_back(checked.check.unit);
                row.push_back(csv_number(checked.check.claimed_over_model));
                row.push_back(csv_number(claim.tolerance));
            } else {
                row.insert(row.end(), {"", "", "", "", "", ""});
            }
            row.push_back(claim.has_scenario ? scenario_text(claim.scenario) : "");
            row.push_back(claim.has_compare_to ? scenario_text(claim.compare_to) : "");
            row.push_back(claim.checkable() ? assumptions_text : "");
            row.push_back(claim.note.en);
            row.push_back(claim.note.zh_hans);
            row.push_back(claim.note.zh_hant);
            row.push_back(source_citations(claim.sources));
            row.push_back(kPageVersion);
            row.push_back(date);
            body += csv_row(row);
        }
    }
    return csv_file(file_name(context, "quotes", "", "csv"), body);
}

const std::vector<std::string>& assumption_keys() {
    static const std::vector<std::string> keys = {
        "mfu",
        "mfu_low",
        "mfu_high",
        "usd_per_gpu_hour",
        "usd_per_gpu_hour_low",
        "usd_per_gpu_hour_high",
        "overlap",
        "pue",
        "usd_per_kwh",
        "kg_co2_per_kwh",
        "gpu_mtbf_hours",
        "checkpoint_minutes",
        "checkpoint_write_minutes",
        "restart_minutes",
        "inference_batch",
        "inference_context",
    };
    return keys;
}

ScenarioOverrides assumptions_from(const Scenario& scenario, const Scenario& base) {
    ScenarioOverrides overrides;
    std::size_t key_count = 0;
    const ScenarioKeyInfo* keys = scenario_keys(key_count);
    const std::vector<std::string>& allowed = assumption_keys();
    for (std::size_t i = 0; i < key_count; ++i) {
        const ScenarioKeyInfo& info = keys[i];
        if (std::find(allowed.begin(), allowed.end(), info.key) == allowed.end() || info.field == nullptr) continue;
        if (scenario.*info.field != base.*info.field)
            overrides.emplace_back(info.key, scenario_value_text(scenario, info));
    }
    return overrides;
}

} // namespace chips
