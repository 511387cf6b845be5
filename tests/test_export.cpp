// tests/test_export.cpp — the download files (model/output/export.h): RFC 4180 quoting, the UTF-8 BOM, page version,
// date and sources in every file, real values from the model in the scenario, chart and quotes files, and the
// reader's assumptions changing verdicts. Each CSV is parsed back with an independent RFC 4180 reader below, so a
// quoting bug shows up as a wrong column count or a changed field.
#include "model/content/quote_check.h"
#include "model/content/quotes.h"
#include "model/core/version.h"
#include "model/engine/chart_data.h"
#include "model/output/estimate_json.h"
#include "model/output/export.h"
#include "test_model_support.h"

#include <algorithm>
#include <cmath>
#include <doctest/doctest.h>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

namespace {

using Table = std::vector<std::vector<std::string>>;

// A strict RFC 4180 reader: CRLF records, quoted fields with doubled quotes. Fails the test on a stray quote.
Table parse_csv(const std::string& text) {
    Table rows;
    std::vector<std::string> row;
    std::string field;
    bool quoted = false;
    bool field_started = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"') {
            if (field_started) FAIL("quote inside an unquoted field at byte " << i);
            quoted = true;
            field_started = true;
        } else if (c == ',') {
            row.push_back(field);
            field.clear();
            field_started = false;
        } else if (c == '\r') {
            if (i + 1 >= text.size() || text[i + 1] != '\n') FAIL("bare CR at byte " << i);
            row.push_back(field);
            rows.push_back(row);
            row.clear();
            field.clear();
            field_started = false;
            ++i;
        } else {
            if (c == '\n') FAIL("bare LF at byte " << i);
            field += c;
            field_started = true;
        }
    }
    REQUIRE_MESSAGE(!quoted, "unterminated quoted field");
    const bool complete = row.empty() && field.empty();
    REQUIRE_MESSAGE(complete, "last record has no CRLF");
    return rows;
}

// Strips the BOM (required) and parses; checks every record has the header's width.
Table read_download(const chips::DownloadFile& file) {
    REQUIRE(file.content.rfind(chips::kUtf8Bom, 0) == 0);
    const Table table = parse_csv(file.content.substr(3));
    REQUIRE(!table.empty());
    for (std::size_t i = 0; i < table.size(); ++i)
        if (table[i].size() != table[0].size())
            FAIL("record " << i << " has " << table[i].size() << " fields, the header " << table[0].size());
    return table;
}

std::size_t column(const Table& table, const std::string& name) {
    for (std::size_t i = 0; i < table[0].size(); ++i)
        if (table[0][i] == name) return i;
    FAIL("no column " << name);
    return 0;
}

const std::vector<std::string>* find_row(const Table& table, std::size_t key_column, const std::string& key) {
    for (const auto& row : table)
        if (row[key_column] == key) return &row;
    return nullptr;
}

const chips::QuoteLibrary& library() {
    static const chips::QuoteLibrary loaded = [] {
        chips::QuoteLibrary result;
        chips::ContentErrors errors;
        chips::load_quotes(chips::test::read_content_file("quotes.json"), "content/quotes.json", result, errors);
        CHECK_MESSAGE(errors.empty(), chips::test::joined(errors));
        return result;
    }();
    return loaded;
}

chips::ExportContext context() {
    chips::ExportContext result;
    result.date = "2025-02-01";
    result.page_url = "https://example.org/?preset=deepseek-v3";
    result.preset_id = "deepseek-v3";
    return result;
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

} // namespace

// ---------------------------------------------------------------------------------------------------------------------
TEST_CASE("page version: one constant, equal to the CMake project version") {
    std::ifstream cmake(std::string(CHIPS_CONTENT_DIR) + "/../CMakeLists.txt");
    REQUIRE(cmake.good());
    std::ostringstream text;
    text << cmake.rdbuf();
    CHECK(contains(text.str(), std::string("VERSION ") + chips::kPageVersion + " "));
}

