// fuzz/fuzz_content_snapshot.cpp — the binary content snapshot reader (model/content/content_snapshot.h) on damaged
// copies of a real snapshot, built in-process from the small content set of the content targets (every file's
// seed-set.json, fuzz/make_content_seeds.mjs): the same record types and reader paths as content/'s 120 KB snapshot, at
// a few KB, so that each execution is cheap (copying, checksumming and reading the whole content/ snapshot every time
// held the target to about 1,000 executions per CPU second).
//
// Input: byte 0 picks the mode.
//   even: the rest of the input is the snapshot file itself (the header checks: magic, version, checksum);
//   odd:  the snapshot, cut at a length (bytes 1–3, little-endian, modulo its size + 1) when bit 1 of byte 0 is
//         set, then edited by the following 4-byte groups (3 bytes offset modulo the size, 1 byte XORed in); the
//         checksum is then recomputed, so the reader's own bounds and range checks are what stand between the bytes
//         and the app.
// Contract checked: never throws, never crashes (ASan/UBSan); a refused snapshot has an error naming the file and
// leaves the bundle empty; an accepted one has quotes pointing at real articles and presets whose estimates are
// finite (the model's promise for every in-range scenario).
#include "fuzz/content_file_fuzzer.h"
#include "model/content/content_bundle.h"
#include "model/content/content_snapshot.h"
#include "model/engine/estimate.h"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#define FUZZ_CHECK(condition)                                                                                          \
    do {                                                                                                               \
        if (!(condition)) {                                                                                            \
            std::fprintf(stderr, "fuzz_content_snapshot: check failed: %s\n", #condition);                             \
            std::abort();                                                                                              \
        }                                                                                                              \
    } while (0)

namespace {

const std::string& seed_snapshot() {
    static const std::string snapshot = [] {
        chips::ContentTexts texts;
        for (const char* name :
             {"gpus.json", "presets.json", "quotes.json", "strings.json", "tour.json", "currency.json"})
            texts[std::string("content/") + name] = chips_fuzz::partner_text(name);
        chips::ContentBundle bundle;
        chips::ContentErrors errors;
        if (!chips::load_content_bundle(texts, bundle, errors)) {
            std::fprintf(stderr, "fuzz_content_snapshot: the small content set does not load: %s\n",
                         errors.empty() ? "?" : errors[0].to_string().c_str());
            std::abort();
        }
        return chips::write_content_snapshot(bundle);
    }();
    return snapshot;
}

void fix_checksum(std::string& bytes) {
    if (bytes.size() < chips::kContentSnapshotHeaderBytes) return;
    const std::uint32_t checksum =
        chips::content_snapshot_checksum(std::string_view(bytes).substr(chips::kContentSnapshotHeaderBytes));
    for (int i = 0; i < 4; ++i)
        bytes[12 + i] = static_cast<char>((checksum >> (8 * i)) & 0xFF);
}

std::uint32_t u24(const uint8_t* at) {
    return at[0] | (at[1] << 8) | (at[2] << 16);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size == 0) return 0;
    std::string bytes;
    if ((data[0] & 1) == 0) {
        bytes.assign(reinterpret_cast<const char*>(data) + 1, size - 1);
    } else {
        bytes = seed_snapshot();
        std::size_t at = 1;
        if ((data[0] & 2) && size >= 4) {
            bytes.resize(u24(data + 1) % (bytes.size() + 1));
            at = 4;
        }
        for (; at + 4 <= size && !bytes.empty(); at += 4)
            bytes[u24(data + at) % bytes.size()] ^= static_cast<char>(data[at + 3]);
        fix_checksum(bytes);
    }

    chips::ContentBundle bundle;
    chips::ContentErrors errors;
    const bool ok = chips::read_content_snapshot(bytes, "content.snapshot", bundle, errors);
    if (!ok) {
        FUZZ_CHECK(!errors.empty());
        for (const chips::ContentError& error : errors)
            FUZZ_CHECK(error.source == "content.snapshot");
        FUZZ_CHECK(bundle.gpus.gpus.empty() && bundle.presets.presets.empty() && bundle.quotes.quotes.empty());
        return 0;
    }
    FUZZ_CHECK(errors.empty());
    for (const chips::Quote& quote : bundle.quotes.quotes)
        FUZZ_CHECK(quote.article_index < bundle.quotes.articles.size());
    for (const chips::Preset& preset : bundle.presets.presets) {
        const chips::GpuSpec* gpu = bundle.gpus.find(preset.scenario.gpu);
        FUZZ_CHECK(gpu != nullptr);
        const chips::Estimate result = chips::estimate(preset.scenario, *gpu);
        FUZZ_CHECK(std::isfinite(result.training_days.central));
    }
    return 0;
}
