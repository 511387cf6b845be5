// native/file_io.h — reading files for the native programs: tools/, tests/, bench/ and fuzz/ (one helper for all).
// Not for model/ or session/, which take text and never touch a file system, nor for the web app (it has none).
#pragma once
#include <map>
#include <string>

namespace chips {

// The whole file as bytes; false (and `out` empty) when it cannot be opened or read.
bool read_file(const std::string& path, std::string& out);
// The whole file, or "" when it cannot be read (for callers that report a missing file by its empty content).
std::string read_file_or_empty(const std::string& path);
// Every "*.json" file directly in `dir`, by file name ("gpus.json" → text): what load_content_bundle takes.
std::map<std::string, std::string> read_json_files(const std::string& dir);

} // namespace chips
