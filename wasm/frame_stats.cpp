// wasm/frame_stats.cpp — see frame_stats.h. Exports (called from bench/measure.mjs through Module._name):
//   chips_frame_stats()       → {"count":N,"total":T,"ms":[...]} — N frames recorded since the last reset (T counts
//                               every frame ever recorded), "ms" holds the most recent min(N, 4096) durations
//   chips_frame_stats_reset() → forget the recorded frames (start of a measured window)
#include "wasm/frame_stats.h"

#include <emscripten.h>

#include <cstdio>
#include <string>

namespace {
constexpr int kCapacity = 4096; // ~68 s at 60 frames per second: more than any measured window
double g_ms[kCapacity];
long g_count = 0; // frames since the last reset
long g_total = 0; // frames since start-up
std::string g_reply;
} // namespace

void chips::wasm::record_frame_ms(double milliseconds) {
    g_ms[g_count % kCapacity] = milliseconds;
    ++g_count;
    ++g_total;
}

extern "C" {
EMSCRIPTEN_KEEPALIVE const char* chips_frame_stats() {
    g_reply = "{\"count\":" + std::to_string(g_count) + ",\"total\":" + std::to_string(g_total) + ",\"ms\":[";
    const long kept = g_count < kCapacity ? g_count : kCapacity;
    char number[32];
    for (long i = 0; i < kept; ++i) {
        const long index = (g_count - kept + i) % kCapacity; // oldest first
        std::snprintf(number, sizeof number, i ? ",%.4f" : "%.4f", g_ms[index]);
        g_reply += number;
    }
    g_reply += "]}";
    return g_reply.c_str();
}
EMSCRIPTEN_KEEPALIVE void chips_frame_stats_reset() {
    g_count = 0;
}
}
