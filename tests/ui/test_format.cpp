// tests/ui/test_format.cpp — the unit formatter: scaling ladders per language, rounding, ranges.
#include "test_support.h"
#include "ui/format.h"

#include <doctest/doctest.h>

#include <cmath>

using namespace chips;
using namespace chips::ui;

namespace {
const StringTable& table() {
    static StringTable strings = [] {
        StringTable loaded;
        ContentErrors errors;
        load_strings(test::read_file(std::string(CHIPS_CONTENT_DIR) + "/strings.json"), "strings.json", loaded, errors);
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

TEST_CASE("USD scales by thousands in English, by myriads in Chinese") {
    const Formatter en(table(), Lang::en), hans(table(), Lang::zh_hans), hant(table(), Lang::zh_hant);
    CHECK(en.format(5.576e6, Quantity::usd) == "$5.576M");
    CHECK(en.format(1.4e9, Quantity::usd) == "$1.4B");
    CHECK(en.format(950, Quantity::usd) == "$950");
    CHECK(en.format(12500, Quantity::usd) == "$12.5K");
    CHECK(hans.format(5.576e6, Quantity::usd) == "557.6万美元");
    CHECK(hans.format(1.4e9, Quantity::usd) == "14亿美元");
    CHECK(hant.format(5.576e6, Quantity::usd) == "557.6萬美元");
    CHECK(hant.format(2e12, Quantity::usd) == "2兆美元");
    CHECK(en.format(2e12, Quantity::usd) == "$2000B");
    // 999,960 rounds to 1000K at 4 digits: it must step up to the next rung instead.
    CHECK(en.format(999960, Quantity::usd) == "$1M");
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
    CHECK(en.format(2048, Quantity::count) == "2048");
    CHECK(en.format(100000, Quantity::count) == "100,000");
    CHECK(hans.format(50000, Quantity::count) == "5万");
    CHECK(en.format(0.17, Quantity::fraction) == "17%");
    CHECK(en.format(15, Quantity::ratio) == "15\xC3\x97");
    CHECK(hans.format(15, Quantity::ratio) == "15倍");
    CHECK(en.format(3.2856e24, Quantity::flop) == "3.29 \xC3\x97 10^24 FLOP");
    CHECK(en.format(671e9, Quantity::params) == "671B");
    CHECK(hans.format(671e9, Quantity::params) == "6710亿");
    CHECK(hans.format(2.788e6, Quantity::gpu_hours) == "278.8万 GPU小时");
}

TEST_CASE("ranges and the ladder parser") {
    const Formatter en(table(), Lang::en);
    CHECK(en.format_range(Range{4.99e6, 5.576e6, 6.32e6}, Quantity::usd) == "$4.99M \xE2\x80\x93 $6.32M");
    CHECK(en.format_range(Range::exact(2.0), Quantity::usd_small) == "$2");
    std::vector<std::pair<double, double>> heads;
    std::vector<std::string> patterns;
    CHECK(parse_ladder("0:{n}|1e3@1000:{n}K", heads, patterns));
    CHECK(heads.size() == 2);
    CHECK(!parse_ladder("0:no hole", heads, patterns));
    CHECK(!parse_ladder("x:{n}", heads, patterns));
    // A formatter without strings still prints a number, never garbage.
    const Formatter empty;
    CHECK(empty.format(5.576e6, Quantity::usd) == "5,576,000");
}

TEST_CASE("a range prints both ends on the central value's rung") {
    const Formatter en(table(), Lang::en), hans(table(), Lang::zh_hans);
    CHECK(en.format_range(Range{50.5, 56.8, 72.3}, Quantity::days) == "50.5 days \xE2\x80\x93 72.3 days");
    CHECK(hans.format_range(Range{4.961e6, 5.576e6, 6.369e6}, Quantity::usd) == "496.1万美元–636.9万美元");
    CHECK(en.format_range(Range{0.15, 0.17, 0.19}, Quantity::fraction) == "15% \xE2\x80\x93 19%");
}
