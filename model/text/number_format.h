// model/text/number_format.h — numbers as the reader's language writes them: "$5.58M" / "1.4 billion" in English,
// "557.6万美元" / "14亿美元" / "1.2万亿" in simplified and "557.6萬美元" / "1.2萬億" in traditional Chinese, in USD
// or CNY. Shared by the UI, the tour text and anything else that shows a number to a reader; exported files and
// the CLI stay in SI and USD (model/output/export.h). Rules with examples: docs/journeys.md "Numbers".
//
// Index
// - [SECTION] Style: language, currency, significant digits
// - [SECTION] Single values
// - [SECTION] Ranges
//
// Why these rules (each is tested in tests/test_number_format.cpp):
// - Units: English groups by thousands (K/M/B/T for money, "million/billion/trillion" for counts); Chinese groups
//   by myriads (万 10^4, 亿 10^8, 万亿 10^12; 萬/億/萬億 in zh-Hant, as the Hong Kong and Taiwan articles write
//   "1萬億美元" — 兆 is avoided because it means 10^6 in mainland technical usage).
// - Digits: a Chinese mantissa runs 1..9999 and an English one 1..999, so Chinese gets one more significant digit
//   by default (4 vs 3). Otherwise 55.76M would print "5580万", a fake zero; with 4 it prints "5576万", and
//   5.576M prints "557.6万" as the press does.
// - Rounding crosses unit boundaries: 99,996,000 is "1亿", not "10000万"; 999,999 USD is "$1M", not "$1000K".
// - Separators: English groups every 3 digits from 1,000 ("2,048"). Chinese numbers below 万 stay ungrouped
//   ("2048块", as the articles write "1000塊") and larger ones are scaled to 万/亿, so a separator appears only
//   beyond 9999万亿 or in format_decimal from 10,000 up.
// - CNY: English "CN¥40.7M" (CLDR's symbol; a bare ¥ reads as yen); Chinese "4068万元" — 元 after the number,
//   as the mainland and Hong Kong press write 万元/亿元, never "¥" which is shared with the yen.
// - Never "nan"/"inf": a non-finite value (or CNY without a rate) prints "—" and the caller says why. Zero is
//   "0"/"$0"; values too small to show at 9 decimals print "≈0" ("≈$0"); negatives get a leading "-" ("-$5.58M").
#pragma once
#include "model/content/currency.h"
#include "model/content/strings.h" // Lang

#include <string>

namespace chips {

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] Style
//-----------------------------------------------------------------------------------------------------------------

// The text the formatters print for a value they cannot show (NaN, infinity, CNY without a rate): an em dash.
inline constexpr const char* kNoNumber = "\xE2\x80\x94";

struct NumberStyle {
    Lang lang = Lang::en;              // language of the text (units, separators)
    Currency currency = Currency::usd; // display currency for money; model values are always USD
    double cny_per_usd = 0.0;          // rate used when currency == cny; <= 0 makes every amount "—"
    int significant = 0;               // significant digits; 0 = language default (en 3, zh 4; ranges one fewer)
};

// A style for `lang` and `currency` with the rate from content/currency.json.
NumberStyle number_style(Lang lang, Currency currency, const CurrencyRate& rate);

// 3 for English, 4 for Chinese (see the header comment).
int default_significant(Lang lang);

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] Single values
//-----------------------------------------------------------------------------------------------------------------

// Money, `usd` in US dollars, converted to the style's currency:
//   en  USD "$5.58M", "$287K", "$2,048", "$0.643";   CNY "CN¥40.7M"
//   zh  USD "557.6万美元", "14亿美元", "0.643美元";    CNY "4068万元" (zh-Hant "4068萬元")
std::string format_money(double usd, const NumberStyle& style);

// Counts of things (GPUs, GPU-hours, parameters, tokens). Whole numbers below the first unit stay exact.
//   en "2,048", "50,000", "2.79 million", "671 billion", "14.8 trillion"
//   zh "2048", "5万", "278.8万", "6710亿", "14.8万亿" (zh-Hant 萬/億/萬億)
// significant = 0 uses the language default.
std::string format_count(double value, Lang lang, int significant = 0);

// A plain number without unit scaling: "0.643", "2,048" (en) / "2048" (zh), "14,800,000" in both. For inputs
// that are not amounts (ratios, fractions, MFU) and for tables where every row must use the same unit.
std::string format_decimal(double value, Lang lang, int significant = 0);

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] Ranges
//-----------------------------------------------------------------------------------------------------------------

// Low–high with an en dash and no spaces. Ranges are bounds, not measurements, so they carry one significant digit
// fewer than single values (en 2, zh 3) unless style.significant is set. When both ends share a unit their
// decimals are aligned ("$5.0M–$6.4M", not "$5M–$6.4M"); Chinese writes the currency word once, at the end:
//   en "$5.0M–$6.4M";   zh "496万–637万美元", "9500万–1.2亿美元"
// Ends that print the same give one value; a non-finite end gives "—"; low > high are swapped.
std::string format_money_range(double low_usd, double high_usd, const NumberStyle& style);

//   en "2.5–3.2 million", "1,024–4,096";   zh "248万–318万"
std::string format_count_range(double low, double high, Lang lang, int significant = 0);

} // namespace chips
