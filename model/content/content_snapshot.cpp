// model/content/content_snapshot.cpp — writing and reading the binary content snapshot (layout: content_snapshot.h).
//
// Index
//   [SECTION] Field lists: one function per stored struct, shared by the writer and the reader
//   [SECTION] Writer
//   [SECTION] Reader (bounds-checked; the first problem stops it and is reported with its byte offset)
//   [SECTION] Entry points
//
// A struct's fields are listed once, in `fields(archive, value)`, and the same list drives writing and reading, so
// the two cannot disagree. What the list cannot see is a field added to a struct and forgotten here: the
// static_asserts on struct sizes below (64-bit libstdc++ builds, i.e. the native build and CI) stop the build then,
// and tests/test_content_snapshot.cpp compares everything the app shows from a JSON-loaded and a snapshot-read bundle.
#include "model/content/content_snapshot.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <optional>
#include <type_traits>
#include <utility>

namespace chips {

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] Field lists
//-----------------------------------------------------------------------------------------------------------------
// A forgotten field is silent data loss, so a size change must come here first. If one of these fires: add the new
// field to its `fields` list below (in declaration order), bump kContentSnapshotVersion, then update the size.
#if defined(__GLIBCXX__) && UINTPTR_MAX == 0xFFFFFFFFFFFFFFFFu
static_assert(sizeof(Range) == 24, "Range changed: update fields(Range) in content_snapshot.cpp");
static_assert(sizeof(SourceRef) == 160, "SourceRef changed: update fields(SourceRef)");
static_assert(sizeof(LocalizedText) == 96, "LocalizedText changed: update fields(LocalizedText)");
static_assert(sizeof(GpuSpec) == 352, "GpuSpec changed: update fields(GpuSpec)");
static_assert(sizeof(Scenario) == 328, "Scenario changed: its numbers are stored through scenario_keys(); check");
static_assert(sizeof(Preset) == 672, "Preset changed: update fields(Preset)");
static_assert(sizeof(Article) == 288, "Article changed: update fields(Article)");
static_assert(sizeof(ScenarioRef) == 56, "ScenarioRef changed: update fields(ScenarioRef)");
static_assert(sizeof(QuoteClaim) == 504, "QuoteClaim changed: update fields(QuoteClaim)");
static_assert(sizeof(Quote) == 200, "Quote changed: update fields(Quote)");
static_assert(sizeof(TourStep) == 352, "TourStep changed: update fields(TourStep)");
static_assert(sizeof(CurrencyRate) == 160, "CurrencyRate changed: update fields(CurrencyRate)");
static_assert(sizeof(StringTable::Entry) == 96, "StringTable::Entry changed: update fields(StringTable::Entry)");
static_assert(sizeof(ContentBundle) == 376, "ContentBundle changed: update fields(ContentBundle)");
#endif

