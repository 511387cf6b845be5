// model/content/calibration.cpp — see calibration.h.
#include "model/content/calibration.h"

#include "model/content/content_json.h"

namespace chips {

using content_json::child;
using content_json::Json;
using content_json::Reporter;

namespace {

// Reads a number that must also fit the scenario key it becomes (so a run can always be estimated).
bool read_in_key_range(const Reporter& report, const Json& object, const std::string& pointer, const char* field,
                       const char* scenario_key, double& out) {
    if (!report.read_number(object, pointer, field, out, /*required=*/true)) return false;
    const ScenarioKeyInfo* info = find_scenario_key(scenario_key);
    if (info && !(out >= info->min && out <= info->max)) {
        report.error(child(pointer, field), "out of the model's range for " + std::string(scenario_key));
        return false;
    }
    return true;
}

void read_sources(const Reporter& report, const Json& object, const std::string& pointer, std::vector<SourceRef>& out) {
    const auto sources = object.find("sources");
    const std::string here = child(pointer, "sources");
    if (sources == object.end() || !sources->is_array() || sources->empty()) {
        report.error(here, "expected a non-empty array of primary sources");
        return;
    }
    for (std::size_t i = 0; i < sources->size(); ++i) {
        const std::string entry = child(here, i);
        if (!report.expect_object((*sources)[i], entry)) continue;
        report.reject_unknown_fields((*sources)[i], entry, {"title", "publisher", "date", "locator", "url"});
        SourceRef source;
        report.read_string((*sources)[i], entry, "title", source.title, true);
        report.read_string((*sources)[i], entry, "publisher", source.publisher, true);
        report.read_string((*sources)[i], entry, "date", source.date, true);
        report.read_string((*sources)[i], entry, "locator", source.locator, true);
        report.read_string((*sources)[i], entry, "url", source.url, false);
        out.push_back(std::move(source));
    }
}

void read_run(const Reporter& report, const Json& object, const std::string& pointer, CalibrationRun& run) {
    if (!report.expect_object(object, pointer)) return;
    report.reject_unknown_fields(object, pointer,
                                 {"id", "name", "developer", "gpu", "chips", "chips_published", "params_total",
                                  "params_active", "embedding_params", "layers", "hidden_size", "seq_len", "tokens",
                                  "precision", "global_batch_tokens", "experts", "published", "sources", "notes"});
    report.read_string(object, pointer, "id", run.id, true);
    report.read_string(object, pointer, "name", run.name, true);
    report.read_string(object, pointer, "developer", run.developer, true);
    report.read_string(object, pointer, "gpu", run.gpu, true);
    read_in_key_range(report, object, pointer, "chips", "chips", run.chips);
    if (const auto published = object.find("chips_published"); published != object.end()) {
        if (published->is_boolean())
            run.chips_published = published->get<bool>();
        else
            report.error(child(pointer, "chips_published"), "expected true or false");
    }
    read_in_key_range(report, object, pointer, "params_total", "non_expert_params", run.params_total);
    read_in_key_range(report, object, pointer, "params_active", "non_expert_params", run.params_active);
    read_in_key_range(report, object, pointer, "embedding_params", "embedding_params", run.embedding_params);
    read_in_key_range(report, object, pointer, "layers", "layers", run.layers);
    read_in_key_range(report, object, pointer, "hidden_size", "hidden_size", run.hidden_size);
    read_in_key_range(report, object, pointer, "seq_len", "seq_len", run.seq_len);
    read_in_key_range(report, object, pointer, "tokens", "tokens", run.tokens);
    read_in_key_range(report, object, pointer, "global_batch_tokens", "global_batch_tokens", run.global_batch_tokens);
    std::string precision;
    if (report.read_string(object, pointer, "precision", precision, true)) {
        if (precision == "fp8")
            run.precision = Precision::fp8;
        else if (precision != "bf16")
            report.error(child(pointer, "precision"), "precision must be \"bf16\" or \"fp8\"");
    }
    if (run.params_active > run.params_total)
        report.error(child(pointer, "params_active"), "more active than total parameters");
    if (const auto experts = object.find("experts"); experts != object.end()) {
        const std::string here = child(pointer, "experts");
        if (report.expect_object(*experts, here)) {
            report.reject_unknown_fields(*experts, here, {"routed", "active", "shared", "moe_layers"});
            read_in_key_range(report, *experts, here, "routed", "experts_total", run.experts_routed);
            read_in_key_range(report, *experts, here, "active", "experts_active", run.experts_active);
            read_in_key_range(report, *experts, here, "shared", "experts_shared", run.experts_shared);
            read_in_key_range(report, *experts, here, "moe_layers", "moe_layers", run.moe_layers);
        }
    }
    if (const auto published = object.find("published"); published == object.end()) {
        report.error(child(pointer, "published"), "missing field (the run's published gpu_hours or flop)");
    } else if (report.expect_object(*published, child(pointer, "published"))) {
        const std::string here = child(pointer, "published");
        report.reject_unknown_fields(*published, here, {"gpu_hours", "flop"});
        const bool hours = report.read_number(*published, here, "gpu_hours", run.published_gpu_hours, false);
        const bool flop = report.read_number(*published, here, "flop", run.published_flop, false);
        if (hours == flop || run.published_gpu_hours < 0 || run.published_flop < 0)
            report.error(here, "expected exactly one positive figure: gpu_hours or flop");
    }
    read_sources(report, object, pointer, run.sources);
    report.read_string(object, pointer, "notes", run.notes, false);
}

} // namespace

bool load_calibration(std::string_view json_text, const std::string& file_name, CalibrationTable& table_out,
                      ContentErrors& errors) {
    const std::size_t errors_before = errors.size();
    Json root;
    if (!content_json::parse(json_text, file_name, root, errors)) return false;
    const Reporter report{file_name, errors};
    if (!report.expect_object(root, "")) return false;
    report.reject_unknown_fields(root, "", {"_readme", "runs"});
    const auto runs = root.find("runs");
    if (runs == root.end() || !report.expect_array(*runs, "/runs")) {
        if (runs == root.end()) report.error("/runs", "missing field");
        return false;
    }
    CalibrationTable table;
    for (std::size_t i = 0; i < runs->size(); ++i) {
        CalibrationRun run;
        read_run(report, (*runs)[i], child("/runs", i), run);
        for (const CalibrationRun& earlier : table.runs)
            if (!run.id.empty() && earlier.id == run.id)
                report.error(child(child("/runs", i), "id"), "duplicate id '" + run.id + "'");
        table.runs.push_back(std::move(run));
    }
    if (errors.size() != errors_before) return false;
    table_out = std::move(table);
    return true;
}

bool calibration_scenario(const CalibrationRun& run, const GpuCatalog& catalog, Scenario& out, std::string& problem) {
    const GpuSpec* gpu = catalog.find(run.gpu);
    if (gpu == nullptr) {
        problem = "unknown GPU '" + run.gpu + "'";
        return false;
    }
    Scenario scenario;
    set_scenario_gpu(scenario, *gpu, /*keep_price=*/false);
    scenario.precision = run.precision;
    scenario.chips = run.chips;
    scenario.mfu = 0; // the catalog's default efficiency: the point of the table
    scenario.tokens = run.tokens;
    scenario.seq_len = run.seq_len;
    scenario.global_batch_tokens = run.global_batch_tokens;
    scenario.layers = run.layers;
    scenario.hidden_size = run.hidden_size;
    scenario.attention_dim = run.hidden_size; // standard attention: heads x head_dim = d_model
    scenario.decode_attention_dim = run.hidden_size;
    scenario.embedding_params = run.embedding_params;
    scenario.route_node_limit = 0;
    scenario.pipeline_parallel = 16;
    scenario.tensor_parallel = 8;
    if (run.experts_routed > 0) {
        // Per-layer expert size so that routed + shared experts carry exactly total - active parameters' worth of
        // difference: total - active = moe_layers · (routed - active) · P.
        const double per_expert =
            (run.params_total - run.params_active) / (run.moe_layers * (run.experts_routed - run.experts_active));
        scenario.experts_total = run.experts_routed;
        scenario.experts_active = run.experts_active;
        scenario.experts_shared = run.experts_shared;
        scenario.moe_layers = run.moe_layers;
        scenario.params_per_expert = per_expert;
        scenario.non_expert_params =
            run.params_active - run.moe_layers * (run.experts_active + run.experts_shared) * per_expert;
        scenario.expert_parallel = run.experts_routed;
        scenario.tensor_parallel = 1;
    } else {
        scenario.experts_total = scenario.experts_active = 1;
        scenario.experts_shared = 0;
        scenario.moe_layers = 0;
        scenario.params_per_expert = 1000;
        scenario.non_expert_params = run.params_total;
        scenario.expert_parallel = 1;
    }
    if (auto error = validate_scenario(scenario, catalog, "content/calibration.json")) {
        problem = error->to_string();
        return false;
    }
    out = scenario;
    return true;
}

std::vector<CalibrationResult> evaluate_calibration(const CalibrationTable& table, const GpuCatalog& catalog) {
    std::vector<CalibrationResult> results;
    for (const CalibrationRun& run : table.runs) {
        CalibrationResult result;
        result.run = &run;
        Scenario scenario;
        if (calibration_scenario(run, catalog, scenario, result.problem)) {
            result.estimate = estimate(scenario, *catalog.find(run.gpu));
            if (result.estimate.status != EstimateStatus::ok) result.problem = status_message(result.estimate.status);
        }
        if (result.problem.empty()) {
            const bool flop = run.published_flop > 0;
            result.model = flop ? result.estimate.training_flop : result.estimate.gpu_hours;
            result.published = flop ? run.published_flop : run.published_gpu_hours;
            result.inside = result.model.contains(result.published);
        }
        results.push_back(std::move(result));
    }
    return results;
}

} // namespace chips
