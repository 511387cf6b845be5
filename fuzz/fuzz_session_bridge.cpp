// fuzz/fuzz_session_bridge.cpp — the page bridge (session/permalink.h apply_url_query for permalinks and
// back/forward, session/page_bridge.h apply_state_json for window.chipsAndClaims.setState), with the real content
// loaded, on arbitrary bytes. First byte: even → URL query, odd → setState JSON. Exceptions are caught exactly as
// wasm/exports.cpp does (the production path), so what is checked is what a reader would live with afterwards:
//   - no crash, no sanitizer report
//   - the reply (when no exception) is a JSON object {"ok": bool, "notices": [strings]}, with a notice when ok=false
//   - no notice holds a control or bidi character, and there are at most a handful of them
//   - the scenario stays valid: state_json()'s scenario read back through apply_state_json is accepted
//   - results_json() has finite numbers only (nlohmann writes NaN/Infinity as null; one null is by design)
//   - the scenario never changes without a new scenario revision (what the UI and the page redraw on)
// Speed: the state and results checks serialize the state, re-apply it and evaluate every claim of the claim book
// (most of a run's time). What they check depends only on the scenario, its preset, the language and the currency,
// and most inputs leave those as they were (a refused value, an unknown key, a link whose keys give the default
// scenario again), so they run when one of those differs from the last inputs they passed on: a cheap fingerprint of
// every scenario field, taken on every input, decides. It also checks that a scenario that changed moved the scenario
// revision (what the UI and the page redraw on) (docs/fuzzing.md "Speed").
// No Dear ImGui here: the session is platform-free, so this builds with the model alone.
#include "model/text/safe_text.h"
#include "native/file_io.h"
#include "session/page_bridge.h"
#include "session/permalink.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <string>
#include <vector>

namespace {

[[noreturn]] void fail(const std::string& what) {
    std::fprintf(stderr, "fuzz_session_bridge: %s\n", what.c_str());
    std::abort();
}

chips::Session& session() {
    static chips::Session* instance = [] {
        auto* created = new chips::Session();
        chips::ContentErrors errors;
        if (!created->load(chips::read_json_files(CHIPS_CONTENT_DIR), errors))
            fail("content did not load: " + errors.front().to_string());
        return created;
    }();
    return *instance;
}

// Every character a notice shows must be printable: no controls, no bidi overrides (model/text/safe_text.h).
void check_printable(const std::string& text, const char* what) {
    if (chips::printable_line(text, text.size() + 8) != text) fail(std::string(what) + ": unsafe notice: " + text);
}

void check_reply(const std::string& text, const char* what) {
    const nlohmann::json reply = nlohmann::json::parse(text, nullptr, false);
    if (reply.is_discarded() || !reply.is_object() || !reply.contains("ok") || !reply["ok"].is_boolean() ||
        !reply.contains("notices") || !reply["notices"].is_array())
        fail(std::string(what) + ": reply is not {ok, notices}: " + text.substr(0, 300));
    for (const auto& notice : reply["notices"]) {
        if (!notice.is_string() || notice.get<std::string>().empty()) fail(std::string(what) + ": empty notice");
        check_printable(notice.get<std::string>(), what);
    }
    if (reply["notices"].size() > chips::Session::kMaxNotices + 1) fail(std::string(what) + ": too many notices");
    if (!reply["ok"].get<bool>() && reply["notices"].empty()) fail(std::string(what) + ": ok=false without a notice");
}

// The one null results_json() writes on purpose (model/output/estimate_json.h): a chip without FP8 tensor cores.
// Every other null is a NaN or an infinity that nlohmann wrote as null.
bool documented_null(const std::string& path) {
    return path == "/gpu/fp8_dense_tflops";
}

void check_finite(const nlohmann::json& value, const std::string& path) {
    if (value.is_null() && !documented_null(path)) fail("results: null (NaN or infinity) at " + path);
    if (value.is_number_float() && !std::isfinite(value.get<double>())) fail("results: non-finite at " + path);
    if (value.is_object())
        for (auto it = value.begin(); it != value.end(); ++it)
            check_finite(it.value(), path + "/" + it.key());
    if (value.is_array())
        for (size_t i = 0; i < value.size(); ++i)
            check_finite(value[i], path + "/" + std::to_string(i));
}

// Every field of the scenario (the key table names them all), hashed: FNV-1a over the numbers' bits, the GPU id and
// the precision. Cheap enough for every input (about 40 numbers).
std::uint64_t scenario_fingerprint(const chips::Scenario& scenario) {
    std::uint64_t hash = 14695981039346656037ull;
    auto mix = [&hash](const void* bytes, std::size_t size) {
        const unsigned char* p = static_cast<const unsigned char*>(bytes);
        for (std::size_t i = 0; i < size; ++i)
            hash = (hash ^ p[i]) * 1099511628211ull;
    };
    std::size_t count = 0;
    const chips::ScenarioKeyInfo* keys = chips::scenario_keys(count);
    for (std::size_t i = 0; i < count; ++i) {
        if (!keys[i].field) continue;
        const double value = scenario.*(keys[i].field);
        std::uint64_t bits = 0;
        std::memcpy(&bits, &value, sizeof bits);
        mix(&bits, sizeof bits);
    }
    mix(scenario.gpu.data(), scenario.gpu.size());
    const int precision = static_cast<int>(scenario.precision);
    mix(&precision, sizeof precision);
    return hash;
}

// What the expensive checks last passed on: an input that leaves all of it as it was has nothing new to check.
struct LastChecked {
    bool any = false;
    std::uint64_t fingerprint = 0;
    std::string preset_id;
    chips::Lang lang = chips::Lang::en;
    chips::Currency currency = chips::Currency::usd;
    std::uint64_t scenario_revision = 0;
};

void check_state_and_results(chips::Session& the_session) {
    const nlohmann::json state = nlohmann::json::parse(chips::state_json(the_session), nullptr, false);
    if (state.is_discarded() || !state.contains("scenario")) fail("state_json() is not JSON with a scenario");
    const std::string echo =
        chips::apply_state_json(the_session, nlohmann::json{{"scenario", state["scenario"]}}.dump());
    const nlohmann::json echo_reply = nlohmann::json::parse(echo, nullptr, false);
    if (echo_reply.is_discarded() || echo_reply.value("ok", false) != true)
        fail("the app's own scenario is refused after the input: " + echo.substr(0, 400));
    const nlohmann::json results = nlohmann::json::parse(chips::results_json(the_session), nullptr, false);
    if (results.is_discarded()) fail("results_json() is not JSON");
    check_finite(results, "");
}

} // namespace

