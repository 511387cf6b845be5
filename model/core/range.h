// model/core/range.h — a low/central/high triple, the shape of every uncertain output.
// low/high are *bounds* from combining the optimistic (or pessimistic) end of every uncertain input, not a
// statistical confidence interval: the reader should read "somewhere in here", not "90% sure".
#pragma once

namespace chips {

struct Range {
    double low = 0.0;     // smallest plausible value, same unit as central
    double central = 0.0; // best single estimate
    double high = 0.0;    // largest plausible value

    static constexpr Range exact(double value) { return Range{value, value, value}; }
    constexpr bool contains(double value) const { return low <= value && value <= high; }
};

// Applies a monotonic function to each end. If the function decreases (e.g. time = work / speed), low and high
// swap so that low <= central <= high always holds for callers.
template <class Function> constexpr Range map_range(const Range& range, Function&& function) {
    double a = function(range.low);
    double b = function(range.central);
    double c = function(range.high);
    return a <= c ? Range{a, b, c} : Range{c, b, a};
}

constexpr Range scale(const Range& range, double factor) {
    return factor >= 0 ? Range{range.low * factor, range.central * factor, range.high * factor}
                       : Range{range.high * factor, range.central * factor, range.low * factor};
}

// Product of two ranges of non-negative quantities whose uncertainties are independent: lows together, highs
// together (the widest honest bound).
constexpr Range multiply(const Range& a, const Range& b) {
    return Range{a.low * b.low, a.central * b.central, a.high * b.high};
}

} // namespace chips
