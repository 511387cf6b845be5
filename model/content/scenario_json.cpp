// model/content/scenario_json.cpp — see scenario_json.h.
#include "model/content/scenario_json.h"
#include "model/content/scenario_json_fields.h"
#include <cmath>

namespace chips {

nlohmann::json scenario_to_json(const Scenario& scenario) {
    nlohmann::json object = nlohmann::json::object();
    size_t count = 0;
    const ScenarioKeyInfo* keys = scenario_keys(count);
    for (size_t index = 0; index < count; ++index) {
        const ScenarioKeyInfo& info = keys[index];
        if (info.kind == KeyKind::gpu_id)
            object[info.key] = scenario.gpu;
        else if (info.kind == KeyKind::precision)
            object[info.key] = precision_name(scenario.precision);
        else
            object[info.key] = scenario.*info.field;
    }
    return object;
}

static std::optional<ContentError> apply_json_member(Scenario& scenario, const ScenarioKeyInfo& info,
                                                     const nlohmann::json& value, const std::string& source,
                                                     const GpuCatalog& catalog) {
    const bool wants_text = info.kind == KeyKind::gpu_id || info.kind == KeyKind::precision;
    if (value.is_string()) return apply_scenario_value(scenario, info.key, value.get<std::string>(), source, catalog);
    if (wants_text) return ContentError{source, info.key, "expected a string"};
    if (!value.is_number()) return ContentError{source, info.key, "expected a number"};
    return apply_scenario_number(scenario, info, value.get<double>(), source);
}

bool scenario_from_json(const nlohmann::json& object, Scenario& scenario, const std::string& source,
                        const std::string& pointer_prefix, const GpuCatalog& catalog, ContentErrors& errors) {
    const size_t errors_before = errors.size();
    auto pointer_for = [&](const std::string& key) {
        return pointer_prefix.empty() ? key : pointer_prefix + "/" + key;
    };
    if (!object.is_object()) {
        errors.push_back(ContentError{source, pointer_prefix, "expected an object of scenario keys"});
        return false;
    }
    for (auto member = object.begin(); member != object.end(); ++member) {
        if (find_scenario_key(member.key()) == nullptr) {
            Scenario scratch; // reuse apply_scenario_value's message, which lists the known keys
            auto error = apply_scenario_value(scratch, member.key(), "", source, catalog);
            errors.push_back(ContentError{source, pointer_for(member.key()), error ? error->message : "unknown key"});
        }
    }
    // Work on a copy so a rejected object leaves the caller's scenario untouched.
    Scenario candidate = scenario;
    size_t count = 0;
    const ScenarioKeyInfo* keys = scenario_keys(count);
    for (size_t index = 0; index < count; ++index) { // table order: central before _low/_high
        auto member = object.find(keys[index].key);
        if (member == object.end()) continue;
        if (auto error = apply_json_member(candidate, keys[index], *member, source, catalog)) {
            error->pointer = pointer_for(error->pointer);
            errors.push_back(*error);
        }
    }
    if (errors.size() == errors_before) {
        if (auto error = validate_scenario(candidate, catalog, source)) {
            error->pointer = pointer_for(error->pointer);
            errors.push_back(*error);
        }
    }
    if (errors.size() != errors_before) return false;
    scenario = candidate;
    return true;
}

bool scenario_from_json_text(const std::string& json_text, Scenario& scenario, const std::string& source,
                             const GpuCatalog& catalog, ContentErrors& errors) {
    json_fields::Context context{source, errors};
    nlohmann::json document = json_fields::parse_text(json_text, context);
    if (document.is_discarded()) return false;
    return scenario_from_json(document, scenario, source, "", catalog, errors);
}

} // namespace chips
