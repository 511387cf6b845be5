// model/content/claim_reason.cpp — see claim_reason.h.
//
// Index
// - [SECTION] Pieces: placeholders, first sentence, numbers in a claim's own terms
// - [SECTION] The setup of a run and the basis of a comparison
// - [SECTION] claim_reason
#include "model/content/claim_reason.h"

#include "model/engine/estimate.h"

#include <cstring>
#include <initializer_list>
#include <utility>

namespace chips {

namespace {

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] Pieces
//-----------------------------------------------------------------------------------------------------------------

using Fills = std::initializer_list<std::pair<const char*, std::string>>;

// Replaces every "{name}" in `pattern`. A value never re-enters the search, so text holding braces stays as is.
std::string fill(std::string pattern, Fills fills) {
    for (const auto& [name, value] : fills) {
        const std::string token = std::string("{") + name + "}";
        for (std::size_t at = pattern.find(token); at != std::string::npos; at = pattern.find(token, at + value.size()))
            pattern.replace(at, token.size(), value);
    }
    return pattern;
}

const char* text(const ReasonContext& context, const std::string& key) {
    return context.strings->tr(key, context.style.lang);
}

const std::string& localized(const LocalizedText& value, Lang lang) {
    if (lang == Lang::zh_hans && !value.zh_hans.empty()) return value.zh_hans;
    if (lang == Lang::zh_hant && !value.zh_hant.empty()) return value.zh_hant;
    return value.en;
}

const char* verdict_suffix(Verdict verdict) {
    return verdict == Verdict::overstated    ? ".overstated"
           : verdict == Verdict::understated ? ".understated"
                                             : ".consistent";
}

// "61 days" / "61 天"; "2.5 million GPU-hours" / "250万 GPU 小时": a number with the word the reader's language uses.
std::string with_unit_word(const ReasonContext& context, const std::string& number, const char* unit_key) {
    return number + " " + text(context, unit_key);
}

// How a quantity's values read: money, days, counts of a unit, or a bare number.
enum class Kind { money, days, gpu_hours, params, plain };

Kind kind_of(const std::string& quantity) {
    const OutputInfo* output = find_output(quantity.c_str());
    if (output == nullptr) return Kind::plain;
    const std::string unit = output->unit;
    if (unit == "USD" || unit == "USD per 1M output tokens") return Kind::money;
    if (unit == "days") return Kind::days;
    if (unit == "GPU-hours") return Kind::gpu_hours;
    if (unit == "params") return Kind::params;
    return Kind::plain;
}

std::string value_text(const ReasonContext& context, Kind kind, double value) {
    const Lang lang = context.style.lang;
    switch (kind) {
    case Kind::money:
        return format_money(value, context.style);
    case Kind::days:
        return with_unit_word(context, format_decimal(value, lang, 2), "unit.days");
    case Kind::gpu_hours:
        return with_unit_word(context, format_count(value, lang), "unit.gpu_hours");
    case Kind::params:
        return with_unit_word(context, format_count(value, lang), "unit.params");
    case Kind::plain:
        return format_decimal(value, lang, 3);
    }
    return format_decimal(value, lang, 3);
}

std::string range_text(const ReasonContext& context, Kind kind, const Range& range) {
    const Lang lang = context.style.lang;
    switch (kind) {
    case Kind::money:
        return format_money_range(range.low, range.high, context.style);
    case Kind::days:
        return with_unit_word(context,
                              format_decimal(range.low, lang, 2) + "\xE2\x80\x93" + format_decimal(range.high, lang, 2),
                              "unit.days");
    case Kind::gpu_hours:
        return with_unit_word(context, format_count_range(range.low, range.high, lang), "unit.gpu_hours");
    case Kind::params:
        return with_unit_word(context, format_count_range(range.low, range.high, lang), "unit.params");
    case Kind::plain:
        break;
    }
    return format_decimal(range.low, lang, 3) + "\xE2\x80\x93" + format_decimal(range.high, lang, 3);
}

// A ratio in the form the article wrote it: "1/20", "5%", "15×" (15倍), "65%" (larger).
enum class RatioForm { times, inverse, percent_of, excess };

RatioForm ratio_form(const QuoteClaim& claim, const ClaimComparison& compared) {
    if (claim.ratio_mode == QuoteRatioMode::inverse) return RatioForm::inverse;
    if (claim.ratio_mode == QuoteRatioMode::excess) return RatioForm::excess;
    return compared.fraction_of_reference ? RatioForm::percent_of : RatioForm::times;
}

std::string ratio_value(const ReasonContext& context, RatioForm form, double value) {
    const Lang lang = context.style.lang;
    switch (form) {
    case RatioForm::inverse:
        return "1/" + format_decimal(value, lang, 2);
    case RatioForm::percent_of:
        return format_decimal(value * 100.0, lang, 2) + "%";
    case RatioForm::excess:
        return format_decimal((value - 1.0) * 100.0, lang, 2) + "%";
    case RatioForm::times:
        break;
    }
    return format_decimal(value, lang, 2) + text(context, "unit.times");
}

// The model's range in the same form. "1/N" reads from the larger N to the smaller (1/129–1/3.5).
std::string ratio_range(const ReasonContext& context, RatioForm form, const Range& range) {
    const char* dash = "\xE2\x80\x93";
    if (range.low == range.high) return ratio_value(context, form, range.low);
    switch (form) {
    case RatioForm::inverse:
        return ratio_value(context, form, range.high) + dash + ratio_value(context, form, range.low);
    case RatioForm::percent_of:
    case RatioForm::excess:
        return ratio_value(context, form, range.low) + dash + ratio_value(context, form, range.high);
    case RatioForm::times:
        break;
    }
    const Lang lang = context.style.lang;
    return fill(text(context, "reason.range.times"),
                {{"range", format_decimal(range.low, lang, 2) + dash + format_decimal(range.high, lang, 2)}});
}

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] The setup of a run and the basis of a comparison
//-----------------------------------------------------------------------------------------------------------------

