// ui/format.h — numbers with units that scale, in the reader's language: "$5.576M", "557.6万美元", "14亿美元",
// "57 days", "2.1 months", "3.29 × 10^24 FLOP".
//
// Index
// - [SECTION] Kinds of quantity
// - [SECTION] Formatter
//
// Why a ladder in strings.json: English groups by thousands (K, M, B), Chinese by myriads (万 = 10^4, 亿 = 10^8), and
// the unit words differ per language. Each kind has one string key ("fmt.usd") whose value is a *ladder*:
//     "threshold[@scale]:pattern|threshold[@scale]:pattern|..."
// e.g. en "0:${n}|1000:${n}K|1e6:${n}M|1e9:${n}B", zh-Hans "0:{n}美元|1e4:{n}万美元|1e8:{n}亿美元". The formatter picks
// the last rung whose threshold is <= |value|, divides by its scale (default = threshold) and puts the number into
// {n}. So the language rules live in content (translatable, no literal in C++) and this code stays pure: the same
// StringTable + Lang always give the same text, with no ImGui and no global state (unit-tested in tests/ui).
#pragma once
#include "model/range.h"
#include "model/strings.h"

#include <string>
#include <vector>

namespace chips::ui {

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] Kinds of quantity
//-----------------------------------------------------------------------------------------------------------------

enum class Quantity {
    usd,          // US dollars: $K/$M/$B, 万/亿美元                              key fmt.usd
    usd_small,    // prices (per GPU-hour, per kWh, per 1M tokens): more decimals    key fmt.usd_small
    days,         // durations given in days: hours/days/months/years               key fmt.days
    gpu_hours,    // GPU-hours                                                      key fmt.gpu_hours
    energy_mwh,   // energy given in MWh: kWh/MWh/GWh                               key fmt.energy
    co2_tonnes,   // tonnes CO2e                                                    key fmt.co2
    params,       // parameter counts: B/T, 亿/万亿                                   key fmt.params
    tokens,       // token counts                                                   key fmt.tokens
    count,        // plain counts (GPUs, experts): grouped digits, 万 in Chinese        key fmt.count
    flop,         // FLOP: scientific, "3.29 × 10^24 FLOP"                          key fmt.flop
    tflops,       // TFLOP/s                                                        key fmt.tflops
    fraction,     // 0..1 shown as a percentage                                     key fmt.percent
    ratio,        // multiplier "0.98×", "15倍"                                       key fmt.ratio
    gigabytes,    // GB                                                             key fmt.gb
    usd_per_mtok, // USD per 1M output tokens                                       key fmt.usd_per_mtok
    hours,        // hours (MTBF)                                                   key fmt.hours
    minutes,      // minutes                                                        key fmt.minutes
    plain,        // a bare number with 4 significant digits, no unit               (no key)
};

// The fmt.* key of a kind ("fmt.usd"); "" for Quantity::plain.
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
    // Reads every fmt.* ladder for `lang` from `strings` once; format() then allocates only its result.
    Formatter(const StringTable& strings, Lang lang);

    // "$5.576M" / "557.6万美元": 4 significant digits for money, GPU-hours and counts, 3 for the rest. A missing or
    // malformed ladder falls back to the plain number (visible, not fatal).
    std::string format(double value, Quantity kind) const;
    // "$4.9M – $6.3M" (both ends fully formatted; one value when low == high).
    std::string format_range(const Range& range, Quantity kind) const;

    Lang lang() const { return lang_; }

  private:
    struct Rung {
        double threshold = 0.0; // smallest |value| this rung applies to
        double scale = 1.0;     // value is divided by this before printing
        std::string before;     // pattern text before {n}
        std::string after;      // pattern text after {n}
    };
    std::vector<std::vector<Rung>> ladders_; // indexed by Quantity
    std::string range_pattern_;              // range.dash ("{low} – {high}")
    Lang lang_ = Lang::en;
};

// Parses one ladder ("0:${n}|1e3:${n}K"); returns false on a malformed rung. Exposed for the tests.
bool parse_ladder(const std::string& spec, std::vector<std::pair<double, double>>& thresholds_and_scales,
                  std::vector<std::string>& patterns);

} // namespace chips::ui