TEST_CASE("CSV fields are quoted exactly when RFC 4180 needs it") {
    CHECK(chips::csv_field("plain") == "plain");
    CHECK(chips::csv_field("") == "");
    CHECK(chips::csv_field("557万美元") == "557万美元");
    CHECK(chips::csv_field("a,b") == "\"a,b\"");
    CHECK(chips::csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(chips::csv_field("two\nlines") == "\"two\nlines\"");
    CHECK(chips::csv_field("cr\r") == "\"cr\r\"");
    CHECK(chips::csv_row({"a", "b,c", ""}) == "a,\"b,c\",\r\n");
    const Table round_trip = parse_csv(chips::csv_row({"x\"y", "1,2", "line\r\nbreak", "\xE8\x90\xAC"}));
    REQUIRE(round_trip.size() == 1);
    CHECK(round_trip[0] == std::vector<std::string>{"x\"y", "1,2", "line\r\nbreak", "\xE8\x90\xAC"});
}

TEST_CASE("CSV numbers: shortest round-trip text, empty for non-finite") {
    CHECK(chips::csv_number(5576000) == "5576000");
    CHECK(chips::csv_number(0.17) == "0.17");
    CHECK(chips::csv_number(14.8e12) == "14800000000000"); // whole: in full, as Excel shows it
    CHECK(chips::csv_number(3.3264e24) == "3.3264e+24");
    CHECK(chips::csv_number(-0.0) == "0");
    CHECK(chips::csv_number(std::nan("")) == "");
    CHECK(chips::csv_number(1.0 / 0.0) == "");
    const double awkward = 0.1 + 0.2;
    CHECK(std::stod(chips::csv_number(awkward)) == awkward);
}

TEST_CASE("estimate_to_json keeps the CLI's --json shape") {
    const chips::Scenario& v3 = chips::test::preset("deepseek-v3");
    const nlohmann::json json =
        chips::estimate_to_json("deepseek-v3", v3, chips::test::gpu("h800"), chips::test::run(v3));
    CHECK(json["preset"] == "deepseek-v3");
    CHECK(json["status"] == "ok");
    CHECK(json["gpu"]["id"] == "h800");
    CHECK(json["gpu"]["fp8_dense_tflops"].get<double>() == doctest::Approx(1978.9));
    CHECK(json["inputs"]["chips"]["value"].get<double>() == 2048);
    CHECK(json["inputs"]["chips"]["unit"] == "GPUs");
    CHECK(json["inputs"]["gpu"]["value"] == "h800");
    CHECK(json["outputs"]["rental_cost_usd"]["central"].get<double>() ==
          doctest::Approx(chips::test::run(v3).rental_cost_usd.central));
    CHECK(json["outputs"]["rental_cost_usd"]["unit"] == "USD");
    std::size_t output_count = 0;
    chips::estimate_outputs(output_count);
    CHECK(json["outputs"].size() == output_count);
}

// ---------------------------------------------------------------------------------------------------------------------
TEST_CASE("scenario JSON download: page version, date, url, sources and the results") {
    chips::DownloadFile file;
    REQUIRE(chips::export_scenario_json(context(), chips::test::preset("deepseek-v3"), chips::test::presets(),
                                        chips::test::catalog(), file));
    CHECK(file.file_name == "chips-and-claims_scenario_deepseek-v3_2025-02-01.json");
    CHECK(file.mime_type == "application/json");
    CHECK(file.content.rfind(chips::kUtf8Bom, 0) != 0); // no BOM in JSON
    const nlohmann::json json = nlohmann::json::parse(file.content);
    CHECK(json["page"]["version"] == chips::kPageVersion);
    CHECK(json["page"]["exported_on"] == "2025-02-01");
    CHECK(json["page"]["url"] == "https://example.org/?preset=deepseek-v3");
    CHECK(json["outputs"]["training_days"]["central"].get<double>() ==
          doctest::Approx(chips::test::run(chips::test::preset("deepseek-v3")).training_days.central));
    REQUIRE(json["sources"].is_array());
    bool cites_report = false;
    for (const auto& source : json["sources"])
        cites_report |= contains(source["title"].get<std::string>(), "DeepSeek-V3");
    CHECK(cites_report);

    chips::Scenario unknown_gpu = chips::test::preset("deepseek-v3");
    unknown_gpu.gpu = "tpu-v9";
    chips::DownloadFile untouched;
    CHECK_FALSE(
        chips::export_scenario_json(context(), unknown_gpu, chips::test::presets(), chips::test::catalog(), untouched));
    CHECK(untouched.content.empty());
}

TEST_CASE("scenario CSV download: one row per input and output, every row stamped") {
    chips::Scenario scenario = chips::test::preset("deepseek-v3");
    scenario.chips = 4096;
    chips::DownloadFile file;
    REQUIRE(chips::export_scenario_csv(context(), scenario, chips::test::presets(), chips::test::catalog(), file));
    CHECK(file.file_name == "chips-and-claims_scenario_deepseek-v3_2025-02-01.csv");
    CHECK(file.mime_type == "text/csv;charset=utf-8");
    const Table table = read_download(file);
    CHECK(table[0] == std::vector<std::string>{"section", "key", "value", "low", "high", "unit", "preset",
                                               "page_version", "exported_on", "sources"});
    std::size_t key_count = 0, output_count = 0;
    chips::scenario_keys(key_count);
    chips::estimate_outputs(output_count);
    CHECK(table.size() == 1 + key_count + output_count);
    const auto* chips_row = find_row(table, 1, "chips");
    REQUIRE(chips_row);
    CHECK((*chips_row)[0] == "input");
    CHECK((*chips_row)[2] == "4096");
    const auto* days = find_row(table, 1, "training_days");
    REQUIRE(days);
    CHECK((*days)[0] == "output");
    CHECK(std::stod((*days)[2]) == doctest::Approx(chips::test::run(scenario).training_days.central));
    CHECK(std::stod((*days)[3]) < std::stod((*days)[2]));
    CHECK(std::stod((*days)[4]) > std::stod((*days)[2]));
    for (std::size_t i = 1; i < table.size(); ++i) {
        CHECK(table[i][7] == chips::kPageVersion);
        CHECK(table[i][8] == "2025-02-01");
        CHECK(contains(table[i][9], "arxiv.org"));
    }
}

// ---------------------------------------------------------------------------------------------------------------------
TEST_CASE("chart data: the chip sweep, the experts sweep and every GPU, matching estimate()") {
    const chips::Scenario& v3 = chips::test::preset("deepseek-v3");
    const chips::ChartData data = chips::compute_chart_data(v3, chips::test::catalog());
    REQUIRE(data.chips.gpu_ids == std::vector<std::string>{"h800", "h100", "a100", "b200"});
    REQUIRE(data.chips.chips.front() == 8);
    REQUIRE(data.chips.chips.back() == 262144);
    const auto at_2048 = std::find(data.chips.chips.begin(), data.chips.chips.end(), 2048.0);
    REQUIRE(at_2048 != data.chips.chips.end());
    const std::size_t point = static_cast<std::size_t>(at_2048 - data.chips.chips.begin());
    CHECK(data.chips.days[0][point].central == doctest::Approx(chips::test::run(v3).training_days.central));
    CHECK(data.chips.cost_usd[0][point].central == doctest::Approx(chips::test::run(v3).rental_cost_usd.central));

    CHECK(data.experts.experts_active.front() == 1);
    CHECK(data.experts.experts_active.back() == 256);
    const auto at_8 = std::find(data.experts.experts_active.begin(), data.experts.experts_active.end(), 8.0);
    REQUIRE(at_8 != data.experts.experts_active.end());
    CHECK(data.experts.active_params[static_cast<std::size_t>(at_8 - data.experts.experts_active.begin())].central ==
          doctest::Approx(37.55e9).epsilon(0.001));

    REQUIRE(data.gpus.current >= 0);
    CHECK(data.gpus.gpu_ids[static_cast<std::size_t>(data.gpus.current)] == "h800");
    CHECK(data.gpus.days[static_cast<std::size_t>(data.gpus.current)].central ==
          doctest::Approx(chips::test::run(v3).training_days.central));
    // The RTX 2080 Ti has no FP8: it is run in bf16 rather than dropped.
    const auto turing = std::find(data.gpus.gpu_ids.begin(), data.gpus.gpu_ids.end(), "rtx2080ti");
    if (turing != data.gpus.gpu_ids.end())
        CHECK(data.gpus.precision[static_cast<std::size_t>(turing - data.gpus.gpu_ids.begin())] ==
              chips::Precision::bf16);
}

TEST_CASE("chart CSV downloads carry the series, the version, the date and each GPU's sources") {
    const chips::ChartData data = chips::compute_chart_data(chips::test::preset("deepseek-v3"), chips::test::catalog());

    const chips::DownloadFile sweep_file =
        chips::export_chart_csv(context(), chips::ChartKind::chips_sweep, data, chips::test::catalog());
    CHECK(sweep_file.file_name == "chips-and-claims_chart-chips_deepseek-v3_2025-02-01.csv");
    const Table sweep = read_download(sweep_file);
    CHECK(sweep.size() == 1 + 4 * data.chips.chips.size());
    const std::size_t gpu = column(sweep, "gpu"), chips_column = column(sweep, "chips"),
                      days = column(sweep, "days_central"), sources = column(sweep, "sources");
    bool found = false;
    for (const auto& row : sweep) {
        if (row[gpu] != "h800" || row[chips_column] != "2048") continue;
        found = true;
        CHECK(std::stod(row[days]) ==
              doctest::Approx(chips::test::run(chips::test::preset("deepseek-v3")).training_days.central));
        CHECK(!row[sources].empty());
        CHECK(row[column(sweep, "page_version")] == chips::kPageVersion);
        CHECK(row[column(sweep, "exported_on")] == "2025-02-01");
    }
    CHECK(found);

    const Table experts = read_download(
        chips::export_chart_csv(context(), chips::ChartKind::experts_sweep, data, chips::test::catalog()));
    CHECK(experts.size() == 1 + data.experts.experts_active.size());
    CHECK(experts[1][column(experts, "experts_active")] == "1");

    const Table gpus =
        read_download(chips::export_chart_csv(context(), chips::ChartKind::gpu_times, data, chips::test::catalog()));
    CHECK(gpus.size() == 1 + data.gpus.gpu_ids.size());
    const auto* h800 = find_row(gpus, column(gpus, "gpu"), "h800");
    REQUIRE(h800);
    CHECK((*h800)[column(gpus, "current")] == "1");
    CHECK((*h800)[column(gpus, "precision")] == "fp8");
    CHECK(contains((*h800)[column(gpus, "gpu_name")], "H800"));
}

// ---------------------------------------------------------------------------------------------------------------------
TEST_CASE("quotes CSV: every claim with its verbatim quote, verdict and model range") {
    const chips::DownloadFile file =
        chips::export_quotes_csv(context(), library(), chips::test::presets(), chips::test::catalog());
    CHECK(file.file_name == "chips-and-claims_quotes_2025-02-01.csv");
    const Table table = read_download(file);
    CHECK(table.size() == 1 + library().claim_count());
    CHECK(table[0].size() == 32);
    const std::size_t id = column(table, "quote_id"), text = column(table, "quote_text"),
                      verdict = column(table, "verdict"), central = column(table, "model_central"),
                      span = column(table, "span"), sources = column(table, "sources");
    const auto* headline = find_row(table, id, "q-dsv3-cost-557-h800");
    REQUIRE(headline);
    // The quote has an ASCII comma: it survives quoting byte for byte.
    CHECK((*headline)[text] == "DeepSeek实际训练成本仅557万美元,使用的还是性能受限的英伟达H800芯片");
    CHECK((*headline)[span] == "557万美元");
    CHECK((*headline)[verdict] == "consistent");
    CHECK(std::stod((*headline)[central]) ==
          doctest::Approx(chips::test::run(chips::test::preset("deepseek-v3")).rental_cost_usd.central));
    CHECK(contains((*headline)[sources], "https://arxiv.org/abs/2412.19437"));
    CHECK((*headline)[column(table, "assumptions")].empty());

    const auto* market = find_row(table, id, "q-market-12t-nvda-7");
    REQUIRE(market);
    CHECK((*market)[verdict] == "not_checkable");
    CHECK((*market)[central].empty());

    std::size_t checkable = 0;
    for (std::size_t i = 1; i < table.size(); ++i) {
        checkable += table[i][verdict] != "not_checkable" ? 1 : 0;
        CHECK(table[i][column(table, "page_version")] == chips::kPageVersion);
    }
    CHECK(checkable >= 20);
}

TEST_CASE("the reader's assumptions change the verdicts in the quotes CSV") {
    // At $5 per GPU-hour instead of $2, the model's V3 cost is 2.5 times higher and "557万美元" reads as understated.
    const chips::ScenarioOverrides assumptions = {{"usd_per_gpu_hour", "5"}};
    const Table table = read_download(
        chips::export_quotes_csv(context(), library(), chips::test::presets(), chips::test::catalog(), assumptions));
    const auto* headline = find_row(table, column(table, "quote_id"), "q-dsv3-cost-557-h800");
    REQUIRE(headline);
    CHECK((*headline)[column(table, "verdict")] == "understated");
    CHECK(std::stod((*headline)[column(table, "model_central")]) ==
          doctest::Approx(2.5 * chips::test::run(chips::test::preset("deepseek-v3")).rental_cost_usd.central));
    CHECK((*headline)[column(table, "assumptions")] == "usd_per_gpu_hour=5");

    // An assumption that cannot apply makes checkable claims not checkable instead of silently ignoring it.
    for (const chips::Quote& quote : library().quotes) {
        if (quote.id != "q-dsv3-cost-557-h800") continue;
        const chips::QuoteClaimCheck bad =
            chips::check_quote_claim(quote.claims[0], chips::test::presets(), chips::test::catalog(), {{"mfu", "2"}});
        CHECK(bad.check.verdict == chips::Verdict::not_checkable);
        CHECK(bad.check.problem == chips::ClaimProblem::scenario_invalid);
        const chips::QuoteClaimCheck as_published =
            chips::check_quote_claim(quote.claims[0], chips::test::presets(), chips::test::catalog());
        CHECK(as_published.check.verdict == chips::Verdict::consistent);
    }
}

TEST_CASE("assumptions_from keeps efficiency and price keys, never the cluster or the model") {
    const chips::Scenario& base = chips::test::preset("deepseek-v3");
    chips::Scenario changed = base;
    changed.chips = 50000;
    changed.gpu = "h100";
    changed.experts_active = 16;
    changed.usd_per_gpu_hour = 3.5;
    changed.overlap = 0.5;
    const chips::ScenarioOverrides overrides = chips::assumptions_from(changed, base);
    REQUIRE(overrides.size() == 2);
    CHECK(overrides[0] == std::make_pair(std::string("usd_per_gpu_hour"), std::string("3.5")));
    CHECK(overrides[1] == std::make_pair(std::string("overlap"), std::string("0.5")));
    CHECK(chips::assumptions_from(base, base).empty());
}

TEST_CASE("source citations") {
    chips::SourceRef source;
    source.title = "DeepSeek-V3 Technical Report";
    source.locator = "Table 1";
    source.url = "https://arxiv.org/abs/2412.19437";
    CHECK(chips::source_citation(source) ==
          "DeepSeek-V3 Technical Report \xE2\x80\x94 Table 1, https://arxiv.org/abs/2412.19437");
    chips::SourceRef bare;
    bare.title = "Only a title";
    CHECK(chips::source_citations({source, bare}) ==
          "DeepSeek-V3 Technical Report \xE2\x80\x94 Table 1, https://arxiv.org/abs/2412.19437 | Only a title");
}

TEST_CASE("an empty date is written as unknown, never left blank") {
    chips::ExportContext no_date;
    no_date.preset_id = "deepseek-v3";
    chips::DownloadFile file;
    REQUIRE(chips::export_scenario_csv(no_date, chips::test::preset("deepseek-v3"), chips::test::presets(),
                                       chips::test::catalog(), file));
    CHECK(file.file_name == "chips-and-claims_scenario_deepseek-v3_unknown.csv");
    const Table table = read_download(file);
    CHECK(table[1][8] == "unknown");
}