namespace {

template <class A> void fields(A& a, Range& r) {
    a(r.low, r.central, r.high);
}
template <class A> void fields(A& a, SourceRef& s) {
    a(s.title, s.publisher, s.date, s.locator, s.url);
}
template <class A> void fields(A& a, LocalizedText& t) {
    a(t.en, t.zh_hans, t.zh_hant);
}
template <class A> void fields(A& a, StringTable::Entry& e) {
    a(e.en, e.zh_hans, e.zh_hant);
}
template <class A> void fields(A& a, GpuSpec& g) {
    a(g.id, g.name, g.short_name, g.bf16_dense_tflops, g.fp8_dense_tflops, g.has_bf16, g.memory_gb, g.memory_tbps,
      g.scale_up_gbps, g.scale_up_domain_gpus, g.scale_out_gbps, g.tdp_w, g.unit_price_usd, g.rental_usd_per_gpu_hour,
      g.mfu_bf16, g.mfu_fp8, g.confidence, g.notes, g.sources);
}
template <class A> void fields(A& a, GpuCatalog& c) {
    a(c.gpus);
}
// The scenario's numbers go through the key table (every numeric key points at its field), so a new scenario key
// is stored without an edit here; gpu and precision are the two keys without a numeric field.
template <class A> void fields(A& a, Scenario& s) {
    a(s.gpu, s.precision);
    std::size_t key_count = 0;
    const ScenarioKeyInfo* keys = scenario_keys(key_count);
    for (std::size_t i = 0; i < key_count; ++i)
        if (keys[i].field) a(s.*(keys[i].field));
}
template <class A> void fields(A& a, Preset& p) {
    a(p.id, p.name, p.short_name, p.scenario, p.sources, p.notes);
}
template <class A> void fields(A& a, PresetCatalog& c) {
    a(c.presets);
}
template <class A> void fields(A& a, Article& r) {
    a(r.id, r.file, r.script, r.publication, r.title, r.date, r.about);
}
template <class A> void fields(A& a, ScenarioRef& r) {
    a(r.preset, r.overrides);
}
template <class A> void fields(A& a, QuoteClaim& c) {
    a(c.span, c.value, c.value_high, c.unit, c.qualifier, c.quantity, c.has_scenario, c.scenario, c.has_compare_to,
      c.compare_to, c.ratio_mode, c.tolerance, c.note, c.sources, c.published, c.published_what, c.comparison);
}
template <class A> void fields(A& a, Quote& q) {
    a(q.id, q.position, q.article_index, q.text, q.script, q.translation_en, q.topic, q.claims);
}
template <class A> void fields(A& a, QuoteLibrary& l) {
    a(l.articles, l.quotes);
}
template <class A> void fields(A& a, TourStep& s) {
    a(s.id, s.position, s.scenario, s.quote, s.control, s.title, s.body);
}
template <class A> void fields(A& a, Tour& t) {
    a(t.steps);
}
template <class A> void fields(A& a, CurrencyRate& r) {
    a(r.cny_per_usd, r.date, r.basis, r.sources);
}
template <class A> void fields(A& a, ContentBundle& b) {
    a(b.strings, b.gpus, b.presets, b.quotes, b.tour, b.rate);
}

// The largest valid value of each stored enum (the reader refuses anything above). A new enumerator at the end
// must be listed here, else snapshots using it are refused at start, loudly (the round-trip test fails first).
template <class E> constexpr std::size_t enum_max();
template <> constexpr std::size_t enum_max<ZhUnit>() {
    return static_cast<std::size_t>(ZhUnit::years);
}
template <> constexpr std::size_t enum_max<ZhQualifier>() {
    return static_cast<std::size_t>(ZhQualifier::at_most);
}
template <> constexpr std::size_t enum_max<QuoteRatioMode>() {
    return static_cast<std::size_t>(QuoteRatioMode::excess);
}
template <> constexpr std::size_t enum_max<Precision>() {
    return static_cast<std::size_t>(Precision::fp8);
}

constexpr char kMagic[8] = {'C', 'H', 'I', 'P', 'S', 'N', 'A', 'P'};

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] Writer
//-----------------------------------------------------------------------------------------------------------------

class Writer {
  public:
    std::string bytes;

    template <class... T> void operator()(T&... values) { (put(values), ...); }

    void put_size(std::uint64_t value) { // LEB128
        do {
            unsigned char byte = value & 0x7F;
            value >>= 7;
            if (value) byte |= 0x80;
            bytes.push_back(static_cast<char>(byte));
        } while (value);
    }
    void put_u32(std::uint32_t value) {
        for (int i = 0; i < 4; ++i)
            bytes.push_back(static_cast<char>((value >> (8 * i)) & 0xFF));
    }
    void put(const std::string& text) {
        put_size(text.size());
        bytes.append(text);
    }
    void put(double value) {
        std::uint64_t bits = 0;
        std::memcpy(&bits, &value, sizeof bits);
        for (int i = 0; i < 8; ++i)
            bytes.push_back(static_cast<char>((bits >> (8 * i)) & 0xFF));
    }
    void put(int value) { // zig-zag, so small negative numbers stay small
        const std::int64_t wide = value;
        put_size((static_cast<std::uint64_t>(wide) << 1) ^ static_cast<std::uint64_t>(wide >> 63));
    }
    void put(std::size_t value) { put_size(value); }
    void put(bool value) { bytes.push_back(value ? 1 : 0); }
    template <class E, std::enable_if_t<std::is_enum_v<E>, int> = 0> void put(E value) {
        put_size(static_cast<std::size_t>(value));
    }
    template <class T> void put(const std::vector<T>& items) {
        put_size(items.size());
        for (const T& item : items)
            put(item);
    }
    template <class K, class V> void put(const std::pair<K, V>& pair) {
        put(pair.first);
        put(pair.second);
    }
    void put(const StringTable& table) {
        put_size(table.entries().size());
        for (const auto& [key, entry] : table.entries()) {
            put(key);
            put(entry);
        }
    }
    // Structs: the shared field list. It takes non-const references because the reader fills them; the writer
    // only reads through them.
    template <class T, std::enable_if_t<std::is_class_v<T>, int> = 0> void put(const T& value) {
        fields(*this, const_cast<T&>(value));
    }
};

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] Reader
//-----------------------------------------------------------------------------------------------------------------

