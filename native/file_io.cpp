// native/file_io.cpp — see file_io.h.
#include "native/file_io.h"

#include <filesystem>
#include <fstream>
#include <iterator>

namespace chips {

bool read_file(const std::string& path, std::string& out) {
    out.clear();
    std::ifstream file(path, std::ios::binary);
    if (!file) return false;
    out.assign(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>());
    return !file.bad();
}

std::string read_file_or_empty(const std::string& path) {
    std::string text;
    read_file(path, text);
    return text;
}

std::map<std::string, std::string> read_json_files(const std::string& dir) {
    std::map<std::string, std::string> files;
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(dir, error)) {
        if (!entry.is_regular_file() || entry.path().extension() != ".json") continue;
        files[entry.path().filename().string()] = read_file_or_empty(entry.path().string());
    }
    return files;
}

} // namespace chips
