// bench/wasm_estimate_bench.cpp — model estimates per second, the same loop in WebAssembly and natively, so
// scripts/bench can print their ratio (how much the browser build costs the estimation engine).
//
// The loop is what the UI does while the reader drags the chip slider: one estimate() per chip count, sweeping
// 1 … 1,000,000 GPUs on the DeepSeek-V3 scenario with the H800 from content/gpus.json.
//
// Two builds of this one file:
// - WebAssembly (bench/baseline/baseline.cmake → build/wasm/bench/estimate_bench.js + estimate_bench.html): exports
//   estimate_bench_run(n) → estimates per second; bench/measure.mjs runs it in Chromium (this emcc's output does not
//   run under the machine's Node).
// - Native: CMakeLists.txt compiles bench/*.cpp into chips_bench (Google Benchmark), where this file registers
//   BM_estimate_slider_sweep. The weak main() below runs the benchmarks only if no other bench file defines
//   BENCHMARK_MAIN() (a strong main wins at link time).
#include "model/content/gpu_catalog.h"
#include "model/engine/estimate.h"
#include "model/engine/scenario.h"

#include <chrono>
#include <fstream>
#include <sstream>
#include <string>

namespace {

bool read_text(const std::string& path, std::string& out) {
    std::ifstream file(path, std::ios::binary);
    if (!file) return false;
    std::ostringstream buffer;
    buffer << file.rdbuf();
    out = buffer.str();
    return true;
}

// The H800 spec from the content file (the same numbers the app uses); null when the file cannot be read.
const chips::GpuSpec* bench_gpu(const std::string& gpus_json_path) {
    static chips::GpuCatalog catalog;
    static const chips::GpuSpec* gpu = nullptr;
    if (gpu) return gpu;
    std::string text;
    chips::ContentErrors errors;
    if (!read_text(gpus_json_path, text) || !chips::load_gpu_catalog(text, gpus_json_path, catalog, errors)) {
        return nullptr;
    }
    gpu = catalog.find(chips::Scenario{}.gpu);
    return gpu;
}

// Runs `count` estimates along the slider sweep; returns a checksum so the work cannot be optimized away.
double run_sweep(const chips::GpuSpec& gpu, long count) {
    chips::Scenario scenario;
    double checksum = 0.0;
    for (long i = 0; i < count; ++i) {
        scenario.chips = 1.0 + static_cast<double>((i * 7919) % 1000000);
        const chips::Estimate result = chips::estimate(scenario, gpu);
        checksum += result.training_days.central + result.rental_cost_usd.high;
    }
    return checksum;
}

} // namespace

#ifdef __EMSCRIPTEN__
#include <emscripten.h>

namespace {
volatile double g_sink = 0.0;
}

extern "C" {
// Estimates per second over `count` estimates (wall clock, emscripten_get_now); -1 when the content is missing.
EMSCRIPTEN_KEEPALIVE double estimate_bench_run(int count) {
    const chips::GpuSpec* gpu = bench_gpu("/content/gpus.json");
    if (!gpu || count <= 0) return -1.0;
    const double start_ms = emscripten_get_now();
    g_sink = g_sink + run_sweep(*gpu, count);
    const double elapsed_ms = emscripten_get_now() - start_ms;
    return elapsed_ms > 0 ? count / (elapsed_ms / 1000.0) : -1.0;
}
}

int main() {
    EM_ASM({ window['__estimateBenchReady'] = true; }, 0);
    return 0;
}

#else // native: a Google Benchmark in chips_bench
#include <benchmark/benchmark.h>

static void BM_estimate_slider_sweep(benchmark::State& state) {
    const chips::GpuSpec* gpu = bench_gpu(std::string(CHIPS_CONTENT_DIR) + "/gpus.json");
    if (!gpu) {
        state.SkipWithError("content/gpus.json could not be read");
        return;
    }
    constexpr long batch = 1000;
    for (auto _ : state)
        benchmark::DoNotOptimize(run_sweep(*gpu, batch));
    state.SetItemsProcessed(state.iterations() * batch); // items_per_second = estimates per second
}
BENCHMARK(BM_estimate_slider_sweep);

// Used only when no other file of chips_bench defines main (BENCHMARK_MAIN() is a strong definition and wins).
__attribute__((weak)) int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
#endif
