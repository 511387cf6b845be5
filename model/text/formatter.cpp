// model/text/formatter.cpp — see formatter.h. Pure: no ImGui, no globals.
#include "model/text/formatter.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace chips {

namespace {

constexpr int kQuantityCount = static_cast<int>(Quantity::plain) + 1;

// Indexed by Quantity. "" = the number comes from model/text/number_format.h with no unit words around it.
const char* const kQuantityKeys[kQuantityCount] = {
    "",
    "",
    "fmt.days",
    "fmt.gpu_hours",
    "fmt.energy",
    "fmt.co2",
    "",
    "",
    "",
    "fmt.flop",
    "fmt.tflops",
    "fmt.percent",
    "fmt.ratio",
    "fmt.gb",
    "fmt.usd_per_mtok",
    "fmt.hours",
    "fmt.minutes",
    "",
};

// Kinds whose number model/text/number_format.h writes (the press's 万/亿 and K/M/B rules, one digit fewer in ranges).
bool is_money(Quantity kind) {
    return kind == Quantity::usd || kind == Quantity::usd_small || kind == Quantity::usd_per_mtok;
}
bool is_count(Quantity kind) {
    return kind == Quantity::count || kind == Quantity::params || kind == Quantity::tokens ||
           kind == Quantity::gpu_hours;
}

// Groups the integer digits of `digits` ("12345.6" → "12,345.6").
std::string group_thousands(const std::string& digits) {
    size_t start = (!digits.empty() && digits[0] == '-') ? 1 : 0;
    size_t point = digits.find('.');
    size_t int_end = point == std::string::npos ? digits.size() : point;
    if (int_end - start < 5) return digits; // below 10,000: "2048" reads like the reports
    std::string out = digits.substr(0, start);
    for (size_t i = start; i < int_end; ++i) {
        out += digits[i];
        size_t left = int_end - i - 1;
        if (left > 0 && left % 3 == 0) out += ',';
    }
    out += digits.substr(int_end);
    return out;
}

// Rounds to `significant` significant digits (the value format_number prints).
double round_significant(double value, int significant) {
    if (value == 0.0 || !std::isfinite(value)) return value;
    const double factor = std::pow(10.0, significant - 1 - std::floor(std::log10(std::fabs(value))));
    return std::round(value * factor) / factor;
}

} // namespace

const char* quantity_key(Quantity kind) {
    return kQuantityKeys[static_cast<int>(kind)];
}

Quantity quantity_for_unit(const std::string& unit) {
    struct Pair {
        const char* unit;
        Quantity kind;
    };
    static const Pair pairs[] = {
        {"USD", Quantity::usd},
        {"days", Quantity::days},
        {"GPU-hours", Quantity::gpu_hours},
        {"MWh", Quantity::energy_mwh},
        {"t CO2", Quantity::co2_tonnes},
        {"params", Quantity::params},
        {"FLOP", Quantity::flop},
        {"TFLOP/s", Quantity::tflops},
        {"fraction", Quantity::fraction},
        {"ratio", Quantity::ratio},
        {"ratio (≥ 1)", Quantity::ratio},
        {"GB", Quantity::gigabytes},
        {"USD per 1M output tokens", Quantity::usd_per_mtok},
        {"USD per GPU-hour", Quantity::usd_small},
        {"USD/kWh", Quantity::usd_small},
        {"tokens", Quantity::tokens},
        {"GPUs", Quantity::count},
        {"count", Quantity::count},
        {"hours", Quantity::hours},
        {"minutes", Quantity::minutes},
    };
    for (const Pair& pair : pairs)
        if (unit == pair.unit) return pair.kind;
    if (unit.rfind("USD per 1M", 0) == 0) return Quantity::usd_per_mtok;
    if (unit.rfind("ratio", 0) == 0) return Quantity::ratio;
    return Quantity::plain;
}

std::string format_number(double value, int significant) {
    if (!std::isfinite(value)) return "\xE2\x80\x94"; // em dash: visible, never "nan"
    if (value == 0.0) return "0";
    const double magnitude = std::floor(std::log10(std::fabs(value)));
    int decimals = significant - 1 - static_cast<int>(magnitude);
    if (decimals < 0) decimals = 0;
    if (decimals > 9) decimals = 9;
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    std::string text = buffer;
    if (text.find('.') != std::string::npos) {
        while (!text.empty() && text.back() == '0')
            text.pop_back();
        if (!text.empty() && text.back() == '.') text.pop_back();
    }
    if (text == "-0") text = "0";
    return group_thousands(text);
}

