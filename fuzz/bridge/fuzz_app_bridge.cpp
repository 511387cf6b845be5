// fuzz/bridge/fuzz_app_bridge.cpp — the app's page bridge (ui/app.h): App::apply_url_query (permalinks, back/forward)
// and App::apply_state_json (window.chipsAndClaims.setState), with the real content loaded, on arbitrary bytes.
// First byte: even → URL query, odd → setState JSON. Exceptions are caught exactly as wasm/exports.cpp does (the
// production path), so what is checked is what a reader would live with afterwards:
//   - no crash, no sanitizer report
//   - the reply (when no exception) is a JSON object {"ok": bool, "notices": [strings]}, with a notice when ok=false
//   - the app's scenario stays valid: state_json()'s scenario read back through apply_state_json is accepted
//   - results_json() has finite numbers only (nlohmann writes NaN/Infinity as null)
// Lives in fuzz/bridge/ (not fuzz/fuzz_*.cpp) because it needs Dear ImGui; fuzz/CMakeLists.txt adds it when found.
#include "ui/app.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <fstream>
#include <sstream>
#include <string>

namespace {

[[noreturn]] void fail(const std::string& what) {
    std::fprintf(stderr, "fuzz_app_bridge: %s\n", what.c_str());
    std::abort();
}

chips::ui::App& app() {
    static chips::ui::App* instance = [] {
        auto* created = new chips::ui::App();
        chips::ui::ContentTexts content;
        for (const char* name : {"gpus.json", "presets.json", "quotes.json", "strings.json"}) {
            std::ifstream file(std::string(CHIPS_CONTENT_DIR) + "/" + name, std::ios::binary);
            std::ostringstream buffer;
            buffer << file.rdbuf();
            content[name] = buffer.str();
        }
        chips::ContentErrors errors;
        if (!created->load(content, errors)) fail("content did not load: " + errors.front().to_string());
        return created;
    }();
    return *instance;
}

void check_reply(const std::string& text, const char* what) {
    const nlohmann::json reply = nlohmann::json::parse(text, nullptr, false);
    if (reply.is_discarded() || !reply.is_object() || !reply.contains("ok") || !reply["ok"].is_boolean() ||
        !reply.contains("notices") || !reply["notices"].is_array())
        fail(std::string(what) + ": reply is not {ok, notices}: " + text.substr(0, 300));
    for (const auto& notice : reply["notices"])
        if (!notice.is_string() || notice.get<std::string>().empty()) fail(std::string(what) + ": empty notice");
    if (!reply["ok"].get<bool>() && reply["notices"].empty()) fail(std::string(what) + ": ok=false without a notice");
}

void check_finite(const nlohmann::json& value, const std::string& path) {
    if (value.is_null()) fail("results: null (NaN or infinity) at " + path);
    if (value.is_number_float() && !std::isfinite(value.get<double>())) fail("results: non-finite at " + path);
    if (value.is_object())
        for (auto it = value.begin(); it != value.end(); ++it) check_finite(it.value(), path + "/" + it.key());
    if (value.is_array())
        for (size_t i = 0; i < value.size(); ++i) check_finite(value[i], path + "/" + std::to_string(i));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size == 0) return 0;
    chips::ui::App& the_app = app();
    const std::string input(reinterpret_cast<const char*>(data) + 1, size - 1);
    const bool is_query = (data[0] & 1) == 0;
    try {
        check_reply(is_query ? the_app.apply_url_query(input) : the_app.apply_state_json(input),
                    is_query ? "apply_url_query" : "apply_state_json");
    } catch (const std::exception&) {
        // wasm/exports.cpp turns this into a notice; what matters is the state below.
    }
    const nlohmann::json state = nlohmann::json::parse(the_app.state_json(), nullptr, false);
    if (state.is_discarded() || !state.contains("scenario")) fail("state_json() is not JSON with a scenario");
    const std::string echo = the_app.apply_state_json(nlohmann::json{{"scenario", state["scenario"]}}.dump());
    const nlohmann::json echo_reply = nlohmann::json::parse(echo, nullptr, false);
    if (echo_reply.is_discarded() || echo_reply.value("ok", false) != true)
        fail("the app's own scenario is refused after the input: " + echo.substr(0, 400));
    const nlohmann::json results = nlohmann::json::parse(the_app.results_json(), nullptr, false);
    if (results.is_discarded()) fail("results_json() is not JSON");
    check_finite(results, "");
    return 0;
}
