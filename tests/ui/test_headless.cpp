// tests/ui/test_headless.cpp — the whole app drawn by a real ImGui context without a GPU: every preset, every
// language, three canvas sizes, several frames each, plus simulated clicks and drags; any IM_ASSERT fails the test.
// Also the page bridge (state, results, permalinks, settings) end to end. The harness: tests/ui/ui_harness.h.
#include "test_support.h"
#include "ui/app.h"
#include "ui/imconfig_chips.h"
#include "ui_harness.h"

#include <doctest/doctest.h>
#include <imgui.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <fstream>

using namespace chips;
using namespace chips::ui;
using chips::ui::test::Harness;

namespace {

nlohmann::json parse(const std::string& text) {
    return nlohmann::json::parse(text);
}

} // namespace

TEST_CASE("every preset × every language × three sizes draws without an assertion") {
    Harness h;
    const int asserts_before = imgui_assert_count();
    const nlohmann::json presets = parse(read_file_or_empty(std::string(CHIPS_CONTENT_DIR) + "/presets.json"));
    const std::pair<float, float> sizes[] = {{1280, 800}, {700, 900}, {390, 844}};
    int frames = 0;
    for (const char* lang : {"en", "zh-Hans", "zh-Hant"}) {
        apply_settings_json(h.session, std::string("{\"language\":\"") + lang + "\"}");
        for (const auto& preset : presets["presets"]) {
            apply_state_json(h.session, nlohmann::json{{"scenario", preset["scenario"]}}.dump());
            for (const auto& [width, height] : sizes) {
                h.size(width, height);
                h.frames(3);
                frames += 3;
            }
        }
    }
    CHECK(frames > 0);
    CHECK(imgui_assert_count() == asserts_before);
}

TEST_CASE("dark theme, presenter mode and the embed view draw too") {
    Harness h;
    const int asserts_before = imgui_assert_count();
    apply_settings_json(h.session, R"({"theme":"dark","ui_scale":1.25})");
    h.frames(3);
    CHECK(parse(settings_json(h.session))["theme"] == "dark");
    apply_url_query(h.session, "presenter=1");
    h.frames(3);
    CHECK(permalink_query(h.session).find("presenter=1") != std::string::npos);
    for (const auto& size : {std::pair<float, float>{700, 450}, {390, 844}}) {
        h.size(size.first, size.second);
        apply_url_query(h.session, "view=embed&presenter=0&quote=q-wang-h100-50k");
        h.frames(3);
    }
    CHECK(permalink_query(h.session).find("view=embed") != std::string::npos);
    CHECK(imgui_assert_count() == asserts_before);
}

TEST_CASE("dragging the chip-count slider changes the results; clicking a claim span loads its scenario") {
    Harness h;
    const int asserts_before = imgui_assert_count();
    h.frames(3);
    float x = 0, y = 0, w = 0, hgt = 0;
    REQUIRE(h.rect("chips", x, y, w, hgt));
    CHECK(w > 0);
    const double days_before = parse(results_json(h.session))["outputs"]["training_days"]["central"].get<double>();
    h.mouse(x + w * 0.5f, y + hgt * 0.5f, false);
    h.mouse(x + w * 0.5f, y + hgt * 0.5f, true);
    h.mouse(x + w * 0.9f, y + hgt * 0.5f, true);
    h.mouse(x + w * 0.9f, y + hgt * 0.5f, false);
    const double chips_after = parse(state_json(h.session))["scenario"]["chips"].get<double>();
    const double days_after = parse(results_json(h.session))["outputs"]["training_days"]["central"].get<double>();
    CHECK(chips_after > 2048);
    CHECK(days_after < days_before);

    // Click the first claim span of another quote: its scenario is loaded and the quote selected.
    const nlohmann::json ids = parse(h.app.control_ids_json());
    std::string span_id;
    for (const auto& id : ids)
        if (id.get<std::string>().find("q-wang-h100-50k#0") == 0) span_id = id.get<std::string>();
    REQUIRE(!span_id.empty());
    REQUIRE(h.rect(span_id, x, y, w, hgt));
    h.mouse(x + 2, y + hgt * 0.5f, false);
    h.mouse(x + 2, y + hgt * 0.5f, true);
    h.mouse(x + 2, y + hgt * 0.5f, false);
    const nlohmann::json state = parse(state_json(h.session));
    CHECK(state["quote"] == "q-wang-h100-50k");
    CHECK(state["scenario"]["gpu"] == "h100");
    CHECK(imgui_assert_count() == asserts_before);
}

TEST_CASE("page bridge: state, results, quote selection") {
    Harness h;
    h.frames(2);
    const nlohmann::json state = parse(state_json(h.session));
    CHECK(state["language"] == "en");
    CHECK(state["scenario"]["gpu"] == "h800");
    CHECK(state["scenario"]["chips"] == 2048);
    const nlohmann::json results = parse(results_json(h.session));
    CHECK(results["status"] == "ok");
    const double cost = results["outputs"]["rental_cost_usd"]["central"].get<double>();
    CHECK(cost > 4e6);
    CHECK(cost < 7e6);
    CHECK(results["outputs"]["rental_cost_usd"]["unit"] == "USD");

    nlohmann::json reply =
        parse(apply_state_json(h.session, R"({"scenario":{"gpu":"h100","chips":50000},"language":"zh-Hant"})"));
    CHECK(reply["ok"] == true);
    CHECK(parse(state_json(h.session))["scenario"]["chips"] == 50000);
    CHECK(parse(state_json(h.session))["language"] == "zh-Hant");
    reply = parse(apply_state_json(h.session, R"({"chips":-5})"));
    CHECK(reply["ok"] == false);
    CHECK(!reply["notices"].empty());
    CHECK(parse(state_json(h.session))["scenario"]["chips"] == 50000); // unchanged
    reply = parse(apply_state_json(h.session, "not json"));
    CHECK(reply["ok"] == false);
    CHECK(h.session.select_quote("q-wang-h100-50k", true, true));
    CHECK(!h.session.select_quote("q-does-not-exist", true, true));
    CHECK(!accessible_summary(h.session).empty());
    h.frames(2);
}

