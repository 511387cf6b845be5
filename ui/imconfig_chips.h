// ui/imconfig_chips.h — Dear ImGui compile-time configuration for Chips & Claims (IMGUI_USER_CONFIG).
#pragma once

// We never call the obsolete names; disabling them catches accidental use of pre-1.92 font APIs.
#define IMGUI_DISABLE_OBSOLETE_FUNCTIONS
// The web build never shows Dear ImGui's metrics, ID stack or debug log windows: without them chips.wasm is smaller
// by their code and by every IMGUI_DEBUG_LOG format string. The native build keeps them for debugging.
#ifdef __EMSCRIPTEN__
#define IMGUI_DISABLE_DEBUG_TOOLS
#endif
// Keep the assertion in all builds, but route it through our handler so the wasm app reports it to the page and
// the native UI tests fail the test instead of aborting the process.
namespace chips::ui {
void report_imgui_assert(const char* expression, const char* file, int line);
int imgui_assert_count(); // failed assertions since start (the headless UI tests require 0)
} // namespace chips::ui
// The web build reports file and line only: the text of Dear ImGui's ~1,000 assertions would ship ~30 KB of string
// literals in chips.wasm to every reader, and file:line finds the assertion in the source as well.
#ifdef __EMSCRIPTEN__
#define IM_ASSERT(expr) ((expr) ? (void)0 : chips::ui::report_imgui_assert("", __FILE__, __LINE__))
#else
#define IM_ASSERT(expr) ((expr) ? (void)0 : chips::ui::report_imgui_assert(#expr, __FILE__, __LINE__))
#endif
