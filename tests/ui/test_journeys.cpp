// tests/ui/test_journeys.cpp — the reader journeys (tour, downloads, number style, currency, themes) in the real app,
// headless (tests/ui/ui_harness.h): the guided tour walked by key presses (each step's scenario is exactly
// build_tour_scenario's, its control is outlined and the step card does not cover it), skip / resume / settings /
// permalink; every download reaching PlatformHooks::download_file with the right name and content; the theme following
// the system with a manual override; CNY amounts in Chinese.
#include "model/content/currency.h"
#include "model/content/gpu_catalog.h"
#include "model/content/presets.h"
#include "model/content/scenario_json.h"
#include "model/content/tour.h"
#include "model/output/export.h"
#include "model/text/number_format.h"
#include "test_support.h"
#include "ui/imconfig_chips.h"
#include "ui_harness.h"

#include <doctest/doctest.h>
#include <imgui.h>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

using namespace chips;
using namespace chips::ui;
using chips::ui::test::Harness;

namespace {

nlohmann::json parse(const std::string& text) {
    return nlohmann::json::parse(text);
}

// The shipped tour and the catalogs its scenarios are built from.
struct TourContent {
    Tour tour;
    GpuCatalog gpus;
    PresetCatalog presets;
    TourContent() {
        ContentErrors errors;
        const std::string dir = std::string(CHIPS_CONTENT_DIR) + "/";
        load_gpu_catalog(read_file_or_empty(dir + "gpus.json"), "gpus.json", gpus, errors);
        load_presets(read_file_or_empty(dir + "presets.json"), "presets.json", gpus, presets, errors);
        load_tour(read_file_or_empty(dir + "tour.json"), "tour.json", tour, errors);
        for (const ContentError& error : errors)
            MESSAGE(error.to_string());
        REQUIRE(errors.empty());
    }
    // The scenario JSON the app must show at step `index`.
    nlohmann::json expected_scenario(std::size_t index) const {
        Scenario scenario;
        ContentErrors errors;
        REQUIRE(build_tour_scenario(tour, index, presets, gpus, scenario, errors));
        return scenario_to_json(scenario);
    }
};

// Control id a step outlines (as App::control_rect_json names it).
std::string target_id(const TourStep& step) {
    return step.control == "quote" ? "quote:" + step.quote : step.control;
}

bool overlap(const nlohmann::json& a, const nlohmann::json& b) {
    const float ax = a["x"], ay = a["y"], aw = a["w"], ah = a["h"];
    const float bx = b["x"], by = b["y"], bw = b["w"], bh = b["h"];
    return ax < bx + bw && bx < ax + aw && ay < by + bh && by < ay + ah;
}

// Checks the shown step: mode, id, scenario, quote, the outlined control drawn and not covered by the card.
void check_step(Harness& h, const TourContent& content, std::size_t index, const char* where) {
    const TourStep& step = content.tour.steps[index];
    const nlohmann::json state = parse(state_json(h.session));
    INFO(where << ", step " << index + 1 << " (" << step.id << ")");
    CHECK(state["tour"]["mode"] == "touring");
    CHECK(state["tour"]["step"] == index);
    CHECK(state["tour"]["id"] == step.id);
    CHECK(state["scenario"] == content.expected_scenario(index));
    CHECK(state["preset"] == step.scenario.preset);
    if (!step.quote.empty()) CHECK(state["quote"] == step.quote);
    CHECK(permalink_query(h.session).find("tour=" + step.id) != std::string::npos);
    const nlohmann::json target = parse(h.app.control_rect_json(target_id(step)));
    const nlohmann::json card = parse(h.app.control_rect_json("tour.card"));
    REQUIRE_MESSAGE(target.contains("x"), "the step's control " << target_id(step) << " was not drawn");
    REQUIRE(card.contains("x"));
    CHECK_MESSAGE(!overlap(target, card),
                  "the step card covers " << target_id(step) << ": " << target.dump() << " vs " << card.dump());
    // Both on screen.
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    CHECK(card["y"].get<float>() >= 0);
    CHECK(card["y"].get<float>() + card["h"].get<float>() <= display.y + 1);
    CHECK(target["y"].get<float>() >= 0); // the control is scrolled fully into view
    CHECK(target["y"].get<float>() + target["h"].get<float>() <= display.y);
}

} // namespace

