// fuzz/fuzz_content_presets.cpp — content/presets.json on arbitrary bytes, validated with the small GPU and
// quotes sets (fuzz/content_file_fuzzer.h).
#include "fuzz/content_file_fuzzer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    return chips_fuzz::fuzz_content_file("presets.json", {"gpus.json", "quotes.json"}, data, size);
}
