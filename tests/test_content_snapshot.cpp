// tests/test_content_snapshot.cpp — the binary content snapshot the web app starts from
// (model/content/content_snapshot.h): a bundle read back from it must behave exactly like the one loaded from
// content/*.json, and damaged bytes must give a clear error (file + byte offset), never a crash or a half-filled
// bundle.
#include "model/content/claim_book.h"
#include "model/content/content_snapshot.h"
#include "model/content/currency.h"
#include "model/content/quote_check.h"
#include "model/engine/estimate.h"
#include "model/output/estimate_json.h"
#include "model/output/export.h"
#include "test_model_support.h"

#include <cstring>
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <sstream>

namespace {

using namespace chips;

ContentBundle load_real_bundle() {
    ContentTexts texts;
    for (const char* name : {"gpus.json", "presets.json", "quotes.json", "strings.json", "tour.json", "currency.json"})
        texts[std::string("content/") + name] = test::read_content_file(name);
    ContentBundle bundle;
    ContentErrors errors;
    CHECK_MESSAGE(load_content_bundle(texts, bundle, errors), test::joined(errors));
    return bundle;
}

const std::string& real_snapshot() {
    static const std::string snapshot = write_content_snapshot(load_real_bundle());
    return snapshot;
}

// Everything a reader can see of the content, written out through the model's own functions (not through the
// snapshot's field lists): estimates of every preset, every claim's verdict, every string in every language, the
// tour's scenarios, the converted currency, every citation.
std::string describe(const ContentBundle& bundle) {
    std::ostringstream out;
    out.precision(17);
    for (const GpuSpec& gpu : bundle.gpus.gpus) {
        out << "gpu " << gpu.id << " | " << gpu.name << " | " << gpu.short_name << " | " << gpu.has_bf16 << ' '
            << gpu.mfu_bf16.low << ' ' << gpu.mfu_bf16.central << ' ' << gpu.mfu_bf16.high << ' ' << gpu.mfu_fp8.low
            << ' ' << gpu.mfu_fp8.central << ' ' << gpu.mfu_fp8.high << " | " << gpu.bf16_dense_tflops << ' '
            << gpu.fp8_dense_tflops << ' ' << gpu.memory_gb << ' ' << gpu.memory_tbps << ' ' << gpu.scale_up_gbps << ' '
            << gpu.scale_up_domain_gpus << ' ' << gpu.scale_out_gbps << ' ' << gpu.tdp_w << ' '
            << gpu.unit_price_usd.low << ' ' << gpu.unit_price_usd.central << ' ' << gpu.unit_price_usd.high << ' '
            << gpu.rental_usd_per_gpu_hour.low << ' ' << gpu.rental_usd_per_gpu_hour.central << ' '
            << gpu.rental_usd_per_gpu_hour.high << " | " << gpu.confidence << " | " << gpu.notes << " | "
            << source_citations(gpu.sources) << '\n';
    }
    for (const Preset& preset : bundle.presets.presets) {
        const GpuSpec* gpu = bundle.gpus.find(preset.scenario.gpu);
        REQUIRE(gpu);
        out << "preset " << preset.id << " | " << preset.short_name.en << " | " << preset.short_name.zh_hans << " | "
            << preset.short_name.zh_hant << " | " << preset.name.en << " | " << preset.name.zh_hans << " | "
            << preset.name.zh_hant << " | " << preset.notes.en << " | " << preset.notes.zh_hans << " | "
            << preset.notes.zh_hant << " | " << source_citations(preset.sources) << '\n'
            << estimate_to_json(preset.id, preset.scenario, *gpu, estimate(preset.scenario, *gpu)).dump() << '\n';
    }
    for (const Article& article : bundle.quotes.articles)
        out << "article " << article.id << " | " << article.file << " | " << article.script << " | "
            << article.publication << " | " << article.title << " | " << article.date << " | " << article.about.en
            << " | " << article.about.zh_hans << " | " << article.about.zh_hant << '\n';
    for (const Quote& quote : bundle.quotes.quotes) {
        out << "quote " << quote.id << ' ' << quote.position << ' ' << bundle.quotes.article_of(quote).id << " | "
            << quote.text << " | " << quote.script << " | " << quote.translation_en << " | " << quote.topic << '\n';
        for (const QuoteClaim& claim : quote.claims) {
            const QuoteClaimCheck check = check_quote_claim(claim, bundle.presets, bundle.gpus);
            out << "  claim " << claim.span << ' ' << claim.value << ' ' << claim.value_high << ' '
                << zh_unit_name(claim.unit) << ' ' << static_cast<int>(claim.qualifier) << ' ' << claim.quantity << ' '
                << claim.has_scenario << ' ' << claim.scenario.preset << ' ' << claim.has_compare_to << ' '
                << claim.compare_to.preset << ' ' << static_cast<int>(claim.ratio_mode) << ' ' << claim.tolerance
                << " | " << claim.note.en << " | " << claim.note.zh_hans << " | " << claim.note.zh_hant << " | "
                << source_citations(claim.sources) << " | " << verdict_name(check.check.verdict) << ' '
                << check.check.claimed_over_model << " | " << claim.comparison << " | " << claim.published.low << ' '
                << claim.published.central << ' ' << claim.published.high << " | " << claim.published_what.en << " | "
                << claim.published_what.zh_hans << " | " << claim.published_what.zh_hant << '\n';
            for (const auto& [key, value] : claim.scenario.overrides)
                out << "    set " << key << '=' << value << '\n';
            for (const auto& [key, value] : claim.compare_to.overrides)
                out << "    vs " << key << '=' << value << '\n';
        }
    }
    // The reason line of every claim, in the three languages: it reads presets, GPUs, strings and claims together.
    ClaimBook book;
    book.build(bundle.quotes, bundle.presets, bundle.gpus);
    for (std::size_t i = 0; i < book.size(); ++i)
        for (Lang lang : {Lang::en, Lang::zh_hans, Lang::zh_hant}) {
            NumberStyle style;
            style.lang = lang;
            out << "reason " << i << ' '
                << book.reason(i, reason_context(bundle.strings, bundle.gpus, bundle.presets, style)) << '\n';
        }
    for (const auto& [key, entry] : bundle.strings.entries())
        out << "string " << key << " | " << bundle.strings.tr(key, Lang::en) << " | "
            << bundle.strings.tr(key, Lang::zh_hans) << " | " << bundle.strings.tr(key, Lang::zh_hant) << '\n';
    for (std::size_t i = 0; i < bundle.tour.steps.size(); ++i) {
        const TourStep& step = bundle.tour.steps[i];
        Scenario scenario;
        ContentErrors errors;
        const bool built = build_tour_scenario(bundle.tour, i, bundle.presets, bundle.gpus, scenario, errors);
        out << "step " << step.id << ' ' << step.position << ' ' << step.quote << ' ' << step.control << ' ' << built
            << ' ' << scenario.chips << ' ' << scenario.gpu << " | " << step.title.en << " | " << step.title.zh_hans
            << " | " << step.title.zh_hant << " | " << step.body.en << " | " << step.body.zh_hans << " | "
            << step.body.zh_hant << '\n';
    }
    out << "rate " << convert_from_usd(1e6, Currency::cny, bundle.rate) << ' ' << bundle.rate.date << " | "
        << bundle.rate.basis.en << " | " << bundle.rate.basis.zh_hans << " | " << bundle.rate.basis.zh_hant << " | "
        << source_citations(bundle.rate.sources) << '\n';
    return out.str();
}

// A damaged copy with a correct checksum, so the reader itself (not the checksum) has to catch the damage.
std::string with_checksum(std::string snapshot) {
    const std::uint32_t checksum =
        content_snapshot_checksum(std::string_view(snapshot).substr(kContentSnapshotHeaderBytes));
    for (int i = 0; i < 4; ++i)
        snapshot[12 + i] = static_cast<char>((checksum >> (8 * i)) & 0xFF);
    return snapshot;
}

struct ReadResult {
    bool ok = false;
    ContentBundle bundle;
    ContentErrors errors;
};
ReadResult read(const std::string& bytes) {
    ReadResult result;
    result.ok = read_content_snapshot(bytes, "content.snapshot", result.bundle, result.errors);
    return result;
}

// A failed read says where and what, and leaves nothing half-filled behind.
void check_refused(const ReadResult& result, const std::string& what) {
    CHECK_MESSAGE(!result.ok, what << ": read although damaged");
    REQUIRE_MESSAGE(!result.errors.empty(), what << ": refused without an error");
    CHECK(result.errors[0].source == "content.snapshot");
    CHECK(!result.errors[0].message.empty());
    CHECK(result.bundle.gpus.gpus.empty());
    CHECK(result.bundle.quotes.quotes.empty());
    CHECK(result.bundle.strings.size() == 0);
}

} // namespace