TEST_CASE("the tour: start, walk every step with → / PageDown / Space, then free play") {
    const TourContent content;
    REQUIRE(content.tour.steps.size() >= kTourMinSteps);
    for (const auto& [width, height] : {std::pair<float, float>{1280, 800}, {390, 844}}) {
        Harness h;
        const int asserts_before = imgui_assert_count();
        h.size(width, height);
        h.frames(3);
        CHECK(parse(state_json(h.session))["tour"]["mode"] == "not_started");
        CHECK(permalink_query(h.session).find("tour=") == std::string::npos);
        REQUIRE(h.click("tour.start"));
        h.frames(3); // the step scrolls its control into view, then the card is placed from last frame's size
        const ImGuiKey keys[] = {ImGuiKey_RightArrow, ImGuiKey_PageDown, ImGuiKey_Space};
        for (std::size_t i = 0; i < content.tour.steps.size(); ++i) {
            check_step(h, content, i, width > 1000 ? "1280x800" : "390x844");
            h.key(keys[i % 3]);
            h.frames(2);
        }
        const nlohmann::json state = parse(state_json(h.session));
        CHECK(state["tour"]["mode"] == "free_play");
        CHECK(permalink_query(h.session).find("tour=") == std::string::npos);
        CHECK(parse(h.saved_settings())["tour"]["resume_step"] == content.tour.steps.size()); // finished
        // In free play the arrows are the page's again: nothing changes.
        const std::string before = state_json(h.session);
        h.key(ImGuiKey_RightArrow);
        CHECK(state_json(h.session) == before);
        CHECK((ImGui::GetIO().ConfigFlags & ImGuiConfigFlags_NavEnableKeyboard) != 0); // keyboard nav is back
        CHECK(!h.app.wants_continuous_frames());                                       // the tour never animates
        CHECK(imgui_assert_count() == asserts_before);
    }
}

TEST_CASE("the tour: ← and PageUp go back, Home restarts, Esc skips and Resume returns to the same step") {
    const TourContent content;
    Harness h;
    h.frames(3);
    REQUIRE(h.click("tour.start"));
    h.key(ImGuiKey_RightArrow);
    h.key(ImGuiKey_RightArrow);
    h.key(ImGuiKey_RightArrow);
    h.key(ImGuiKey_LeftArrow);
    h.frames(2);
    check_step(h, content, 2, "after → → → ←");
    h.key(ImGuiKey_PageUp);
    CHECK(parse(state_json(h.session))["tour"]["step"] == 1);
    h.key(ImGuiKey_Home);
    CHECK(parse(state_json(h.session))["tour"]["step"] == 0);
    h.key(ImGuiKey_LeftArrow); // nothing before step 1
    CHECK(parse(state_json(h.session))["tour"]["step"] == 0);
    h.key(ImGuiKey_RightArrow);
    h.key(ImGuiKey_RightArrow);
    h.key(ImGuiKey_Escape);
    nlohmann::json state = parse(state_json(h.session));
    CHECK(state["tour"]["mode"] == "free_play");
    CHECK(parse(h.app.control_rect_json("tour.card")).empty()); // the card is gone
    // The reader plays; "Resume tour" brings back step 3 with its own scenario.
    apply_state_json(h.session, R"({"chips":512})");
    h.frames(2);
    REQUIRE(h.click("tour.resume"));
    h.frames(3);
    check_step(h, content, 2, "after Resume");
    // The buttons on the card do what the keys do.
    REQUIRE(h.click("tour.next"));
    h.frames(3);
    check_step(h, content, 3, "after the Next button");
    REQUIRE(h.click("tour.previous"));
    h.frames(3);
    check_step(h, content, 2, "after the Back button");
    REQUIRE(h.click("tour.skip"));
    CHECK(parse(state_json(h.session))["tour"]["mode"] == "free_play");
}