std::string price_text(const ReasonContext& context, const Scenario& scenario, const GpuSpec& gpu) {
    if (scenario.usd_per_gpu_hour > 0) {
        const std::string price =
            scenario.usd_per_gpu_hour_low == scenario.usd_per_gpu_hour_high
                ? format_money(scenario.usd_per_gpu_hour, context.style)
                : format_money_range(scenario.usd_per_gpu_hour_low, scenario.usd_per_gpu_hour_high, context.style);
        return fill(text(context, "reason.price.stated"), {{"price", price}});
    }
    const Range& rental = gpu.rental_usd_per_gpu_hour;
    return fill(text(context, "reason.price.catalog"),
                {{"range", format_money_range(rental.low, rental.high, context.style)}});
}

std::string efficiency_text(const ReasonContext& context, const Scenario& scenario) {
    if (scenario.mfu == 0) return text(context, "reason.efficiency.catalog");
    const Lang lang = context.style.lang;
    const std::string mfu = scenario.mfu_low == scenario.mfu_high
                                ? format_decimal(scenario.mfu * 100.0, lang, 2) + "%"
                                : format_decimal(scenario.mfu_low * 100.0, lang, 2) + "%\xE2\x80\x93" +
                                      format_decimal(scenario.mfu_high * 100.0, lang, 2) + "%";
    return fill(text(context, "reason.efficiency.stated"), {{"mfu", mfu}});
}

// "2,048 H800 at $2 per GPU-hour, at the efficiency other published runs reach on this chip". A purchase price
// needs neither price per hour nor efficiency.
std::string setup_text(const ReasonContext& context, const Scenario& scenario, const std::string& quantity) {
    const GpuSpec* gpu = context.gpus->find(scenario.gpu);
    const std::string gpu_name = gpu ? gpu->short_name : scenario.gpu;
    const std::string chips = format_count(scenario.chips, context.style.lang);
    if (quantity == "cluster_purchase_usd" || gpu == nullptr)
        return fill(text(context, "reason.setup.purchase"), {{"chips", chips}, {"gpu", gpu_name}});
    const bool priced = kind_of(quantity) == Kind::money;
    return fill(text(context, priced ? "reason.setup.priced" : "reason.setup"),
                {{"chips", chips},
                 {"gpu", gpu_name},
                 {"price", priced ? price_text(context, scenario, *gpu) : std::string()},
                 {"efficiency", efficiency_text(context, scenario)}});
}

// How the two runs of a ratio were put on one footing: one price basis for money, and always "independent".
std::string basis_text(const ReasonContext& context, const Scenario& scenario, const Scenario& reference,
                       const std::string& quantity) {
    if (kind_of(quantity) != Kind::money) return text(context, "reason.basis.independent");
    if (scenario.usd_per_gpu_hour == 0 && reference.usd_per_gpu_hour == 0)
        return text(context, "reason.basis.catalog_price");
    return fill(text(context, "reason.basis.stated_price"),
                {{"price", format_money(scenario.usd_per_gpu_hour, context.style)}});
}

std::string run_name(const ReasonContext& context, const ScenarioRef& ref) {
    const Preset* preset = context.presets->find(ref.preset);
    return preset ? localized(preset->short_name, context.style.lang) : ref.preset;
}

} // namespace

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] claim_reason
//-----------------------------------------------------------------------------------------------------------------

std::string first_sentence(const std::string& note) {
    // A sentence ends at "。" or at ". " outside parentheses, and not after "e.g." or "i.e.".
    int depth = 0;
    for (std::size_t at = 0; at < note.size(); ++at) {
        if (note[at] == '(' || note.compare(at, 3, "\xEF\xBC\x88") == 0) ++depth; // ( or （
        if (note[at] == ')' || note.compare(at, 3, "\xEF\xBC\x89") == 0) depth = depth > 0 ? depth - 1 : 0;
        if (depth > 0) continue;
        if (note.compare(at, 3, "\xE3\x80\x82") == 0) return note.substr(0, at + 3); // 。
        const bool abbreviation =
            (at >= 3 && note.compare(at - 3, 3, "e.g") == 0) || (at >= 3 && note.compare(at - 3, 3, "i.e") == 0);
        if (note[at] == '.' && at + 1 < note.size() && note[at + 1] == ' ' && !abbreviation)
            return note.substr(0, at + 1);
    }
    return note;
}

