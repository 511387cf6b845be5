// tests/test_content_validate.cpp — the validator on broken fixtures (tests/fixtures/content/broken/): each
// fixture is the valid fixture with one defect, and the test asserts the defect is reported at its exact JSON
// pointer with a recognisable message — and that the valid fixture itself passes, so the checks are not vacuous.
#include "model/content/content_validate.h"
#include "model/content/quotes.h"
#include "model/content/strings.h"
#include "native/file_io.h"

#include <doctest/doctest.h>
#include <fstream>
#include <sstream>
#include <string>

namespace {

const std::string kFixtures = std::string(CHIPS_FIXTURES_DIR) + "/content";

std::string read_text(const std::string& path) {
    std::string text;
    REQUIRE_MESSAGE(chips::read_file(path, text), "cannot open " << path);
    return text;
}

// The valid fixture set; `replace_base` (e.g. "quotes.json") is swapped for a broken fixture when given.
std::map<std::string, std::string> fixture_files(const std::string& replace_base = "",
                                                 const std::string& broken_fixture = "") {
    std::map<std::string, std::string> files = {
        {"content/quotes.json", read_text(kFixtures + "/valid/quotes.json")},
        {"content/strings.json", read_text(std::string(CHIPS_CONTENT_DIR) + "/strings.json")},
        {"content/presets.json", read_text(kFixtures + "/ids/presets.json")},
        {"content/gpus.json", read_text(kFixtures + "/ids/gpus.json")},
    };
    if (!replace_base.empty()) files["content/" + replace_base] = read_text(kFixtures + "/broken/" + broken_fixture);
    return files;
}

std::string all_errors(const chips::ContentErrors& errors) {
    std::string text;
    for (const chips::ContentError& error : errors)
        text += error.to_string() + "\n";
    return text;
}

bool has_error(const chips::ContentErrors& errors, const std::string& source, const std::string& pointer,
               const std::string& message_part) {
    for (const chips::ContentError& error : errors)
        if (error.source == source && error.pointer == pointer && error.message.find(message_part) != std::string::npos)
            return true;
    return false;
}

struct BrokenCase {
    const char* fixture;      // file under tests/fixtures/content/broken/
    const char* replaces;     // which content file it stands in for
    const char* pointer;      // where the error must be reported
    const char* message_part; // a fragment the message must contain
};

const BrokenCase kBrokenCases[] = {
    {"quotes_value_not_number.json", "quotes.json", "/quotes/0/claims/0/value", "expected a number, got a string"},
    {"quotes_value_mismatch.json", "quotes.json", "/quotes/0/claims/0/value",
     "value 5750000.0 does not match span '557万美元' (reads as 5570000.0)"},
    {"quotes_span_not_in_quote.json", "quotes.json", "/quotes/0/claims/0/span", "not found in the quote text"},
    {"quotes_unit_mismatch.json", "quotes.json", "/quotes/1/claims/1/unit",
     "unit 'days' does not match span '两个月' (reads as 'months')"},
    {"quotes_qualifier_missing.json", "quotes.json", "/quotes/1/claims/0/qualifier",
     "qualifier '' does not match span '约5万张' (reads as 'approx')"},
    {"quotes_unknown_preset.json", "quotes.json", "/quotes/0/claims/1/compare_to/preset", "unknown preset id 'gpt-4o'"},
    {"quotes_unknown_gpu.json", "quotes.json", "/quotes/1/claims/0/scenario/overrides/gpu", "unknown GPU id 'h200'"},
    {"quotes_unknown_scenario_key.json", "quotes.json", "/quotes/1/claims/1/scenario/overrides/gpus",
     "unknown scenario key 'gpus'"},
    {"quotes_override_out_of_range.json", "quotes.json", "/quotes/1/claims/1/scenario/overrides/mfu",
     "out of range for mfu"},
    {"quotes_duplicate_quote_id.json", "quotes.json", "/quotes/1/id", "duplicate quote id 'q-test-cost'"},
    {"quotes_missing_note_translation.json", "quotes.json", "/quotes/0/claims/1/note/zh-Hant", "missing translation"},
    {"quotes_unknown_quantity.json", "quotes.json", "/quotes/0/claims/0/quantity",
     "unknown quantity 'training_cost_usd'"},
    {"quotes_unit_vs_quantity.json", "quotes.json", "/quotes/1/claims/1/unit",
     "unit 'months' cannot be compared with rental_cost_usd (USD)"},
    {"quotes_checkable_without_tolerance.json", "quotes.json", "/quotes/0/claims/0/tolerance", "missing field"},
    {"quotes_not_checkable_with_compare_to.json", "quotes.json", "/quotes/1/claims/0/compare_to",
     "not_checkable claims take no compare_to"},
    {"quotes_inverse_without_compare_to.json", "quotes.json", "/quotes/0/claims/1/ratio_mode",
     "ratio_mode \"inverse\" needs compare_to"},
    {"quotes_unknown_article.json", "quotes.json", "/quotes/1/article", "unknown article 'a-missing'"},
    {"quotes_script_differs.json", "quotes.json", "/quotes/0/script", "differs from the article's (zh-Hans)"},
    {"quotes_unknown_field.json", "quotes.json", "/quotes/0/claims/0/tolerence", "unknown field"},
    {"quotes_missing_translation.json", "quotes.json", "/quotes/0/translation", "missing field"},
    {"quotes_bad_date.json", "quotes.json", "/articles/0/date", "must be YYYY, YYYY-MM or YYYY-MM-DD"},
    {"quotes_unparsable_span.json", "quotes.json", "/quotes/0/claims/0/span", "cannot read a quantity from 'GPT-4o'"},
    {"strings_missing_translation.json", "strings.json", "/strings/app.title/zh-Hant", "missing translation"},
    {"strings_empty_translation.json", "strings.json", "/strings/app.title/zh-Hans", "must not be empty"},
    {"strings_placeholder_mismatch.json", "strings.json", "/strings/quote.count/zh-Hant",
     "placeholders {n} differ from English {count}"},
    {"strings_not_object.json", "strings.json", "/strings/panel.results", "expected an object, got a string"},
    {"presets_duplicate_id.json", "presets.json", "/presets/9/id", "duplicate id 'deepseek-v3'"},
    {"gpus_name_missing_language.json", "gpus.json", "/gpus/2/name/zh-Hant", "missing translation"},
    {"gpus_missing_id.json", "gpus.json", "/gpus/1/id", "missing field"},
};

} // namespace

