// session/tour_text.cpp — see tour_text.h.
#include "session/tour_text.h"

#include "model/engine/estimate.h"

namespace chips {

namespace {

// One placeholder's value; false (and why) when it names something unknown.
bool placeholder_value(const std::string& body, const Scenario& step_scenario, const GpuCatalog& gpus,
                       const Formatter& fmt, std::string& out, std::string& why) {
    std::string name = body;
    std::string overrides;
    const std::size_t at = name.find('@');
    if (at != std::string::npos) {
        overrides = name.substr(at + 1);
        name = name.substr(0, at);
    }
    bool range = false;
    const std::size_t colon = name.find(':');
    if (colon != std::string::npos) {
        if (name.substr(colon + 1) != "range") {
            why = "unknown form '" + name.substr(colon + 1) + "' (only ':range')";
            return false;
        }
        range = true;
        name = name.substr(0, colon);
    }
    const OutputInfo* info = find_output(name.c_str());
    if (!info) {
        why = "unknown output '" + name + "'";
        return false;
    }
    Scenario scenario = step_scenario;
    std::size_t from = 0;
    while (from < overrides.size()) {
        std::size_t end = overrides.find(';', from);
        if (end == std::string::npos) end = overrides.size();
        const std::string pair = overrides.substr(from, end - from);
        const std::size_t equals = pair.find('=');
        if (equals == std::string::npos) {
            why = "override '" + pair + "' is not key=value";
            return false;
        }
        if (auto error =
                apply_scenario_value(scenario, pair.substr(0, equals), pair.substr(equals + 1), "tour text", gpus)) {
            why = error->to_string();
            return false;
        }
        from = end + 1;
    }
    const GpuSpec* gpu = gpus.find(scenario.gpu);
    if (!gpu) {
        why = "unknown GPU '" + scenario.gpu + "'";
        return false;
    }
    const Estimate result = estimate(scenario, *gpu);
    if (result.status != EstimateStatus::ok) {
        why = "the model refuses the scenario of '" + body + "'";
        return false;
    }
    const Range& value = result.*(info->field);
    const Quantity kind = quantity_for_unit(info->unit);
    out = range ? fmt.format_range(value, kind) : fmt.format(value.central, kind);
    return true;
}

} // namespace

std::string fill_tour_numbers(const std::string& text, const Scenario& step_scenario, const GpuCatalog& gpus,
                              const Formatter& fmt, std::string* error_out) {
    std::string out;
    out.reserve(text.size());
    std::size_t at = 0;
    while (at < text.size()) {
        const std::size_t open = text.find('{', at);
        const std::size_t close = open == std::string::npos ? open : text.find('}', open);
        if (open == std::string::npos || close == std::string::npos) {
            out.append(text, at, std::string::npos);
            break;
        }
        out.append(text, at, open - at);
        const std::string body = text.substr(open + 1, close - open - 1);
        std::string value, why;
        if (placeholder_value(body, step_scenario, gpus, fmt, value, why)) {
            out += value;
        } else {
            out.append(text, open, close - open + 1);
            if (error_out && error_out->empty()) *error_out = "{" + body + "}: " + why;
        }
        at = close + 1;
    }
    return out;
}

std::string first_output_placeholder(const std::string& text) {
    const std::size_t open = text.find('{');
    const std::size_t close = open == std::string::npos ? open : text.find('}', open);
    if (close == std::string::npos) return "";
    const std::string body = text.substr(open + 1, close - open - 1);
    const std::string name = body.substr(0, body.find_first_of(":@"));
    return find_output(name.c_str()) ? name : "";
}

} // namespace chips
