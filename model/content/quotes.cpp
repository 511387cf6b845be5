// model/content/quotes.cpp — loads content/quotes.json (see quotes.h, docs/content.md). Index:
//   [SECTION] Shared name tables (topics, output keys, scenario keys)
//   [SECTION] Unit conversion for claim values
//   [SECTION] Scenario objects
//   [SECTION] Claims
//   [SECTION] Articles and quotes
//   [SECTION] Quotes against the seed articles
#include "model/content/quotes.h"

#include "model/content/content_json.h"
#include "model/engine/estimate.h"
#include "model/engine/scenario.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace chips {

using content_json::child;
using content_json::Json;
using content_json::Reporter;

// ---------------------------------------------------------------------------------------------------------------------
// [SECTION] Shared name tables
// ---------------------------------------------------------------------------------------------------------------------
const char* const kQuoteTopics[] = {
    "training_cost", // what a training run cost (557万美元, 1/20 of GPT-4o)
    "training_time", // how long a run took (两个月)
    "chips",         // which / how many chips someone has or used (5万张H100)
    "cluster_size",  // size of a cluster (10万块H100, 1000塊2080Ti)
    "purchases",     // money spent on hardware or data centres (14億美元, 10.8億美元)
    "efficiency",    // compute or speed ratios (1/10 算力, 11倍, 2倍)
    "experts",       // mixture-of-experts structure (8 experts, 2 active)
    "model_size",    // parameter counts (大約65% larger)
    "api_prices",    // API prices per million tokens (0.14美元, 15→0.55美元)
    "reliability",   // failures, uninterrupted runs, recovery time (40天, 10分鐘)
    "market",        // stock and market-value moves (1.2万亿美元, 7%)
};
const std::size_t kQuoteTopicCount = sizeof(kQuoteTopics) / sizeof(kQuoteTopics[0]);

namespace {
// The unit of an output key from the model's output table ("USD", "days", ...); nullptr if not an output.
const char* output_unit(std::string_view quantity) {
    const OutputInfo* info = find_output(std::string(quantity).c_str());
    return info ? info->unit : nullptr;
}
} // namespace

std::size_t QuoteLibrary::claim_count() const {
    std::size_t count = 0;
    for (const Quote& quote : quotes)
        count += quote.claims.size();
    return count;
}

// ---------------------------------------------------------------------------------------------------------------------
// [SECTION] Unit conversion for claim values
// ---------------------------------------------------------------------------------------------------------------------
namespace {
bool is_dimensionless(ZhUnit unit) {
    return unit == ZhUnit::none || unit == ZhUnit::fraction || unit == ZhUnit::ratio || unit == ZhUnit::times;
}

// Days per unit for time spans; 0 if `unit` is not a time unit. Months and years are calendar averages
// (Gregorian), which is as precise as "两个月" ever is.
double days_per(ZhUnit unit) {
    switch (unit) {
    case ZhUnit::minutes:
        return 1.0 / 1440.0;
    case ZhUnit::hours:
        return 1.0 / 24.0;
    case ZhUnit::days:
        return 1.0;
    case ZhUnit::weeks:
        return 7.0;
    case ZhUnit::months:
        return 365.2425 / 12.0;
    case ZhUnit::years:
        return 365.2425;
    default:
        return 0.0;
    }
}
} // namespace

bool claim_value_in_output_unit(double value, ZhUnit unit, std::string_view quantity, bool is_ratio,
                                double& value_out) {
    const char* unit_of_output = output_unit(quantity);
    if (!unit_of_output) return false;
    if (is_ratio) {
        value_out = value;
        return is_dimensionless(unit);
    }
    const std::string_view output_unit_name = unit_of_output;
    if (output_unit_name == "USD" || output_unit_name == "USD per 1M output tokens") {
        value_out = value;
        return unit == ZhUnit::usd;
    }
    if (output_unit_name == "days") {
        value_out = value * days_per(unit);
        return days_per(unit) > 0.0;
    }
    if (output_unit_name == "GPU-hours") {
        value_out = value;
        return unit == ZhUnit::hours || unit == ZhUnit::none;
    }
    if (output_unit_name == "params") {
        value_out = value;
        return unit == ZhUnit::count || unit == ZhUnit::none;
    }
    if (output_unit_name == "fraction" || output_unit_name == "ratio") {
        value_out = value;
        return is_dimensionless(unit);
    }
    value_out = value; // FLOP, TFLOP/s, MWh, GB...: the parser has no words for these, so only bare numbers
    return unit == ZhUnit::none;
}