TEST_CASE("snapshot: a bundle read back behaves exactly like the one loaded from JSON") {
    const ContentBundle from_json = load_real_bundle();
    const ReadResult from_snapshot = read(real_snapshot());
    REQUIRE_MESSAGE(from_snapshot.ok, test::joined(from_snapshot.errors));
    CHECK(from_snapshot.bundle.quotes.quotes.size() == from_json.quotes.quotes.size());
    CHECK(from_snapshot.bundle.strings.size() == from_json.strings.size());
    CHECK(from_snapshot.bundle.tour.steps.size() == from_json.tour.steps.size());
    const std::string expected = describe(from_json), actual = describe(from_snapshot.bundle);
    CHECK(expected.size() > 100000); // every quote, claim, string and estimate is in it
    CHECK(actual == expected);
    // And writing the read bundle gives the same bytes (nothing is lost or reordered on the way through).
    CHECK(write_content_snapshot(from_snapshot.bundle) == real_snapshot());
}

TEST_CASE("snapshot: it is smaller than the JSON it replaces") {
    std::size_t json_bytes = 0;
    for (const char* name : {"gpus.json", "presets.json", "quotes.json", "strings.json", "tour.json", "currency.json"})
        json_bytes += test::read_content_file(name).size();
    MESSAGE("snapshot " << real_snapshot().size() << " bytes, JSON " << json_bytes << " bytes");
    CHECK(real_snapshot().size() < json_bytes);
}

