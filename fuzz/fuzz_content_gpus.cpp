// fuzz/fuzz_content_gpus.cpp — content/gpus.json on arbitrary bytes, validated with the small presets and quotes sets
// whose references it must resolve (fuzz/content_file_fuzzer.h).
#include "fuzz/content_file_fuzzer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    return chips_fuzz::fuzz_content_file("gpus.json", {"presets.json", "quotes.json"}, data, size);
}
