// model/text/zh_quantity.cpp — see zh_quantity.h. Index:
//   [SECTION] Names of units and qualifiers
//   [SECTION] UTF-8 decoding (validating: bad bytes are an error, never undefined behaviour)
//   [SECTION] Cursor over code points
//   [SECTION] Numbers: Arabic digits, Chinese numerals, multipliers, vague numerals (幾/數)
//   [SECTION] Amount: number + percent / fraction / 倍 / unit word
//   [SECTION] Span: qualifiers + amount [+ range connector + amount]
#include "model/text/zh_quantity.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <vector>

namespace chips {

// ---------------------------------------------------------------------------------------------------------------------
// [SECTION] Names of units and qualifiers
// ---------------------------------------------------------------------------------------------------------------------
namespace {
struct UnitName {
    ZhUnit unit;
    const char* name;
};
constexpr UnitName kUnitNames[] = {
    {ZhUnit::none, ""},           {ZhUnit::usd, "USD"},           {ZhUnit::cny, "CNY"},     {ZhUnit::eur, "EUR"},
    {ZhUnit::count, "count"},     {ZhUnit::fraction, "fraction"}, {ZhUnit::ratio, "ratio"}, {ZhUnit::times, "times"},
    {ZhUnit::minutes, "minutes"}, {ZhUnit::hours, "hours"},       {ZhUnit::days, "days"},   {ZhUnit::weeks, "weeks"},
    {ZhUnit::months, "months"},   {ZhUnit::years, "years"},
};
struct QualifierName {
    ZhQualifier qualifier;
    const char* name;
};
constexpr QualifierName kQualifierNames[] = {
    {ZhQualifier::none, ""},
    {ZhQualifier::approx, "approx"},
    {ZhQualifier::less_than, "less_than"},
    {ZhQualifier::more_than, "more_than"},
    {ZhQualifier::at_least, "at_least"},
    {ZhQualifier::at_most, "at_most"},
};
} // namespace

const char* zh_unit_name(ZhUnit unit) {
    for (const UnitName& entry : kUnitNames)
        if (entry.unit == unit) return entry.name;
    return "";
}

bool zh_unit_from_name(std::string_view name, ZhUnit& unit_out) {
    for (const UnitName& entry : kUnitNames)
        if (name == entry.name) {
            unit_out = entry.unit;
            return true;
        }
    return false;
}

const char* zh_qualifier_name(ZhQualifier qualifier) {
    for (const QualifierName& entry : kQualifierNames)
        if (entry.qualifier == qualifier) return entry.name;
    return "";
}

bool zh_qualifier_from_name(std::string_view name, ZhQualifier& qualifier_out) {
    for (const QualifierName& entry : kQualifierNames)
        if (name == entry.name) {
            qualifier_out = entry.qualifier;
            return true;
        }
    return false;
}

namespace {

// Spans are short phrases; anything longer is not a quantity and is refused before any work is done.
constexpr std::size_t kMaxInputBytes = 512;
// Above this a value is surely a typo (the largest real figure in the articles is ~1e12 USD); also keeps every
// intermediate product far from overflow.
constexpr double kMaxMagnitude = 1e30;
// Arabic digit runs longer than this are refused (protects strtod input and keeps errors readable).
constexpr std::size_t kMaxDigits = 40;

// ---------------------------------------------------------------------------------------------------------------------
// [SECTION] UTF-8 decoding
// ---------------------------------------------------------------------------------------------------------------------
struct CodePoint {
    char32_t value;          // Unicode scalar value
    std::size_t byte_offset; // where it starts in the input
};

// Strict decoder: rejects overlong forms, surrogates, values above U+10FFFF and truncated sequences.
bool decode_utf8(std::string_view text, std::vector<CodePoint>& out, std::size_t& bad_offset) {
    std::size_t i = 0;
    while (i < text.size()) {
        const auto lead = static_cast<unsigned char>(text[i]);
        std::size_t length = 0;
        char32_t value = 0;
        char32_t min_value = 0;
        if (lead < 0x80) {
            length = 1;
            value = lead;
        } else if ((lead & 0xE0) == 0xC0) {
            length = 2;
            value = lead & 0x1F;
            min_value = 0x80;
        } else if ((lead & 0xF0) == 0xE0) {
            length = 3;
            value = lead & 0x0F;
            min_value = 0x800;
        } else if ((lead & 0xF8) == 0xF0) {
            length = 4;
            value = lead & 0x07;
            min_value = 0x10000;
        } else {
            bad_offset = i;
            return false;
        }
        if (i + length > text.size()) {
            bad_offset = i;
            return false;
        }
        for (std::size_t k = 1; k < length; ++k) {
            const auto next = static_cast<unsigned char>(text[i + k]);
            if ((next & 0xC0) != 0x80) {
                bad_offset = i;
                return false;
            }
            value = (value << 6) | (next & 0x3F);
        }
        if (value < min_value || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
            bad_offset = i;
            return false;
        }
        out.push_back({value, i});
        i += length;
    }
    return true;
}

// ---------------------------------------------------------------------------------------------------------------------
// [SECTION] Cursor over code points
// ---------------------------------------------------------------------------------------------------------------------
struct Interval {
    double low = 0.0;  // lower bound
    double high = 0.0; // upper bound (== low unless a vague numeral or range was read)
};

class Cursor {
  public:
    Cursor(const std::vector<CodePoint>& points, std::size_t input_size) : points_(points), input_size_(input_size) {}

