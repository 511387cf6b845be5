// tests/test_language_scan.cpp — every reader string of content/*.json, in each language, is in that language: no
// untranslated English in the Chinese texts and no internal key (snake_case like "rental_cost_usd", a content file
// path) anywhere. The allow-list of Latin names, units and terms is tests/fixtures/language_scan.json, shared with
// the browser scan of the built pages (tests/e2e/languages.test.mjs).
//
// Scanned: content/strings.json (every key), presets (name, notes), articles (about), claim notes, tour steps
// (title, body), the currency rate's basis. Placeholders ("{gpu_hours}") and the thresholds of number ladders
// ("0@0.001:") are structure, not text, and are skipped.
#include "model/content/content_bundle.h"
#include "test_model_support.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <cctype>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using namespace chips;

namespace {

struct AllowList {
    std::set<std::string> words;                   // names, units, terms, math variables
    std::map<std::string, std::string> same_as_en; // keys whose Chinese text may equal the English (why)
};

const AllowList& allow_list() {
    static const AllowList loaded = [] {
        std::ifstream file(std::string(CHIPS_FIXTURES_DIR) + "/language_scan.json", std::ios::binary);
        std::ostringstream text;
        text << file.rdbuf();
        const nlohmann::json json = nlohmann::json::parse(text.str());
        AllowList list;
        for (const char* group : {"names", "units_and_terms", "math_variables"})
            for (const auto& word : json.at(group))
                list.words.insert(word.get<std::string>());
        for (const auto& [key, why] : json.at("same_as_english").items())
            list.same_as_en[key] = why.get<std::string>();
        return list;
    }();
    return loaded;
}

// The text a reader sees: placeholders (also the tour's "{training_days@gpu=h100}", session/tour_text.h) and ladder
// thresholds removed.
std::string reader_text(const std::string& text) {
    static const std::regex placeholder(R"(\{[a-z_]+(:range)?(@[a-z0-9_=.;]+)?\})");
    static const std::regex threshold(R"((^|\|)[0-9.e@]+:)");
    return std::regex_replace(std::regex_replace(text, placeholder, " "), threshold, " ");
}

// Latin words: runs of ASCII letters and digits with at least one letter. Non-ASCII bytes end a run.
std::vector<std::string> latin_words(const std::string& text) {
    std::vector<std::string> words;
    std::string word;
    bool has_letter = false;
    for (std::size_t at = 0; at <= text.size(); ++at) {
        const unsigned char c = at < text.size() ? static_cast<unsigned char>(text[at]) : ' ';
        if (c < 0x80 && std::isalnum(c)) {
            word += static_cast<char>(c);
            has_letter = has_letter || std::isalpha(c);
            continue;
        }
        if (has_letter) words.push_back(word);
        word.clear();
        has_letter = false;
    }
    return words;
}

bool has_digit(const std::string& word) {
    for (char c : word)
        if (std::isdigit(static_cast<unsigned char>(c))) return true;
    return false;
}

// "rental_cost_usd", "content/gpus.json": names from the code or the repository, never reader words.
const std::regex& internal_key() {
    static const std::regex key(R"([A-Za-z][A-Za-z0-9]*(_[A-Za-z0-9]+)+|[a-z]+/[a-z_]+\.json)");
    return key;
}

struct Problem {
    std::string where, what;
};

void scan(const std::string& where, const std::string& key, const std::string& en, const std::string& hans,
          const std::string& hant, std::vector<Problem>& problems) {
    const AllowList& allow = allow_list();
    for (const auto& [lang, text] :
         {std::pair<const char*, const std::string*>{"en", &en}, {"zh-Hans", &hans}, {"zh-Hant", &hant}}) {
        const std::string with_keys = reader_text(*text);
        for (auto it = std::sregex_iterator(with_keys.begin(), with_keys.end(), internal_key());
             it != std::sregex_iterator(); ++it)
            problems.push_back({where + " " + lang, "internal key \"" + it->str() + "\" in \"" + *text + "\""});
        const std::string shown = std::regex_replace(with_keys, internal_key(), " "); // each problem reported once
        if (std::string(lang) == "en") continue;
        if (*text == en && allow.same_as_en.count(key) == 0) {
            bool only_allowed = true;
            for (const std::string& word : latin_words(shown))
                only_allowed = only_allowed && (has_digit(word) || allow.words.count(word));
            if (!only_allowed) problems.push_back({where + " " + lang, "same as the English: \"" + *text + "\""});
        }
        if (allow.same_as_en.count(key)) continue;
        for (const std::string& word : latin_words(shown))
            if (!has_digit(word) && allow.words.count(word) == 0)
                problems.push_back({where + " " + lang, "English word \"" + word + "\" in \"" + *text + "\""});
    }
}

void scan(const std::string& where, const LocalizedText& text, std::vector<Problem>& problems) {
    scan(where, where, text.en, text.zh_hans, text.zh_hant, problems);
}

const ContentBundle& bundle() {
    static const ContentBundle loaded = [] {
        ContentTexts texts;
        for (const char* name :
             {"gpus.json", "presets.json", "quotes.json", "strings.json", "tour.json", "currency.json"})
            texts[name] = test::read_content_file(name);
        ContentBundle result;
        ContentErrors errors;
        CHECK_MESSAGE(load_content_bundle(texts, result, errors), test::joined(errors));
        return result;
    }();
    return loaded;
}

std::string report(const std::vector<Problem>& problems) {
    std::string text;
    for (const Problem& problem : problems)
        text += "  " + problem.where + ": " + problem.what + "\n";
    return text;
}

} // namespace