std::string format_scientific(double value, int significant) {
    if (!std::isfinite(value)) return "\xE2\x80\x94";
    const double absolute = std::fabs(value);
    if (absolute == 0.0 || (absolute >= 1e-3 && absolute < 1e6)) return format_number(value, significant);
    int exponent = static_cast<int>(std::floor(std::log10(absolute)));
    double mantissa = value / std::pow(10.0, exponent);
    // Rounding can carry the mantissa to 10 ("9.996e24" at 3 digits): renormalise.
    const double rounding = std::pow(10.0, significant - 1);
    if (std::fabs(std::round(mantissa * rounding) / rounding) >= 10.0) {
        mantissa /= 10.0;
        exponent += 1;
    }
    return format_number(mantissa, significant) + " \xC3\x97 10^" + std::to_string(exponent); // "×"
}

bool parse_ladder(const std::string& spec, std::vector<std::pair<double, double>>& thresholds_and_scales,
                  std::vector<std::string>& patterns) {
    thresholds_and_scales.clear();
    patterns.clear();
    size_t start = 0;
    while (start <= spec.size()) {
        size_t end = spec.find('|', start);
        if (end == std::string::npos) end = spec.size();
        const std::string rung = spec.substr(start, end - start);
        const size_t colon = rung.find(':');
        if (colon == std::string::npos || colon == 0) return false;
        const std::string head = rung.substr(0, colon);
        const size_t at = head.find('@');
        char* parse_end = nullptr;
        const std::string threshold_text = head.substr(0, at);
        const double threshold = std::strtod(threshold_text.c_str(), &parse_end);
        if (parse_end == threshold_text.c_str() || *parse_end != '\0') return false;
        double scale = threshold > 0 ? threshold : 1.0;
        if (at != std::string::npos) {
            const std::string scale_text = head.substr(at + 1);
            scale = std::strtod(scale_text.c_str(), &parse_end);
            if (parse_end == scale_text.c_str() || *parse_end != '\0' || !(scale > 0)) return false;
        }
        const std::string pattern = rung.substr(colon + 1);
        if (pattern.find("{n}") == std::string::npos) return false;
        thresholds_and_scales.emplace_back(threshold, scale);
        patterns.push_back(pattern);
        start = end + 1;
    }
    return !patterns.empty();
}

Formatter::Formatter(const StringTable& strings, Lang lang, NumberStyle money) : lang_(lang), money_(money) {
    money_.lang = lang;
    ladders_.resize(kQuantityCount);
    std::vector<std::pair<double, double>> heads;
    std::vector<std::string> patterns;
    for (int kind = 0; kind < kQuantityCount; ++kind) {
        const char* key = kQuantityKeys[kind];
        if (key[0] == '\0' || !strings.has(key)) continue;
        if (!parse_ladder(strings.tr(key, lang), heads, patterns)) continue;
        for (size_t i = 0; i < heads.size(); ++i) {
            Rung rung;
            rung.threshold = heads[i].first;
            rung.scale = heads[i].second;
            const size_t hole = patterns[i].find("{n}");
            rung.before = patterns[i].substr(0, hole);
            rung.after = patterns[i].substr(hole + 3);
            ladders_[kind].push_back(std::move(rung));
        }
    }
    range_pattern_ = strings.has("range.dash") ? strings.tr("range.dash", lang) : "{low} \xE2\x80\x93 {high}";
}

std::string Formatter::wrap(Quantity kind, const std::string& number) const {
    // The unit words of a number_format kind: the first rung of its one-rung key ("0:{n} GPU-hours").
    const int index = static_cast<int>(kind);
    if (index >= static_cast<int>(ladders_.size()) || ladders_[index].empty()) return number;
    const Rung& rung = ladders_[index].front();
    return rung.before + number + rung.after;
}