// The session is one long-lived object whose state grows and shrinks with each input, so nearly every input
// allocates more than it frees; libFuzzer then runs it a second time under a full LeakSanitizer scan, a quarter of the
// target's time. Per-input leak checks are off (first, so a -detect_leaks on the command line still wins);
// LeakSanitizer still checks the whole run at exit.
extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
    static char no_per_input_leak_check[] = "-detect_leaks=0";
    static std::vector<char*> arguments;
    arguments.assign(*argv, *argv + *argc);
    arguments.insert(arguments.begin() + (arguments.empty() ? 0 : 1), no_per_input_leak_check);
    arguments.push_back(nullptr);
    *argc = static_cast<int>(arguments.size() - 1);
    *argv = arguments.data();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size == 0) return 0;
    chips::Session& the_session = session();
    const std::string input(reinterpret_cast<const char*>(data) + 1, size - 1);
    const bool is_query = (data[0] & 1) == 0;
    try {
        check_reply(is_query ? chips::apply_url_query(the_session, input) : chips::apply_state_json(the_session, input),
                    is_query ? "apply_url_query" : "apply_state_json");
    } catch (const std::exception&) {
        // wasm/exports.cpp turns this into a notice; what matters is the state below.
    }
    static LastChecked last;
    const std::uint64_t fingerprint = scenario_fingerprint(the_session.scenario());
    if (last.any && fingerprint != last.fingerprint && the_session.scenario_revision() == last.scenario_revision)
        fail("the scenario changed without a new scenario revision");
    if (last.any && fingerprint == last.fingerprint && the_session.preset_id() == last.preset_id &&
        the_session.lang() == last.lang && the_session.currency() == last.currency) {
        last.scenario_revision = the_session.scenario_revision();
        return 0; // the state the checks below passed on last time
    }
    check_state_and_results(the_session);
    // The echo reloads the same scenario: it may move the revision, never the scenario.
    if (scenario_fingerprint(the_session.scenario()) != fingerprint) fail("the app's own scenario read back differs");
    last = {true,
            fingerprint,
            the_session.preset_id(),
            the_session.lang(),
            the_session.currency(),
            the_session.scenario_revision()};
    return 0;
}
