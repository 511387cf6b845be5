// wasm/frame_stats.h — CPU time per drawn frame, kept in a ring buffer for scripts/bench (bench/measure.mjs).
//
// Why: the performance report shows milliseconds per frame measured *inside* the page. The frame loop calls
// record_frame_ms() with emscripten_get_now() taken around the frame body; the page reads the recent values
// through the exported C function chips_frame_stats() (JSON) and clears them with chips_frame_stats_reset().
// Costs one store per frame and nothing while idle (no frames are drawn then). Used by the app and by the bare
// baseline page (bench/baseline/), so both are timed the same way.
#pragma once

namespace chips::wasm {

// Records the duration of one drawn frame in milliseconds (call once per frame that was actually drawn).
void record_frame_ms(double milliseconds);

} // namespace chips::wasm