ReasonNumbers claim_reason_numbers(const ReasonInput& input, const ReasonContext& context) {
    ReasonNumbers numbers;
    const QuoteClaim& claim = *input.claim;
    const ClaimComparison& compared = *input.compared;
    if (!claim.checkable() || compared.problem != ClaimProblem::none || compared.verdict == Verdict::not_checkable)
        return numbers;
    const Lang lang = context.style.lang;
    if (claim.against_published()) {
        // A published figure keeps the span's own unit: "2×" for a ratio, a bare number otherwise.
        const std::string unit = claim.unit == ZhUnit::ratio || claim.unit == ZhUnit::times
                                     ? std::string(text(context, "unit.times"))
                                     : std::string();
        auto number = [&](double value) { return format_decimal(value, lang, 2) + unit; };
        numbers.claimed = number(input.claimed);
        numbers.range = compared.model.low == compared.model.high ? number(compared.model.low)
                                                                  : format_decimal(compared.model.low, lang, 2) +
                                                                        "\xE2\x80\x93" + number(compared.model.high);
        numbers.central = number(compared.model.central);
    } else if (input.compare_to == nullptr) {
        const Kind kind = kind_of(claim.quantity);
        numbers.claimed = input.claimed_high > input.claimed
                              ? range_text(context, kind, Range{input.claimed, 0, input.claimed_high})
                              : value_text(context, kind, input.claimed);
        numbers.range = range_text(context, kind, compared.model);
        numbers.central = value_text(context, kind, compared.model.central);
    } else {
        const RatioForm form = ratio_form(claim, compared);
        numbers.claimed = ratio_value(context, form, input.claimed);
        numbers.range = ratio_range(context, form, compared.model);
        numbers.central = ratio_value(context, form, compared.model.central);
    }
    return numbers;
}

std::string claim_reason(const ReasonInput& input, const ReasonContext& context) {
    const QuoteClaim& claim = *input.claim;
    const ClaimComparison& compared = *input.compared;
    const Lang lang = context.style.lang;
    if (!claim.checkable()) return first_sentence(localized(claim.note, lang));
    if (compared.problem != ClaimProblem::none || compared.verdict == Verdict::not_checkable)
        return text(context, "reason.problem");
    const std::string verdict = verdict_suffix(compared.verdict);
    const ReasonNumbers numbers = claim_reason_numbers(input, context);

    if (claim.against_published())
        return fill(
            text(context, "reason.published" + verdict),
            {{"claimed", numbers.claimed}, {"what", localized(claim.published_what, lang)}, {"range", numbers.range}});

    const std::string what = text(context, "reason.what." + claim.quantity);
    if (input.compare_to == nullptr)
        return fill(text(context, "reason.absolute" + verdict),
                    {{"claimed", numbers.claimed},
                     {"what", what},
                     {"range", numbers.range},
                     {"setup", input.scenario ? setup_text(context, *input.scenario, claim.quantity) : std::string()}});
    const RatioForm form = ratio_form(claim, compared);
    const std::string family = form == RatioForm::excess ? "reason.excess" : "reason.ratio";
    const std::string range = form == RatioForm::inverse || form == RatioForm::percent_of
                                  ? fill(text(context, "reason.range.of"), {{"range", numbers.range}})
                                  : numbers.range;
    // A "1/N" claim names the smaller run first ("V3 cost 1/20 of GPT-4"): the subject is the scenario either way.
    return fill(text(context, family + verdict),
                {{"claimed", numbers.claimed},
                 {"subject", run_name(context, claim.scenario)},
                 {"what", what},
                 {"range", range},
                 {"reference", run_name(context, claim.compare_to)},
                 {"basis", input.scenario ? basis_text(context, *input.scenario, *input.compare_to, claim.quantity)
                                          : std::string()}});
}

std::vector<std::string> claim_reason_string_keys() {
    std::vector<std::string> keys;
    for (const char* family : {"reason.absolute", "reason.ratio", "reason.excess", "reason.published"})
        for (const char* verdict : {".consistent", ".overstated", ".understated"})
            keys.push_back(std::string(family) + verdict);
    for (const char* key :
         {"reason.problem", "reason.setup", "reason.setup.priced", "reason.setup.purchase", "reason.price.stated",
          "reason.price.catalog", "reason.efficiency.catalog", "reason.efficiency.stated", "reason.basis.catalog_price",
          "reason.basis.stated_price", "reason.basis.independent", "reason.range.times", "reason.range.of",
          "unit.times", "unit.days", "unit.gpu_hours", "unit.params"})
        keys.push_back(key);
    return keys;
}

} // namespace chips
