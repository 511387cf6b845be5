// model/text/zh_quantity.h — reads the way Chinese news text writes a quantity ("557万美元", "約5萬塊", "1/20",
// "100億到1000億美元", "不到四天", "幾十分之一") into numbers + unit + qualifier.
//
// Why a parser at all: every claim in content/quotes.json stores both the exact span from the article and the
// value we read from it. The validator re-parses the span and compares, so a typo in either the span or the value
// is caught at build time instead of being shown to readers as a wrong number.
//
// Contract: UTF-8 in, never throws, never crashes on any byte sequence (fuzzed), never returns NaN or infinity.
// Grammar and examples: docs/content.md "How the parser reads numbers".
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace chips {

// What the number counts. The names (zh_unit_name) are the "unit" strings used in content/quotes.json.
enum class ZhUnit {
    none,  // a bare number ("2000"): no unit word in the span
    usd,   // 美元, 美金, $ — US dollars
    cny,   // 元, 人民币/人民幣 — Chinese yuan
    eur,   // 欧元/歐元 — euros
    count, // measure words 张/張/块/塊/枚/个/個/台/名/颗/顆/卡 — a number of things (chips, experts...)
    fraction, // "1/20", "5%", "百分之五", "二十分之一" — a share of something (0.05)
    ratio,    // "11倍" — a multiplier
    times,    // "15次" — a number of repetitions (compared like a ratio)
    minutes,  // 分钟/分鐘
    hours,    // 小时/小時
    days,     // 天, 日
    weeks,    // 周/週/星期
    months,   // 个月/個月, 月
    years,    // 年
};

// Hedge words kept as a flag: the value is still the number written, the qualifier says how the article hedged it.
enum class ZhQualifier {
    none,
    approx,    // 约/約/大约/大約/大概/近/将近/將近/接近 … 左右/上下
    less_than, // 不足/不到/少于/少於/低于/低於
    more_than, // 超过/超過/逾/多于/多於 … 以上, and "多/余/餘" after the number ("1万多")
    at_least,  // 至少/起码/起碼/低至 ("as low as" marks the bottom of a range)
    at_most,   // 最多/至多/高达/高達/多达/多達 … 以内/以內/以下
};

// The result of a successful parse. For a single value low == high; ranges ("100億到1000億") and vague
// numerals ("數萬" = 2…9 × 10^4) have low < high.
struct ZhQuantity {
    double low = 0.0;                          // lower bound, in `unit` (USD, days, a fraction 0…1, ...)
    double high = 0.0;                         // upper bound, in `unit`; == low for a single value
    ZhUnit unit = ZhUnit::none;                // what the number counts
    ZhQualifier qualifier = ZhQualifier::none; // hedge word found in the span, if any
    bool is_range() const { return high != low; }
};

// Either a quantity or an error with the byte offset where reading stopped.
struct ZhParseResult {
    bool ok = false;              // true: `quantity` is valid; false: `error` and `error_offset` say why
    ZhQuantity quantity;          // valid only when ok
    std::string error;            // human-readable reason, e.g. "unexpected text '專家' after the number"
    std::size_t error_offset = 0; // byte offset into the input where the problem starts
};

// Reads the whole span; any text the grammar does not know is an error (not silently skipped), so a span that
// drifted from its value is reported. Spaces (ASCII, U+00A0, U+3000) between parts are allowed.
ZhParseResult parse_zh_quantity(std::string_view utf8_text);

// "USD", "count", "days", ... (the spelling used in content files); "" for ZhUnit::none.
const char* zh_unit_name(ZhUnit unit);
// Inverse of zh_unit_name; returns false for an unknown name.
bool zh_unit_from_name(std::string_view name, ZhUnit& unit_out);

// "approx", "less_than", ... ; "" for ZhQualifier::none.
const char* zh_qualifier_name(ZhQualifier qualifier);
bool zh_qualifier_from_name(std::string_view name, ZhQualifier& qualifier_out);

} // namespace chips