TEST_CASE("snapshot: every numeric scenario field is stored (through the scenario key table)") {
    // The snapshot stores a scenario's numbers by walking scenario_keys(); a field without a key would be lost.
    // Change every numeric key, write, read: every key must come back changed, and the scenario must be the same.
    ContentBundle bundle = load_real_bundle();
    REQUIRE(!bundle.presets.presets.empty());
    Scenario& scenario = bundle.presets.presets[0].scenario;
    std::size_t key_count = 0;
    const ScenarioKeyInfo* keys = scenario_keys(key_count);
    std::size_t numeric = 0;
    for (std::size_t i = 0; i < key_count; ++i)
        if (keys[i].field) ++numeric;
#if defined(__GLIBCXX__) && UINTPTR_MAX == 0xFFFFFFFFFFFFFFFFu
    // Scenario = the gpu id, the precision (padded to 8 bytes) and doubles: each double must have a key.
    CHECK(numeric == (sizeof(Scenario) - sizeof(std::string) - 8) / sizeof(double));
#endif
    const ReadResult result = read(write_content_snapshot(bundle));
    REQUIRE_MESSAGE(result.ok, test::joined(result.errors));
    const Scenario& back = result.bundle.presets.presets[0].scenario;
    for (std::size_t i = 0; i < key_count; ++i) {
        if (!keys[i].field) continue;
        CAPTURE(keys[i].key);
        CHECK(back.*(keys[i].field) == scenario.*(keys[i].field));
    }
    CHECK(back.gpu == scenario.gpu);
    CHECK(back.precision == scenario.precision);
}

TEST_CASE("snapshot: a wrong header, version or checksum is refused with the reason") {
    const std::string& good = real_snapshot();
    {
        const ReadResult result = read("");
        check_refused(result, "empty");
        CHECK(result.errors[0].message.find("not a content snapshot") != std::string::npos);
    }
    {
        std::string bytes = good;
        bytes[0] = 'X';
        check_refused(read(bytes), "magic");
    }
    {
        std::string bytes = good;
        bytes[8] = static_cast<char>(kContentSnapshotVersion + 1);
        const ReadResult result = read(bytes);
        check_refused(result, "version");
        CHECK(result.errors[0].message.find("rebuild") != std::string::npos);
        CHECK(result.errors[0].pointer == "byte 8");
    }
    {
        std::string bytes = good;
        bytes[bytes.size() / 2] ^= 0x20;
        const ReadResult result = read(bytes);
        check_refused(result, "one flipped bit");
        CHECK(result.errors[0].message.find("checksum") != std::string::npos);
    }
}

TEST_CASE("snapshot: truncated anywhere, it is refused at the byte where the data ends") {
    const std::string& good = real_snapshot();
    // Every 613th length plus the lengths around the header (the checksum is fixed up each time, so the reader's own
    // bounds checks must notice).
    std::vector<std::size_t> lengths;
    for (std::size_t length = kContentSnapshotHeaderBytes; length < good.size(); length += 613)
        lengths.push_back(length);
    for (std::size_t length : {std::size_t{17}, std::size_t{18}, good.size() - 1})
        lengths.push_back(length);
    for (std::size_t length : lengths) {
        CAPTURE(length);
        const ReadResult result = read(with_checksum(good.substr(0, length)));
        check_refused(result, "truncated");
        const std::string& where = result.errors[0].pointer;
        REQUIRE(where.rfind("byte ", 0) == 0);
        CHECK(std::stoul(where.substr(5)) <= length);
    }
}

