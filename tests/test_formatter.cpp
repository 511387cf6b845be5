// tests/test_formatter.cpp — the unit formatter: scaling ladders per language, rounding, ranges.
#include "model/text/formatter.h"
#include "native/file_io.h"

#include <doctest/doctest.h>

#include <cmath>

using namespace chips;

namespace {
const StringTable& table() {
    static StringTable strings = [] {
        StringTable loaded;
        ContentErrors errors;
        load_strings(read_file_or_empty(std::string(CHIPS_CONTENT_DIR) + "/strings.json"), "strings.json", loaded,
                     errors);
        return loaded;
    }();
    return strings;
}
} // namespace

TEST_CASE("format_number: significant digits, trimming, grouping") {
    CHECK(format_number(557.6) == "557.6");
    CHECK(format_number(14.0) == "14");
    CHECK(format_number(2048) == "2048");
    CHECK(format_number(50000) == "50,000");
    CHECK(format_number(0.17) == "0.17");
    CHECK(format_number(-0.00001) == "-0.00001");
    CHECK(format_number(0) == "0");
    CHECK(format_number(std::nan("")) == "\xE2\x80\x94");
    CHECK(format_scientific(3.2856e24) == "3.29 \xC3\x97 10^24");
    CHECK(format_scientific(9.996e24) == "1 \xC3\x97 10^25"); // rounding carries into the exponent
}

TEST_CASE("money goes through model/number_format: thousands in English, myriads in Chinese, USD or CNY") {
    const Formatter en(table(), Lang::en), hans(table(), Lang::zh_hans), hant(table(), Lang::zh_hant);
    CHECK(en.format(5.576e6, Quantity::usd) == "$5.58M");
    CHECK(en.format(1.4e9, Quantity::usd) == "$1.4B");
    CHECK(en.format(950, Quantity::usd) == "$950");
    CHECK(en.format(12500, Quantity::usd) == "$12.5K");
    CHECK(hans.format(5.576e6, Quantity::usd) == "557.6万美元");
    CHECK(hans.format(1.4e9, Quantity::usd) == "14亿美元");
    CHECK(hant.format(5.576e6, Quantity::usd) == "557.6萬美元");
    CHECK(hant.format(2e12, Quantity::usd) == "2萬億美元"); // as the Hong Kong and Taiwan articles write it
    CHECK(en.format(2e12, Quantity::usd) == "$2T");
    CHECK(en.format(999999, Quantity::usd) == "$1M"); // rounding crosses the unit, never "$1000K"
    CHECK(en.format(2.19, Quantity::usd_small) == "$2.19");
    CHECK(en.format(2.19, Quantity::usd_per_mtok) == "$2.19 per 1M tokens");
    CHECK(hans.format(2.19, Quantity::usd_per_mtok) == "每百万 token 2.19美元");
    // CNY at a stated rate: the style carries currency and rate, the Formatter its language.
    CurrencyRate rate;
    rate.cny_per_usd = 7.2957;
    const Formatter hans_cny(table(), Lang::zh_hans, number_style(Lang::zh_hans, Currency::cny, rate));
    const Formatter en_cny(table(), Lang::en, number_style(Lang::en, Currency::cny, rate));
    CHECK(hans_cny.format(5.576e6, Quantity::usd) == "4068万元");
    CHECK(en_cny.format(5.576e6, Quantity::usd) == "CN\xC2\xA5"
                                                   "40.7M");
    CHECK(hans_cny.format_range(Range{4.961e6, 5.576e6, 6.369e6}, Quantity::usd) == "3619万–4647万元");
    CHECK(hans_cny.format(2048, Quantity::count) == "2048"); // counts never convert
}

TEST_CASE("durations: hours, days, months, years") {
    const Formatter en(table(), Lang::en), hans(table(), Lang::zh_hans);
    CHECK(en.format(0.5, Quantity::days) == "12 hours");
    CHECK(en.format(56.72, Quantity::days) == "56.7 days");
    CHECK(en.format(91.3125, Quantity::days) == "3 months");
    CHECK(en.format(1095.75, Quantity::days) == "3 years");
    CHECK(hans.format(56.72, Quantity::days) == "56.7天");
    CHECK(hans.format(91.3125, Quantity::days) == "3个月");
}

