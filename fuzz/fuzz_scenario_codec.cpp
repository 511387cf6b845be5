// fuzz/fuzz_scenario_codec.cpp — the scenario key/value codec (model/engine/scenario.h, model/content/scenario_json.h):
// the decoder behind permalinks (?key=value&...), setState JSON and `estimate --set`, followed by the estimation
// engine. The first input byte picks a mode:
//   0  setState: the rest is JSON text for scenario_from_json_text
//   1  permalink: the rest is a URL query "k=v&k=v", split and percent-decoded here, each pair through
//      apply_scenario_value (the same call the CLI makes for --set and the app for a link)
//   2  in-range sweep: the rest is read as (key index, position in [min, max]) pairs through apply_scenario_number,
//      which reaches corners of the allowed ranges far faster than text does
// Properties checked (abort → libFuzzer saves the input):
//   - nothing throws, nothing crashes (ASan/UBSan)
//   - a rejected key/value leaves the scenario unchanged, its error names the key (a plain key as is) and is one line
//   - every scenario that passes validate_scenario gives status ok and finite low/central/high for every output
//   - scenario_value_text → apply_scenario_value reads every key back unchanged
#include "model/content/gpu_catalog.h"
#include "model/content/scenario_json.h"
#include "model/engine/estimate.h"
#include "model/engine/scenario.h"
#include "native/file_io.h"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

namespace {

[[noreturn]] void fail(const std::string& what) {
    std::fprintf(stderr, "fuzz_scenario_codec: %s\n", what.c_str());
    std::abort();
}

const chips::GpuCatalog& catalog() {
    static chips::GpuCatalog loaded = [] {
        chips::GpuCatalog result;
        const std::string text = chips::read_file_or_empty(std::string(CHIPS_CONTENT_DIR) + "/gpus.json");
        chips::ContentErrors errors;
        if (!chips::load_gpu_catalog(text, "content/gpus.json", result, errors) || result.gpus.empty())
            fail("content/gpus.json did not load");
        return result;
    }();
    return loaded;
}

std::string dump(const chips::Scenario& scenario) {
    return chips::scenario_to_json(scenario).dump();
}

// Field by field through the key table (what scenario_to_json writes), without building JSON: the unchanged-on-error
// checks run on every key of every input, and dumping JSON twice per key was 40 % of the target's time.
bool same_scenario(const chips::Scenario& a, const chips::Scenario& b) {
    if (a.gpu != b.gpu || a.precision != b.precision) return false;
    size_t count = 0;
    const chips::ScenarioKeyInfo* keys = chips::scenario_keys(count);
    for (size_t i = 0; i < count; ++i)
        if (keys[i].field && std::memcmp(&(a.*keys[i].field), &(b.*keys[i].field), sizeof(double)) != 0) return false;
    return true;
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}
std::string percent_decode(const std::string& text) { // application/x-www-form-urlencoded, as URLSearchParams does
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '+')
            out += ' ';
        else if (text[i] == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 && hex_value(text[i + 2]) >= 0) {
            out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
            i += 2;
        } else
            out += text[i];
    }
    return out;
}

// One key/value through the codec; checks the unchanged-on-error and names-the-key contracts.
void apply_checked(chips::Scenario& scenario, const std::string& key, const std::string& value) {
    const chips::Scenario before = scenario;
    if (auto error = chips::apply_scenario_value(scenario, key, value, "url", catalog())) {
        if (!same_scenario(scenario, before)) fail("rejected value changed the scenario: " + key);
        // A plain key is named as is; anything else (control bytes, 100 KB, invalid UTF-8) may be quoted and cut by
        // the codec, but the error must stay one line whatever the input.
        const bool plain_key = !key.empty() && key.size() <= 48 && // model/engine/scenario.cpp key_error()
                               key.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") == std::string::npos;
        if (error->message.empty() || error->pointer.empty() || (plain_key && error->pointer != key))
            fail("error does not name the key: " + error->to_string());
        if (error->to_string().find_first_of("\r\n") != std::string::npos)
            fail("error is not one line: " + error->to_string());
    }
}