TEST_CASE("snapshot: trailing bytes, impossible sizes, flags and enums are refused") {
    const std::string& good = real_snapshot();
    {
        const ReadResult result = read(with_checksum(good + '\0'));
        check_refused(result, "trailing byte");
        CHECK(result.errors[0].message.find("after the content") != std::string::npos);
    }
    {
        // The first payload field is the string count (a varint): make it 2^40.
        std::size_t count_end = kContentSnapshotHeaderBytes;
        while (static_cast<unsigned char>(good[count_end]) & 0x80)
            ++count_end;
        std::string bytes = good.substr(0, kContentSnapshotHeaderBytes) + std::string("\x80\x80\x80\x80\x80\x20", 6) +
                            good.substr(count_end + 1);
        const ReadResult result = read(with_checksum(bytes));
        check_refused(result, "huge count");
        CHECK(result.errors[0].message.find("larger than the data left") != std::string::npos);
    }
    {
        // A claim's ratio mode (an enum) and has_scenario (a flag) out of range, found by writing a bundle with
        // marker values around them.
        ContentBundle bundle = load_real_bundle();
        REQUIRE(!bundle.quotes.quotes.empty());
        QuoteClaim& claim = bundle.quotes.quotes[0].claims.at(0);
        claim.tolerance = 0.123456789; // marker right after ratio_mode
        std::string bytes = write_content_snapshot(bundle);
        double marker = 0.123456789;
        char marker_bytes[8];
        std::memcpy(marker_bytes, &marker, 8);
        const std::size_t at = bytes.find(std::string(marker_bytes, 8));
        REQUIRE(at != std::string::npos);
        std::string bad_enum = bytes;
        bad_enum[at - 1] = 0x7F; // ratio_mode: 127
        const ReadResult result = read(with_checksum(bad_enum));
        check_refused(result, "enum out of range");
        CHECK(result.errors[0].message.find("enum") != std::string::npos);
    }
}

TEST_CASE("snapshot: quotes must point at articles, GPUs and presets must pass the loaders' checks") {
    {
        ContentBundle bundle = load_real_bundle();
        bundle.gpus.gpus[0].bf16_dense_tflops = 0; // the model divides by it
        const ReadResult result = read(write_content_snapshot(bundle));
        check_refused(result, "zero TFLOPS");
        CHECK(result.errors.size() == 1); // reported once
        CHECK(result.errors[0].pointer == "gpu " + bundle.gpus.gpus[0].id);
        CHECK(result.errors[0].message.find("bf16_dense_tflops") == 0);
    }
    {
        ContentBundle bundle = load_real_bundle();
        GpuSpec& gpu = bundle.gpus.gpus[0];
        gpu.rental_usd_per_gpu_hour.low = gpu.rental_usd_per_gpu_hour.high + 1; // low above high
        const ReadResult result = read(write_content_snapshot(bundle));
        check_refused(result, "unordered range");
        CHECK(result.errors[0].message.find("low <= central <= high") != std::string::npos);
    }
    {
        ContentBundle bundle = load_real_bundle();
        bundle.quotes.quotes[0].article_index = bundle.quotes.articles.size();
        const ReadResult result = read(write_content_snapshot(bundle));
        check_refused(result, "article index");
        CHECK(result.errors[0].message.find("article") != std::string::npos);
    }
    {
        ContentBundle bundle = load_real_bundle();
        bundle.presets.presets[0].scenario.chips = -5;
        const ReadResult result = read(write_content_snapshot(bundle));
        check_refused(result, "negative chips");
        CHECK(result.errors[0].pointer == "preset " + bundle.presets.presets[0].id + " chips");
        CHECK(result.errors[0].message.find("out of range") != std::string::npos);
    }
}

TEST_CASE("snapshot: damaged bytes with a valid checksum never crash the reader") {
    // Flip one byte at a spread of positions; each read either succeeds (a changed letter in a string) or is refused
    // with an error. fuzz/fuzz_content_snapshot.cpp does the same at random for longer.
    const std::string& good = real_snapshot();
    std::size_t read_ok = 0, refused = 0;
    for (std::size_t at = kContentSnapshotHeaderBytes; at < good.size(); at += 211) {
        std::string bytes = good;
        bytes[at] = static_cast<char>(bytes[at] ^ 0xA5);
        const ReadResult result = read(with_checksum(bytes));
        if (result.ok) {
            ++read_ok;
        } else {
            check_refused(result, "byte " + std::to_string(at) + " flipped");
            ++refused;
        }
    }
    MESSAGE(read_ok << " damaged copies still read, " << refused << " refused");
    CHECK(refused > 0);
}