TEST_CASE("energy, counts, percentages, ratios, FLOP") {
    const Formatter en(table(), Lang::en), hans(table(), Lang::zh_hans);
    CHECK(en.format(4500, Quantity::energy_mwh) == "4.5 GWh");
    CHECK(en.format(0.5, Quantity::energy_mwh) == "500 kWh");
    CHECK(en.format(2048, Quantity::count) == "2,048");  // English groups from 1,000
    CHECK(hans.format(2048, Quantity::count) == "2048"); // Chinese leaves numbers below 万 ungrouped
    CHECK(en.format(100000, Quantity::count) == "100,000");
    CHECK(hans.format(50000, Quantity::count) == "5万");
    CHECK(en.format(0.17, Quantity::fraction) == "17%");
    CHECK(en.format(15, Quantity::ratio) == "15\xC3\x97");
    CHECK(hans.format(15, Quantity::ratio) == "15倍");
    CHECK(en.format(3.2856e24, Quantity::flop) == "3.29 \xC3\x97 10^24 FLOP");
    CHECK(en.format(671e9, Quantity::params) == "671 billion");
    CHECK(en.format(2.788e6, Quantity::gpu_hours) == "2.79 million GPU-hours");
    CHECK(hans.format(671e9, Quantity::params) == "6710亿");
    CHECK(hans.format(2.788e6, Quantity::gpu_hours) == "278.8万 GPU小时");
}

TEST_CASE("energy: one convention in both Chinese scripts, kilowatt-hours scaled by 万/亿 as the press writes them") {
    const Formatter hans(table(), Lang::zh_hans), hant(table(), Lang::zh_hant);
    // DeepSeek-V3's GPU-only energy (facts: 2.788M GPU-hours x 0.7 kW = 1.95 GWh) and a 100,000-H100 year.
    CHECK(hans.format(1951.6, Quantity::energy_mwh) == "195万千瓦时");
    CHECK(hant.format(1951.6, Quantity::energy_mwh) == "195萬千瓦時");
    CHECK(hans.format(1.2e6, Quantity::energy_mwh) == "12亿千瓦时");
    CHECK(hant.format(1.2e6, Quantity::energy_mwh) == "12億千瓦時");
    CHECK(hans.format(0.5, Quantity::energy_mwh) == "500千瓦时");
    // No SI word in one script and a symbol in the other (the unit words differ only by script).
    for (const double mwh : {0.5, 4500.0, 2.0e5, 3.0e9}) {
        const std::string simplified = hans.format(mwh, Quantity::energy_mwh);
        const std::string traditional = hant.format(mwh, Quantity::energy_mwh);
        CHECK(simplified.find("Wh") == std::string::npos);
        CHECK(traditional.find("Wh") == std::string::npos);
    }
}

TEST_CASE("ranges and the ladder parser") {
    const Formatter en(table(), Lang::en);
    CHECK(en.format_range(Range{4.99e6, 5.576e6, 6.32e6}, Quantity::usd) == "$5.0M\xE2\x80\x93$6.3M");
    CHECK(en.format_range(Range::exact(2.0), Quantity::usd_small) == "$2");
    std::vector<std::pair<double, double>> heads;
    std::vector<std::string> patterns;
    CHECK(parse_ladder("0:{n}|1e3@1000:{n}K", heads, patterns));
    CHECK(heads.size() == 2);
    CHECK(!parse_ladder("0:no hole", heads, patterns));
    CHECK(!parse_ladder("x:{n}", heads, patterns));
    // A formatter without strings still prints a number, never garbage.
    const Formatter empty;
    CHECK(empty.format(5.576e6, Quantity::usd) == "$5.58M");
    CHECK(empty.format(56.72, Quantity::days) == "56.72");
}

TEST_CASE("a range prints both ends on the central value's rung") {
    const Formatter en(table(), Lang::en), hans(table(), Lang::zh_hans);
    CHECK(en.format_range(Range{50.5, 56.8, 72.3}, Quantity::days) == "50.5 days \xE2\x80\x93 72.3 days");
    CHECK(hans.format_range(Range{4.961e6, 5.576e6, 6.369e6}, Quantity::usd) == "496万–637万美元");
    CHECK(en.format_range(Range{0.15, 0.17, 0.19}, Quantity::fraction) == "15% \xE2\x80\x93 19%");
}
