// model/content/tour.cpp — see tour.h. Index:
//   [SECTION] Loader
//   [SECTION] Cross-file checks
//   [SECTION] Navigation
#include "model/content/tour.h"

#include "model/content/content_json.h"
#include "model/engine/estimate.h"
#include "model/engine/scenario.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace chips {

using content_json::child;
using content_json::Json;
using content_json::Reporter;

int Tour::find(std::string_view id) const {
    for (std::size_t i = 0; i < steps.size(); ++i)
        if (steps[i].id == id) return static_cast<int>(i);
    return -1;
}

// ---------------------------------------------------------------------------------------------------------------------
// [SECTION] Loader
// ---------------------------------------------------------------------------------------------------------------------
namespace {

// Lower-case letters and digits joined by single '-': safe in a URL query without escaping.
bool is_step_id(const std::string& id) {
    if (id.empty() || id.front() == '-' || id.back() == '-') return false;
    for (std::size_t i = 0; i < id.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(id[i]);
        if (c == '-') {
            if (id[i - 1] == '-') return false;
        } else if (!std::islower(c) && !std::isdigit(c)) {
            return false;
        }
    }
    return true;
}

// {"preset": id, "overrides": {key: value}}: JSON types only here; keys, ranges and ids are checked against the
// model and the other files in check_tour_references.
void read_step_scenario(const Reporter& report, const Json& object, const std::string& pointer, ScenarioRef& out) {
    if (!report.expect_object(object, pointer)) return;
    report.reject_unknown_fields(object, pointer, {"preset", "overrides"});
    report.read_string(object, pointer, "preset", out.preset, /*required=*/true);
    const auto overrides = object.find("overrides");
    if (overrides == object.end()) return;
    const std::string overrides_pointer = child(pointer, "overrides");
    if (!report.expect_object(*overrides, overrides_pointer)) return;
    for (const auto& item : overrides->items()) {
        const std::string here = child(overrides_pointer, item.key());
        if (item.value().is_string())
            out.overrides.emplace_back(item.key(), item.value().get<std::string>());
        else if (item.value().is_number())
            out.overrides.emplace_back(item.key(), item.value().dump());
        else
            report.error(here,
                         std::string("expected a number or a string, got ") + content_json::type_name(item.value()));
    }
}

} // namespace

bool load_tour(std::string_view json_text, const std::string& file_name, Tour& tour_out, ContentErrors& errors) {
    const std::size_t errors_before = errors.size();
    Json root;
    if (!content_json::parse(json_text, file_name, root, errors)) return false;
    const Reporter report{file_name, errors};
    if (!report.expect_object(root, "")) return false;
    report.reject_unknown_fields(root, "", {"schema_version", "steps"});
    double schema_version = 0;
    if (report.read_number(root, "", "schema_version", schema_version, /*required=*/true) && schema_version != 1)
        report.error("/schema_version", "unsupported schema_version (this build reads 1)");
    const auto steps = root.find("steps");
    if (steps == root.end()) {
        report.error("/steps", "missing field");
        return false;
    }
    if (!report.expect_array(*steps, "/steps")) return false;
    if (steps->size() < kTourMinSteps || steps->size() > kTourMaxSteps)
        report.error("/steps", "a tour has " + std::to_string(kTourMinSteps) + " to " + std::to_string(kTourMaxSteps) +
                                   " steps, got " + std::to_string(steps->size()));

    Tour tour;
    std::set<std::string> seen_ids;
    for (std::size_t i = 0; i < steps->size(); ++i) {
        const Json& item = (*steps)[i];
        const std::string here = child("/steps", i);
        if (!report.expect_object(item, here)) continue;
        report.reject_unknown_fields(item, here, {"id", "scenario", "quote", "control", "title", "body"});
        TourStep step;
        step.position = i;
        if (report.read_string(item, here, "id", step.id, /*required=*/true)) {
            if (!is_step_id(step.id))
                report.error(child(here, "id"), "id '" + step.id + "' must be lower-case letters/digits joined by '-'");
            else if (!seen_ids.insert(step.id).second)
                report.error(child(here, "id"), "duplicate step id '" + step.id + "'");
        }
        const auto scenario = item.find("scenario");
        if (scenario == item.end())
            report.error(child(here, "scenario"), "missing field");
        else
            read_step_scenario(report, *scenario, child(here, "scenario"), step.scenario);
        report.read_string(item, here, "quote", step.quote, /*required=*/false);
        report.read_string(item, here, "control", step.control, /*required=*/true);
        report.read_localized(item, here, "title", step.title, /*required=*/true);
        report.read_localized(item, here, "body", step.body, /*required=*/true);
        tour.steps.push_back(std::move(step));
    }
    tour_out = std::move(tour);
    return errors.size() == errors_before;
}

// ---------------------------------------------------------------------------------------------------------------------
// [SECTION] Cross-file checks
// ---------------------------------------------------------------------------------------------------------------------
TourControlKind tour_control_kind(std::string_view control) {
    if (control == "quote") return TourControlKind::quote;
    if (control == "results") return TourControlKind::results;
    constexpr std::string_view result_prefix = "result.";
    if (control.substr(0, result_prefix.size()) == result_prefix) {
        const std::string key(control.substr(result_prefix.size()));
        return find_output(key.c_str()) ? TourControlKind::result_output : TourControlKind::invalid;
    }
    return find_scenario_key(std::string(control)) ? TourControlKind::scenario_key : TourControlKind::invalid;
}

