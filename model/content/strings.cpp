// model/content/strings.cpp — see strings.h.
#include "model/content/strings.h"

#include "model/content/content_json.h"

#include <algorithm>
#include <cctype>
#include <vector>

namespace chips {

using content_json::child;
using content_json::Json;
using content_json::Reporter;

const char* lang_code(Lang lang) {
    switch (lang) {
    case Lang::en:
        return "en";
    case Lang::zh_hans:
        return "zh-Hans";
    case Lang::zh_hant:
        return "zh-Hant";
    }
    return "en";
}

bool lang_from_code(std::string_view code, Lang& lang_out) {
    std::string lower(code);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    std::replace(lower.begin(), lower.end(), '_', '-');
    if (lower == "en" || lower.rfind("en-", 0) == 0) {
        lang_out = Lang::en;
        return true;
    }
    if (lower == "zh-hans" || lower == "zh-cn" || lower == "zh-sg" || lower == "zh" ||
        lower.rfind("zh-hans-", 0) == 0) {
        lang_out = Lang::zh_hans;
        return true;
    }
    if (lower == "zh-hant" || lower == "zh-tw" || lower == "zh-hk" || lower == "zh-mo" ||
        lower.rfind("zh-hant-", 0) == 0) {
        lang_out = Lang::zh_hant;
        return true;
    }
    return false;
}

const char* StringTable::tr(std::string_view key, Lang lang) const {
    const auto found = entries_.find(key);
    if (found != entries_.end()) {
        const Entry& entry = found->second;
        const std::string& text = lang == Lang::zh_hans   ? entry.zh_hans
                                  : lang == Lang::zh_hant ? entry.zh_hant
                                                          : entry.en;
        if (!text.empty()) return text.c_str();
        if (!entry.en.empty()) return entry.en.c_str(); // a partly loaded broken file: English beats nothing
    }
    const auto missing = missing_keys_.find(key);
    if (missing != missing_keys_.end()) return missing->c_str();
    return missing_keys_.emplace(key).first->c_str(); // std::set nodes never move: the pointer stays valid
}

namespace {

// "{count}", "{0}": the names inside braces, sorted, so languages can order them differently.
std::vector<std::string> placeholders(const std::string& text) {
    std::vector<std::string> names;
    std::size_t open = text.find('{');
    while (open != std::string::npos) {
        const std::size_t close = text.find('}', open + 1);
        if (close == std::string::npos) break;
        names.push_back(text.substr(open + 1, close - open - 1));
        open = text.find('{', close + 1);
    }
    std::sort(names.begin(), names.end());
    return names;
}

std::string join(const std::vector<std::string>& names) {
    std::string text;
    for (const std::string& name : names)
        text += (text.empty() ? "{" : ", {") + name + "}";
    return text.empty() ? "none" : text;
}

bool is_valid_key(const std::string& key) {
    if (key.empty()) return false;
    for (char c : key)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.' ||
              c == '-'))
            return false;
    return true;
}

} // namespace

bool load_strings(std::string_view json_text, const std::string& file_name, StringTable& table_out,
                  ContentErrors& errors) {
    const std::size_t errors_before = errors.size();
    table_out = StringTable{};
    Json root;
    if (!content_json::parse(json_text, file_name, root, errors)) return false;
    const Reporter report{file_name, errors};
    if (!report.expect_object(root, "")) return false;
    report.reject_unknown_fields(root, "", {"strings"});
    const auto strings = root.find("strings");
    if (strings == root.end()) {
        report.error("/strings", "missing field");
        return false;
    }
    if (!report.expect_object(*strings, "/strings")) return false;
    for (const auto& item : strings->items()) {
        const std::string here = child("/strings", item.key());
        if (!is_valid_key(item.key())) {
            report.error(here, "key '" + item.key() + "' must use ASCII letters, digits, '_', '.' and '-'");
            continue;
        }
        if (!report.expect_object(item.value(), here)) continue;
        report.reject_unknown_fields(item.value(), here, {"en", "zh-Hans", "zh-Hant"});
        StringTable::Entry entry;
        bool complete = true;
        const std::pair<const char*, std::string*> languages[] = {
            {"en", &entry.en}, {"zh-Hans", &entry.zh_hans}, {"zh-Hant", &entry.zh_hant}};
        for (const auto& [language, target] : languages) {
            const auto text = item.value().find(language);
            if (text == item.value().end()) {
                report.error(child(here, language), "missing translation");
                complete = false;
            } else if (report.expect_string(*text, child(here, language), /*allow_empty=*/false)) {
                *target = text->get<std::string>();
            } else {
                complete = false;
            }
        }
        if (complete) {
            const std::vector<std::string> english = placeholders(entry.en);
            if (placeholders(entry.zh_hans) != english)
                report.error(child(here, "zh-Hans"), "placeholders " + join(placeholders(entry.zh_hans)) +
                                                         " differ from English " + join(english));
            if (placeholders(entry.zh_hant) != english)
                report.error(child(here, "zh-Hant"), "placeholders " + join(placeholders(entry.zh_hant)) +
                                                         " differ from English " + join(english));
        }
        if (!entry.en.empty()) table_out.set(item.key(), std::move(entry));
    }
    return errors.size() == errors_before;
}

} // namespace chips
