// ui/imconfig_chips.h — Dear ImGui compile-time configuration for Chips & Claims (IMGUI_USER_CONFIG).
#pragma once

// We never call the obsolete names; disabling them catches accidental use of pre-1.92 font APIs.
#define IMGUI_DISABLE_OBSOLETE_FUNCTIONS
// Keep the assertion in all builds, but route it through our handler so the wasm app reports it to the page and
// the native UI tests fail the test instead of aborting the process.
namespace chips::ui {
void report_imgui_assert(const char* expression, const char* file, int line);
int imgui_assert_count(); // failed assertions since start (the headless UI tests require 0)
} // namespace chips::ui
#define IM_ASSERT(expr) ((expr) ? (void)0 : chips::ui::report_imgui_assert(#expr, __FILE__, __LINE__))
