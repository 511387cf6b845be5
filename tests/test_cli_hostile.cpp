// tests/test_cli_hostile.cpp — the hostile key/value cases of tests/hostile/cli.json (made by
// tests/hostile/make_corpus.mjs) against `estimate --set key=value` and against the model codec it uses.
// The CLI contract: a bad --set exits 2 with one line on stderr naming the key, nothing on stdout, never a crash
// (a signal, another exit code). The CLI is build/native/estimate, found next to this test binary.
#include "model/content/gpu_catalog.h"
#include "model/content/scenario_json.h"
#include "model/engine/scenario.h"
#include "native/file_io.h"

#include "test_tool_run.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <regex>
#include <string>
#include <vector>

namespace {

using chips::test::read_whole_file;
using chips::test::RunResult;

// "{{repeat:COUNT:TEXT}}" → TEXT repeated COUNT times (the corpus stores long runs that way).
std::string expand_repeats(const std::string& text) {
    static const std::regex pattern(R"(\{\{repeat:(\d+):(.*?)\}\})");
    std::string out;
    auto begin = std::sregex_iterator(text.begin(), text.end(), pattern);
    size_t last = 0;
    for (auto it = begin; it != std::sregex_iterator(); ++it) {
        out.append(text, last, static_cast<size_t>(it->position()) - last);
        const size_t count = std::stoul((*it)[1].str());
        for (size_t i = 0; i < count; ++i)
            out += (*it)[2].str();
        last = static_cast<size_t>(it->position() + it->length());
    }
    out.append(text, last, std::string::npos);
    return out;
}

std::string from_hex(const std::string& hex) {
    std::string out;
    for (size_t i = 0; i + 1 < hex.size(); i += 2)
        out += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
    return out;
}

struct CliCase {
    std::string id, note, key, value;
    std::vector<std::string> names;
};

std::vector<CliCase> load_cases() {
    const std::string path = std::string(CHIPS_FIXTURES_DIR) + "/../hostile/cli.json";
    const nlohmann::json corpus = nlohmann::json::parse(read_whole_file(path));
    std::vector<CliCase> cases;
    for (const auto& item : corpus.at("cases")) {
        CliCase entry;
        entry.id = item.at("id").get<std::string>();
        entry.note = item.value("note", "");
        entry.key = expand_repeats(item.at("key").get<std::string>());
        entry.value = item.contains("value_hex") ? from_hex(item["value_hex"].get<std::string>())
                                                 : expand_repeats(item.at("value").get<std::string>());
        for (const auto& name : item.at("names"))
            entry.names.push_back(name.get<std::string>());
        cases.push_back(std::move(entry));
    }
    return cases;
}

bool names_a_key(const std::string& line, const std::vector<std::string>& names) {
    for (const std::string& name : names)
        if (line.find(name) != std::string::npos) return true;
    return false;
}

chips::GpuCatalog real_catalog() {
    chips::GpuCatalog catalog;
    chips::ContentErrors errors;
    chips::load_gpu_catalog(read_whole_file(std::string(CHIPS_CONTENT_DIR) + "/gpus.json"), "gpus.json", catalog,
                            errors);
    return catalog;
}

} // namespace

TEST_CASE("hostile corpus: estimate --set exits 2 with one line naming the key, never crashes") {
    const std::vector<CliCase> cases = load_cases();
    REQUIRE(cases.size() >= 40);
    const std::string program = chips::test::sibling_tool("estimate");
    if (access(program.c_str(), X_OK) != 0) {
        FAIL("the CLI is missing at " << program << " (build the `estimate` target)");
        return;
    }
    for (const CliCase& entry : cases) {
        CAPTURE(entry.id);
        CAPTURE(entry.note);
        const RunResult result = chips::test::run_tool(program, {"--set", entry.key + "=" + entry.value});
        CHECK_MESSAGE(result.signal == 0, entry.id << ": killed by signal " << result.signal);
        CHECK_MESSAGE(result.exit_code == 2,
                      entry.id << ": exit code " << result.exit_code << ", stderr: " << result.err.substr(0, 300));
        CHECK_MESSAGE(result.out.empty(), entry.id << ": wrote to stdout: " << result.out.substr(0, 200));
        const bool one_line =
            !result.err.empty() && result.err.back() == '\n' && result.err.find('\n') == result.err.size() - 1;
        CHECK_MESSAGE(one_line, entry.id << ": stderr is not exactly one line: " << result.err.substr(0, 300));
        CHECK_MESSAGE(names_a_key(result.err, entry.names), entry.id << ": the error does not name "
                                                                     << entry.names.front() << ": "
                                                                     << result.err.substr(0, 300));
        // A reason, not an echo: a 100 KB value should not come back as a 100 KB error line.
        WARN_MESSAGE(result.err.size() <= 2048, entry.id << ": error line is " << result.err.size() << " bytes long");
    }
}

TEST_CASE("hostile corpus: the model codec refuses every CLI case and leaves the scenario unchanged") {
    const chips::GpuCatalog catalog = real_catalog();
    REQUIRE_FALSE(catalog.gpus.empty());
    for (const CliCase& entry : load_cases()) {
        CAPTURE(entry.id);
        CAPTURE(entry.note);
        chips::Scenario scenario;
        const std::string before = chips::scenario_to_json(scenario).dump();
        auto error = chips::apply_scenario_value(scenario, entry.key, entry.value, "--set", catalog);
        if (error) {
            CHECK_MESSAGE(chips::scenario_to_json(scenario).dump() == before, entry.id << ": refused but changed");
        } else {
            error = chips::validate_scenario(scenario, catalog, "--set"); // cross-key cases
        }
        REQUIRE_MESSAGE(error.has_value(), entry.id << ": accepted");
        CHECK_MESSAGE(names_a_key(error->to_string(), entry.names),
                      entry.id << ": " << error->to_string().substr(0, 200));
    }
}
