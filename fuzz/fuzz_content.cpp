// fuzz/fuzz_content.cpp — the content loader and validator (model/content/content_validate.h and the loaders behind it) on
// arbitrary bytes. The first input byte picks which of the four content files the rest of the input replaces; the
// other three are the real files from content/, so references between files (GPU ids, preset ids, string keys)
// are exercised with real partners. Then each single-file loader also reads the input on its own.
// Contract checked: never throws (the loaders parse without exceptions; the wasm app relies on it), never crashes,
// and every error names its file.
#include "model/content/content_validate.h"
#include "model/content/gpu_catalog.h"
#include "model/content/presets.h"
#include "model/content/quotes.h"
#include "model/content/strings.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

namespace {
const char* const kFiles[] = {"gpus.json", "presets.json", "quotes.json", "strings.json"};

std::map<std::string, std::string> load_real_content() {
    std::map<std::string, std::string> files;
    for (const char* name : kFiles) {
        std::ifstream file(std::string(CHIPS_CONTENT_DIR) + "/" + name, std::ios::binary);
        std::ostringstream buffer;
        buffer << file.rdbuf();
        files[std::string("content/") + name] = buffer.str();
    }
    return files;
}

const chips::GpuCatalog& real_catalog(const std::map<std::string, std::string>& files) {
    static chips::GpuCatalog catalog;
    static bool loaded = false;
    if (!loaded) {
        chips::ContentErrors errors;
        chips::load_gpu_catalog(files.at("content/gpus.json"), "content/gpus.json", catalog, errors);
        loaded = true;
    }
    return catalog;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const std::map<std::string, std::string> real = load_real_content();
    if (size == 0) return 0;
    const std::string slot = std::string("content/") + kFiles[data[0] % 4];
    const std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);

    if (data[0] & 4) {
        std::map<std::string, std::string> files = real;
        files[slot] = text;
        chips::ContentSummary summary;
        const chips::ContentErrors errors = chips::validate_all(files, &summary);
        for (const chips::ContentError& error : errors) {
            if (error.source.empty()) {
                std::fprintf(stderr, "fuzz_content: error without a file: %s\n", error.to_string().c_str());
                std::abort();
            }
        }
        return 0;
    }

    // The file's own loader.
    chips::ContentErrors loader_errors;
    switch (data[0] % 4) {
    case 0: {
        chips::GpuCatalog catalog;
        chips::load_gpu_catalog(text, slot, catalog, loader_errors);
        break;
    }
    case 1: {
        chips::PresetCatalog presets;
        chips::load_presets(text, slot, real_catalog(real), presets, loader_errors);
        break;
    }
    case 2: {
        chips::QuoteLibrary library;
        chips::load_quotes(text, slot, library, loader_errors);
        break;
    }
    case 3: {
        chips::StringTable table;
        chips::load_strings(text, slot, table, loader_errors);
        break;
    }
    }
    return 0;
}