// The finiteness property: a scenario the codec accepts must estimate to finite numbers.
void check_estimate(const chips::Scenario& scenario) {
    if (chips::validate_scenario(scenario, catalog(), "fuzz")) return; // rejected explicitly: fine
    const chips::GpuSpec* gpu = catalog().find(scenario.gpu);
    if (!gpu) fail("validate_scenario accepted an unknown GPU");
    const chips::Estimate result = chips::estimate(scenario, *gpu);
    if (result.status != chips::EstimateStatus::ok)
        fail(std::string("valid scenario, status ") + chips::status_message(result.status) + ": " + dump(scenario));
    size_t count = 0;
    const chips::OutputInfo* outputs = chips::estimate_outputs(count);
    for (size_t i = 0; i < count; ++i) {
        const chips::Range& range = result.*(outputs[i].field);
        if (!std::isfinite(range.low) || !std::isfinite(range.central) || !std::isfinite(range.high))
            fail(std::string("non-finite output ") + outputs[i].key + " for " + dump(scenario));
    }
    // Round trip: every key's text form reads back to the same value.
    size_t key_count = 0;
    const chips::ScenarioKeyInfo* keys = chips::scenario_keys(key_count);
    for (size_t i = 0; i < key_count; ++i) {
        chips::Scenario copy = scenario;
        const std::string text = chips::scenario_value_text(scenario, keys[i]);
        if (auto error = chips::apply_scenario_value(copy, keys[i].key, text, "roundtrip", catalog()))
            fail("round trip of " + std::string(keys[i].key) + "=" + text + " rejected: " + error->to_string());
        if (chips::scenario_value_text(copy, keys[i]) != text)
            fail("round trip of " + std::string(keys[i].key) + "=" + text + " changed the value");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size == 0) return 0;
    const std::string rest(reinterpret_cast<const char*>(data) + 1, size - 1);
    chips::Scenario scenario;
    switch (data[0] % 3) {
    case 0: { // setState JSON
        chips::ContentErrors errors;
        const bool ok = chips::scenario_from_json_text(rest, scenario, "setState", catalog(), errors);
        if (ok != errors.empty()) fail("scenario_from_json_text: return value disagrees with its errors");
        for (const auto& error : errors)
            if (error.message.empty()) fail("setState error without a message");
        break;
    }
    case 1: { // permalink query
        size_t start = 0;
        while (start <= rest.size()) {
            size_t end = rest.find('&', start);
            if (end == std::string::npos) end = rest.size();
            const std::string pair = rest.substr(start, end - start);
            const size_t equals = pair.find('=');
            if (!pair.empty())
                apply_checked(scenario, percent_decode(pair.substr(0, equals)),
                              equals == std::string::npos ? std::string() : percent_decode(pair.substr(equals + 1)));
            start = end + 1;
        }
        break;
    }
    case 2: { // in-range sweep
        size_t key_count = 0;
        const chips::ScenarioKeyInfo* keys = chips::scenario_keys(key_count);
        for (size_t i = 0; i + 5 <= rest.size(); i += 5) {
            const chips::ScenarioKeyInfo& info = keys[static_cast<uint8_t>(rest[i]) % key_count];
            uint32_t bits = 0;
            std::memcpy(&bits, rest.data() + i + 1, 4);
            if (info.kind == chips::KeyKind::gpu_id) {
                scenario.gpu = catalog().gpus[bits % catalog().gpus.size()].id;
                continue;
            }
            if (info.kind == chips::KeyKind::precision) {
                scenario.precision = bits & 1 ? chips::Precision::fp8 : chips::Precision::bf16;
                continue;
            }
            // Position in the range: both ends exactly, else spread evenly on a log scale when the range is wide.
            const double u = static_cast<double>(bits) / 4294967295.0;
            double value = info.min + u * (info.max - info.min);
            if (info.min > 0 && info.max / info.min > 1000) value = info.min * std::pow(info.max / info.min, u);
            if (bits == 0) value = info.min;
            if (bits == 0xffffffffu) value = info.max;
            if (info.kind == chips::KeyKind::whole) value = std::fmin(std::fmax(std::round(value), info.min), info.max);
            const chips::Scenario before = scenario;
            if (chips::apply_scenario_number(scenario, info, value, "sweep") && !same_scenario(scenario, before))
                fail("rejected number changed the scenario");
        }
        break;
    }
    }
    check_estimate(scenario);
    return 0;
}
