// tests/test_model_scenario.cpp — the scenario key/value codec shared by --set, permalinks and setState: accepted
// syntax, one clear error per bad value (key + allowed range), JSON round trips, hostile JSON.
#include "model/content/scenario_json.h"
#include "test_model_support.h"
#include <cmath>

using namespace chips;
using chips::test::catalog;

namespace {

std::optional<ContentError> set(Scenario& scenario, const std::string& key, const std::string& value) {
    return apply_scenario_value(scenario, key, value, "--set", catalog());
}

} // namespace

TEST_CASE("Every scenario key of docs/contract.md is in the key table") {
    const char* contract_keys[] = {"gpu",
                                   "chips",
                                   "experts_total",
                                   "experts_active",
                                   "experts_shared",
                                   "params_per_expert",
                                   "moe_layers",
                                   "non_expert_params",
                                   "tokens",
                                   "precision",
                                   "mfu",
                                   "mfu_low",
                                   "mfu_high",
                                   "usd_per_gpu_hour",
                                   "overlap",
                                   "pue",
                                   "usd_per_kwh",
                                   "kg_co2_per_kwh",
                                   "gpu_mtbf_hours",
                                   "checkpoint_minutes",
                                   "restart_minutes",
                                   "inference_batch"};
    for (const char* key : contract_keys) {
        INFO(key);
        const ScenarioKeyInfo* info = find_scenario_key(key);
        REQUIRE(info != nullptr);
        CHECK(std::string(info->unit).size() > 0);
        CHECK(std::string(info->doc).size() > 0);
    }
    CHECK(find_scenario_key("chips")->min == 1);
    CHECK(find_scenario_key("chips")->max == 1e6);
    CHECK(find_scenario_key("mfu")->min == 0.0); // 0 = the GPU catalog's default efficiency
    CHECK(find_scenario_key("mfu")->max == 0.9);
    CHECK(find_scenario_key("mfu_low")->min == 0.01);
}

TEST_CASE("Numbers: plain, exponent, k/M/B/T suffixes, percent") {
    Scenario scenario;
    CHECK_FALSE(set(scenario, "chips", "50000"));
    CHECK(scenario.chips == 50000);
    CHECK_FALSE(set(scenario, "tokens", "14.8e12"));
    CHECK(scenario.tokens == 14.8e12);
    CHECK_FALSE(set(scenario, "tokens", "15.6T"));
    CHECK(scenario.tokens == doctest::Approx(15.6e12));
    CHECK_FALSE(set(scenario, "chips", "100k"));
    CHECK(scenario.chips == 100000);
    CHECK_FALSE(set(scenario, "mfu", "35%"));
    CHECK(scenario.mfu == doctest::Approx(0.35));
    CHECK_FALSE(set(scenario, "non_expert_params", "+405B"));
    CHECK(scenario.non_expert_params == doctest::Approx(405e9));
    CHECK_FALSE(set(scenario, "gpu", "h100"));
    CHECK(scenario.gpu == "h100");
    CHECK_FALSE(set(scenario, "precision", "bf16"));
    CHECK(scenario.precision == Precision::bf16);
}

TEST_CASE("Bad values: one error naming the key and the allowed range; scenario unchanged") {
    const Scenario before;
    struct Case {
        const char* key;
        const char* value;
        const char* expected_fragment;
    };
    const Case cases[] = {
        {"chips", "0", "allowed 1 to 1000000"}, {"chips", "1000001", "allowed 1 to 1000000"},
        {"chips", "2.5", "whole numbers"},      {"chips", "-5", "allowed 1 to 1000000"},
        {"chips", "", "not a number"},          {"chips", "two", "not a number"},
        {"chips", "12 ", "not a number"},       {"mfu", "nan", "not a number"},
        {"mfu", "inf", "not a number"},         {"mfu", "0.95", "allowed 0 to 0.9"},
        {"mfu", "-0.1", "allowed 0 to 0.9"},    {"tokens", "1e400", "not a number"},
        {"tokens", "0x10", "not a number"},     {"tokens", "1e999999999999", "not a number"},
        {"overlap", "1.5", "allowed 0 to 1"},   {"gpu", "tpu-v5", "h800"},
        {"precision", "fp4", "bf16, fp8"},      {"no_such_key", "1", "unknown scenario key"},
    };
    for (const Case& entry : cases) {
        INFO(entry.key << "=" << entry.value);
        Scenario scenario;
        auto error = set(scenario, entry.key, entry.value);
        REQUIRE(error.has_value());
        CHECK(error->source == "--set");
        CHECK(error->pointer == entry.key);
        CHECK(error->message.find(entry.expected_fragment) != std::string::npos);
        CHECK(error->to_string().find('\n') == std::string::npos); // one line
        CHECK(scenario_to_json(scenario) == scenario_to_json(before));
    }
}

TEST_CASE("Setting mfu keeps the relative spread; setting the price makes it a point") {
    Scenario scenario;                         // mfu 0: the catalog default
    CHECK_FALSE(set(scenario, "mfu", "0.17")); // from the catalog default, a stated figure is a point
    CHECK(scenario.mfu_low == 0.17);
    CHECK(scenario.mfu_high == 0.17);
    scenario.mfu_low = 0.15; // then a range around it
    scenario.mfu_high = 0.19;
    CHECK_FALSE(set(scenario, "mfu", "0.34"));
    CHECK(scenario.mfu_low == doctest::Approx(0.30));
    CHECK(scenario.mfu_high == doctest::Approx(0.38));
    CHECK_FALSE(set(scenario, "mfu", "0.85")); // the high end clamps at the table maximum
    CHECK(scenario.mfu_high == doctest::Approx(0.9));
    CHECK(scenario.mfu_low <= scenario.mfu);
    CHECK_FALSE(set(scenario, "usd_per_gpu_hour", "3"));
    CHECK(scenario.usd_per_gpu_hour_low == 3);
    CHECK(scenario.usd_per_gpu_hour_high == 3);
    CHECK_FALSE(set(scenario, "usd_per_gpu_hour_high", "4"));
    CHECK_FALSE(validate_scenario(scenario, catalog(), "--set"));
}