TEST_CASE("the tour: a step in the permalink opens that step; settings bring back Resume") {
    const TourContent content;
    Harness presenter;
    presenter.frames(2);
    REQUIRE(presenter.click("tour.start"));
    presenter.key(ImGuiKey_RightArrow);
    presenter.key(ImGuiKey_RightArrow);
    presenter.frames(2);
    const std::string query = permalink_query(presenter.session);
    CHECK(query.find("tour=" + content.tour.steps[2].id) != std::string::npos);

    Harness student;
    const nlohmann::json reply = parse(apply_url_query(student.session, query));
    CHECK(reply["ok"] == true);
    student.frames(3);
    check_step(student, content, 2, "opened from the presenter's link");
    CHECK(permalink_query(student.session) == query);
    // A 1-based number works too; a bad value is a notice, not a crash.
    Harness numbered;
    apply_url_query(numbered.session, "tour=5");
    numbered.frames(3);
    check_step(numbered, content, 4, "tour=5");
    CHECK(parse(apply_url_query(numbered.session, "tour=nope"))["ok"] == false);
    // On a phone, straight from the link at start-up (nothing measured yet): the control still scrolls into view.
    Harness phone;
    phone.size(390, 812);
    CHECK(parse(apply_url_query(phone.session, "lang=zh-Hans&currency=CNY&tour=" + content.tour.steps[3].id))["ok"] ==
          true);
    phone.frames(6); // a few frames of scrolling (ImGui applies a scroll one frame later)
    check_step(phone, content, 3, "390x812 phone opened from a link");
    CHECK(!phone.app.wants_continuous_frames()); // the scrolling settled

    // Settings: where the reader left the tour comes back as "Resume tour" (not as a hijacked view).
    REQUIRE(presenter.click("tour.skip"));
    const std::string settings = presenter.saved_settings();
    CHECK(parse(settings)["tour"]["resume_step"] == 2);
    Harness next_visit;
    apply_settings_json(next_visit.session, settings);
    next_visit.frames(2);
    CHECK(parse(state_json(next_visit.session))["tour"]["mode"] == "free_play");
    REQUIRE(next_visit.click("tour.resume"));
    next_visit.frames(3);
    check_step(next_visit, content, 2, "resumed from saved settings");
}

TEST_CASE("downloads: every file reaches the hook with its name, version, date, sources and known values") {
    Harness h;
    h.frames(3);
    REQUIRE(h.click("download"));
    h.frames(2);
    for (const char* id : {"download.scenario_json", "download.scenario_csv", "download.chart_chips",
                           "download.chart_experts", "download.chart_gpus", "download.quotes_csv"}) {
        INFO(id);
        REQUIRE(h.click(id));
    }
    REQUIRE(h.downloads.size() == 6);
    const char* names[] = {
        "chips-and-claims_scenario_deepseek-v3_2025-02-01.json",
        "chips-and-claims_scenario_deepseek-v3_2025-02-01.csv",
        "chips-and-claims_chart-chips_deepseek-v3_2025-02-01.csv",
        "chips-and-claims_chart-experts_deepseek-v3_2025-02-01.csv",
        "chips-and-claims_chart-gpus_deepseek-v3_2025-02-01.csv",
        "chips-and-claims_quotes_2025-02-01.csv",
    };
    for (std::size_t i = 0; i < 6; ++i)
        CHECK(h.downloads[i].name == names[i]);

    // Scenario JSON: page stamp, sources, DeepSeek-V3's rental cost as the model computes it (the same figure the
    // app's results carry; DeepSeek's reported $5.576M lies inside its range).
    const nlohmann::json scenario = parse(h.downloads[0].content);
    CHECK(h.downloads[0].mime.find("application/json") == 0);
    CHECK(scenario["page"]["exported_on"] == "2025-02-01");
    CHECK(!scenario["page"]["version"].get<std::string>().empty());
    CHECK(scenario["page"]["url"].get<std::string>().find("https://example.org/chips/?") == 0);
    CHECK(!scenario["sources"].empty());
    const double cost = scenario["outputs"]["rental_cost_usd"]["central"];
    const nlohmann::json results = parse(results_json(h.session));
    CHECK(cost == results["outputs"]["rental_cost_usd"]["central"].get<double>());
    CHECK(scenario["outputs"]["rental_cost_usd"]["low"].get<double>() < 5.576e6);
    CHECK(scenario["outputs"]["rental_cost_usd"]["high"].get<double>() > 5.576e6);
    CHECK(scenario["inputs"]["chips"]["value"] == 2048);

    // CSVs: BOM, header, the same cost in the scenario CSV, the quotes file with the headline claim.
    const std::string bom = "\xEF\xBB\xBF";
    for (std::size_t i = 1; i < 6; ++i) {
        INFO(names[i]);
        CHECK(h.downloads[i].content.compare(0, 3, bom) == 0);
        CHECK(h.downloads[i].mime.find("text/csv") == 0);
        CHECK(h.downloads[i].content.find("2025-02-01") != std::string::npos);
    }
    CHECK(h.downloads[1].content.compare(3, 35, "section,key,value,low,high,unit,pre") == 0);
    CHECK(h.downloads[1].content.find("output,rental_cost_usd," + chips::csv_number(cost)) != std::string::npos);
    CHECK(h.downloads[2].content.compare(3, 16, "gpu,chips,days_l") == 0);
    CHECK(h.downloads[3].content.compare(3, 28, "experts_active,active_params") == 0);
    CHECK(h.downloads[4].content.compare(3, 17, "gpu,gpu_name,prec") == 0);
    CHECK(h.downloads[5].content.compare(3, 30, "quote_id,article_id,publicatio") == 0);
    CHECK(h.downloads[5].content.find("557\xE4\xB8\x87\xE7\xBE\x8E\xE5\x85\x83") != std::string::npos); // 557万美元

    // "Under the current assumptions": at $4 per GPU-hour the quotes file carries the assumption.
    apply_state_json(h.session, R"({"usd_per_gpu_hour":4})");
    h.frames(2);
    REQUIRE(h.click("download.quotes_csv"));
    REQUIRE(h.downloads.size() == 7);
    CHECK(h.downloads[6].content.find("usd_per_gpu_hour=4") != std::string::npos);
}

