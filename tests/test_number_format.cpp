// tests/test_number_format.cpp — model/text/number_format.h in all three languages: units (K/M/B/T, million/billion,
// 万/亿/万亿, 萬/億/萬億), significant digits, rounding across unit boundaries, separators, CNY conversion, ranges,
// and the edge cases (zero, negative, tiny, non-finite). Expected strings are written out in full so a changed
// rule fails here with the exact text.
#include "model/content/currency.h"
#include "model/text/number_format.h"

#include <doctest/doctest.h>
#include <limits>
#include <string>

using chips::Currency;
using chips::Lang;
using chips::NumberStyle;

namespace {

NumberStyle usd(Lang lang) {
    NumberStyle style;
    style.lang = lang;
    return style;
}

NumberStyle cny(Lang lang, double rate = 7.2957) {
    NumberStyle style;
    style.lang = lang;
    style.currency = Currency::cny;
    style.cny_per_usd = rate;
    return style;
}

const double kNaN = std::numeric_limits<double>::quiet_NaN();
const double kInf = std::numeric_limits<double>::infinity();
const std::string kDash = "\xE2\x80\x94";

} // namespace

TEST_CASE("English money: $ with K/M/B/T and 3 significant digits") {
    const NumberStyle en = usd(Lang::en);
    CHECK(chips::format_money(5576000, en) == "$5.58M");
    CHECK(chips::format_money(5582049.15, en) == "$5.58M");
    CHECK(chips::format_money(1.4e9, en) == "$1.4B");
    CHECK(chips::format_money(1.2e12, en) == "$1.2T");
    CHECK(chips::format_money(287000, en) == "$287K");
    CHECK(chips::format_money(61440000, en) == "$61.4M");
    CHECK(chips::format_money(2.19, en) == "$2.19");
    CHECK(chips::format_money(0.6430684, en) == "$0.643");
    CHECK(chips::format_money(60, en) == "$60");
}

TEST_CASE("English money below $10,000 is written in full with a thousands separator") {
    const NumberStyle en = usd(Lang::en);
    CHECK(chips::format_money(2048, en) == "$2,048");
    CHECK(chips::format_money(9999, en) == "$9,999");
    CHECK(chips::format_money(30000, en) == "$30K");
}

TEST_CASE("rounding carries into the next unit instead of printing 1000K or 10000万") {
    CHECK(chips::format_money(9999.6, usd(Lang::en)) == "$10K");
    CHECK(chips::format_money(999999, usd(Lang::en)) == "$1M");
    CHECK(chips::format_money(999499, usd(Lang::en)) == "$999K");
    CHECK(chips::format_money(999.96e9, usd(Lang::en)) == "$1T");
    // The edge case: 9999.6万 is 1亿 at 4 significant digits; 9999万 stays.
    CHECK(chips::format_money(99996000, usd(Lang::zh_hans)) == "1亿美元");
    CHECK(chips::format_money(99990000, usd(Lang::zh_hans)) == "9999万美元");
    CHECK(chips::format_count(99996000, Lang::zh_hant) == "1億");
    CHECK(chips::format_count(9999.6, Lang::zh_hans) == "1万");
    CHECK(chips::format_count(9999.6e8, Lang::zh_hans) == "1万亿");
    CHECK(chips::format_count(999999.6, Lang::en) == "1 million");
}

TEST_CASE("Chinese money: 万/亿/万亿 with 4 significant digits, as the articles write them") {
    const NumberStyle hans = usd(Lang::zh_hans);
    CHECK(chips::format_money(5576000, hans) == "557.6万美元");
    CHECK(chips::format_money(5582049.15, hans) == "558.2万美元");
    CHECK(chips::format_money(1.4e9, hans) == "14亿美元");
    CHECK(chips::format_money(1.2e12, hans) == "1.2万亿美元");
    CHECK(chips::format_money(61440000, hans) == "6144万美元");
    CHECK(chips::format_money(2048, hans) == "2048美元"); // no separator below 万 ("1000塊" in the articles)
    CHECK(chips::format_money(2.19, hans) == "2.19美元");
    CHECK(chips::format_money(0.6430684, hans) == "0.6431美元");

    const NumberStyle hant = usd(Lang::zh_hant);
    CHECK(chips::format_money(5576000, hant) == "557.6萬美元");
    CHECK(chips::format_money(1.4e9, hant) == "14億美元");
    CHECK(chips::format_money(1.2e12, hant) == "1.2萬億美元");
}