bool claim_values_for_checker(const QuoteClaim& claim, double& low_out, double& high_out) {
    if (!claim.checkable()) return false;
    if (claim.against_published()) { // compared as written, in the published figure's own unit
        low_out = claim.value;
        high_out = claim.value_high;
        return true;
    }
    double low = 0.0, high = 0.0;
    if (!claim_value_in_output_unit(claim.value, claim.unit, claim.quantity, claim.has_compare_to, low) ||
        !claim_value_in_output_unit(claim.value_high, claim.unit, claim.quantity, claim.has_compare_to, high))
        return false;
    switch (claim.ratio_mode) {
    case QuoteRatioMode::direct:
        break;
    case QuoteRatioMode::inverse: // "1/20" → N = 20; the ends swap (1/90…1/20 → 20…90)
        if (low <= 0.0 || high <= 0.0) return false;
        std::swap(low, high);
        low = 1.0 / low;
        high = 1.0 / high;
        break;
    case QuoteRatioMode::excess: // "65% larger" → ratio 1.65
        low += 1.0;
        high += 1.0;
        break;
    }
    low_out = low;
    high_out = high;
    return true;
}

namespace {

// ---------------------------------------------------------------------------------------------------------------------
// [SECTION] Scenario objects
// ---------------------------------------------------------------------------------------------------------------------
// {"preset": "deepseek-v3", "overrides": {"chips": 2048, "gpu": "h800"}}. Preset and GPU ids are checked against
// presets.json / gpus.json by content_validate (this file alone cannot know them).
bool read_scenario(const Reporter& report, const Json& object, const std::string& pointer, ScenarioRef& out) {
    if (!report.expect_object(object, pointer)) return false;
    report.reject_unknown_fields(object, pointer, {"preset", "overrides"});
    bool ok = report.read_string(object, pointer, "preset", out.preset, /*required=*/true);
    const auto overrides = object.find("overrides");
    if (overrides == object.end()) return ok;
    const std::string overrides_pointer = child(pointer, "overrides");
    if (!report.expect_object(*overrides, overrides_pointer)) return false;
    for (const auto& item : overrides->items()) {
        const std::string here = child(overrides_pointer, item.key());
        const ScenarioKeyInfo* info = find_scenario_key(item.key()); // model/engine/scenario.h key table
        if (!info) {
            report.error(here, "unknown scenario key '" + item.key() + "' (see docs/contract.md)");
            ok = false;
            continue;
        }
        const Json& value = item.value();
        if (info->kind == KeyKind::gpu_id || info->kind == KeyKind::precision) {
            if (!report.expect_string(value, here, false)) {
                ok = false;
                continue;
            }
            if (info->kind == KeyKind::precision && value != "bf16" && value != "fp8") {
                report.error(here, "precision must be \"bf16\" or \"fp8\"");
                ok = false;
                continue;
            }
            out.overrides.emplace_back(item.key(), value.get<std::string>());
            continue;
        }
        // Numbers: JSON numbers only (content is written by people who can write 14.8e12), within the model's range.
        if (!report.expect_number(value, here)) {
            ok = false;
            continue;
        }
        const double number = value.get<double>();
        if (!(number >= info->min && number <= info->max)) {
            report.error(here, value.dump() + " is out of range for " + item.key() + " (" + Json(info->min).dump() +
                                   " … " + Json(info->max).dump() + " " + info->unit + ")");
            ok = false;
            continue;
        }
        if (info->kind == KeyKind::whole && number != std::floor(number)) {
            report.error(here, item.key() + " must be a whole number, got " + value.dump());
            ok = false;
            continue;
        }
        out.overrides.emplace_back(item.key(), value.dump()); // shortest round-trip text, as `--set` takes
    }
    return ok;
}

// ---------------------------------------------------------------------------------------------------------------------
// [SECTION] Claims
// ---------------------------------------------------------------------------------------------------------------------
// Lower-case ASCII letters and digits in groups joined by single '-' or '.' ("q-dsv3-cost-557", "llama3.1-405b").
bool is_valid_id(const std::string& id) {
    if (id.empty()) return false;
    bool previous_was_separator = true; // no separator at the start
    for (char c : id) {
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        const bool separator = c == '-' || c == '.';
        if (!alnum && !separator) return false;
        if (separator && previous_was_separator) return false;
        previous_was_separator = separator;
    }
    return !previous_was_separator;
}

// YYYY, YYYY-MM or YYYY-MM-DD with a plausible month and day.
bool is_valid_date(const std::string& date) {
    auto digits = [&](std::size_t from, std::size_t count) {
        for (std::size_t i = from; i < from + count; ++i)
            if (i >= date.size() || date[i] < '0' || date[i] > '9') return false;
        return true;
    };
    if (date.size() != 4 && date.size() != 7 && date.size() != 10) return false;
    if (!digits(0, 4)) return false;
    if (date.size() == 4) return true;
    if (date[4] != '-' || !digits(5, 2)) return false;
    const int month = std::stoi(date.substr(5, 2));
    if (month < 1 || month > 12) return false;
    if (date.size() == 7) return true;
    if (date[7] != '-' || !digits(8, 2)) return false;
    const int day = std::stoi(date.substr(8, 2));
    return day >= 1 && day <= 31;
}

bool nearly_equal(double a, double b) {
    return std::fabs(a - b) <= 1e-9 * std::max(std::fabs(a), std::fabs(b));
}

std::string format_number(double value) {
    return Json(value).dump();
}

// "published": {"low", "central", "high", "what": {en, zh-Hans, zh-Hant}} — only with quantity published_figure.
void read_published(const Reporter& report, const Json& object, const std::string& pointer, bool wanted,
                    QuoteClaim& claim) {
    const auto published = object.find("published");
    const std::string here = child(pointer, "published");
    if (published == object.end()) {
        if (wanted) report.error(here, "missing field (quantity published_figure needs the published figure)");
        return;
    }
    if (!wanted) {
        report.error(here, "only a claim with quantity \"published_figure\" takes a published figure");
        return;
    }
    if (!report.expect_object(*published, here)) return;
    report.reject_unknown_fields(*published, here, {"low", "central", "high", "what"});
    Range& range = claim.published;
    const bool ok = report.read_number(*published, here, "low", range.low, true) &
                    report.read_number(*published, here, "central", range.central, true) &
                    report.read_number(*published, here, "high", range.high, true);
    if (ok && !(range.low > 0 && range.low <= range.central && range.central <= range.high))
        report.error(here, "expected 0 < low <= central <= high");
    report.read_localized(*published, here, "what", claim.published_what, /*required=*/true);
}

void read_claim(const Reporter& report, const Json& object, const std::string& pointer, const std::string& quote_text,
                QuoteClaim& claim) {
    if (!report.expect_object(object, pointer)) return;
    report.reject_unknown_fields(object, pointer,
                                 {"span", "value", "value_high", "unit", "qualifier", "quantity", "scenario",
                                  "compare_to", "ratio_mode", "tolerance", "note", "sources", "published",
                                  "comparison"});

    // Span: present in the quote, and parses to exactly the stated value/unit/qualifier.
    const bool has_span = report.read_string(object, pointer, "span", claim.span, /*required=*/true);
    if (has_span && quote_text.find(claim.span) == std::string::npos)
        report.error(child(pointer, "span"), "span '" + claim.span + "' not found in the quote text");
    const bool has_value = report.read_number(object, pointer, "value", claim.value, /*required=*/true);
    const bool has_value_high = report.read_number(object, pointer, "value_high", claim.value_high, false);
    if (!has_value_high) claim.value_high = claim.value;
    std::string unit_name;
    bool has_unit = false;
    if (report.read_string(object, pointer, "unit", unit_name, /*required=*/true, /*allow_empty=*/true)) {
        has_unit = zh_unit_from_name(unit_name, claim.unit);
        if (!has_unit) report.error(child(pointer, "unit"), "unknown unit '" + unit_name + "'");
    }
    std::string qualifier_name;
    if (report.read_string(object, pointer, "qualifier", qualifier_name, /*required=*/false) &&
        !zh_qualifier_from_name(qualifier_name, claim.qualifier))
        report.error(child(pointer, "qualifier"), "unknown qualifier '" + qualifier_name + "'");

    if (has_span) {
        const ZhParseResult parsed = parse_zh_quantity(claim.span);
        if (!parsed.ok) {
            report.error(child(pointer, "span"), "cannot read a quantity from '" + claim.span + "': " + parsed.error);
        } else {
            const ZhQuantity& q = parsed.quantity;
            if (has_value && !nearly_equal(claim.value, q.low))
                report.error(child(pointer, "value"), "value " + format_number(claim.value) + " does not match span '" +
                                                          claim.span + "' (reads as " + format_number(q.low) + ")");
            if (has_value && q.is_range() && !has_value_high)
                report.error(child(pointer, "value_high"),
                             "missing field: span '" + claim.span + "' is a range up to " + format_number(q.high));
            else if (has_value_high && !nearly_equal(claim.value_high, q.high))
                report.error(child(pointer, "value_high"), "value_high " + format_number(claim.value_high) +
                                                               " does not match span '" + claim.span + "' (reads as " +
                                                               format_number(q.high) + ")");
            if (has_unit && claim.unit != q.unit)
                report.error(child(pointer, "unit"), "unit '" + unit_name + "' does not match span '" + claim.span +
                                                         "' (reads as '" + zh_unit_name(q.unit) + "')");
            if (claim.qualifier != q.qualifier)
                report.error(child(pointer, "qualifier"), std::string("qualifier '") +
                                                              zh_qualifier_name(claim.qualifier) +
                                                              "' does not match span '" + claim.span + "' (reads as '" +
                                                              zh_qualifier_name(q.qualifier) + "')");
        }
    }

    // What the model computes, and under which scenario.
    const bool has_quantity = report.read_string(object, pointer, "quantity", claim.quantity, /*required=*/true);
    if (has_quantity && claim.checkable() && !claim.against_published() && !output_unit(claim.quantity))
        report.error(child(pointer, "quantity"),
                     "unknown quantity '" + claim.quantity +
                         "' (an output key from docs/contract.md, published_figure or not_checkable)");
    read_published(report, object, pointer, has_quantity && claim.against_published(), claim);
    if (report.read_string(object, pointer, "comparison", claim.comparison, /*required=*/false) &&
        !is_valid_id(claim.comparison))
        report.error(child(pointer, "comparison"),
                     "comparison '" + claim.comparison + "' must be lower-case letters, digits, '-' and '.'");

    if (const auto scenario = object.find("scenario"); scenario != object.end())
        claim.has_scenario = read_scenario(report, *scenario, child(pointer, "scenario"), claim.scenario) ||
                             !claim.scenario.preset.empty();
    if (const auto compare_to = object.find("compare_to"); compare_to != object.end())
        claim.has_compare_to = read_scenario(report, *compare_to, child(pointer, "compare_to"), claim.compare_to) ||
                               !claim.compare_to.preset.empty();
    std::string ratio_mode;
    const bool has_ratio_mode = report.read_string(object, pointer, "ratio_mode", ratio_mode, false);
    if (has_ratio_mode) {
        if (ratio_mode == "direct")
            claim.ratio_mode = QuoteRatioMode::direct;
        else if (ratio_mode == "inverse")
            claim.ratio_mode = QuoteRatioMode::inverse;
        else if (ratio_mode == "excess")
            claim.ratio_mode = QuoteRatioMode::excess;
        else
            report.error(child(pointer, "ratio_mode"), "ratio_mode must be \"direct\", \"inverse\" or \"excess\"");
    }
    const bool has_tolerance = report.read_number(object, pointer, "tolerance", claim.tolerance, false);

    if (has_quantity && claim.against_published()) {
        if (!has_tolerance)
            report.error(child(pointer, "tolerance"), "missing field (a checkable claim needs a relative tolerance)");
        else if (!(claim.tolerance > 0.0 && claim.tolerance <= 2.0))
            report.error(child(pointer, "tolerance"),
                         "tolerance " + format_number(claim.tolerance) + " is out of range (0 < tolerance <= 2)");
        if (object.find("compare_to") != object.end())
            report.error(child(pointer, "compare_to"), "a published_figure claim takes no compare_to");
        if (has_ratio_mode) report.error(child(pointer, "ratio_mode"), "a published_figure claim takes no ratio_mode");
        if (object.find("sources") == object.end())
            report.error(child(pointer, "sources"), "missing field (a published figure needs its source)");
    } else if (has_quantity && claim.checkable() && output_unit(claim.quantity)) {
        if (object.find("scenario") == object.end())
            report.error(child(pointer, "scenario"), "missing field (a checkable claim needs a scenario)");
        if (!has_tolerance)
            report.error(child(pointer, "tolerance"), "missing field (a checkable claim needs a relative tolerance)");
        else if (!(claim.tolerance > 0.0 && claim.tolerance <= 2.0))
            report.error(child(pointer, "tolerance"),
                         "tolerance " + format_number(claim.tolerance) + " is out of range (0 < tolerance <= 2)");
        if (has_ratio_mode && claim.ratio_mode != QuoteRatioMode::direct && !claim.has_compare_to)
            report.error(child(pointer, "ratio_mode"), "ratio_mode \"" + ratio_mode + "\" needs compare_to");
        if (claim.ratio_mode == QuoteRatioMode::inverse && claim.unit == ZhUnit::fraction && claim.value <= 0.0)
            report.error(child(pointer, "value"), "an inverse (1/N) claim needs a value above zero");
        double converted = 0.0;
        if (has_unit &&
            !claim_value_in_output_unit(claim.value, claim.unit, claim.quantity, claim.has_compare_to, converted)) {
            report.error(child(pointer, "unit"),
                         claim.has_compare_to
                             ? "a ratio claim (compare_to) needs a dimensionless unit, got '" + unit_name + "'"
                             : "unit '" + unit_name + "' cannot be compared with " + claim.quantity + " (" +
                                   output_unit(claim.quantity) + ")");
        }
    } else if (has_quantity && !claim.checkable()) {
        // A scenario may stay as an illustration ("what would 50,000 H100 cost"); a ratio or tolerance would
        // pretend a check happens.
        if (object.find("compare_to") != object.end())
            report.error(child(pointer, "compare_to"), "not_checkable claims take no compare_to");
        if (has_ratio_mode) report.error(child(pointer, "ratio_mode"), "not_checkable claims take no ratio_mode");
        if (has_tolerance) report.error(child(pointer, "tolerance"), "not_checkable claims take no tolerance");
    }

    report.read_localized(object, pointer, "note", claim.note, /*required=*/true);

    if (const auto sources = object.find("sources"); sources != object.end()) {
        const std::string sources_pointer = child(pointer, "sources");
        if (report.expect_array(*sources, sources_pointer)) {
            for (std::size_t i = 0; i < sources->size(); ++i) {
                const Json& source = (*sources)[i];
                const std::string here = child(sources_pointer, i);
                if (!report.expect_object(source, here)) continue;
                report.reject_unknown_fields(source, here, {"title", "publisher", "date", "locator", "url"});
                SourceRef ref;
                report.read_string(source, here, "title", ref.title, /*required=*/true);
                report.read_string(source, here, "publisher", ref.publisher, false);
                if (report.read_string(source, here, "date", ref.date, false) && !is_valid_date(ref.date))
                    report.error(child(here, "date"), "date '" + ref.date + "' must be YYYY, YYYY-MM or YYYY-MM-DD");
                report.read_string(source, here, "locator", ref.locator, false);
                if (report.read_string(source, here, "url", ref.url, false) && ref.url.rfind("https://", 0) != 0)
                    report.error(child(here, "url"), "url must start with https://");
                claim.sources.push_back(std::move(ref));
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------------------------------
// [SECTION] Articles and quotes
// ---------------------------------------------------------------------------------------------------------------------
bool is_script(const std::string& script) {
    return script == "zh-Hans" || script == "zh-Hant";
}

void read_article(const Reporter& report, const Json& object, const std::string& pointer, Article& article) {
    if (!report.expect_object(object, pointer)) return;
    report.reject_unknown_fields(object, pointer, {"id", "file", "script", "publication", "title", "date", "about"});
    if (report.read_string(object, pointer, "id", article.id, true) && !is_valid_id(article.id))
        report.error(child(pointer, "id"), "id '" + article.id + "' must be lower-case letters, digits, '-' and '.'");
    report.read_string(object, pointer, "file", article.file, true);
    if (report.read_string(object, pointer, "script", article.script, true) && !is_script(article.script))
        report.error(child(pointer, "script"), "script must be \"zh-Hans\" or \"zh-Hant\"");
    report.read_string(object, pointer, "publication", article.publication, true, /*allow_empty=*/true);
    report.read_string(object, pointer, "title", article.title, true, /*allow_empty=*/true);
    if (report.read_string(object, pointer, "date", article.date, false) && !is_valid_date(article.date))
        report.error(child(pointer, "date"), "date '" + article.date + "' must be YYYY, YYYY-MM or YYYY-MM-DD");
    report.read_localized(object, pointer, "about", article.about, true);
}

void read_quote(const Reporter& report, const Json& object, const std::string& pointer,
                const std::vector<Article>& articles, Quote& quote) {
    if (!report.expect_object(object, pointer)) return;
    report.reject_unknown_fields(object, pointer,
                                 {"id", "article", "script", "topic", "text", "translation", "claims"});
    if (report.read_string(object, pointer, "id", quote.id, true) &&
        (quote.id.rfind("q-", 0) != 0 || !is_valid_id(quote.id)))
        report.error(child(pointer, "id"),
                     "id '" + quote.id + "' must start with \"q-\" and use lower-case letters, digits, '-' and '.'");

    std::string article_id;
    quote.article_index = articles.size();
    if (report.read_string(object, pointer, "article", article_id, true)) {
        for (std::size_t i = 0; i < articles.size(); ++i)
            if (articles[i].id == article_id) quote.article_index = i;
        if (quote.article_index == articles.size())
            report.error(child(pointer, "article"), "unknown article '" + article_id + "' (not in /articles)");
    }
    if (report.read_string(object, pointer, "script", quote.script, true)) {
        if (!is_script(quote.script))
            report.error(child(pointer, "script"), "script must be \"zh-Hans\" or \"zh-Hant\"");
        else if (quote.article_index < articles.size() && quote.script != articles[quote.article_index].script)
            report.error(child(pointer, "script"), "script " + quote.script + " differs from the article's (" +
                                                       articles[quote.article_index].script + ")");
    }
    if (report.read_string(object, pointer, "topic", quote.topic, true)) {
        bool known = false;
        for (std::size_t i = 0; i < kQuoteTopicCount; ++i)
            known = known || quote.topic == kQuoteTopics[i];
        if (!known) report.error(child(pointer, "topic"), "unknown topic '" + quote.topic + "'");
    }
    report.read_string(object, pointer, "text", quote.text, true);

    const auto translation = object.find("translation");
    if (translation == object.end()) {
        report.error(child(pointer, "translation"), "missing field");
    } else if (report.expect_object(*translation, child(pointer, "translation"))) {
        report.reject_unknown_fields(*translation, child(pointer, "translation"), {"en"});
        report.read_string(*translation, child(pointer, "translation"), "en", quote.translation_en, true);
    }

    const auto claims = object.find("claims");
    const std::string claims_pointer = child(pointer, "claims");
    if (claims == object.end()) {
        report.error(claims_pointer, "missing field (every quote holds at least one claim)");
        return;
    }
    if (!report.expect_array(*claims, claims_pointer)) return;
    if (claims->empty()) report.error(claims_pointer, "empty (every quote holds at least one claim)");
    for (std::size_t i = 0; i < claims->size(); ++i) {
        QuoteClaim claim;
        read_claim(report, (*claims)[i], child(claims_pointer, i), quote.text, claim);
        quote.claims.push_back(std::move(claim));
    }
}

} // namespace

bool load_quotes(std::string_view json_text, const std::string& file_name, QuoteLibrary& library_out,
                 ContentErrors& errors) {
    const std::size_t errors_before = errors.size();
    library_out = QuoteLibrary{};
    Json root;
    if (!content_json::parse(json_text, file_name, root, errors)) return false;
    const Reporter report{file_name, errors};
    if (!report.expect_object(root, "")) return false;
    report.reject_unknown_fields(root, "", {"schema_version", "articles", "quotes"});
    double schema_version = 0;
    if (report.read_number(root, "", "schema_version", schema_version, true) && schema_version != 1)
        report.error("/schema_version",
                     "unsupported schema_version " + format_number(schema_version) + " (expected 1)");

    const auto articles = root.find("articles");
    if (articles == root.end()) {
        report.error("/articles", "missing field");
    } else if (report.expect_array(*articles, "/articles")) {
        std::set<std::string> ids;
        std::set<std::string> files;
        for (std::size_t i = 0; i < articles->size(); ++i) {
            Article article;
            const std::string here = child("/articles", i);
            read_article(report, (*articles)[i], here, article);
            if (!article.id.empty() && !ids.insert(article.id).second)
                report.error(child(here, "id"), "duplicate article id '" + article.id + "'");
            if (!article.file.empty() && !files.insert(article.file).second)
                report.error(child(here, "file"), "duplicate article file '" + article.file + "'");
            library_out.articles.push_back(std::move(article));
        }
    }

    const auto quotes = root.find("quotes");
    if (quotes == root.end()) {
        report.error("/quotes", "missing field");
    } else if (report.expect_array(*quotes, "/quotes")) {
        std::set<std::string> ids;
        for (std::size_t i = 0; i < quotes->size(); ++i) {
            Quote quote;
            quote.position = i;
            const std::string here = child("/quotes", i);
            read_quote(report, (*quotes)[i], here, library_out.articles, quote);
            if (!quote.id.empty() && !ids.insert(quote.id).second)
                report.error(child(here, "id"), "duplicate quote id '" + quote.id + "'");
            // Keep only quotes whose article resolved, so article_of() is always safe for callers.
            if (quote.article_index < library_out.articles.size()) library_out.quotes.push_back(std::move(quote));
        }
    }
    return errors.size() == errors_before;
}

// ---------------------------------------------------------------------------------------------------------------------
// [SECTION] Quotes against the seed articles
// ---------------------------------------------------------------------------------------------------------------------
void check_quotes_against_articles(const QuoteLibrary& library, const std::string& file_name,
                                   const std::map<std::string, std::string>& article_texts, ContentErrors& errors) {
    const Reporter report{file_name, errors};
    for (std::size_t a = 0; a < library.articles.size(); ++a)
        if (article_texts.find(library.articles[a].file) == article_texts.end())
            report.error(child(child("/articles", a), "file"),
                         "article file '" + library.articles[a].file + "' not found among the seed articles");
    for (const Quote& quote : library.quotes) {
        const auto text = article_texts.find(library.article_of(quote).file);
        if (text == article_texts.end()) continue;
        if (text->second.find(quote.text) == std::string::npos)
            report.error(child(child("/quotes", quote.position), "text"),
                         "quote " + quote.id + " is not a verbatim substring of " + library.article_of(quote).file);
    }
}

} // namespace chips
