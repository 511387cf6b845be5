// model/text/number_format.cpp — see number_format.h. Index:
//   [SECTION] Ladders: the units of each language
//   [SECTION] Scaling and rounding (one place decides the unit and the digits)
//   [SECTION] Public formatters
#include "model/text/number_format.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace chips {

namespace {

// ---------------------------------------------------------------------------------------------------------------------
// [SECTION] Ladders
// ---------------------------------------------------------------------------------------------------------------------

struct Rung {
    double threshold;   // smallest |value| written with this unit (after rounding)
    double scale;       // the value is divided by this
    const char* suffix; // written after the number ("M", " million", "万")
};

struct Ladder {
    const Rung* rungs; // ascending thresholds
    int count;         // number of rungs
};

// English money: "$9,999" then "$10K" (a bare "K" below 10,000 saves nothing and "$2.05K" reads worse than $2,048).
const Rung kEnMoney[] = {{1e4, 1e3, "K"}, {1e6, 1e6, "M"}, {1e9, 1e9, "B"}, {1e12, 1e12, "T"}};
// English counts: words, as the "1.4 billion"; below a million the full grouped number reads fine.
const Rung kEnCount[] = {{1e6, 1e6, " million"}, {1e9, 1e9, " billion"}, {1e12, 1e12, " trillion"}};
const Rung kZhHans[] = {{1e4, 1e4, "\xE4\xB8\x87"},                // 万
                        {1e8, 1e8, "\xE4\xBA\xBF"},                // 亿
                        {1e12, 1e12, "\xE4\xB8\x87\xE4\xBA\xBF"}}; // 万亿
const Rung kZhHant[] = {{1e4, 1e4, "\xE8\x90\xAC"},                // 萬
                        {1e8, 1e8, "\xE5\x84\x84"},                // 億
                        {1e12, 1e12, "\xE8\x90\xAC\xE5\x84\x84"}}; // 萬億

constexpr Ladder ladder_of(const Rung* rungs, int count) {
    return Ladder{rungs, count};
}

Ladder money_ladder(Lang lang) {
    if (lang == Lang::zh_hans) return ladder_of(kZhHans, 3);
    if (lang == Lang::zh_hant) return ladder_of(kZhHant, 3);
    return ladder_of(kEnMoney, 4);
}

Ladder count_ladder(Lang lang) {
    if (lang == Lang::zh_hans) return ladder_of(kZhHans, 3);
    if (lang == Lang::zh_hant) return ladder_of(kZhHant, 3);
    return ladder_of(kEnCount, 3);
}

bool is_chinese(Lang lang) {
    return lang != Lang::en;
}

const char* kApproxPrefix = "\xE2\x89\x88"; // "≈", before a non-zero value that rounds to 0
const char* kEnDash = "\xE2\x80\x93";       // "–"

// ---------------------------------------------------------------------------------------------------------------------
// [SECTION] Scaling and rounding
// ---------------------------------------------------------------------------------------------------------------------

// Decimals that give `significant` significant digits for a positive `value`, clamped to 0..9.
int decimals_for(double value, int significant) {
    if (!(value > 0.0)) return 0;
    const int magnitude = static_cast<int>(std::floor(std::log10(value)));
    return std::clamp(significant - 1 - magnitude, 0, 9);
}

double round_to(double value, int decimals) {
    const double factor = std::pow(10.0, decimals);
    return std::round(value * factor) / factor;
}

// Groups the integer part of `digits` ("14800000.5" → "14,800,000.5") when it has at least `min_digits` digits.
std::string group(const std::string& digits, std::size_t min_digits) {
    const std::size_t point = digits.find('.');
    const std::size_t int_end = point == std::string::npos ? digits.size() : point;
    if (int_end < min_digits) return digits;
    std::string out;
    for (std::size_t i = 0; i < int_end; ++i) {
        out += digits[i];
        const std::size_t left = int_end - i - 1;
        if (left > 0 && left % 3 == 0) out += ',';
    }
    return out + digits.substr(int_end);
}

// English groups from 1,000; Chinese from 10,000 (see the header: "2048块").
std::size_t grouping_start(Lang lang) {
    return is_chinese(lang) ? 5 : 4;
}

// A positive number with exactly `decimals` decimals; trailing zeros trimmed unless `keep_zeros`.
std::string digits_text(double value, int decimals, bool keep_zeros, Lang lang) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    std::string text = buffer;
    if (!keep_zeros && text.find('.') != std::string::npos) {
        while (text.back() == '0')
            text.pop_back();
        if (text.back() == '.') text.pop_back();
    }
    return group(text, grouping_start(lang));
}