TEST_CASE("the valid fixture set passes, so every broken case below fails for its one defect") {
    chips::ContentSummary summary;
    const chips::ContentErrors errors = chips::validate_all(fixture_files(), &summary);
    INFO(all_errors(errors));
    CHECK(errors.empty());
    CHECK(summary.articles == 1);
    CHECK(summary.quotes == 2);
    CHECK(summary.claims == 4);
    CHECK(summary.checkable_claims == 3);
    CHECK(summary.presets == 9);
    CHECK(summary.gpus == 11);
}

TEST_CASE("each broken fixture is reported with its file and JSON pointer") {
    for (const BrokenCase& broken : kBrokenCases) {
        CAPTURE(broken.fixture);
        const chips::ContentErrors errors = chips::validate_all(fixture_files(broken.replaces, broken.fixture));
        INFO(all_errors(errors));
        CHECK(has_error(errors, std::string("content/") + broken.replaces, broken.pointer, broken.message_part));
    }
}

TEST_CASE("error lines have the documented format") {
    const chips::ContentErrors errors =
        chips::validate_all(fixture_files("quotes.json", "quotes_value_not_number.json"));
    REQUIRE(errors.size() == 1); // one defect → one error, no cascade
    CHECK(errors[0].to_string() == "content/quotes.json: /quotes/0/claims/0/value: expected a number, got a string");
}

TEST_CASE("invalid JSON names the line and column") {
    const chips::ContentErrors errors = chips::validate_all(fixture_files("quotes.json", "quotes_invalid_json.json"));
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].source == "content/quotes.json");
    CHECK(errors[0].message.find("invalid JSON") != std::string::npos);
    CHECK(errors[0].message.find("line 4") != std::string::npos);
}

TEST_CASE("a missing presets.json or gpus.json is reported as a missing file, not as unknown ids") {
    std::map<std::string, std::string> files = fixture_files();
    files.erase("content/presets.json");
    files.erase("content/gpus.json");
    const chips::ContentErrors errors = chips::validate_all(files);
    INFO(all_errors(errors));
    CHECK(has_error(errors, "content/presets.json", "", "missing file"));
    CHECK(has_error(errors, "content/gpus.json", "", "missing file"));
    CHECK(errors.size() == 2); // references are not re-reported as unknown
}

TEST_CASE("strings.json must hold every key the app needs for contract names") {
    std::map<std::string, std::string> files = fixture_files();
    files["content/strings.json"] = read_text(kFixtures + "/valid/strings_small.json");
    const chips::ContentErrors errors = chips::validate_all(files);
    CHECK(has_error(errors, "content/strings.json", "/strings/output.rental_cost_usd", "missing string"));
    CHECK(has_error(errors, "content/strings.json", "/strings/scenario.overlap.help", "missing string"));
    CHECK(has_error(errors, "content/strings.json", "/strings/verdict.not_checkable", "missing string"));
}

TEST_CASE("load_quotes keeps the parsed claim fields") {
    chips::QuoteLibrary library;
    chips::ContentErrors errors;
    REQUIRE(chips::load_quotes(read_text(kFixtures + "/valid/quotes.json"), "q.json", library, errors));
    REQUIRE(library.quotes.size() == 2);
    const chips::QuoteClaim& ratio = library.quotes[0].claims[1];
    CHECK(ratio.quantity == "rental_cost_usd");
    CHECK(ratio.has_compare_to);
    CHECK(ratio.compare_to.preset == "gpt4-estimate");
    CHECK(ratio.ratio_mode == chips::QuoteRatioMode::inverse);
    CHECK(ratio.value == doctest::Approx(0.05));
    const chips::QuoteClaim& months = library.quotes[1].claims[1];
    CHECK(months.unit == chips::ZhUnit::months);
    REQUIRE(months.scenario.overrides.size() == 2);
    CHECK(months.scenario.overrides[0] == std::make_pair(std::string("mfu"), std::string("0.35")));
    CHECK(months.scenario.overrides[1] == std::make_pair(std::string("precision"), std::string("fp8")));
    double days = 0;
    REQUIRE(chips::claim_value_in_output_unit(months.value, months.unit, months.quantity, false, days));
    CHECK(days == doctest::Approx(60.87).epsilon(0.001));
    CHECK(library.article_of(library.quotes[1]).date == "2025-01-27");
}

