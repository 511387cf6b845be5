// model/content/content_snapshot.h — a ContentBundle stored in binary: the build writes it (tools/snapshot_content,
// from the validated JSON), the web app reads it at start.
//
// Why: reading content/*.json at start cost the web app 40–130 ms before its first frame on a slow machine, most of
// it the JSON parser's code running for the first time (WebAssembly compiles a function lazily on its first call)
// and building a JSON tree only to copy it into these structs (docs/quality.md, "Findings"). The snapshot is read
// by a few small functions, straight into the structs.
//
// The JSON files stay the source of truth, and every check (schema, cross-file, verbatim quotes) runs on them at
// build time; the snapshot is an image of what the loaders produced. tests/test_content_snapshot.cpp checks that a
// bundle read back from a snapshot behaves exactly like the one loaded from JSON.
//
// Layout (all integers little-endian):
//   "CHIPSNAP"  8 bytes   magic
//   version     u32       kContentSnapshotVersion (a reader refuses other versions: rebuild the snapshot)
//   checksum    u32       FNV-1a over the payload
//   payload               the bundle's fields in declaration order: sizes and enums as LEB128 varints, ints
//                         zig-zag varints, doubles as their 8 IEEE-754 bytes, strings as size + UTF-8 bytes,
//                         vectors as size + elements (model/content/content_snapshot.cpp lists the fields of each
//                         struct)
#pragma once
#include "model/content/content_bundle.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace chips {

// Bump when a stored struct gains, loses or reorders a field (and update content_snapshot.cpp's field lists).
inline constexpr std::uint32_t kContentSnapshotVersion = 2;
inline constexpr std::size_t kContentSnapshotHeaderBytes = 16; // magic + version + checksum

// The snapshot bytes of `bundle`.
std::string write_content_snapshot(const ContentBundle& bundle);

// Reads a snapshot into `bundle_out`. Never crashes on any bytes, and allocates in proportion to the bytes it reads:
// a wrong magic or version, a checksum mismatch, a truncated payload, a size larger than the data left, an enum out
// of range, a non-finite number or trailing bytes each add one error naming `file_name` and the byte offset (as the
// JSON pointer field: "byte 1234"). Then what the model relies on is checked again: GPU figures inside the loader's
// bounds, quotes pointing at existing articles, preset scenarios the model accepts. The rest of the content rules
// (claim spans, ids between files, the tour) are validate_all's, run on the JSON when the snapshot is written.
// On error `bundle_out` is left empty. Returns true when it was read.
bool read_content_snapshot(std::string_view bytes, const std::string& file_name, ContentBundle& bundle_out,
                           ContentErrors& errors);

// FNV-1a (32-bit) of `bytes`: the header's checksum over the payload (fuzz/ recomputes it after mutating).
std::uint32_t content_snapshot_checksum(std::string_view bytes);

} // namespace chips