// One magnitude, scaled and rounded: the unit (rung) and the digits to print.
struct Scaled {
    bool finite = true;       // false: print "—"
    bool negative = false;    // a '-' goes in front of everything (currency symbol included)
    bool approx_zero = false; // non-zero but below what 9 decimals show: "≈0"
    int rung = -1;            // index into the ladder, -1 = unscaled
    double mantissa = 0.0;    // |value| / scale, rounded
    int decimals = 0;         // decimals the rounding kept (before trailing zeros are trimmed)
};

// Rounds first, then picks the unit, and steps up a unit when rounding reaches the next threshold (9999.6万 → 1亿).
Scaled scale_value(double value, const Ladder& ladder, int significant) {
    Scaled out;
    if (!std::isfinite(value)) {
        out.finite = false;
        return out;
    }
    out.negative = value < 0.0;
    const double magnitude = std::fabs(value);
    if (magnitude == 0.0) {
        out.negative = false; // never "-0"
        return out;
    }
    int rung = -1;
    for (int i = 0; i < ladder.count; ++i)
        if (magnitude >= ladder.rungs[i].threshold) rung = i;
    for (;;) {
        const double scale = rung < 0 ? 1.0 : ladder.rungs[rung].scale;
        const double scaled = magnitude / scale;
        // Whole numbers below the first unit stay exact ("2048", not "2050"); everything else keeps `significant`
        // significant digits.
        const int decimals = decimals_for(scaled, significant);
        const double rounded = round_to(scaled, decimals);
        const int next = rung + 1;
        if (next < ladder.count && rounded * scale >= ladder.rungs[next].threshold) {
            rung = next;
            continue;
        }
        out.rung = rung;
        out.mantissa = rounded;
        out.decimals = rounded > 0.0 ? decimals_for(rounded, significant) : decimals;
        if (rounded == 0.0) {
            out.approx_zero = true;
            out.negative = false; // "≈0" carries no sign
        }
        return out;
    }
}

std::string number_of(const Scaled& scaled, Lang lang, int fixed_decimals = -1) {
    if (scaled.approx_zero) return "0";
    const bool keep_zeros = fixed_decimals >= 0;
    return digits_text(scaled.mantissa, keep_zeros ? fixed_decimals : scaled.decimals, keep_zeros, lang);
}

// Sign (or "≈" for a value too small to show), currency mark, number, unit, trailing mark: "-$5.58M", "≈$0",
// "557.6万美元".
std::string compose(const Scaled& scaled, const char* before, const std::string& number, const char* unit,
                    const char* after) {
    std::string text = scaled.approx_zero ? kApproxPrefix : scaled.negative ? "-" : "";
    return text + before + number + unit + after;
}

const char* suffix_of(const Scaled& scaled, const Ladder& ladder) {
    return scaled.rung < 0 || scaled.approx_zero ? "" : ladder.rungs[scaled.rung].suffix;
}

int significant_or_default(int significant, Lang lang, int fewer) {
    return significant > 0 ? std::min(significant, 15) : std::max(1, default_significant(lang) - fewer);
}

// Currency marks around a money number: en "$" / "CN¥" before, zh "美元" / "元" after.
struct MoneyMarks {
    const char* before; // written before the number ("$")
    const char* after;  // written after the number and its unit ("美元")
};

MoneyMarks money_marks(const NumberStyle& style) {
    if (is_chinese(style.lang))
        return style.currency == Currency::cny ? MoneyMarks{"", "\xE5\x85\x83"}                  // 元
                                               : MoneyMarks{"", "\xE7\xBE\x8E\xE5\x85\x83"};     // 美元
    return style.currency == Currency::cny ? MoneyMarks{"CN\xC2\xA5", ""} : MoneyMarks{"$", ""}; // CN¥ / $
}