TEST_CASE("CNY: converted with the stated rate; 元 in Chinese, CN¥ in English") {
    // 5,576,000 USD × 7.2957 = 40,680,823 CNY
    CHECK(chips::format_money(5576000, cny(Lang::zh_hans)) == "4068万元");
    CHECK(chips::format_money(5576000, cny(Lang::zh_hant)) == "4068萬元");
    CHECK(chips::format_money(5576000, cny(Lang::en)) == "CN\xC2\xA5"
                                                         "40.7M");
    CHECK(chips::format_money(1.4e9, cny(Lang::zh_hans)) == "102.1亿元");
    CHECK(chips::format_money(2, cny(Lang::zh_hans)) == "14.59元");
    // Without a rate CNY is not guessed: the caller shows "—" and says why.
    CHECK(chips::format_money(5576000, cny(Lang::zh_hans, 0.0)) == kDash);
    CHECK(chips::format_money(5576000, cny(Lang::en, kNaN)) == kDash);
}

TEST_CASE("number_style takes the rate from the currency file") {
    chips::CurrencyRate rate;
    rate.cny_per_usd = 7.2957;
    const NumberStyle style = chips::number_style(Lang::zh_hans, Currency::cny, rate);
    CHECK(style.cny_per_usd == doctest::Approx(7.2957));
    CHECK(chips::format_money(1e6, style) == "729.6万元");
    CHECK(chips::convert_from_usd(1e6, Currency::cny, rate) == doctest::Approx(7.2957e6));
    CHECK(chips::convert_from_usd(1e6, Currency::usd, rate) == 1e6);
}

TEST_CASE("counts: grouped digits and words in English, 万/亿 in Chinese") {
    CHECK(chips::format_count(2048, Lang::en) == "2,048");
    CHECK(chips::format_count(50000, Lang::en) == "50,000");
    CHECK(chips::format_count(999999, Lang::en) == "999,999");
    CHECK(chips::format_count(2788000, Lang::en) == "2.79 million");
    CHECK(chips::format_count(1.4e9, Lang::en) == "1.4 billion");
    CHECK(chips::format_count(671e9, Lang::en) == "671 billion");
    CHECK(chips::format_count(14.8e12, Lang::en) == "14.8 trillion");

    CHECK(chips::format_count(2048, Lang::zh_hans) == "2048");
    CHECK(chips::format_count(50000, Lang::zh_hans) == "5万");
    CHECK(chips::format_count(2788000, Lang::zh_hans) == "278.8万");
    CHECK(chips::format_count(671e9, Lang::zh_hans) == "6710亿");
    CHECK(chips::format_count(37552297472, Lang::zh_hans) == "375.5亿");
    CHECK(chips::format_count(14.8e12, Lang::zh_hans) == "14.8万亿");
    CHECK(chips::format_count(671e9, Lang::zh_hant) == "6710億");
    CHECK(chips::format_count(14.8e12, Lang::zh_hant) == "14.8萬億");
}

TEST_CASE("explicit significant digits") {
    CHECK(chips::format_count(2788000, Lang::en, 4) == "2.788 million");
    CHECK(chips::format_count(5576000, Lang::zh_hans, 3) == "558万");
    NumberStyle two = usd(Lang::en);
    two.significant = 2;
    CHECK(chips::format_money(5576000, two) == "$5.6M");
}

