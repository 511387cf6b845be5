// wasm/content_data.h — the content snapshot compiled into the module (model/content/content_snapshot.h). The
// definition is generated at build time by tools/snapshot_content --out-cpp (wasm/wasm.cmake); no file system is
// involved.
#pragma once
#include <cstddef>

extern const char chips_content_snapshot[];           // the snapshot's bytes (plus the literal's closing NUL)
extern const std::size_t chips_content_snapshot_size; // bytes in the snapshot, without that NUL