class Reader {
  public:
    Reader(std::string_view bytes, std::size_t offset_base) : bytes_(bytes), offset_base_(offset_base) {}

    bool failed() const { return failed_; }
    const std::string& problem() const { return problem_; }
    std::size_t problem_offset() const { return problem_offset_; } // from the start of the file
    std::size_t left() const { return bytes_.size() - position_; }

    template <class... T> void operator()(T&... values) { (get(values), ...); }

    void fail(const char* what) {
        if (failed_) return;
        failed_ = true;
        problem_ = what;
        problem_offset_ = offset_base_ + position_;
    }

    std::uint64_t get_size() {
        std::uint64_t value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (failed_ || position_ >= bytes_.size()) {
                fail("the data ends inside a number");
                return 0;
            }
            const unsigned char byte = static_cast<unsigned char>(bytes_[position_++]);
            value |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
            if (!(byte & 0x80)) return value;
        }
        fail("a size with more than 64 bits");
        return 0;
    }
    // A count of things that each take at least one byte cannot exceed the bytes left: checked before allocating,
    // so a corrupt size can never ask for gigabytes.
    std::size_t get_count() {
        const std::uint64_t count = get_size();
        if (!failed_ && count > left()) fail("a size larger than the data left");
        return failed_ ? 0 : static_cast<std::size_t>(count);
    }
    void get(std::string& text) {
        const std::size_t size = get_count();
        if (failed_) return;
        text.assign(bytes_.data() + position_, size);
        position_ += size;
    }
    void get(double& value) {
        if (failed_ || left() < 8) return fail("the data ends inside a number");
        std::uint64_t bits = 0;
        for (int i = 0; i < 8; ++i)
            bits |= static_cast<std::uint64_t>(static_cast<unsigned char>(bytes_[position_ + i])) << (8 * i);
        std::memcpy(&value, &bits, sizeof value);
        if (!std::isfinite(value)) return fail("a number that is not finite");
        position_ += 8;
    }
    void get(int& value) {
        const std::uint64_t zigzag = get_size();
        const std::int64_t wide = static_cast<std::int64_t>(zigzag >> 1) ^ -static_cast<std::int64_t>(zigzag & 1);
        if (wide < std::numeric_limits<int>::min() || wide > std::numeric_limits<int>::max())
            return fail("an integer out of range");
        value = static_cast<int>(wide);
    }
    void get(std::size_t& value) {
        const std::uint64_t wide = get_size();
        if (wide > std::numeric_limits<std::size_t>::max()) return fail("an index out of range");
        value = static_cast<std::size_t>(wide);
    }
    void get(bool& value) {
        if (failed_ || left() < 1) return fail("the data ends inside a flag");
        const char byte = bytes_[position_];
        if (byte != 0 && byte != 1) return fail("a flag that is neither 0 nor 1");
        value = byte == 1;
        ++position_;
    }
    template <class E, std::enable_if_t<std::is_enum_v<E>, int> = 0> void get(E& value) {
        const std::uint64_t raw = get_size();
        if (raw > enum_max<E>()) return fail("an enum value out of range");
        value = static_cast<E>(raw);
    }
    template <class T> void get(std::vector<T>& items) {
        const std::size_t count = get_count();
        items.clear();
        // A count is at most the bytes left, but an element takes far more memory than its smallest encoding: reserve
        // a little and let the vector grow as elements are actually read (a crafted count cannot reserve gigabytes).
        items.reserve(std::min<std::size_t>(count, 64));
        for (std::size_t i = 0; i < count && !failed_; ++i) {
            items.emplace_back();
            get(items.back());
        }
    }
    template <class K, class V> void get(std::pair<K, V>& pair) {
        get(pair.first);
        get(pair.second);
    }
    void get(StringTable& table) {
        const std::size_t count = get_count();
        for (std::size_t i = 0; i < count && !failed_; ++i) {
            std::string key;
            StringTable::Entry entry;
            get(key);
            get(entry);
            if (!failed_) table.set(key, std::move(entry));
        }
    }
    template <class T, std::enable_if_t<std::is_class_v<T>, int> = 0> void get(T& value) {
        if (!failed_) fields(*this, value);
    }

  private:
    std::string_view bytes_;
    std::size_t offset_base_ = 0; // where bytes_ starts in the file (after the header)
    std::size_t position_ = 0;
    bool failed_ = false;
    std::string problem_;
    std::size_t problem_offset_ = 0;
};

