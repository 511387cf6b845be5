// model/engine/reliability.h — how much of a training run's wall-clock time survives failures (goodput), with the
// standard model: failures arrive as a Poisson process, the job checkpoints every τ minutes (each write blocks it
// for C minutes) and a failure costs a restart of R minutes plus the work since the last checkpoint. Formulas and
// sources: docs/model.md §6. Allocation-free; estimate() calls it three times per estimate.
#pragma once

namespace chips {

// Spread of the per-GPU failure rate, applied both ways for the low and high goodput. Meta's two published
// figures: Llama 3's production run, 419 unexpected interruptions in 54 days on 16,384 H100 (arXiv 2407.21783
// §3.3.4) = 50,677 GPU-hours per interruption; the fit to Meta's research clusters, MTTF 1.8 h at 16,384 GPUs
// (Kokolis et al., arXiv 2410.21680) = 29,491 GPU-hours. 50,677 / 29,491 = 1.72.
inline constexpr double kMtbfSpread = 50677.0 / 29491.0;

struct ReliabilityInputs {
    double chips = 1;                      // GPUs in the job (every one of them can fail)
    double gpu_mtbf_hours = 50000;         // mean time between job-killing failures per GPU, hours
    double checkpoint_minutes = 0;         // checkpoint interval τ; 0 = the Young/Daly optimum
    double checkpoint_write_minutes = 0.1; // C: time one checkpoint write blocks training
    double restart_minutes = 13;           // R: detect + restart + reload after a failure
};

struct Goodput {
    double fraction = 1;         // useful work / wall-clock time, in (0, 1]
    double interval_minutes = 0; // the checkpoint interval used (the optimum when the inputs left it at 0)
};

// Daly's higher-order optimum (J. T. Daly, "A higher order estimate of the optimum checkpoint interval for restart
// dumps", Future Generation Computer Systems 22, 2006): τ = √(2CM)·(1 + ⅓√(C/2M) + C/18M) − C for C < 2M, else M.
// Its first term is Young's √(2CM) (J. W. Young, CACM 17(9), 1974). M = mean time between failures of the job.
double young_daly_interval_minutes(double checkpoint_write_minutes, double job_mtbf_minutes);

// Expected goodput with exponential failures (Daly 2006, eq. 2): a segment of τ minutes of work plus its write C
// takes M·e^{R/M}·(e^{(τ+C)/M} − 1) minutes on average, so goodput = τ / that. Computed in logarithms so that a
// job far past its failure limit gets a tiny goodput, never 0, infinity or NaN (floor 1e-12).
Goodput goodput(const ReliabilityInputs& inputs);

// True when one more GPU would lower chips × goodput: the job is past the size at which failures cost more than
// the added GPU brings. Tested on a 0.01% larger job so it also reads true at the peak itself.
bool past_failure_peak(const ReliabilityInputs& inputs);

} // namespace chips
