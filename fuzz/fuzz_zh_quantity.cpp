// fuzz/fuzz_zh_quantity.cpp — the Chinese quantity parser (model/text/zh_quantity.h) on arbitrary bytes.
// Contract checked: never throws, never crashes (ASan/UBSan), a successful parse has finite low <= high, a known
// unit/qualifier name, and an error has an offset inside the input.
#include "model/text/zh_quantity.h"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#define FUZZ_CHECK(condition)                                                                                          \
    do {                                                                                                               \
        if (!(condition)) {                                                                                            \
            std::fprintf(stderr, "fuzz_zh_quantity: check failed: %s\n", #condition);                                  \
            std::abort();                                                                                              \
        }                                                                                                              \
    } while (0)

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const chips::ZhParseResult result = chips::parse_zh_quantity(text);
    if (result.ok) {
        FUZZ_CHECK(std::isfinite(result.quantity.low));
        FUZZ_CHECK(std::isfinite(result.quantity.high));
        FUZZ_CHECK(result.quantity.low <= result.quantity.high);
        chips::ZhUnit unit;
        const char* unit_name = chips::zh_unit_name(result.quantity.unit);
        FUZZ_CHECK(unit_name != nullptr);
        FUZZ_CHECK(*unit_name == '\0' || chips::zh_unit_from_name(unit_name, unit));
        FUZZ_CHECK(chips::zh_qualifier_name(result.quantity.qualifier) != nullptr);
    } else {
        FUZZ_CHECK(!result.error.empty());
        FUZZ_CHECK(result.error_offset <= size);
    }
    return 0;
}