namespace {

Json overrides_json(const ScenarioRef& ref) {
    Json overrides = Json::object();
    for (const auto& [key, value] : ref.overrides)
        overrides[key] = value; // --set text; scenario_from_json parses it
    return overrides;
}

} // namespace

void check_tour_references(const Tour& tour, const std::string& tour_file,
                           const std::map<std::string, std::size_t>& preset_ids, const QuoteLibrary& quotes,
                           const PresetCatalog* presets, const GpuCatalog* catalog, ContentErrors& errors) {
    const Reporter report{tour_file, errors};
    std::set<std::string> quote_ids;
    for (const Quote& quote : quotes.quotes)
        quote_ids.insert(quote.id);
    for (const TourStep& step : tour.steps) {
        const std::string here = child("/steps", step.position);
        const bool known_preset = preset_ids.count(step.scenario.preset) > 0;
        if (!step.scenario.preset.empty() && !known_preset)
            report.error(child(child(here, "scenario"), "preset"),
                         "unknown preset id '" + step.scenario.preset + "' (not in presets.json /presets/*/id)");
        if (!step.quote.empty() && quote_ids.count(step.quote) == 0)
            report.error(child(here, "quote"), "unknown quote id '" + step.quote + "' (not in quotes.json)");
        const TourControlKind kind = tour_control_kind(step.control);
        if (!step.control.empty() && kind == TourControlKind::invalid)
            report.error(
                child(here, "control"),
                "unknown control '" + step.control +
                    "': use a scenario key (docs/contract.md), \"quote\", \"results\" or \"result.<output key>\"");
        if (kind == TourControlKind::quote && step.quote.empty())
            report.error(child(here, "control"), "control \"quote\" needs the step's \"quote\" field");
        if (presets && catalog && known_preset) {
            Scenario built;
            build_scenario(*presets, step.scenario.preset, overrides_json(step.scenario), *catalog, tour_file,
                           child(child(here, "scenario"), "overrides"), built, errors);
        }
    }
}

bool build_tour_scenario(const Tour& tour, std::size_t index, const PresetCatalog& presets, const GpuCatalog& catalog,
                         Scenario& scenario_out, ContentErrors& errors) {
    if (index >= tour.steps.size()) {
        errors.push_back({"tour", "", "step " + std::to_string(index + 1) + " does not exist"});
        return false;
    }
    const TourStep& step = tour.steps[index];
    return build_scenario(presets, step.scenario.preset, overrides_json(step.scenario), catalog, "tour",
                          "/steps/" + std::to_string(step.position) + "/scenario/overrides", scenario_out, errors);
}

const std::vector<std::string>& tour_string_keys() {
    static const std::vector<std::string> keys = {
        "tour.start",   "tour.next",   "tour.previous", "tour.skip",           "tour.resume",
        "tour.restart", "tour.finish", "tour.step_of",  "tour.try_this_named", "tour.free_play",
    };
    return keys;
}

// ---------------------------------------------------------------------------------------------------------------------
// [SECTION] Navigation
// ---------------------------------------------------------------------------------------------------------------------
bool TourNavigator::apply(TourCommand command) {
    if (step_count_ == 0) return false;
    switch (command) {
    case TourCommand::next:
        if (mode_ != TourMode::touring) return false; // arrows scroll the page in free play
        if (step_ + 1 < step_count_) {
            ++step_;
            resume_step_ = step_;
        } else {
            mode_ = TourMode::free_play; // after the last step the reader is in free play
            resume_step_ = step_count_;
        }
        return true;
    case TourCommand::previous:
        if (mode_ != TourMode::touring || step_ == 0) return false;
        --step_;
        resume_step_ = step_;
        return true;
    case TourCommand::skip:
        if (mode_ == TourMode::free_play) return false;
        resume_step_ = mode_ == TourMode::touring ? step_ : 0;
        mode_ = TourMode::free_play;
        return true;
    case TourCommand::resume:
        if (mode_ == TourMode::touring) return false;
        mode_ = TourMode::touring;
        step_ = resume_step_ < step_count_ ? resume_step_ : 0; // a finished tour resumes from the start
        resume_step_ = step_;
        return true;
    case TourCommand::restart: {
        const bool changed = mode_ != TourMode::touring || step_ != 0;
        mode_ = TourMode::touring;
        step_ = 0;
        resume_step_ = 0;
        return changed;
    }
    }
    return false;
}

bool TourNavigator::go_to(std::size_t index) {
    if (index >= step_count_) return false;
    mode_ = TourMode::touring;
    step_ = index;
    resume_step_ = index;
    return true;
}

void TourNavigator::restore(TourMode mode, std::size_t step, std::size_t resume_step) {
    if (step_count_ == 0) return;
    mode_ = mode;
    step_ = std::min(step, step_count_ - 1);
    resume_step_ = std::min(resume_step, step_count_);
    if (mode_ == TourMode::touring) resume_step_ = step_;
}

std::string tour_permalink_value(const Tour& tour, std::size_t index) {
    return index < tour.steps.size() ? tour.steps[index].id : std::string();
}

bool tour_step_from_permalink(const Tour& tour, std::string_view value, std::size_t& index_out) {
    const int by_id = tour.find(value);
    if (by_id >= 0) {
        index_out = static_cast<std::size_t>(by_id);
        return true;
    }
    if (value.empty() || value.size() > 3) return false;
    std::size_t number = 0;
    for (char c : value) {
        if (c < '0' || c > '9') return false;
        number = number * 10 + static_cast<std::size_t>(c - '0');
    }
    if (number < 1 || number > tour.steps.size()) return false;
    index_out = number - 1;
    return true;
}

} // namespace chips
