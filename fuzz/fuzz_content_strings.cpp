// fuzz/fuzz_content_strings.cpp — content/strings.json on arbitrary bytes through its loader (model/content/strings.h),
// with the contract of fuzz/content_file_fuzzer.h. Not through validate_all: its only check on this file is the list of
// keys the app needs, and reporting some 480 missing keys on every small input took most of the time.
#include "fuzz/content_file_fuzzer.h"
#include "model/content/strings.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    chips::StringTable table;
    chips::ContentErrors errors;
    chips::load_strings(std::string_view(reinterpret_cast<const char*>(data), size), "content/strings.json", table,
                        errors);
    chips_fuzz::check_errors_name_files("strings.json", errors);
    return 0;
}