TEST_CASE("permalinks round-trip; bad values become notices, never a crash") {
    Harness h;
    nlohmann::json reply = parse(apply_url_query(h.session, "gpu=h100&chips=4096&lang=zh-Hans&mfu=35%25"));
    CHECK(reply["ok"] == true);
    const std::string query = permalink_query(h.session);
    CHECK(query.find("gpu=h100") != std::string::npos);
    CHECK(query.find("chips=4096") != std::string::npos);
    CHECK(query.find("lang=zh-Hans") != std::string::npos);
    Harness other;
    apply_url_query(other.session, query);
    CHECK(parse(state_json(other.session))["scenario"] == parse(state_json(h.session))["scenario"]);

    reply = parse(apply_url_query(h.session, "chips=abc&gpu=tpu9&nonsense=1&lang=xx&view=sideways&quote=q-nope"));
    CHECK(reply["ok"] == false);
    CHECK(reply["notices"].size() >= 5);
    h.frames(3);                                                     // the notice bar draws
    reply = parse(apply_url_query(h.session, "experts_active=300")); // above experts_total: cross-key check
    CHECK(reply["ok"] == false);
    h.frames(2);
    for (const char* garbage : {"", "&&&", "=", "%", "%zz=1", "chips", "chips=1e400", "chips=1&chips=2"})
        apply_url_query(h.session, garbage);
    h.frames(2);
}

TEST_CASE("hooks: copy link, copy quote, embed popup, fullscreen, settings saved") {
    Harness h;
    const int asserts_before = imgui_assert_count();
    h.frames(3);
    float x = 0, y = 0, w = 0, hgt = 0;
    REQUIRE(h.rect("copy_link", x, y, w, hgt));
    h.mouse(x + w / 2, y + hgt / 2, false);
    h.mouse(x + w / 2, y + hgt / 2, true);
    h.mouse(x + w / 2, y + hgt / 2, false);
    CHECK(h.clipboard.find("https://example.org/chips/?") == 0);
    CHECK(h.app.wants_continuous_frames()); // the "Copied" confirmation times out by itself
    REQUIRE(h.rect("lang.zh-Hant", x, y, w, hgt));
    h.mouse(x + w / 2, y + hgt / 2, true);
    h.mouse(x + w / 2, y + hgt / 2, false);
    h.frames(1); // a picked language applies when the next frame starts (ui/app_state.h pending_language)
    CHECK(parse(h.saved_settings())["language"] == "zh-Hant");
    REQUIRE(h.rect("embed", x, y, w, hgt));
    h.mouse(x + w / 2, y + hgt / 2, true);
    h.mouse(x + w / 2, y + hgt / 2, false);
    h.frames(2);
    CHECK(imgui_assert_count() == asserts_before);
}

TEST_CASE("a quote selected from outside the list (link, selectQuote) is scrolled into view") {
    Harness h;
    h.size(1280, 800);
    h.frames(3);
    // The last quote of the last article sits far below the fold in the three-column layout.
    const nlohmann::json quotes = parse(test::content_texts().at("quotes.json"))["quotes"];
    const std::string last_id = quotes.back()["id"].get<std::string>();
    float x = 0, y = 0, w = 0, h_ = 0;
    REQUIRE(h.session.select_quote(last_id, true, true));
    h.frames(4); // the scroll request takes effect on the next frame
    REQUIRE(h.rect("quote:" + last_id, x, y, w, h_));
    CHECK(y >= 0.0f);
    CHECK(y < 800.0f);
    // The same through a permalink, after scrolling back to another quote.
    const std::string first_id = quotes.front()["id"].get<std::string>();
    parse(apply_url_query(h.session, "quote=" + first_id));
    h.frames(4);
    REQUIRE(h.rect("quote:" + first_id, x, y, w, h_));
    CHECK(y >= 0.0f);
    CHECK(y < 800.0f);
}

TEST_CASE("on a phone, a linked quote lands at the top of the list, not a few cards away") {
    // One column: the cards above the target had estimated heights until the scroll measured them; the list keeps
    // scrolling until the card stops moving.
    Harness h;
    h.size(390, 844);
    h.frames(3);
    const nlohmann::json quotes = parse(test::content_texts().at("quotes.json"))["quotes"];
    for (std::size_t i : {quotes.size() / 2, quotes.size() - 1}) {
        const std::string id = quotes[i]["id"].get<std::string>();
        CAPTURE(id);
        parse(apply_url_query(h.session, "quote=" + id));
        h.frames(15);
        float x = 0, y = 0, w = 0, h_ = 0;
        REQUIRE(h.rect("quote:" + id, x, y, w, h_));
        CHECK(y >= 0.0f);
        CHECK(y < 0.4f * 844.0f); // its top in the upper part of the screen, below the header
    }
}
