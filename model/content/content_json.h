// model/content/content_json.h — small helpers shared by the content loaders (quotes, strings, validator): parse JSON
// text without exceptions (the wasm build may have them off) and read typed fields while recording ContentErrors with a
// JSON pointer. Internal to model/; other modules use the loaders.
#pragma once
#include "model/content/quotes.h"
#include "model/core/content_error.h"

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace chips::content_json {

using Json = nlohmann::json;

// Parses `text`; on a syntax error appends "file: invalid JSON at line L, column C: ..." and returns false.
bool parse(std::string_view text, const std::string& file_name, Json& out, ContentErrors& errors);

// Appends one path segment to a JSON pointer, escaping '~' and '/' (RFC 6901).
std::string child(const std::string& pointer, std::string_view key);
std::string child(const std::string& pointer, std::size_t index);

// "a number", "a string", ... for messages ("expected a string, got a number").
const char* type_name(const Json& value);

// Collects errors for one file so call sites stay short.
struct Reporter {
    const std::string& file_name;
    ContentErrors& errors;

    void error(const std::string& pointer, std::string message) const {
        errors.push_back({file_name, pointer.empty() ? "/" : pointer, std::move(message)});
    }
    // Type checks: report "expected a X" at pointer and return false when the value has the wrong type.
    bool expect_object(const Json& value, const std::string& pointer) const;
    bool expect_array(const Json& value, const std::string& pointer) const;
    bool expect_string(const Json& value, const std::string& pointer, bool allow_empty) const;
    bool expect_number(const Json& value, const std::string& pointer) const;

    // Field readers. A missing required field is reported at the field's own pointer ("missing field").
    bool read_string(const Json& object, const std::string& pointer, const char* key, std::string& out, bool required,
                     bool allow_empty = false) const;
    bool read_number(const Json& object, const std::string& pointer, const char* key, double& out, bool required) const;
    // {"en": ..., "zh-Hans": ..., "zh-Hant": ...}, each a non-empty string.
    bool read_localized(const Json& object, const std::string& pointer, const char* key, LocalizedText& out,
                        bool required) const;
    // Reports every key of `object` not in `allowed` (catches typos such as "tolerence").
    void reject_unknown_fields(const Json& object, const std::string& pointer,
                               std::initializer_list<const char*> allowed) const;
};

} // namespace chips::content_json