std::string Formatter::format(double value, Quantity kind) const {
    if (is_money(kind)) return wrap(kind, format_money(value, money_));
    if (is_count(kind)) return wrap(kind, format_count(value, lang_));
    if (kind == Quantity::plain) return format_decimal(value, lang_, 4);
    const int index = static_cast<int>(kind);
    if (kind == Quantity::fraction && std::isfinite(value)) value *= 100.0; // fmt.percent prints "{n}%"
    const std::vector<Rung>* ladder = index < static_cast<int>(ladders_.size()) ? &ladders_[index] : nullptr;
    if (!ladder || ladder->empty() || !std::isfinite(value)) {
        return kind == Quantity::flop ? format_scientific(value) : format_number(value);
    }
    constexpr int digits = 3; // more than the inputs justify already
    const double absolute = std::fabs(value);
    size_t chosen = 0;
    for (size_t i = 0; i < ladder->size(); ++i)
        if (absolute >= (*ladder)[i].threshold) chosen = i;
    // 59.96 days with 3 digits prints "60 days": step up a rung when rounding reaches the next threshold.
    if (chosen + 1 < ladder->size()) {
        const Rung& here = (*ladder)[chosen];
        if (round_significant(absolute / here.scale, digits) * here.scale >= (*ladder)[chosen + 1].threshold)
            chosen += 1;
    }
    const Rung& rung = (*ladder)[chosen];
    const double scaled = value / rung.scale;
    const std::string number = kind == Quantity::flop ? format_scientific(scaled) : format_number(scaled, digits);
    return rung.before + number + rung.after;
}

std::string Formatter::format_range(const Range& range, Quantity kind) const {
    if (range.low == range.high) return format(range.central, kind); // an exact input ("$2"), not a bound
    if (is_money(kind)) return wrap(kind, format_money_range(range.low, range.high, money_));
    if (is_count(kind)) return wrap(kind, format_count_range(range.low, range.high, lang_));
    // Both ends on the central value's rung ("50.5 – 72.3 days", not "50.5 days – 2.13 months"), so the two
    // numbers compare at a glance.
    std::string low = format(range.low, kind);
    std::string high = format(range.high, kind);
    const int index = static_cast<int>(kind);
    if (index < static_cast<int>(ladders_.size()) && !ladders_[index].empty() && kind != Quantity::flop &&
        std::isfinite(range.central)) {
        const std::vector<Rung>& ladder = ladders_[index];
        const double factor = kind == Quantity::fraction ? 100.0 : 1.0;
        size_t chosen = 0;
        for (size_t i = 0; i < ladder.size(); ++i)
            if (std::fabs(range.central * factor) >= ladder[i].threshold) chosen = i;
        const Rung& rung = ladder[chosen];
        low = rung.before + format_number(range.low * factor / rung.scale, 3) + rung.after;
        high = rung.before + format_number(range.high * factor / rung.scale, 3) + rung.after;
    }
    if (low == high) return format(range.central, kind);
    std::string text = range_pattern_;
    const size_t low_at = text.find("{low}");
    if (low_at != std::string::npos) text.replace(low_at, 5, low);
    const size_t high_at = text.find("{high}");
    if (high_at != std::string::npos) text.replace(high_at, 6, high);
    return text;
}

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] Templates and names
//-----------------------------------------------------------------------------------------------------------------

std::string fill_in(std::string pattern, const char* name, const std::string& value) {
    const std::string hole = std::string("{") + name + "}";
    for (size_t at = pattern.find(hole); at != std::string::npos; at = pattern.find(hole, at + value.size()))
        pattern.replace(at, hole.size(), value);
    return pattern;
}

std::string gpu_short_name(const GpuSpec& gpu) {
    // Catalog names read "NVIDIA H800 SXM5 80GB", "NVIDIA Tesla V100 SXM2 32GB", "NVIDIA GeForce RTX 2080 Ti",
    // "Huawei Ascend 910B", "AMD Instinct MI300X": the model readers know is the first word with a digit, with a
    // preceding all-capitals series name ("RTX") or "Ascend" kept in front.
    std::vector<std::string> words;
    size_t start = 0;
    while (start < gpu.name.size()) {
        size_t end = gpu.name.find(' ', start);
        if (end == std::string::npos) end = gpu.name.size();
        if (end > start) words.push_back(gpu.name.substr(start, end - start));
        start = end + 1;
    }
    for (size_t i = 1; i < words.size(); ++i) {
        if (words[i].find_first_of("0123456789") == std::string::npos) continue;
        const std::string& previous = words[i - 1];
        bool series = previous == "Ascend";
        if (!series && i > 1 && previous.size() <= 4) {
            series = true;
            for (char c : previous)
                series = series && c >= 'A' && c <= 'Z';
        }
        return series ? previous + " " + words[i] : words[i];
    }
    return gpu.id;
}

} // namespace chips
