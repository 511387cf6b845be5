// model/content/scenario_json_fields.h — small checked readers for JSON content fields (gpus.json, presets.json,
// scenario objects). Each reader appends a ContentError with file + JSON pointer instead of throwing, so a broken
// content file produces a list of precise messages, never an exception or a default that hides the typo.
#pragma once
#include "model/content/gpu_catalog.h"
#include "model/core/content_error.h"
#include "model/core/range.h"
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>

namespace chips::json_fields {

struct Context {
    const std::string& file_name; // "content/gpus.json"
    ContentErrors& errors;        // where problems go

    void fail(const std::string& pointer, const std::string& message) const {
        errors.push_back(ContentError{file_name, pointer, message});
    }
};

inline std::string child(const std::string& pointer, const std::string& key) {
    return pointer + "/" + key;
}
inline std::string child(const std::string& pointer, size_t index) {
    return pointer + "/" + std::to_string(index);
}

// nlohmann stores numbers that overflow a double as +/-inf; finite check rejects those too.
inline bool read_number(const Context& context, const nlohmann::json& object, const std::string& pointer,
                        const char* key, double min, double max, double& out) {
    auto found = object.find(key);
    if (found == object.end()) {
        context.fail(child(pointer, key), "missing (expected a number)");
        return false;
    }
    if (!found->is_number() || !std::isfinite(found->get<double>())) {
        context.fail(child(pointer, key), "expected a finite number");
        return false;
    }
    double value = found->get<double>();
    if (value < min || value > max) {
        char message[160];
        std::snprintf(message, sizeof message, "%g is out of range; allowed %g to %g", value, min, max);
        context.fail(child(pointer, key), message);
        return false;
    }
    out = value;
    return true;
}

inline bool read_string(const Context& context, const nlohmann::json& object, const std::string& pointer,
                        const char* key, std::string& out, bool required = true) {
    auto found = object.find(key);
    if (found == object.end()) {
        if (required) context.fail(child(pointer, key), "missing (expected a string)");
        return !required;
    }
    if (!found->is_string()) {
        context.fail(child(pointer, key), "expected a string");
        return false;
    }
    out = found->get<std::string>();
    if (required && out.empty()) {
        context.fail(child(pointer, key), "must not be empty");
        return false;
    }
    return true;
}

// {"low": a, "central": b, "high": c} with min <= low <= central <= high <= max.
inline bool read_range(const Context& context, const nlohmann::json& object, const std::string& pointer,
                       const char* key, double min, double max, Range& out) {
    auto found = object.find(key);
    std::string here = child(pointer, key);
    if (found == object.end() || !found->is_object()) {
        context.fail(here, "expected an object {\"low\", \"central\", \"high\"}");
        return false;
    }
    Range range;
    bool ok = read_number(context, *found, here, "low", min, max, range.low);
    ok = read_number(context, *found, here, "central", min, max, range.central) && ok;
    ok = read_number(context, *found, here, "high", min, max, range.high) && ok;
    if (ok && !(range.low <= range.central && range.central <= range.high)) {
        context.fail(here, "expected low <= central <= high");
        return false;
    }
    if (ok) out = range;
    return ok;
}

// "sources": [{"title","publisher","date","locator","url"}], at least one entry; url may be empty.
inline bool read_sources(const Context& context, const nlohmann::json& object, const std::string& pointer,
                         std::vector<SourceRef>& out) {
    auto found = object.find("sources");
    std::string here = child(pointer, "sources");
    if (found == object.end() || !found->is_array() || found->empty()) {
        context.fail(here, "expected a non-empty array of sources");
        return false;
    }
    bool ok = true;
    for (size_t index = 0; index < found->size(); ++index) {
        const nlohmann::json& entry = (*found)[index];
        std::string entry_pointer = child(here, index);
        if (!entry.is_object()) {
            context.fail(entry_pointer, "expected an object");
            ok = false;
            continue;
        }
        SourceRef source;
        bool entry_ok = read_string(context, entry, entry_pointer, "title", source.title);
        entry_ok = read_string(context, entry, entry_pointer, "publisher", source.publisher) && entry_ok;
        entry_ok = read_string(context, entry, entry_pointer, "date", source.date) && entry_ok;
        entry_ok = read_string(context, entry, entry_pointer, "locator", source.locator) && entry_ok;
        entry_ok = read_string(context, entry, entry_pointer, "url", source.url, false) && entry_ok;
        if (entry_ok) out.push_back(std::move(source));
        ok = ok && entry_ok;
    }
    return ok;
}

// Parses text; on failure appends one error with the parser's own message (it names the byte position) and
// returns a discarded value. The parser's exception is caught here so none escapes a public API.
inline nlohmann::json parse_text(const std::string& json_text, const Context& context) {
    try {
        return nlohmann::json::parse(json_text);
    } catch (const nlohmann::json::exception& error) {
        context.fail("", std::string("not valid JSON (NaN, Infinity, comments and trailing commas are not JSON): ") +
                             error.what());
        return nlohmann::json(nlohmann::json::value_t::discarded);
    }
}

} // namespace chips::json_fields
