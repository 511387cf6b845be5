// model/content/strings.h — UI strings from content/strings.json in en / zh-Hans / zh-Hant, and the lookup the UI
// calls.
//
// Shape: {"strings": {"panel.results": {"en": "Results", "zh-Hans": "结果", "zh-Hant": "結果"}, ...}}.
// A missing key never yields null or an empty label: tr() returns the key itself, so the gap is visible on screen
// and in screenshots, and the content validator makes sure it cannot ship.
#pragma once
#include "model/core/content_error.h"

#include <map>
#include <set>
#include <string>
#include <string_view>

namespace chips {

enum class Lang {
    en,      // English
    zh_hans, // simplified Chinese
    zh_hant, // traditional Chinese
};

// "en", "zh-Hans", "zh-Hant" (BCP 47, as in content files, permalinks and setState).
const char* lang_code(Lang lang);
// Inverse of lang_code; also accepts the lower-case forms browsers report ("zh-hans", "zh-cn" → zh_hans,
// "zh-tw"/"zh-hk" → zh_hant). Returns false for anything else.
bool lang_from_code(std::string_view code, Lang& lang_out);

class StringTable {
  public:
    // The text for `key` in `lang`. Never null: an unknown key returns the key itself (stable pointer, valid
    // for the table's lifetime). Not thread-safe (remembers unknown keys); the app is single-threaded.
    const char* tr(std::string_view key, Lang lang) const;
    bool has(std::string_view key) const { return entries_.find(key) != entries_.end(); }
    std::size_t size() const { return entries_.size(); }

    struct Entry {
        std::string en;      // English
        std::string zh_hans; // simplified Chinese
        std::string zh_hant; // traditional Chinese
    };
    // std::less<> lets tr() look a key up as a string_view: the UI asks for every label on every frame, and building a
    // std::string for each lookup was ~5% of a frame during a slider drag.
    using Entries = std::map<std::string, Entry, std::less<>>;
    const Entries& entries() const { return entries_; }
    void set(const std::string& key, Entry entry) { entries_[key] = std::move(entry); }

  private:
    Entries entries_;
    mutable std::set<std::string, std::less<>> missing_keys_; // owns the fallback text returned for unknown keys
};

// Parses content/strings.json text. Reports schema errors, missing or empty translations and placeholders
// ("{count}") that differ between languages, each with file name + JSON pointer. Returns false on any error
// (entries that were complete are still stored, so the UI can run with a partly broken file).
bool load_strings(std::string_view json_text, const std::string& file_name, StringTable& table_out,
                  ContentErrors& errors);

} // namespace chips
