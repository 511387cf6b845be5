// fuzz/fuzz_content_currency.cpp — content/currency.json on arbitrary bytes, alone (fuzz/content_file_fuzzer.h).
#include "fuzz/content_file_fuzzer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    return chips_fuzz::fuzz_content_file("currency.json", {}, data, size);
}