TEST_CASE("theme: follows the system, a manual choice overrides it and is saved; colours differ") {
    Harness h;
    h.frames(2);
    auto window_bg = [] { return ImGui::GetStyle().Colors[ImGuiCol_WindowBg]; };
    CHECK(parse(settings_json(h.session))["theme"] == "system");
    const ImVec4 light = window_bg();
    apply_settings_json(h.session, R"({"system_theme":"dark"})"); // the page saw prefers-color-scheme: dark
    h.frames(2);
    CHECK(parse(state_json(h.session))["theme"] == "dark");
    const ImVec4 dark = window_bg();
    CHECK(dark.x + dark.y + dark.z < light.x + light.y + light.z - 1.0f);
    CHECK(parse(settings_json(h.session)).count("system_theme") == 0); // the environment is not a setting
    // The reader picks "Light theme" in the header combo: it wins over the system and is saved.
    REQUIRE(h.click("theme"));
    h.frames(1);
    REQUIRE(h.click("theme.light"));
    h.frames(2);
    CHECK(parse(state_json(h.session))["theme"] == "light");
    CHECK(parse(h.saved_settings())["theme"] == "light");
    CHECK(window_bg().x == light.x);
    apply_settings_json(h.session, R"({"system_theme":"light"})");
    apply_settings_json(h.session, R"({"system_theme":"dark","reduced_motion":true})");
    h.frames(2);
    CHECK(parse(state_json(h.session))["theme"] == "light"); // still the reader's choice
    CHECK(!h.app.wants_continuous_frames());
}

TEST_CASE("currency: CNY in the link and the settings; amounts in 万元 in Chinese, the rate stated") {
    Harness h;
    CHECK(parse(apply_url_query(h.session, "currency=CNY&lang=zh-Hans"))["ok"] == true);
    h.frames(3);
    const std::string summary = accessible_summary(h.session);
    // The results sentence starts at the chip count ("2048 张 H800"); before it the selected claim's verdict quotes
    // the article's own words (557万美元), which stay as written.
    const std::string results = summary.substr(summary.find("\xE5\xBC\xA0"));              // 张
    CHECK_MESSAGE(results.find("\xE4\xB8\x87\xE5\x85\x83") != std::string::npos, summary); // 万元
    CHECK(results.find("\xE7\xBE\x8E\xE5\x85\x83") == std::string::npos);                  // no 美元
    CHECK(permalink_query(h.session).find("currency=CNY") != std::string::npos);
    CHECK(parse(state_json(h.session))["currency"] == "CNY");
    // The model and the downloads stay in USD.
    CHECK(parse(results_json(h.session))["outputs"]["rental_cost_usd"]["unit"] == "USD");
    apply_settings_json(h.session, R"({"currency":"USD","language":"en"})");
    h.frames(2);
    const double cost = parse(results_json(h.session))["outputs"]["rental_cost_usd"]["central"];
    CHECK(accessible_summary(h.session).find(chips::format_money(cost, chips::NumberStyle{})) != std::string::npos);
    CHECK(parse(apply_url_query(h.session, "currency=EUR"))["ok"] == false);
}
