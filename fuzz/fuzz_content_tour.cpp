// fuzz/fuzz_content_tour.cpp — content/tour.json on arbitrary bytes, validated with the small presets, quotes and GPU
// sets (fuzz/content_file_fuzzer.h).
#include "fuzz/content_file_fuzzer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    return chips_fuzz::fuzz_content_file("tour.json", {"presets.json", "quotes.json", "gpus.json"}, data, size);
}