TEST_CASE("zero, negative, tiny and non-finite values") {
    CHECK(chips::format_money(0, usd(Lang::en)) == "$0");
    CHECK(chips::format_money(-0.0, usd(Lang::en)) == "$0");
    CHECK(chips::format_money(0, usd(Lang::zh_hans)) == "0美元");
    CHECK(chips::format_count(0, Lang::zh_hant) == "0");

    CHECK(chips::format_money(-5576000, usd(Lang::en)) == "-$5.58M");
    CHECK(chips::format_money(-5576000, usd(Lang::zh_hans)) == "-557.6万美元");
    CHECK(chips::format_count(-2048, Lang::en) == "-2,048");

    CHECK(chips::format_money(0.000123, usd(Lang::en)) == "$0.000123");
    CHECK(chips::format_decimal(0.056, Lang::en) == "0.056");
    CHECK(chips::format_money(1e-12, usd(Lang::en)) == "\xE2\x89\x88$0"); // ≈$0: not zero, not e-notation
    CHECK(chips::format_money(-1e-12, usd(Lang::zh_hans)) == "\xE2\x89\x88"
                                                             "0美元");

    for (double bad : {kNaN, kInf, -kInf}) {
        CHECK(chips::format_money(bad, usd(Lang::en)) == kDash);
        CHECK(chips::format_money(bad, usd(Lang::zh_hans)) == kDash);
        CHECK(chips::format_count(bad, Lang::zh_hant) == kDash);
        CHECK(chips::format_decimal(bad, Lang::en) == kDash);
        CHECK(chips::format_money_range(bad, 1.0, usd(Lang::en)) == kDash);
        CHECK(chips::format_count_range(1.0, bad, Lang::zh_hans) == kDash);
    }
}

TEST_CASE("format_decimal: no unit scaling, separators per language") {
    CHECK(chips::format_decimal(14800000, Lang::en) == "14,800,000");
    CHECK(chips::format_decimal(14800000, Lang::zh_hans) == "14,800,000");
    CHECK(chips::format_decimal(2048, Lang::en) == "2,048");
    CHECK(chips::format_decimal(2048, Lang::zh_hant) == "2048");
    CHECK(chips::format_decimal(0.17, Lang::en) == "0.17");
    CHECK(chips::format_decimal(3.14159, Lang::en) == "3.14");
    CHECK(chips::format_decimal(3.14159, Lang::zh_hans) == "3.142");
}

TEST_CASE("money ranges: aligned decimals in English, one currency word in Chinese") {
    // The DeepSeek-V3 preset's rental cost bounds.
    const double low = 4960828.73, high = 6368928.35;
    CHECK(chips::format_money_range(low, high, usd(Lang::en)) == "$5.0M\xE2\x80\x93$6.4M");
    CHECK(chips::format_money_range(low, high, usd(Lang::zh_hans)) == "496万\xE2\x80\x93"
                                                                      "637万美元");
    CHECK(chips::format_money_range(low, high, usd(Lang::zh_hant)) == "496萬\xE2\x80\x93"
                                                                      "637萬美元");
    CHECK(chips::format_money_range(low, high, cny(Lang::en)) == "CN\xC2\xA5"
                                                                 "36M\xE2\x80\x93"
                                                                 "CN\xC2\xA5"
                                                                 "46M");
    CHECK(chips::format_money_range(low, high, cny(Lang::zh_hans)) == "3619万\xE2\x80\x93"
                                                                      "4647万元");
    // Ends in different units, swapped ends, equal ends, a negative end.
    CHECK(chips::format_money_range(95e6, 120e6, usd(Lang::zh_hans)) == "9500万\xE2\x80\x93"
                                                                        "1.2亿美元");
    CHECK(chips::format_money_range(high, low, usd(Lang::en)) == "$5.0M\xE2\x80\x93$6.4M");
    CHECK(chips::format_money_range(5e6, 5e6, usd(Lang::en)) == "$5.0M");
    CHECK(chips::format_money_range(-1e6, 2e6, usd(Lang::en)) == "-$1.0M\xE2\x80\x93$2.0M");
    CHECK(chips::format_money_range(1.25e9, 2e9, usd(Lang::en)) == "$1.3B\xE2\x80\x93$2.0B");
}

TEST_CASE("count ranges") {
    CHECK(chips::format_count_range(2.5e6, 3.2e6, Lang::en) == "2.5\xE2\x80\x93"
                                                               "3.2 million");
    CHECK(chips::format_count_range(1024, 4096, Lang::en) == "1,024\xE2\x80\x93"
                                                             "4,096");
    CHECK(chips::format_count_range(950000, 1.2e6, Lang::en) == "950,000\xE2\x80\x93"
                                                                "1.2 million");
    CHECK(chips::format_count_range(2480414, 3184464, Lang::zh_hans) == "248万\xE2\x80\x93"
                                                                        "318万");
    CHECK(chips::format_count_range(0.536, 0.804, Lang::en) == "0.54\xE2\x80\x93"
                                                               "0.80");
}
