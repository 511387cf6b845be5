// model/content/quotes.h — the articles, quotes and claims of content/quotes.json as model types.
//
// A quote is a verbatim excerpt of one source article; a claim is one number inside it (its exact span), what we
// read from that span, and how the model checks it (an output key under a scenario, optionally as a ratio to a
// second scenario). Schema and the meaning of every field: docs/content.md. Shared names: docs/contract.md.
//
// Loading takes JSON *text* plus a display file name (the wasm app embeds content; model/ never opens files).
#pragma once
#include "model/core/content_error.h"
#include "model/core/types.h"
#include "model/text/zh_quantity.h"

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace chips {

// LocalizedText (en / zh-Hans / zh-Hant) comes from presets.h and SourceRef (title, publisher, date, locator, url)
// from gpu_catalog.h, so quotes, presets and GPUs cite and translate the same way.

// One of the five seed articles. Quotes point at it by id.
struct Article {
    std::string id;          // stable id, e.g. "a-bloomberg-liang"
    std::string file;        // seed file name, e.g. "001_32ead36eae9c2af5.txt"
    std::string script;      // "zh-Hans" or "zh-Hant"
    std::string publication; // as the article names it (e.g. "彭博社"); empty if the article names none
    std::string title;       // as the article gives it; empty if it gives none
    std::string date;        // ISO date or "YYYY-MM" if the article states one; else empty
    LocalizedText about;     // one line describing the article (publication/title in readers' languages)
};

// A scenario as the model sees it: a preset plus scenario-key overrides (docs/contract.md "Scenario keys").
struct ScenarioRef {
    std::string preset;                                         // preset id from content/presets.json
    std::vector<std::pair<std::string, std::string>> overrides; // key → value in CLI `--set key=value` text form
};

// How a claimed value relates to output(scenario) / output(compare_to).
enum class QuoteRatioMode {
    direct,  // claimed value ≈ output(scenario) / output(compare_to)                    ("11倍", "5%左右")
    inverse, // the span is written "1/N": compare N ≈ output(compare_to) / output(scenario) ("1/20")
    excess,  // the span says "N% larger": claimed value ≈ ratio − 1                       ("大約65%")
};

// One number in a quote. (Named QuoteClaim: chips::Claim is the checker's input in claim_check.h.)
struct QuoteClaim {
    std::string span;                          // exact text inside the quote, e.g. "557万美元"
    double value = 0.0;                        // the number read from span (lower bound for ranges), in `unit`
    double value_high = 0.0;                   // upper bound, in `unit`; == value unless the span is a range
    ZhUnit unit = ZhUnit::none;                // unit of value/value_high as written in the span
    ZhQualifier qualifier = ZhQualifier::none; // hedge word in the span ("約", "不足", "左右")
    std::string quantity;                      // output key (docs/contract.md) or "not_checkable"
    bool has_scenario = false;                 // scenario is set (required when checkable; illustrative otherwise)
    ScenarioRef scenario;                      // where the model computes `quantity`
    bool has_compare_to = false;               // compare_to is set: the claim is a ratio
    ScenarioRef compare_to;                    // denominator scenario of the ratio
    QuoteRatioMode ratio_mode = QuoteRatioMode::direct; // how value maps onto the ratio
    double tolerance = 0.0;         // relative tolerance for "consistent" (0.15 = ±15%); 0 if not checkable
    LocalizedText note;             // short neutral note shown with the verdict
    std::vector<SourceRef> sources; // primary sources for facts stated in the note
    // quantity == "published_figure": the claim is checked against a figure its own source published (e.g.
    // DeepSeek's computation-to-communication ratio), in the claim's unit, instead of against the model.
    Range published;              // the published figure as a range (low = central = high for a point)
    LocalizedText published_what; // what the figure is, for the reason line ("DeepSeek's stated 1:1 ratio ...")
    // Claims that make the same comparison share an id ("dsv3-cost-vs-gpt4"): they must be checked the same way
    // and get the same verdict (the validator and tests/test_claim_verdicts.cpp hold them to it).
    std::string comparison;

    bool checkable() const { return quantity != "not_checkable"; }
    bool against_published() const { return quantity == kPublishedFigure; }
    static constexpr const char* kPublishedFigure = "published_figure";
};

// One verbatim excerpt of an article.
struct Quote {
    std::string id;                 // stable id, e.g. "q-dsv3-cost-557"
    std::size_t position = 0;       // index in the file's /quotes array (for error pointers)
    std::size_t article_index;      // index into QuoteLibrary::articles
    std::string text;               // verbatim substring of the article
    std::string script;             // "zh-Hans" or "zh-Hant" (same as the article's)
    std::string translation_en;     // our English translation
    std::string topic;              // one of kQuoteTopics
    std::vector<QuoteClaim> claims; // numbers in this quote, in reading order
};

struct QuoteLibrary {
    std::vector<Article> articles; // in file order
    std::vector<Quote> quotes;     // in file order

    std::size_t claim_count() const;
    const Article& article_of(const Quote& quote) const { return articles[quote.article_index]; }
};

// Topic tags a quote may carry (the Quotes panel filters on them).
extern const char* const kQuoteTopics[];
extern const std::size_t kQuoteTopicCount;

// Output keys and scenario keys are the model's own tables (estimate.h find_output, scenario.h find_scenario_key),
// which implement docs/contract.md; the loader checks claims against them so content and model cannot drift.

// Parses content/quotes.json text. Schema errors, duplicate ids, unknown articles, spans missing from their quote,
// span/value mismatches and unit/quantity mismatches are appended to `errors` (with `file_name` and a JSON pointer).
// Cross-file checks (preset and GPU ids) are in content_validate.h. Returns false if any error was added.
bool load_quotes(std::string_view json_text, const std::string& file_name, QuoteLibrary& library_out,
                 ContentErrors& errors);

// Checks that every quote is a verbatim substring of its article. `article_texts` maps seed file name
// (e.g. "001_32ead36eae9c2af5.txt") → text. A missing article is an error at /articles/N/file.
void check_quotes_against_articles(const QuoteLibrary& library, const std::string& file_name,
                                   const std::map<std::string, std::string>& article_texts, ContentErrors& errors);

// Converts a claimed value from the unit in its span to the unit of its output key (months → days for
// training_days, hours → days, ...). Dimensionless units (fraction, ratio, times, none) pass through.
// Returns false if the units are not convertible (the validator reports those claims).
bool claim_value_in_output_unit(double value, ZhUnit unit, std::string_view quantity, bool is_ratio, double& value_out);

// The number to hand to the claim checker (claim_check.h chips::Claim::claimed_value): value converted to the
// output's unit, then in the checker's ratio convention — inverse "1/20" → 20 (N), excess "65% larger" → 1.65,
// direct unchanged. Uses value (the low end) for ranges; `high_out` gets value_high the same way. A
// published_figure claim passes through as written (its figure is in the span's own unit). False if the claim is
// not checkable or its unit does not convert.
bool claim_values_for_checker(const QuoteClaim& claim, double& low_out, double& high_out);

} // namespace chips