TEST_CASE("language scan: the rules catch what they are meant to catch") {
    std::vector<Problem> problems;
    scan("t.untranslated", "t.untranslated", "Theme", "Theme", "主題", problems);
    CHECK(problems.size() == 2); // equal to English, and an English word
    problems.clear();
    scan("t.key", "t.key", "Cost", "成本 rental_cost_usd", "成本", problems);
    CHECK(problems.size() == 1); // the internal key, once
    problems.clear();
    scan("t.path", "t.path", "see content/gpus.json", "见 GPU 目录", "見 GPU 目錄", problems);
    CHECK(problems.size() == 1);
    problems.clear();
    scan("t.allowed", "t.allowed", "{chips} H800 GPUs", "{chips} 张 H800 GPU", "{chips} 張 H800 GPU", problems);
    scan("t.ladder", "t.ladder", "0@0.001:{n} kWh", "0@0.001:{n}千瓦时", "0@0.001:{n}千瓦時", problems);
    scan("lang.en", "lang.en", "English", "English", "English", problems);
    CHECK_MESSAGE(problems.empty(), report(problems));
}

TEST_CASE("language scan: content/strings.json in every language") {
    std::vector<Problem> problems;
    for (const auto& [key, entry] : bundle().strings.entries())
        scan("content/strings.json /strings/" + key, key, entry.en, entry.zh_hans, entry.zh_hant, problems);
    CHECK_MESSAGE(problems.empty(), "\n" << report(problems));
    CHECK(bundle().strings.size() > 250);
}

TEST_CASE("language scan: presets, articles, claim notes, tour steps and the currency note") {
    const ContentBundle& content = bundle();
    std::vector<Problem> problems;
    for (std::size_t i = 0; i < content.presets.presets.size(); ++i) {
        const std::string where = "content/presets.json /presets/" + std::to_string(i);
        scan(where + "/name", content.presets.presets[i].name, problems);
        scan(where + "/notes", content.presets.presets[i].notes, problems);
    }
    for (std::size_t i = 0; i < content.quotes.articles.size(); ++i)
        scan("content/quotes.json /articles/" + std::to_string(i) + "/about", content.quotes.articles[i].about,
             problems);
    std::size_t notes = 0;
    for (const Quote& quote : content.quotes.quotes)
        for (std::size_t c = 0; c < quote.claims.size(); ++c, ++notes)
            scan("content/quotes.json /quotes/" + std::to_string(quote.position) + "/claims/" + std::to_string(c) +
                     "/note",
                 quote.claims[c].note, problems);
    for (const TourStep& step : content.tour.steps) {
        scan("content/tour.json /steps/" + std::to_string(step.position) + "/title", step.title, problems);
        scan("content/tour.json /steps/" + std::to_string(step.position) + "/body", step.body, problems);
    }
    scan("content/currency.json basis", content.rate.basis, problems);
    CHECK_MESSAGE(problems.empty(), "\n" << report(problems));
    CHECK(notes == content.quotes.claim_count());
}
