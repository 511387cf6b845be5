// model/content/content_json.cpp — see content_json.h.
#include "model/content/content_json.h"

#include <algorithm>

namespace chips::content_json {

namespace {

// Records where a syntax error is; every other event just continues. Used only after a failed DOM parse, so the
// happy path costs one pass.
class ErrorLocator : public nlohmann::json_sax<Json> {
  public:
    std::size_t position = 0; // bytes read when the error was found
    std::string message;      // nlohmann's description without its "[json.exception...]" prefix

    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, const string_t&) override { return true; }
    bool string(string_t&) override { return true; }
    bool binary(binary_t&) override { return true; }
    bool start_object(std::size_t) override { return true; }
    bool key(string_t&) override { return true; }
    bool end_object() override { return true; }
    bool start_array(std::size_t) override { return true; }
    bool end_array() override { return true; }
    bool parse_error(std::size_t at, const std::string&, const nlohmann::detail::exception& ex) override {
        position = at;
        message = ex.what();
        const std::size_t bracket = message.find("] ");
        if (message.rfind("[json.exception", 0) == 0 && bracket != std::string::npos) message.erase(0, bracket + 2);
        return false;
    }
};

} // namespace

bool parse(std::string_view text, const std::string& file_name, Json& out, ContentErrors& errors) {
    out = Json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
    if (!out.is_discarded()) return true;
    ErrorLocator locator;
    Json::sax_parse(text.begin(), text.end(), &locator, nlohmann::detail::input_format_t::json, /*strict=*/true);
    // nlohmann already says "at line L, column C" in most messages; keep the byte offset too for editors.
    errors.push_back({file_name, "",
                      "invalid JSON (byte " + std::to_string(locator.position) +
                          "): " + (locator.message.empty() ? "syntax error" : locator.message)});
    return false;
}

std::string child(const std::string& pointer, std::string_view key) {
    std::string escaped;
    for (char c : key) {
        if (c == '~')
            escaped += "~0";
        else if (c == '/')
            escaped += "~1";
        else
            escaped += c;
    }
    return pointer + "/" + escaped;
}

std::string child(const std::string& pointer, std::size_t index) {
    return pointer + "/" + std::to_string(index);
}

const char* type_name(const Json& value) {
    switch (value.type()) {
    case Json::value_t::null:
        return "null";
    case Json::value_t::object:
        return "an object";
    case Json::value_t::array:
        return "an array";
    case Json::value_t::string:
        return "a string";
    case Json::value_t::boolean:
        return "a boolean";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float:
        return "a number";
    default:
        return "an unsupported value";
    }
}

bool Reporter::expect_object(const Json& value, const std::string& pointer) const {
    if (value.is_object()) return true;
    error(pointer, std::string("expected an object, got ") + type_name(value));
    return false;
}

bool Reporter::expect_array(const Json& value, const std::string& pointer) const {
    if (value.is_array()) return true;
    error(pointer, std::string("expected an array, got ") + type_name(value));
    return false;
}

bool Reporter::expect_string(const Json& value, const std::string& pointer, bool allow_empty) const {
    if (!value.is_string()) {
        error(pointer, std::string("expected a string, got ") + type_name(value));
        return false;
    }
    if (!allow_empty && value.get_ref<const std::string&>().empty()) {
        error(pointer, "must not be empty");
        return false;
    }
    return true;
}

bool Reporter::expect_number(const Json& value, const std::string& pointer) const {
    if (value.is_number()) return true;
    error(pointer, std::string("expected a number, got ") + type_name(value));
    return false;
}

bool Reporter::read_string(const Json& object, const std::string& pointer, const char* key, std::string& out,
                           bool required, bool allow_empty) const {
    const auto found = object.find(key);
    if (found == object.end()) {
        if (required) error(child(pointer, key), "missing field");
        return false;
    }
    if (!expect_string(*found, child(pointer, key), allow_empty)) return false;
    out = found->get<std::string>();
    return true;
}

bool Reporter::read_number(const Json& object, const std::string& pointer, const char* key, double& out,
                           bool required) const {
    const auto found = object.find(key);
    if (found == object.end()) {
        if (required) error(child(pointer, key), "missing field");
        return false;
    }
    if (!expect_number(*found, child(pointer, key))) return false;
    out = found->get<double>();
    return true;
}

bool Reporter::read_localized(const Json& object, const std::string& pointer, const char* key, LocalizedText& out,
                              bool required) const {
    const auto found = object.find(key);
    const std::string here = child(pointer, key);
    if (found == object.end()) {
        if (required) error(here, "missing field (needs en, zh-Hans and zh-Hant)");
        return false;
    }
    if (!expect_object(*found, here)) return false;
    reject_unknown_fields(*found, here, {"en", "zh-Hans", "zh-Hant"});
    bool complete = true;
    const std::pair<const char*, std::string*> languages[] = {
        {"en", &out.en}, {"zh-Hans", &out.zh_hans}, {"zh-Hant", &out.zh_hant}};
    for (const auto& [language, target] : languages) {
        const auto text = found->find(language);
        if (text == found->end()) {
            error(child(here, language), "missing translation");
            complete = false;
        } else if (expect_string(*text, child(here, language), /*allow_empty=*/false)) {
            *target = text->get<std::string>();
        } else {
            complete = false;
        }
    }
    return complete;
}

void Reporter::reject_unknown_fields(const Json& object, const std::string& pointer,
                                     std::initializer_list<const char*> allowed) const {
    if (!object.is_object()) return;
    for (const auto& item : object.items()) {
        const bool known =
            std::any_of(allowed.begin(), allowed.end(), [&](const char* name) { return item.key() == name; });
        if (!known) error(child(pointer, item.key()), "unknown field");
    }
}

} // namespace chips::content_json
