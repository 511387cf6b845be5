// tests/test_zh_quantity.cpp — the Chinese quantity parser on the spans the articles actually use, on the
// grammar's edges, and on hostile input (it is fuzzed later; these are the cases a fuzzer found first elsewhere).
#include "model/text/zh_quantity.h"

#include <doctest/doctest.h>
#include <random>
#include <string>

using chips::parse_zh_quantity;
using chips::ZhQualifier;
using chips::ZhUnit;

namespace {
// Parses and requires success, so a failed parse reports its own error message in the test output.
chips::ZhQuantity parse_ok(const std::string& text) {
    const chips::ZhParseResult result = parse_zh_quantity(text);
    INFO("span: " << text << " error: " << result.error);
    REQUIRE(result.ok);
    return result.quantity;
}

void check_single(const std::string& text, double value, ZhUnit unit, ZhQualifier qualifier = ZhQualifier::none) {
    const chips::ZhQuantity q = parse_ok(text);
    INFO("span: " << text);
    CHECK(q.low == doctest::Approx(value).epsilon(1e-12));
    CHECK(q.high == doctest::Approx(value).epsilon(1e-12));
    CHECK(q.unit == unit);
    CHECK(q.qualifier == qualifier);
}

void check_range(const std::string& text, double low, double high, ZhUnit unit,
                 ZhQualifier qualifier = ZhQualifier::none) {
    const chips::ZhQuantity q = parse_ok(text);
    INFO("span: " << text);
    CHECK(q.low == doctest::Approx(low).epsilon(1e-12));
    CHECK(q.high == doctest::Approx(high).epsilon(1e-12));
    CHECK(q.unit == unit);
    CHECK(q.qualifier == qualifier);
}
} // namespace

TEST_CASE("money spans from the articles (simplified and traditional)") {
    check_single("557万美元", 5.57e6, ZhUnit::usd);
    check_single("550萬美元", 5.5e6, ZhUnit::usd);
    check_single("560 万美元", 5.6e6, ZhUnit::usd); // the New Yorker translation puts spaces around the number
    check_single("14億美元", 1.4e9, ZhUnit::usd);
    check_single("10.8億美元", 1.08e9, ZhUnit::usd);
    check_single("1.2万亿美元", 1.2e12, ZhUnit::usd);
    check_single("1萬億美元", 1e12, ZhUnit::usd);
    check_single("超过五千亿美元", 5e11, ZhUnit::usd, ZhQualifier::more_than);
    check_single("0.14美元", 0.14, ZhUnit::usd);
    check_single("500萬歐元", 5e6, ZhUnit::eur);
    check_single("3800亿元", 3.8e11, ZhUnit::cny);
    check_single("100亿人民币", 1e10, ZhUnit::cny);
    check_single("$2", 2.0, ZhUnit::usd);
}

TEST_CASE("counts with measure words") {
    check_single("5万张", 5e4, ZhUnit::count);
    check_single("10万块", 1e5, ZhUnit::count);
    check_single("十萬張", 1e5, ZhUnit::count);
    check_single("1萬枚", 1e4, ZhUnit::count);
    check_single("至少1萬枚", 1e4, ZhUnit::count, ZhQualifier::at_least);
    check_single("約5萬塊", 5e4, ZhUnit::count, ZhQualifier::approx);
    check_single("不足2萬塊", 2e4, ZhUnit::count, ZhQualifier::less_than);
    check_single("八個", 8, ZhUnit::count);
    check_single("兩個", 2, ZhUnit::count);
    check_single("1000塊", 1000, ZhUnit::count);
    check_single("2,048块", 2048, ZhUnit::count);
    check_single("１０００塊", 1000, ZhUnit::count); // full-width digits
    check_single("1万多块", 1e4, ZhUnit::count, ZhQualifier::more_than);
}

TEST_CASE("fractions, percentages and multipliers") {
    check_single("1/20", 0.05, ZhUnit::fraction);
    check_single("1／30", 1.0 / 30.0, ZhUnit::fraction);
    check_single("5%左右", 0.05, ZhUnit::fraction, ZhQualifier::approx);
    check_single("大約65%", 0.65, ZhUnit::fraction, ZhQualifier::approx);
    check_single("166%", 1.66, ZhUnit::fraction);
    check_single("百分之五", 0.05, ZhUnit::fraction);
    check_single("二十分之一", 0.05, ZhUnit::fraction);
    check_single("11倍", 11, ZhUnit::ratio);
    check_single("2倍", 2, ZhUnit::ratio);
    check_single("15次", 15, ZhUnit::times);
}

TEST_CASE("time spans") {
    check_single("兩個月", 2, ZhUnit::months);
    check_single("两个月", 2, ZhUnit::months);
    check_single("不到四天", 4, ZhUnit::days, ZhQualifier::less_than);
    check_single("40天", 40, ZhUnit::days);
    check_single("10分鐘", 10, ZhUnit::minutes);
    check_single("3小时", 3, ZhUnit::hours);
    check_single("6個月", 6, ZhUnit::months);
}

