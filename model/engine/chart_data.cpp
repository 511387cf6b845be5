// model/engine/chart_data.cpp — see chart_data.h.
#include "model/engine/chart_data.h"

#include <algorithm>
#include <cmath>

namespace chips {

namespace {

constexpr std::size_t kMaxChipSeries = 4; // the chart's legend fits four GPUs
constexpr int kEveryExpertUpTo = 48;      // below this many experts, one point per value

Range nan_range() {
    const double nan = std::nan("");
    return Range{nan, nan, nan};
}

} // namespace

const std::vector<std::string>& default_compare_gpus() {
    static const std::vector<std::string> ids = {"h800", "h100", "a100", "b200"};
    return ids;
}

std::vector<double> chip_sweep_points() {
    std::vector<double> points;
    for (double chips = 8; chips <= 262144 * 1.001; chips *= std::sqrt(2.0))
        points.push_back(std::round(chips));
    return points;
}

Scenario scenario_on_gpu(const Scenario& base, const GpuSpec& gpu, bool keep_price) {
    Scenario scenario = base;
    scenario.gpu = gpu.id;
    if (!gpu.has_fp8()) scenario.precision = Precision::bf16;
    if (!keep_price) {
        scenario.usd_per_gpu_hour = 0.0; // 0 = the catalog's rental range (scenario.h)
        scenario.usd_per_gpu_hour_low = 0.0;
        scenario.usd_per_gpu_hour_high = 0.0;
    }
    return scenario;
}

ChartData compute_chart_data(const Scenario& scenario, const GpuCatalog& catalog,
                             const std::vector<std::string>& compare_gpus) {
    ChartData data;
    const GpuSpec* current = catalog.find(scenario.gpu);
    if (current == nullptr) return data;

    ChipSweep& sweep = data.chips;
    sweep.chips = chip_sweep_points();
    sweep.gpu_ids.push_back(scenario.gpu);
    for (const std::string& id : compare_gpus)
        if (sweep.gpu_ids.size() < kMaxChipSeries && id != scenario.gpu && catalog.find(id) &&
            std::find(sweep.gpu_ids.begin(), sweep.gpu_ids.end(), id) == sweep.gpu_ids.end())
            sweep.gpu_ids.push_back(id);
    for (std::size_t series = 0; series < sweep.gpu_ids.size(); ++series) {
        const GpuSpec& gpu = *catalog.find(sweep.gpu_ids[series]);
        Scenario swept = scenario_on_gpu(scenario, gpu, series == 0);
        sweep.days.emplace_back();
        sweep.cost_usd.emplace_back();
        for (double chips : sweep.chips) {
            swept.chips = chips;
            const Estimate result = estimate(swept, gpu);
            const bool ok = result.status == EstimateStatus::ok;
            sweep.days.back().push_back(ok ? result.training_days : nan_range());
            sweep.cost_usd.back().push_back(ok ? result.rental_cost_usd : nan_range());
        }
    }

    ExpertSweep& experts = data.experts;
    const int total = static_cast<int>(std::max(1.0, scenario.experts_total));
    for (int active = 1; active <= total;) {
        experts.experts_active.push_back(active);
        active =
            total <= kEveryExpertUpTo ? active + 1 : std::max(active + 1, static_cast<int>(std::round(active * 1.15)));
    }
    if (experts.experts_active.back() != total) experts.experts_active.push_back(total);
    for (double active : experts.experts_active) {
        Scenario swept = scenario;
        swept.experts_active = active;
        const Estimate result = estimate(swept, *current);
        const bool ok = result.status == EstimateStatus::ok;
        experts.active_params.push_back(ok ? result.active_params : nan_range());
        experts.cost_usd.push_back(ok ? result.rental_cost_usd : nan_range());
        experts.days.push_back(ok ? result.training_days : nan_range());
    }

    GpuComparison& gpus = data.gpus;
    for (const GpuSpec& gpu : catalog.gpus) {
        const Scenario on_gpu = scenario_on_gpu(scenario, gpu, gpu.id == scenario.gpu);
        const Estimate result = estimate(on_gpu, gpu);
        if (result.status != EstimateStatus::ok) continue;
        if (gpu.id == scenario.gpu) gpus.current = static_cast<int>(gpus.gpu_ids.size());
        gpus.gpu_ids.push_back(gpu.id);
        gpus.precision.push_back(on_gpu.precision);
        gpus.days.push_back(result.training_days);
        gpus.cost_usd.push_back(result.rental_cost_usd);
    }
    return data;
}

} // namespace chips
