// model/engine/reliability.cpp — see reliability.h.
#include "model/engine/reliability.h"

#include <algorithm>
#include <cmath>

namespace chips {

double young_daly_interval_minutes(double checkpoint_write_minutes, double job_mtbf_minutes) {
    const double write = checkpoint_write_minutes;
    const double mtbf = job_mtbf_minutes;
    if (write >= 2.0 * mtbf) return mtbf;
    const double ratio = write / (2.0 * mtbf);
    return std::sqrt(2.0 * write * mtbf) * (1.0 + std::sqrt(ratio) / 3.0 + ratio / 9.0) - write;
}

namespace {

// log(goodput) without the floor; `interval_minutes` receives the interval used.
double log_goodput(const ReliabilityInputs& inputs, double& interval_minutes) {
    const double job_mtbf_minutes = inputs.gpu_mtbf_hours * 60.0 / inputs.chips;
    const double write = inputs.checkpoint_write_minutes;
    interval_minutes = inputs.checkpoint_minutes > 0 ? inputs.checkpoint_minutes
                                                     : young_daly_interval_minutes(write, job_mtbf_minutes);
    // log(M·e^{R/M}·(e^{(τ+C)/M} − 1)) = log M + R/M + (τ+C)/M + log(1 − e^{−(τ+C)/M}).
    const double segment = (interval_minutes + write) / job_mtbf_minutes;
    const double log_expected_minutes = std::log(job_mtbf_minutes) + inputs.restart_minutes / job_mtbf_minutes +
                                        segment + std::log(-std::expm1(-segment));
    return std::log(interval_minutes) - log_expected_minutes;
}

} // namespace

Goodput goodput(const ReliabilityInputs& inputs) {
    Goodput result;
    const double fraction = std::exp(log_goodput(inputs, result.interval_minutes));
    result.fraction = std::clamp(fraction, 1e-12, 1.0);
    return result;
}

// Compared in logarithms without the floor, so a job already at the floor still reads as past the peak.
bool past_failure_peak(const ReliabilityInputs& inputs) {
    ReliabilityInputs larger = inputs;
    larger.chips = inputs.chips * 1.0001;
    double interval = 0;
    const double now = std::log(inputs.chips) + log_goodput(inputs, interval);
    const double then = std::log(larger.chips) + log_goodput(larger, interval);
    return then <= now + 1e-12;
}

} // namespace chips
