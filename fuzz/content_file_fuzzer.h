// fuzz/content_file_fuzzer.h — the body shared by the per-file content targets (fuzz/fuzz_content_<file>.cpp): the
// input is one content file (gpus.json, presets.json, ...), validated with validate_all
// (model/content/content_validate.h, which runs that file's loader and the checks between files) next to small partner
// files.
//
// Why one target per file: the earlier single fuzz_content took a whole content file of 17–89 KB per input and
// validated it against the real other files, about 200 KB of JSON per execution under ASan: ~13 executions/s. Here
// the seeds are a few KB and the partners are the other files' `seed-set.json` (a small content set in which every
// reference resolves, cut from content/ by fuzz/make_content_seeds.mjs), so the model's deep checks still run.
// An input that is not JSON at all (most mutations) is validated alone: the partners would only add their own parsing
// to the same "not valid JSON" error.
// Contract checked: never throws (the loaders parse without exceptions; the wasm app relies on it), never crashes
// (ASan/UBSan), and every error names a content file.
#pragma once
#include "model/content/content_validate.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <initializer_list>
#include <map>
#include <sstream>
#include <string>

namespace chips_fuzz {

// content/<file>'s partner: fuzz/corpus/fuzz_content_<stem>/seed-set.json, read once.
inline const std::string& partner_text(const std::string& file) {
    static std::map<std::string, std::string> texts;
    auto found = texts.find(file);
    if (found != texts.end()) return found->second;
    const std::string stem = file.substr(0, file.find('.'));
    const std::string path = std::string(CHIPS_CONTENT_DIR) + "/../fuzz/corpus/fuzz_content_" + stem + "/seed-set.json";
    std::ifstream stream(path, std::ios::binary);
    if (!stream) {
        std::fprintf(stderr, "fuzz: partner file %s is missing (node fuzz/make_content_seeds.mjs writes it)\n",
                     path.c_str());
        std::abort();
    }
    std::ostringstream buffer;
    buffer << stream.rdbuf();
    return texts.emplace(file, buffer.str()).first->second;
}

inline void check_errors_name_files(const char* file, const chips::ContentErrors& errors) {
    for (const chips::ContentError& error : errors) {
        if (error.source.rfind("content/", 0) != 0) {
            std::fprintf(stderr, "fuzz_content_%s: error without a content file: %s\n", file,
                         error.to_string().c_str());
            std::abort();
        }
    }
}

// `file` is the content file the input stands for; `partners` the other files validated with it.
inline int fuzz_content_file(const char* file, std::initializer_list<const char*> partners, const uint8_t* data,
                             size_t size) {
    std::map<std::string, std::string> files;
    std::string text(reinterpret_cast<const char*>(data), size);
    if (nlohmann::json::accept(text))
        for (const char* partner : partners)
            files[std::string("content/") + partner] = partner_text(partner);
    files[std::string("content/") + file] = std::move(text);
    check_errors_name_files(file, chips::validate_all(files));
    return 0;
}

} // namespace chips_fuzz