TEST_CASE("ranges and vague numerals become low/high") {
    check_range("100億到1000億美元", 1e10, 1e11, ZhUnit::usd);
    check_range("2-3年", 2, 3, ZhUnit::years);
    check_range("100亿至1000亿美元", 1e10, 1e11, ZhUnit::usd);
    check_range("數億美元", 2e8, 9e8, ZhUnit::usd);
    check_range("數萬美元", 2e4, 9e4, ZhUnit::usd);
    check_range("數十億美元", 2e9, 9e9, ZhUnit::usd);
    check_range("几十美元", 20, 90, ZhUnit::usd);
    check_range("幾十分之一", 1.0 / 90.0, 1.0 / 20.0, ZhUnit::fraction);
    check_range("十几个", 11, 19, ZhUnit::count);
}

TEST_CASE("Chinese numerals compose like the language does") {
    check_single("十", 10, ZhUnit::none);
    check_single("十五", 15, ZhUnit::none);
    check_single("二十", 20, ZhUnit::none);
    check_single("一百零五", 105, ZhUnit::none);
    check_single("一千二百万", 1.2e7, ZhUnit::none);
    check_single("一亿五千万", 1.5e8, ZhUnit::none);
    check_single("三万亿", 3e12, ZhUnit::none);
    check_single("一点五万", 1.5e4, ZhUnit::none);
    check_single("5千", 5000, ZhUnit::none);
    check_single("5万3千", 53000, ZhUnit::none);
}

TEST_CASE("clear errors instead of guesses") {
    auto error_of = [](const std::string& text) {
        const chips::ZhParseResult result = parse_zh_quantity(text);
        CHECK_FALSE(result.ok);
        return result.error;
    };
    CHECK(error_of("") == "empty span");
    CHECK(error_of("H100").find("expected a number") != std::string::npos);
    CHECK(error_of("557万美元芯片").find("unexpected text '芯片'") != std::string::npos);
    CHECK(error_of("不足2萬塊以上").find("two different qualifiers") != std::string::npos);
    CHECK(error_of("1000到100美元").find("range ends below its start") != std::string::npos);
    CHECK(error_of("5年到6美元").find("different units") != std::string::npos);
    CHECK(error_of("1/0").find("greater than zero") != std::string::npos);
    CHECK(error_of("5万3亿").find("out of order") != std::string::npos);
    CHECK(error_of(std::string(600, '1')).find("too long") != std::string::npos);
    CHECK(error_of("1234567890123456789012345678901234567890123").find("too many digits") != std::string::npos);

    const chips::ZhParseResult bad_utf8 = parse_zh_quantity(std::string("55\xE4\xB8", 4)); // truncated 万
    CHECK_FALSE(bad_utf8.ok);
    CHECK(bad_utf8.error_offset == 2);
    CHECK(bad_utf8.error.find("invalid UTF-8") != std::string::npos);
    CHECK_FALSE(parse_zh_quantity("\xED\xA0\x80").ok);     // UTF-16 surrogate encoded as UTF-8
    CHECK_FALSE(parse_zh_quantity("\xC0\xB1").ok);         // overlong '1'
    CHECK_FALSE(parse_zh_quantity("9999999999万亿万").ok); // units out of order, not a silent 1e28
}

TEST_CASE("unit and qualifier names round-trip") {
    for (ZhUnit unit :
         {ZhUnit::none, ZhUnit::usd, ZhUnit::cny, ZhUnit::eur, ZhUnit::count, ZhUnit::fraction, ZhUnit::ratio,
          ZhUnit::times, ZhUnit::minutes, ZhUnit::hours, ZhUnit::days, ZhUnit::weeks, ZhUnit::months, ZhUnit::years}) {
        ZhUnit back = ZhUnit::none;
        REQUIRE(chips::zh_unit_from_name(chips::zh_unit_name(unit), back));
        CHECK(back == unit);
    }
    ZhUnit unused;
    CHECK_FALSE(chips::zh_unit_from_name("dollars", unused));
    ZhQualifier qualifier;
    REQUIRE(chips::zh_qualifier_from_name("less_than", qualifier));
    CHECK(qualifier == ZhQualifier::less_than);
}

TEST_CASE("random bytes and mutated spans never crash and never yield non-finite values") {
    std::mt19937 random(20250127);
    const std::string seeds[] = {"557万美元", "100億到1000億美元", "幾十分之一", "約5萬塊", "1/20", "不到四天"};
    std::size_t parsed = 0;
    for (int round = 0; round < 20000; ++round) {
        std::string text;
        if (round % 2 == 0) {
            const std::size_t length = random() % 24;
            for (std::size_t i = 0; i < length; ++i)
                text += static_cast<char>(random() % 256);
        } else {
            text = seeds[random() % 6];
            const int edits = 1 + static_cast<int>(random() % 3);
            for (int e = 0; e < edits && !text.empty(); ++e) {
                const std::size_t at = random() % text.size();
                switch (random() % 3) {
                case 0:
                    text[at] = static_cast<char>(random() % 256);
                    break;
                case 1:
                    text.erase(at, 1);
                    break;
                default:
                    text.insert(at, 1, static_cast<char>(random() % 256));
                    break;
                }
            }
        }
        const chips::ZhParseResult result = parse_zh_quantity(text);
        if (result.ok) {
            ++parsed;
            CHECK(std::isfinite(result.quantity.low));
            CHECK(std::isfinite(result.quantity.high));
            CHECK(result.quantity.low <= result.quantity.high);
        } else {
            CHECK_FALSE(result.error.empty());
            CHECK(result.error_offset <= text.size());
        }
    }
    CHECK(parsed > 0); // the mutations keep some spans valid, so the success path is exercised too
}