    bool at_end() const { return index_ >= points_.size(); }
    char32_t peek(std::size_t ahead = 0) const {
        return index_ + ahead < points_.size() ? points_[index_ + ahead].value : 0;
    }
    void advance(std::size_t count = 1) { index_ = std::min(index_ + count, points_.size()); }
    std::size_t position() const { return index_; }
    void rewind(std::size_t position) { index_ = position; }
    std::size_t byte_offset() const { return at_end() ? input_size_ : points_[index_].byte_offset; }

    // Consumes `word` (UTF-8) if the input continues with it.
    bool accept(std::u32string_view word) {
        if (index_ + word.size() > points_.size()) return false;
        for (std::size_t k = 0; k < word.size(); ++k)
            if (points_[index_ + k].value != word[k]) return false;
        index_ += word.size();
        return true;
    }

    void skip_spaces() {
        while (!at_end() && (peek() == U' ' || peek() == U'\t' || peek() == 0x00A0 || peek() == 0x3000))
            advance();
    }

    // The rest of the input from here, re-encoded, for error messages (at most a few characters).
    std::string excerpt(std::size_t max_points = 6) const {
        std::string text;
        for (std::size_t k = index_; k < points_.size() && k < index_ + max_points; ++k)
            append_utf8(text, points_[k].value);
        return text;
    }