std::uint32_t read_u32(std::string_view bytes, std::size_t at) {
    std::uint32_t value = 0;
    for (int i = 0; i < 4; ++i)
        value |= static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + i])) << (8 * i);
    return value;
}

// What the loaders guarantee and the model relies on, re-checked on the bytes: GPU figures inside the loader's
// bounds, quotes pointing at existing articles, preset scenarios the model accepts.
bool check_references(const ContentBundle& bundle, const std::string& file_name, ContentErrors& errors) {
    const std::size_t before = errors.size();
    for (const Quote& quote : bundle.quotes.quotes)
        if (quote.article_index >= bundle.quotes.articles.size())
            errors.push_back({file_name, "quote " + quote.id, "points at an article that is not in the snapshot"});
    for (const GpuSpec& gpu : bundle.gpus.gpus)
        if (std::string problem = check_gpu_spec(gpu); !problem.empty())
            errors.push_back({file_name, "gpu " + gpu.id, problem});
    std::size_t key_count = 0;
    const ScenarioKeyInfo* keys = scenario_keys(key_count);
    for (const Preset& preset : bundle.presets.presets) {
        std::optional<ContentError> problem;
        for (std::size_t i = 0; i < key_count && !problem; ++i) { // each key in its range (on a scratch copy)
            Scenario scratch = preset.scenario;
            if (keys[i].field)
                problem = apply_scenario_number(scratch, keys[i], preset.scenario.*(keys[i].field), file_name);
        }
        if (!problem) problem = validate_scenario(preset.scenario, bundle.gpus, file_name); // keys together
        if (problem)
            errors.push_back({file_name,
                              "preset " + preset.id + (problem->pointer.empty() ? "" : " " + problem->pointer),
                              problem->message});
    }
    return errors.size() == before;
}

} // namespace

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] Entry points
//-----------------------------------------------------------------------------------------------------------------

std::uint32_t content_snapshot_checksum(std::string_view bytes) {
    std::uint32_t hash = 2166136261u;
    for (char byte : bytes) {
        hash ^= static_cast<unsigned char>(byte);
        hash *= 16777619u;
    }
    return hash;
}

std::string write_content_snapshot(const ContentBundle& bundle) {
    Writer payload;
    payload.put(bundle);
    Writer file;
    file.bytes.assign(kMagic, sizeof kMagic);
    file.put_u32(kContentSnapshotVersion);
    file.put_u32(content_snapshot_checksum(payload.bytes));
    return file.bytes + payload.bytes;
}

bool read_content_snapshot(std::string_view bytes, const std::string& file_name, ContentBundle& bundle_out,
                           ContentErrors& errors) {
    bundle_out = ContentBundle();
    auto refuse = [&](std::size_t offset, const std::string& message) {
        errors.push_back({file_name, "byte " + std::to_string(offset), message});
        bundle_out = ContentBundle();
        return false;
    };
    if (bytes.size() < kContentSnapshotHeaderBytes || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0)
        return refuse(0, "not a content snapshot (no CHIPSNAP header)");
    const std::uint32_t version = read_u32(bytes, 8);
    if (version != kContentSnapshotVersion)
        return refuse(8, "snapshot format " + std::to_string(version) + ", this build reads " +
                             std::to_string(kContentSnapshotVersion) + ": rebuild it (tools/snapshot_content)");
    const std::string_view payload = bytes.substr(kContentSnapshotHeaderBytes);
    if (read_u32(bytes, 12) != content_snapshot_checksum(payload))
        return refuse(12, "checksum mismatch: the snapshot is damaged");
    Reader reader(payload, kContentSnapshotHeaderBytes);
    reader.get(bundle_out);
    if (!reader.failed() && reader.left() != 0) reader.fail("unexpected bytes after the content");
    if (reader.failed()) return refuse(reader.problem_offset(), reader.problem());
    if (!check_references(bundle_out, file_name, errors)) {
        bundle_out = ContentBundle();
        return false;
    }
    return true;
}

} // namespace chips