double money_value(double usd, const NumberStyle& style) {
    if (style.currency == Currency::usd) return usd;
    if (!(style.cny_per_usd > 0.0) || !std::isfinite(style.cny_per_usd)) return std::nan("");
    return usd * style.cny_per_usd;
}

// Formats the two ends of a range. `marks_each_end` writes the currency marks around both ends (English "$5.0M–
// $6.4M"); otherwise the trailing mark comes once at the end (Chinese "496万–637万美元").
std::string format_range(double low, double high, const Ladder& ladder, Lang lang, int significant,
                         const MoneyMarks& marks) {
    if (!std::isfinite(low) || !std::isfinite(high)) return kNoNumber;
    if (low > high) std::swap(low, high);
    const Scaled a = scale_value(low, ladder, significant);
    const Scaled b = scale_value(high, ladder, significant);
    const bool same_unit = a.rung == b.rung && !a.approx_zero && !b.approx_zero && a.mantissa > 0 && b.mantissa > 0;
    const int fixed = same_unit ? std::max(a.decimals, b.decimals) : -1;
    auto end_text = [&](const Scaled& end, bool with_unit, bool with_after) {
        return compose(end, marks.before, number_of(end, lang, fixed), with_unit ? suffix_of(end, ladder) : "",
                       with_after ? marks.after : "");
    };
    const bool english = !is_chinese(lang);
    // English counts with a word unit read "2.5–3.2 million"; money repeats its unit ("$5.0M–$6.4M").
    const bool word_unit = english && marks.before[0] == '\0' && same_unit && a.rung >= 0;
    const std::string low_text = end_text(a, !word_unit, english);
    const std::string high_text = end_text(b, true, true);
    const bool same_text =
        a.negative == b.negative && a.approx_zero == b.approx_zero && a.rung == b.rung && a.mantissa == b.mantissa;
    if (same_text) return high_text;
    return low_text + kEnDash + high_text;
}

} // namespace

// ---------------------------------------------------------------------------------------------------------------------
// [SECTION] Public formatters
// ---------------------------------------------------------------------------------------------------------------------

int default_significant(Lang lang) {
    return is_chinese(lang) ? 4 : 3;
}

NumberStyle number_style(Lang lang, Currency currency, const CurrencyRate& rate) {
    NumberStyle style;
    style.lang = lang;
    style.currency = currency;
    style.cny_per_usd = rate.cny_per_usd;
    return style;
}

std::string format_money(double usd, const NumberStyle& style) {
    const double value = money_value(usd, style);
    const Ladder ladder = money_ladder(style.lang);
    const Scaled scaled = scale_value(value, ladder, significant_or_default(style.significant, style.lang, 0));
    if (!scaled.finite) return kNoNumber;
    const MoneyMarks marks = money_marks(style);
    return compose(scaled, marks.before, number_of(scaled, style.lang), suffix_of(scaled, ladder), marks.after);
}

std::string format_count(double value, Lang lang, int significant) {
    const Ladder ladder = count_ladder(lang);
    const Scaled scaled = scale_value(value, ladder, significant_or_default(significant, lang, 0));
    if (!scaled.finite) return kNoNumber;
    return compose(scaled, "", number_of(scaled, lang), suffix_of(scaled, ladder), "");
}

std::string format_decimal(double value, Lang lang, int significant) {
    const Scaled scaled = scale_value(value, Ladder{nullptr, 0}, significant_or_default(significant, lang, 0));
    if (!scaled.finite) return kNoNumber;
    return compose(scaled, "", number_of(scaled, lang), "", "");
}

std::string format_money_range(double low_usd, double high_usd, const NumberStyle& style) {
    return format_range(money_value(low_usd, style), money_value(high_usd, style), money_ladder(style.lang), style.lang,
                        significant_or_default(style.significant, style.lang, 1), money_marks(style));
}

std::string format_count_range(double low, double high, Lang lang, int significant) {
    return format_range(low, high, count_ladder(lang), lang, significant_or_default(significant, lang, 1),
                        MoneyMarks{"", ""});
}

} // namespace chips
