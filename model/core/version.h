// model/core/version.h — the page version stamped into every downloaded file (model/output/export.h) and shown in the
// footer.
//
// One constant in one place. It must equal `project(... VERSION x.y.z)` in CMakeLists.txt; tests/test_export.cpp
// reads CMakeLists.txt and fails when the two drift apart (a constexpr string keeps model/ free of generated
// headers, so the wasm build and the native tests compile the same file).
#pragma once

namespace chips {

inline constexpr const char* kPageName = "Chips & Claims"; // product name written into exported files
inline constexpr const char* kPageVersion = "0.1.0";       // semantic version of the page and its data files

} // namespace chips