    static void append_utf8(std::string& out, char32_t value) {
        if (value < 0x80) {
            out += static_cast<char>(value);
        } else if (value < 0x800) {
            out += static_cast<char>(0xC0 | (value >> 6));
            out += static_cast<char>(0x80 | (value & 0x3F));
        } else if (value < 0x10000) {
            out += static_cast<char>(0xE0 | (value >> 12));
            out += static_cast<char>(0x80 | ((value >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (value & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (value >> 18));
            out += static_cast<char>(0x80 | ((value >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((value >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (value & 0x3F));
        }
    }

  private:
    const std::vector<CodePoint>& points_;
    std::size_t input_size_;
    std::size_t index_ = 0;
};

// Parse failure carried up the recursive reader; the first error wins.
struct Failure {
    bool failed = false;
    std::string message;
    std::size_t byte_offset = 0;

    void set(const Cursor& cursor, std::string text) {
        if (failed) return;
        failed = true;
        message = std::move(text);
        byte_offset = cursor.byte_offset();
    }
};

// ---------------------------------------------------------------------------------------------------------------------
// [SECTION] Numbers
// ---------------------------------------------------------------------------------------------------------------------
int ascii_digit(char32_t c) {
    if (c >= U'0' && c <= U'9') return static_cast<int>(c - U'0');
    if (c >= 0xFF10 && c <= 0xFF19) return static_cast<int>(c - 0xFF10); // full-width ０-９
    return -1;
}

// Chinese digit value, or -1. 〇/零 are 0; 两/兩 are 2 (used before measure words and units).
int chinese_digit(char32_t c) {
    switch (c) {
    case U'零':
    case U'〇':
        return 0;
    case U'一':
        return 1;
    case U'二':
    case U'两':
    case U'兩':
        return 2;
    case U'三':
        return 3;
    case U'四':
        return 4;
    case U'五':
        return 5;
    case U'六':
        return 6;
    case U'七':
        return 7;
    case U'八':
        return 8;
    case U'九':
        return 9;
    default:
        return -1;
    }
}

bool is_vague_digit(char32_t c) {
    return c == U'几' || c == U'幾' || c == U'数' || c == U'數';
}

// 十 百 千 inside a section; 0 if not one.
double small_unit(char32_t c) {
    switch (c) {
    case U'十':
        return 10.0;
    case U'百':
        return 100.0;
    case U'千':
        return 1000.0;
    default:
        return 0.0;
    }
}

bool is_wan(char32_t c) {
    return c == U'万' || c == U'萬';
}
bool is_yi(char32_t c) {
    return c == U'亿' || c == U'億';
}

Interval add(Interval a, Interval b) {
    return {a.low + b.low, a.high + b.high};
}
Interval scale(Interval a, double factor) {
    return {a.low * factor, a.high * factor};
}
bool is_zero(Interval a) {
    return a.low == 0.0 && a.high == 0.0;
}

// Arabic decimal with optional ASCII thousands separators ("2,000", "10.8", "５０００").
bool read_arabic(Cursor& cursor, Failure& failure, double& value_out) {
    std::string digits;
    bool seen_point = false;
    while (!cursor.at_end()) {
        const char32_t c = cursor.peek();
        const int digit = ascii_digit(c);
        if (digit >= 0) {
            digits += static_cast<char>('0' + digit);
            cursor.advance();
        } else if ((c == U'.' || c == 0xFF0E) && !seen_point && ascii_digit(cursor.peek(1)) >= 0 && !digits.empty()) {
            digits += '.';
            seen_point = true;
            cursor.advance();
        } else if (c == U',' && !seen_point && !digits.empty() && ascii_digit(cursor.peek(1)) >= 0 &&
                   ascii_digit(cursor.peek(2)) >= 0 && ascii_digit(cursor.peek(3)) >= 0 &&
                   ascii_digit(cursor.peek(4)) < 0) {
            cursor.advance(); // thousands separator: exactly three digits follow
        } else {
            break;
        }
        if (digits.size() > kMaxDigits) {
            failure.set(cursor, "number has too many digits");
            return false;
        }
    }
    if (digits.empty()) return false;
    value_out = std::strtod(digits.c_str(), nullptr);
    return true;
}

// Reads one number: Arabic digits and/or Chinese numerals followed by any multipliers (十百千万萬亿億, 万亿).
// "5000亿", "1.2万亿", "五千亿", "十萬", "數十億" (→ 2e9…9e9), "十幾" (→ 11…19), "兩", "一点五".
// Returns false without consuming anything if no number starts here.
bool read_number(Cursor& cursor, Failure& failure, Interval& out) {
    const std::size_t start = cursor.position();
    Interval total;   // sum of the parts already closed by 万/亿
    Interval section; // the part below 万 being built (e.g. 五千 in 五千亿)
    Interval pending; // the last digit (or Arabic number) not yet multiplied
    bool has_pending = false;
    bool any = false;
    double last_big_unit = 0.0; // 1e12, 1e8, 1e4 already used; big units must come in decreasing order

    while (!cursor.at_end() && !failure.failed) {
        const std::size_t before_spaces = cursor.position();
        // Spaces are allowed between an Arabic number and its multiplier ("560 万美元"), nowhere else inside.
        if (has_pending) cursor.skip_spaces();
        const char32_t c = cursor.peek();
        double arabic = 0.0;
        const int digit = chinese_digit(c);
        if (!has_pending && (ascii_digit(c) >= 0)) {
            if (!read_arabic(cursor, failure, arabic)) break;
            pending = {arabic, arabic};
            has_pending = true;
            any = true;
        } else if (!has_pending && digit == 0 && !(is_zero(section) && is_zero(total))) {
            cursor.advance(); // 零 inside a numeral only marks a gap (一百零五 = 105)
        } else if (!has_pending && digit >= 0) {
            cursor.advance();
            pending = {static_cast<double>(digit), static_cast<double>(digit)};
            has_pending = true;
            any = true;
            // Decimal point in Chinese numerals: 一点五 = 1.5, 三點二五 = 3.25.
            if ((cursor.peek() == U'点' || cursor.peek() == U'點') && chinese_digit(cursor.peek(1)) >= 0) {
                cursor.advance();
                double scale_factor = 0.1;
                while (chinese_digit(cursor.peek()) >= 0) {
                    pending = add(pending, {chinese_digit(cursor.peek()) * scale_factor,
                                            chinese_digit(cursor.peek()) * scale_factor});
                    scale_factor /= 10.0;
                    cursor.advance();
                }
            }
        } else if (!has_pending && is_vague_digit(c)) {
            cursor.advance();
            // 幾/數 before a unit means "several" (2…9: 幾十 = 20…90); trailing (十幾) it is any digit 1…9.
            const bool before_unit = small_unit(cursor.peek()) > 0.0 || is_wan(cursor.peek()) || is_yi(cursor.peek());
            pending = {before_unit ? 2.0 : 1.0, 9.0};
            has_pending = true;
            any = true;
        } else if (small_unit(c) > 0.0) {
            const double unit = small_unit(c);
            cursor.advance();
            Interval multiplier = pending;
            if (!has_pending) {
                if (!is_zero(section)) {
                    failure.set(cursor, "numeral unit without a digit before it");
                    break;
                }
                multiplier = {1.0, 1.0}; // 十五 = 15, 百分之五: a leading 十/百/千 means one of it
            }
            section = add(section, scale(multiplier, unit));
            has_pending = false;
            any = true;
        } else if (is_wan(c) || is_yi(c)) {
            double unit = is_wan(c) ? 1e4 : 1e8;
            cursor.advance();
            if (unit == 1e4 && is_yi(cursor.peek())) { // 万亿 = 10^12
                unit = 1e12;
                cursor.advance();
            }
            if (last_big_unit != 0.0 && unit >= last_big_unit) {
                failure.set(cursor, "numeral units out of order (e.g. 万 before 亿)");
                break;
            }
            Interval part = add(section, has_pending ? pending : Interval{});
            if (is_zero(part)) {
                if (!is_zero(total)) {
                    failure.set(cursor, "numeral unit without a digit before it");
                    break;
                }
                part = {1.0, 1.0}; // 万卡 = 10,000 cards
            }
            // 亿 and 万亿 scale everything before them (五千亿: section 5000 × 1e8); 万 after 亿 adds a lower part.
            if (last_big_unit == 0.0)
                total = scale(add(total, part), unit);
            else
                total = add(total, scale(part, unit));
            last_big_unit = unit;
            section = {};
            pending = {};
            has_pending = false;
            any = true;
        } else {
            cursor.rewind(before_spaces);
            break;
        }
        if (std::fabs(total.high) > kMaxMagnitude || std::fabs(section.high) > kMaxMagnitude ||
            std::fabs(pending.high) > kMaxMagnitude) {
            failure.set(cursor, "number is too large");
            break;
        }
    }
    if (failure.failed) return false;
    if (!any) {
        cursor.rewind(start);
        return false;
    }
    out = add(add(total, section), has_pending ? pending : Interval{});
    return true;
}

// ---------------------------------------------------------------------------------------------------------------------
// [SECTION] Amount
// ---------------------------------------------------------------------------------------------------------------------
struct Word {
    std::u32string_view text;
    ZhUnit unit;
};
// Longest words first where one is a prefix of another (个月 before 个, 分钟 is checked after 分之).
constexpr Word kUnitWords[] = {
    {U"人民币", ZhUnit::cny},  {U"人民幣", ZhUnit::cny}, {U"美元", ZhUnit::usd},     {U"美金", ZhUnit::usd},
    {U"欧元", ZhUnit::eur},    {U"歐元", ZhUnit::eur},   {U"元", ZhUnit::cny},       {U"个月", ZhUnit::months},
    {U"個月", ZhUnit::months}, {U"月", ZhUnit::months},  {U"分钟", ZhUnit::minutes}, {U"分鐘", ZhUnit::minutes},
    {U"小时", ZhUnit::hours},  {U"小時", ZhUnit::hours}, {U"天", ZhUnit::days},      {U"日", ZhUnit::days},
    {U"星期", ZhUnit::weeks},  {U"周", ZhUnit::weeks},   {U"週", ZhUnit::weeks},     {U"年", ZhUnit::years},
    {U"张", ZhUnit::count},    {U"張", ZhUnit::count},   {U"块", ZhUnit::count},     {U"塊", ZhUnit::count},
    {U"枚", ZhUnit::count},    {U"个", ZhUnit::count},   {U"個", ZhUnit::count},     {U"台", ZhUnit::count},
    {U"名", ZhUnit::count},    {U"颗", ZhUnit::count},   {U"顆", ZhUnit::count},     {U"卡", ZhUnit::count},
    {U"次", ZhUnit::times},    {U"倍", ZhUnit::ratio},
};

struct QualifierWord {
    std::u32string_view text;
    ZhQualifier qualifier;
};
constexpr QualifierWord kPrefixQualifiers[] = {
    {U"大约", ZhQualifier::approx},    {U"大約", ZhQualifier::approx},    {U"大概", ZhQualifier::approx},
    {U"将近", ZhQualifier::approx},    {U"將近", ZhQualifier::approx},    {U"接近", ZhQualifier::approx},
    {U"约", ZhQualifier::approx},      {U"約", ZhQualifier::approx},      {U"近", ZhQualifier::approx},
    {U"不足", ZhQualifier::less_than}, {U"不到", ZhQualifier::less_than}, {U"少于", ZhQualifier::less_than},
    {U"少於", ZhQualifier::less_than}, {U"低于", ZhQualifier::less_than}, {U"低於", ZhQualifier::less_than},
    {U"超过", ZhQualifier::more_than}, {U"超過", ZhQualifier::more_than}, {U"多于", ZhQualifier::more_than},
    {U"多於", ZhQualifier::more_than}, {U"逾", ZhQualifier::more_than},   {U"至少", ZhQualifier::at_least},
    {U"起码", ZhQualifier::at_least},  {U"起碼", ZhQualifier::at_least},  {U"低至", ZhQualifier::at_least},
    {U"最多", ZhQualifier::at_most},   {U"至多", ZhQualifier::at_most},   {U"高达", ZhQualifier::at_most},
    {U"高達", ZhQualifier::at_most},   {U"多达", ZhQualifier::at_most},   {U"多達", ZhQualifier::at_most},
};
constexpr QualifierWord kSuffixQualifiers[] = {
    {U"左右", ZhQualifier::approx},  {U"上下", ZhQualifier::approx},  {U"以上", ZhQualifier::more_than},
    {U"以内", ZhQualifier::at_most}, {U"以內", ZhQualifier::at_most}, {U"以下", ZhQualifier::at_most},
};

// Records a qualifier; two different hedges in one span ("不足…以上") contradict each other.
bool merge_qualifier(ZhQualifier found, ZhQualifier& into, Cursor& cursor, Failure& failure) {
    if (into != ZhQualifier::none && into != found) {
        failure.set(cursor, "two different qualifiers in one span");
        return false;
    }
    into = found;
    return true;
}

struct Amount {
    Interval value;             // in `unit`
    ZhUnit unit = ZhUnit::none; // none if the amount had no unit word (first half of "2-3年")
};

// number [多|余|餘] [% | / number | 分之 number | unit word]  — or a "N分之M" fraction.
bool read_amount(Cursor& cursor, Failure& failure, ZhQualifier& qualifier, Amount& out) {
    cursor.skip_spaces();
    bool dollar_prefix = false;
    if (cursor.accept(U"US$") || cursor.accept(U"$") || cursor.accept(U"＄")) {
        dollar_prefix = true;
        cursor.skip_spaces();
    }
    Interval number;
    if (!read_number(cursor, failure, number)) {
        if (!failure.failed)
            failure.set(cursor,
                        cursor.at_end() ? "expected a number" : "expected a number at '" + cursor.excerpt() + "'");
        return false;
    }
    cursor.skip_spaces();
    // "1万多块", "140余名": more than the number written.
    if (cursor.peek() == U'多' || cursor.peek() == U'余' || cursor.peek() == U'餘') {
        cursor.advance();
        if (!merge_qualifier(ZhQualifier::more_than, qualifier, cursor, failure)) return false;
        cursor.skip_spaces();
    }
    out.value = number;
    out.unit = ZhUnit::none;

    if (cursor.accept(U"%") || cursor.accept(U"％")) {
        out.value = scale(number, 0.01);
        out.unit = ZhUnit::fraction;
    } else if (cursor.peek() == U'/' || cursor.peek() == 0xFF0F) {
        cursor.advance();
        cursor.skip_spaces();
        Interval denominator;
        if (!read_number(cursor, failure, denominator)) {
            if (!failure.failed) failure.set(cursor, "expected a denominator after '/'");
            return false;
        }
        if (denominator.low <= 0.0) {
            failure.set(cursor, "denominator must be greater than zero");
            return false;
        }
        out.value = {number.low / denominator.high, number.high / denominator.low};
        out.unit = ZhUnit::fraction;
    } else if (cursor.accept(U"分之")) {
        // Chinese writes the denominator first: 二十分之一 = 1/20, 百分之五 = 5/100, 幾十分之一 = 1/90…1/20.
        Interval numerator;
        if (!read_number(cursor, failure, numerator)) {
            if (!failure.failed) failure.set(cursor, "expected a numerator after 分之");
            return false;
        }
        if (number.low <= 0.0) {
            failure.set(cursor, "denominator must be greater than zero");
            return false;
        }
        out.value = {numerator.low / number.high, numerator.high / number.low};
        out.unit = ZhUnit::fraction;
    } else {
        for (const Word& word : kUnitWords) {
            if (cursor.accept(word.text)) {
                out.unit = word.unit;
                break;
            }
        }
    }
    if (dollar_prefix) {
        if (out.unit != ZhUnit::none && out.unit != ZhUnit::usd) {
            failure.set(cursor, "'$' prefix with a non-dollar unit");
            return false;
        }
        out.unit = ZhUnit::usd;
    }
    return true;
}

// ---------------------------------------------------------------------------------------------------------------------
// [SECTION] Span
// ---------------------------------------------------------------------------------------------------------------------
bool is_range_connector(Cursor& cursor) {
    return cursor.accept(U"到") || cursor.accept(U"至") || cursor.accept(U"-") || cursor.accept(U"–") ||
           cursor.accept(U"—") || cursor.accept(U"~") || cursor.accept(U"～") || cursor.accept(U"〜");
}

ZhParseResult fail_at(std::size_t offset, std::string message) {
    ZhParseResult result;
    result.ok = false;
    result.error = std::move(message);
    result.error_offset = offset;
    return result;
}

} // namespace

ZhParseResult parse_zh_quantity(std::string_view utf8_text) {
    if (utf8_text.empty()) return fail_at(0, "empty span");
    if (utf8_text.size() > kMaxInputBytes)
        return fail_at(kMaxInputBytes, "span is too long (" + std::to_string(utf8_text.size()) + " bytes, at most " +
                                           std::to_string(kMaxInputBytes) + ")");
    std::vector<CodePoint> points;
    std::size_t bad_offset = 0;
    if (!decode_utf8(utf8_text, points, bad_offset))
        return fail_at(bad_offset, "invalid UTF-8 at byte " + std::to_string(bad_offset));

    Cursor cursor(points, utf8_text.size());
    Failure failure;
    ZhQualifier qualifier = ZhQualifier::none;

    cursor.skip_spaces();
    for (bool found = true; found && !failure.failed;) {
        found = false;
        for (const QualifierWord& word : kPrefixQualifiers) {
            if (cursor.accept(word.text)) {
                merge_qualifier(word.qualifier, qualifier, cursor, failure);
                cursor.skip_spaces();
                found = true;
                break;
            }
        }
    }

    Amount first;
    if (!failure.failed) read_amount(cursor, failure, qualifier, first);
    Interval value = first.value;
    ZhUnit unit = first.unit;

    if (!failure.failed) {
        cursor.skip_spaces();
        const std::size_t before_connector = cursor.position();
        if (is_range_connector(cursor)) {
            Amount second;
            if (read_amount(cursor, failure, qualifier, second)) {
                if (first.unit != ZhUnit::none && second.unit != ZhUnit::none && first.unit != second.unit) {
                    cursor.rewind(before_connector);
                    failure.set(cursor, std::string("range ends have different units (") + zh_unit_name(first.unit) +
                                            " and " + zh_unit_name(second.unit) + ")");
                } else if (first.unit == ZhUnit::fraction || second.unit == ZhUnit::fraction) {
                    if (first.unit != second.unit) {
                        cursor.rewind(before_connector);
                        failure.set(cursor, "range mixes a fraction with a plain number");
                    }
                }
                if (!failure.failed && second.value.high < first.value.low) {
                    cursor.rewind(before_connector);
                    failure.set(cursor, "range ends below its start");
                }
                value = {first.value.low, second.value.high};
                unit = second.unit != ZhUnit::none ? second.unit : first.unit;
            }
        }
    }

    if (!failure.failed) {
        cursor.skip_spaces();
        for (const QualifierWord& word : kSuffixQualifiers) {
            if (cursor.accept(word.text)) {
                merge_qualifier(word.qualifier, qualifier, cursor, failure);
                break;
            }
        }
        cursor.skip_spaces();
        if (!failure.failed && !cursor.at_end())
            failure.set(cursor, "unexpected text '" + cursor.excerpt() + "' after the quantity");
    }
    if (failure.failed) return fail_at(failure.byte_offset, failure.message);
    if (!std::isfinite(value.low) || !std::isfinite(value.high) || std::fabs(value.high) > kMaxMagnitude)
        return fail_at(0, "number is too large");

    ZhParseResult result;
    result.ok = true;
    result.quantity.low = value.low;
    result.quantity.high = value.high;
    result.quantity.unit = unit;
    result.quantity.qualifier = qualifier;
    return result;
}

} // namespace chips
