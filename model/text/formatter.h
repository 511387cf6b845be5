// model/text/formatter.h — numbers with units in the reader's language: money and counts through number_format.h
// ("$5.58M", "557.6万美元", "4068万元", "2,048", "278.8万"), everything else through unit ladders ("57 days",
// "2.1 months", "3.29 × 10^24 FLOP", "17%").
//
// Index
// - [SECTION] Kinds of quantity
// - [SECTION] Formatter
//
// One formatter per job: money (USD or CNY) and counts (GPUs, GPU-hours, parameters, tokens) follow the press's
// rules in model/text/number_format.h, the same code the tour text and the tests use. Durations, energy, FLOP,
// percentages and ratios change unit words per language, so they keep a *ladder* in strings.json:
//     "threshold[@scale]:pattern|threshold[@scale]:pattern|..."
// e.g. fmt.days en "0@0.0416666667:{n} hours|1@1:{n} days|60@30.4375:{n} months". The formatter picks the last rung
// whose threshold is <= |value|, divides by its scale (default = threshold) and puts the number into {n}. Kinds
// whose number comes from number_format may still have a one-rung key for their unit words ("0:{n} GPU-hours").
// Pure: the same StringTable + Lang + NumberStyle always give the same text; no ImGui, no globals (tests/ui).
#pragma once
#include "model/content/strings.h"
#include "model/core/range.h"
#include "model/core/types.h"
#include "model/text/number_format.h"

#include <string>
#include <vector>

namespace chips {

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] Kinds of quantity
//-----------------------------------------------------------------------------------------------------------------

enum class Quantity {
    usd,          // money given in USD: format_money ($5.58M, 557.6万美元, 4068万元)    (no key)
    usd_small,    // prices (per GPU-hour, per kWh): format_money ($2, $0.643)        (no key)
    days,         // durations given in days: hours/days/months/years               key fmt.days
    gpu_hours,    // GPU-hours: format_count + unit words                           key fmt.gpu_hours
    energy_mwh,   // energy given in MWh: kWh/MWh/GWh                               key fmt.energy
    co2_tonnes,   // tonnes CO2e                                                    key fmt.co2
    params,       // parameter counts: format_count (671 billion, 6710亿)           (no key)
    tokens,       // token counts: format_count (14.8 trillion, 14.8万亿)           (no key)
    count,        // plain counts (GPUs, experts): format_count (2,048, 5万)          (no key)
    flop,         // FLOP: scientific, "3.29 × 10^24 FLOP"                          key fmt.flop
    tflops,       // TFLOP/s                                                        key fmt.tflops
    fraction,     // 0..1 shown as a percentage                                     key fmt.percent
    ratio,        // multiplier "0.98×", "15倍"                                       key fmt.ratio
    gigabytes,    // GB                                                             key fmt.gb
    usd_per_mtok, // USD per 1M output tokens: format_money + unit words              key fmt.usd_per_mtok
    hours,        // hours (MTBF)                                                   key fmt.hours
    minutes,      // minutes                                                        key fmt.minutes
    plain,        // a bare number, 4 significant digits, the language's separators  (no key)
};

// The fmt.* key of a kind ("fmt.days"); "" for kinds without one.
const char* quantity_key(Quantity kind);
// Maps an output or scenario unit of docs/contract.md ("USD", "days", "MWh", ...) to a kind; plain when unknown.
Quantity quantity_for_unit(const std::string& unit);

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] Formatter
//-----------------------------------------------------------------------------------------------------------------

// "4.57", "557.6", "2,048": `significant` significant digits (default 4), trailing zeros trimmed, thousands grouped
// with ',' from 10,000 up (2048 stays 2048 so chip counts read like the reports). Never "-0", never "nan": a
// non-finite value gives "—".
std::string format_number(double value, int significant = 4);
// "3.29 × 10^24" (mantissa with `significant` digits). Values between 0.001 and 1e6 are written plainly.
std::string format_scientific(double value, int significant = 3);

class Formatter {
  public:
    Formatter() = default;
    // Reads every fmt.* ladder for `lang` from `strings` once; format() then allocates only its result. `money`
    // is the display currency and rate (number_style(lang, currency, rate)); its lang is set to `lang`.
    Formatter(const StringTable& strings, Lang lang, NumberStyle money = {});

    // Money and counts as model/text/number_format.h writes them (en 3 significant digits, zh 4); ladder kinds with 3.
    // A missing or malformed ladder falls back to the plain number (visible, not fatal).
    std::string format(double value, Quantity kind) const;
    // "$5.0M–$6.4M", "496万–637万美元", "50.5 – 72.3 days" (one value when both ends print the same).
    std::string format_range(const Range& range, Quantity kind) const;

    Lang lang() const { return lang_; }
    const NumberStyle& money_style() const { return money_; }

  private:
    std::string wrap(Quantity kind, const std::string& number) const; // unit words of a number_format kind

    struct Rung {
        double threshold = 0.0; // smallest |value| this rung applies to
        double scale = 1.0;     // value is divided by this before printing
        std::string before;     // pattern text before {n}
        std::string after;      // pattern text after {n}
    };
    std::vector<std::vector<Rung>> ladders_; // indexed by Quantity
    std::string range_pattern_;              // range.dash ("{low} – {high}")
    Lang lang_ = Lang::en;                   // language of every text
    NumberStyle money_;                      // currency, rate and language for money
};

// Parses one ladder ("0:${n}|1e3:${n}K"); returns false on a malformed rung. Exposed for the tests.
bool parse_ladder(const std::string& spec, std::vector<std::pair<double, double>>& thresholds_and_scales,
                  std::vector<std::string>& patterns);

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] Templates and names
//-----------------------------------------------------------------------------------------------------------------

// Replaces "{name}" in `pattern` by `value` (all occurrences): how every UI string takes its numbers.
std::string fill_in(std::string pattern, const char* name, const std::string& value);

// The short name readers know: "H800" from "NVIDIA H800 SXM5 80GB", "RTX 2080 Ti", "Ascend 910B"; the id otherwise.
std::string gpu_short_name(const GpuSpec& gpu);

} // namespace chips