TEST_CASE("Cross-key checks name the key and the dependent range") {
    Scenario scenario;
    CHECK_FALSE(set(scenario, "experts_total", "4")); // single-key check passes; active is still 8
    auto error = validate_scenario(scenario, catalog(), "url");
    REQUIRE(error);
    CHECK(error->source == "url");
    CHECK(error->pointer == "experts_active");
    CHECK(error->message.find("experts_total (4)") != std::string::npos);

    scenario = Scenario{};
    scenario.mfu_low = 0.5; // ignored while mfu is 0 (the catalog default)...
    CHECK_FALSE(validate_scenario(scenario, catalog(), "setState"));
    scenario.mfu = 0.3; // ...but not once mfu is stated
    error = validate_scenario(scenario, catalog(), "setState");
    REQUIRE(error);
    CHECK(error->pointer == "mfu");

    scenario = Scenario{};
    scenario.moe_layers = 0;
    scenario.non_expert_params = 1000;
    scenario.embedding_params = 0;
    error = validate_scenario(scenario, catalog(), "url");
    REQUIRE(error);
    CHECK(error->message.find("active parameters") != std::string::npos);
}

TEST_CASE("Text round trip: scenario_value_text reads back to the identical value for every key") {
    Scenario scenario = chips::test::preset("gpt4-estimate");
    scenario.tokens = 1.0 / 3.0 * 1e13; // not representable in short decimal
    size_t count = 0;
    const ScenarioKeyInfo* keys = scenario_keys(count);
    Scenario copy; // starts from different defaults
    for (size_t index = 0; index < count; ++index) {
        INFO(keys[index].key);
        REQUIRE_FALSE(set(copy, keys[index].key, scenario_value_text(scenario, keys[index])));
    }
    CHECK(scenario_to_json(copy) == scenario_to_json(scenario));
}

TEST_CASE("JSON round trip and JSON errors") {
    const Scenario original = chips::test::preset("mixtral-8x7b");
    Scenario decoded;
    ContentErrors errors;
    CHECK(scenario_from_json(scenario_to_json(original), decoded, "setState", "", catalog(), errors));
    CHECK(errors.empty());
    CHECK(scenario_to_json(decoded) == scenario_to_json(original));

    struct Case {
        const char* text;
        const char* pointer;
        const char* fragment;
    };
    const Case cases[] = {
        {R"({"chips": "lots"})", "chips", "not a number"},
        {R"({"chips": true})", "chips", "expected a number"},
        {R"({"chips": null})", "chips", "expected a number"},
        {R"({"chips": [1]})", "chips", "expected a number"},
        {R"({"gpu": 5})", "gpu", "expected a string"},
        {R"({"chips": 1e400})", "", "number overflow"},
        {R"({"chips": 18446744073709551616})", "chips", "out of range"},
        {R"({"tokens": -1})", "tokens", "out of range"},
        {R"({"chipz": 5})", "chipz", "unknown scenario key"},
        {R"({"chips": NaN})", "", "not valid JSON"},
        {R"({"chips": Infinity})", "", "not valid JSON"},
        {R"({"chips": 5,})", "", "not valid JSON"},
        {R"([1, 2])", "", "expected an object"},
        {R"({"gpu": "a100", "precision": "fp8"})", "precision", "fp8 is not available on a100"},
    };
    for (const Case& entry : cases) {
        INFO(std::string(entry.text));
        Scenario scenario;
        ContentErrors case_errors;
        CHECK_FALSE(scenario_from_json_text(entry.text, scenario, "setState", catalog(), case_errors));
        REQUIRE(case_errors.size() >= 1);
        CHECK(case_errors[0].source == "setState");
        CHECK(case_errors[0].pointer == entry.pointer);
        CHECK(case_errors[0].message.find(entry.fragment) != std::string::npos);
        CHECK(scenario_to_json(scenario) == scenario_to_json(Scenario{})); // untouched on error
    }
}

TEST_CASE("Content-file pointers: errors inside a preset point into the file") {
    const nlohmann::json object = {{"chips", 0}};
    Scenario scenario;
    ContentErrors errors;
    CHECK_FALSE(scenario_from_json(object, scenario, "content/presets.json", "/presets/3/scenario", catalog(), errors));
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].to_string() ==
          "content/presets.json: /presets/3/scenario/chips: 0 is out of range; allowed 1 to 1000000, whole numbers "
          "(GPUs)");
}

TEST_CASE("Central keys apply before their _low/_high companions whatever the JSON order") {
    Scenario scenario;
    ContentErrors errors;
    // With mfu applied last, its rescaling would overwrite mfu_low/mfu_high.
    REQUIRE(scenario_from_json_text(R"({"mfu_high": 0.5, "mfu_low": 0.2, "mfu": 0.3})", scenario, "setState", catalog(),
                                    errors));
    CHECK(scenario.mfu_low == 0.2);
    CHECK(scenario.mfu == 0.3);
    CHECK(scenario.mfu_high == 0.5);
}
