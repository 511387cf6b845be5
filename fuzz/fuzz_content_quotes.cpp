// fuzz/fuzz_content_quotes.cpp — content/quotes.json on arbitrary bytes, validated with the small presets and
// GPU sets (fuzz/content_file_fuzzer.h).
#include "fuzz/content_file_fuzzer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    return chips_fuzz::fuzz_content_file("quotes.json", {"presets.json", "gpus.json"}, data, size);
}