TEST_CASE("quotes are checked verbatim against their article") {
    chips::QuoteLibrary library;
    chips::ContentErrors errors;
    REQUIRE(chips::load_quotes(read_text(kFixtures + "/valid/quotes.json"), "content/quotes.json", library, errors));
    std::map<std::string, std::string> articles = {
        {"test_article.txt", read_text(kFixtures + "/valid/test_article.txt")}};
    chips::check_quotes_against_articles(library, "content/quotes.json", articles, errors);
    CHECK(errors.empty());

    articles["test_article.txt"] = "训练成本仅557万美元，仅为GPT-4o的1/20"; // full-width comma: not verbatim
    chips::check_quotes_against_articles(library, "content/quotes.json", articles, errors);
    CHECK(has_error(errors, "content/quotes.json", "/quotes/0/text", "not a verbatim substring"));
    CHECK(has_error(errors, "content/quotes.json", "/quotes/1/text", "not a verbatim substring"));

    errors.clear();
    chips::check_quotes_against_articles(library, "content/quotes.json", {}, errors);
    CHECK(has_error(errors, "content/quotes.json", "/articles/0/file", "not found among the seed articles"));
}

TEST_CASE("tr() never returns null: unknown keys show themselves") {
    chips::StringTable table;
    chips::ContentErrors errors;
    REQUIRE(chips::load_strings(read_text(kFixtures + "/valid/strings_small.json"), "s.json", table, errors));
    CHECK(std::string(table.tr("app.title", chips::Lang::zh_hant)) == "晶片與說法");
    CHECK(std::string(table.tr("app.title", chips::Lang::zh_hans)) == "芯片与说法");
    const char* missing = table.tr("panel.nope", chips::Lang::en);
    REQUIRE(missing != nullptr);
    CHECK(std::string(missing) == "panel.nope");
    CHECK(table.tr("panel.nope", chips::Lang::zh_hans) == missing); // same stable pointer

    const chips::StringTable empty;
    CHECK(std::string(empty.tr("app.title", chips::Lang::zh_hans)) == "app.title");

    chips::Lang lang = chips::Lang::en;
    CHECK(chips::lang_from_code("zh-TW", lang));
    CHECK(lang == chips::Lang::zh_hant);
    CHECK(chips::lang_from_code("zh-Hans", lang));
    CHECK(lang == chips::Lang::zh_hans);
    CHECK_FALSE(chips::lang_from_code("fr", lang));
}

TEST_CASE("claim values are handed to the checker in its ratio convention") {
    chips::QuoteClaim inverse;
    inverse.quantity = "rental_cost_usd";
    inverse.has_compare_to = true;
    inverse.unit = chips::ZhUnit::fraction;
    inverse.value = inverse.value_high = 0.05; // "1/20"
    inverse.ratio_mode = chips::QuoteRatioMode::inverse;
    double low = 0, high = 0;
    REQUIRE(chips::claim_values_for_checker(inverse, low, high));
    CHECK(low == doctest::Approx(20.0));
    CHECK(high == doctest::Approx(20.0));

    inverse.value = 1.0 / 90.0; // "幾十分之一": 1/90 … 1/20 → N from 20 to 90
    inverse.value_high = 1.0 / 20.0;
    REQUIRE(chips::claim_values_for_checker(inverse, low, high));
    CHECK(low == doctest::Approx(20.0));
    CHECK(high == doctest::Approx(90.0));

    chips::QuoteClaim excess = inverse; // "大約65%" larger → ratio 1.65
    excess.quantity = "total_params";
    excess.ratio_mode = chips::QuoteRatioMode::excess;
    excess.value = excess.value_high = 0.65;
    REQUIRE(chips::claim_values_for_checker(excess, low, high));
    CHECK(low == doctest::Approx(1.65));

    chips::QuoteClaim months; // "兩個月" of training_days → days
    months.quantity = "training_days";
    months.unit = chips::ZhUnit::months;
    months.value = months.value_high = 2;
    REQUIRE(chips::claim_values_for_checker(months, low, high));
    CHECK(low == doctest::Approx(60.87).epsilon(0.001));

    months.unit = chips::ZhUnit::usd; // dollars cannot become days
    CHECK_FALSE(chips::claim_values_for_checker(months, low, high));
    months.quantity = "not_checkable";
    CHECK_FALSE(chips::claim_values_for_checker(months, low, high));
}
