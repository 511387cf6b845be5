// tests/test_session.cpp — the session layer alone (no ImGui): a whole reader journey through its methods, the
// permalink round trip into a fresh session, the hostile corpus through the bridge functions, notice hygiene, and
// the one message per change the page receives.
#include "model/text/safe_text.h"
#include "native/file_io.h"
#include "session/page_bridge.h"
#include "session/page_sync.h"
#include "session/permalink.h"
#include "session/session.h"
#include "session/settings.h"
#include "session/summary.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <string>

using namespace chips;

namespace {

void load(Session& session) {
    ContentErrors errors;
    const bool loaded = session.load(read_json_files(CHIPS_CONTENT_DIR), errors);
    for (const ContentError& error : errors)
        MESSAGE(error.to_string());
    REQUIRE(loaded);
}

nlohmann::json parse(const std::string& text) {
    return nlohmann::json::parse(text);
}

// Every number in `value` is finite (nlohmann writes NaN and infinity as null).
void check_finite(const nlohmann::json& value, const std::string& path) {
    CHECK_MESSAGE(!value.is_null(), path);
    if (value.is_number_float()) CHECK_MESSAGE(std::isfinite(value.get<double>()), path);
    if (value.is_object())
        for (auto it = value.begin(); it != value.end(); ++it)
            check_finite(it.value(), path + "/" + it.key());
    if (value.is_array())
        for (std::size_t i = 0; i < value.size(); ++i)
            check_finite(value[i], path + "/" + std::to_string(i));
}

} // namespace

TEST_CASE("a reader's journey through the session API alone, and its link reproduces it in a fresh session") {
    Session session;
    load(session);
    // Opens on the headline claim (557万美元) with DeepSeek-V3 as reported.
    REQUIRE(!session.quotes().empty());
    CHECK(session.quotes()[session.selected_quote()].claims.front().claim->span.find("557") != std::string::npos);
    CHECK(session.scenario().gpu == "h800");
    CHECK(session.result().status == EstimateStatus::ok);
    const double v3_days = session.result().training_days.central;

    // More chips: the training takes fewer days, and the scenario revision moves.
    const auto scenario_revision = session.scenario_revision();
    CHECK(session.set_number("chips", 4096));
    CHECK(session.scenario().chips == 4096);
    CHECK(session.scenario_revision() > scenario_revision);
    CHECK(session.result().training_days.central < v3_days);

    // A GPU without FP8: precision falls back to BF16 with a notice (the same path as the chart's bars).
    REQUIRE(session.gpus().find("a100") != nullptr);
    REQUIRE(!session.gpus().find("a100")->has_fp8());
    CHECK(session.set_gpu("a100"));
    CHECK(session.scenario().precision == Precision::bf16);
    REQUIRE(session.notices().size() == 1);
    CHECK(session.notices().front().find("FP8") != std::string::npos);
    // Asking for FP8 on it is refused, and says why.
    CHECK_FALSE(session.set_precision(Precision::fp8));
    CHECK(session.scenario().precision == Precision::bf16);
    session.dismiss_notices();
    CHECK(session.notices().empty());

    // Experts: lowering the total below the chosen count pulls the chosen count down (one clamp, in the session).
    CHECK(session.set_number("experts_total", 4));
    CHECK(session.scenario().experts_active == 4);

    // A preset, a quote, a language.
    REQUIRE(session.presets().find("llama3.1-405b") != nullptr);
    CHECK(session.load_preset("llama3.1-405b"));
    CHECK(session.preset_id() == "llama3.1-405b");
    const int last_quote = static_cast<int>(session.quotes().size()) - 1;
    CHECK(session.select_quote(last_quote, /*load_first_claim=*/false, /*reveal=*/true));
    CHECK(session.set_number("chips", 12345));
    session.set_language(Lang::zh_hant);
    CHECK(session.set_currency(Currency::cny));

    // The link, decoded into a fresh session, gives the same state.
    const std::string query = permalink_query(session);
    CHECK(query.find("chips=12345") != std::string::npos);
    CHECK(query.find("lang=zh-Hant") != std::string::npos);
    Session fresh;
    load(fresh);
    const nlohmann::json reply = parse(apply_url_query(fresh, query));
    CHECK_MESSAGE(reply["ok"] == true, reply.dump());
    CHECK(parse(state_json(fresh)) == parse(state_json(session)));
    CHECK(permalink_query(fresh) == query);
    CHECK(results_json(fresh) == results_json(session));
    CHECK(accessible_summary(fresh) == accessible_summary(session));
}

TEST_CASE("set_number clamps to the key's range and refuses unknown keys and non-finite values") {
    Session session;
    load(session);
    CHECK(session.set_number("chips", 1e12));
    const ScenarioKeyInfo* chips_key = find_scenario_key("chips");
    REQUIRE(chips_key);
    CHECK(session.scenario().chips == chips_key->max);
    CHECK_FALSE(session.set_number("no_such_key", 1));
    CHECK_FALSE(session.set_number("chips", std::nan("")));
    CHECK_FALSE(session.set_number("chips", chips_key->max)); // unchanged: no revision, no recompute
}

TEST_CASE("a link to a GPU without FP8 gets BF16, as the GPU menu does") {
    Session session;
    load(session);
    const nlohmann::json reply = parse(apply_url_query(session, "gpu=v100&chips=1024"));
    CHECK_MESSAGE(reply["ok"] == true, reply.dump());
    CHECK(session.scenario().gpu == "v100");
    CHECK(session.scenario().precision == Precision::bf16);
}

TEST_CASE("setState takes a preset, then the payload's own keys on top") {
    Session session;
    load(session);
    const nlohmann::json reply = parse(apply_state_json(session, R"({"preset":"llama3.1-405b","chips":8192})"));
    CHECK_MESSAGE(reply["ok"] == true, reply.dump());
    CHECK(session.preset_id() == "llama3.1-405b");
    CHECK(session.scenario().chips == 8192);
    CHECK(parse(apply_state_json(session, R"({"preset":"nope"})"))["ok"] == false);
    // getState → setState changes nothing and reports nothing.
    const std::string before = state_json(session);
    CHECK(parse(apply_state_json(session, before))["ok"] == true);
    CHECK(state_json(session) == before);
}

TEST_CASE("notices: one printable line each, no bidi or control characters, capped and counted") {
    Session session;
    load(session);
    const std::string spoof = "lang=%E2%80%AE.sdrow%20ruoy%20ni%20knil&quote=%0A%0A%E2%9A%A0%20Official%20correction";
    const nlohmann::json reply = parse(apply_url_query(session, spoof));
    CHECK(reply["ok"] == false);
    for (const std::string& notice : session.notices()) {
        CHECK(notice.find('\n') == std::string::npos);
        CHECK(notice.find("\xE2\x80\xAE") == std::string::npos); // U+202E RIGHT-TO-LEFT OVERRIDE
        CHECK(notice.size() <= 303);
    }
    // Thousands of unknown keys: at most kMaxNotices lines and one that counts the rest.
    std::string many;
    for (int i = 0; i < 2000; ++i)
        many += "k" + std::to_string(i) + "=1&";
    session.dismiss_notices();
    const nlohmann::json many_reply = parse(apply_url_query(session, many));
    CHECK(many_reply["notices"].size() == Session::kMaxNotices + 1);
    CHECK(session.notices().size() == Session::kMaxNotices + 1);
    CHECK(session.notices().back().find("1996") != std::string::npos); // 2000 − 4 shown
    // A value far past the limit changes nothing and gets one notice.
    session.dismiss_notices();
    const std::string before = state_json(session);
    const nlohmann::json huge = parse(apply_url_query(session, "quote=" + std::string(kMaxQueryBytes + 1, 'A')));
    CHECK(huge["ok"] == false);
    CHECK(huge["notices"].size() == 1);
    CHECK(state_json(session) == before);
    const nlohmann::json huge_state = parse(apply_state_json(session, std::string(kMaxBridgeBytes + 1, ' ')));
    CHECK(huge_state["notices"].size() == 1);
}

TEST_CASE("saved settings: a tour step past the tour (or 2^32 + 1) is ignored, not wrapped") {
    Session session;
    load(session);
    REQUIRE(!session.tour().steps.empty());
    apply_settings_json(session, R"({"tour":{"mode":"free_play","step":4294967297,"resume_step":4294967297}})");
    CHECK(session.tour_nav().mode() == TourMode::not_started);
    apply_settings_json(session, R"({"tour":{"mode":"free_play","step":2,"resume_step":2}})");
    CHECK(session.tour_nav().mode() == TourMode::free_play);
    CHECK(session.tour_nav().resume_step() == 2);
}

TEST_CASE("the page hears of a change once: the message changes exactly when the reader's state does") {
    Session session;
    load(session);
    const PageMessage first = page_message(session);
    CHECK(first.language == "en");
    CHECK(first.tour_step == -1);
    CHECK(page_message(session) == first);
    session.set_language(Lang::zh_hant);
    const PageMessage second = page_message(session);
    CHECK(second != first);
    CHECK(second.needs_traditional);
    CHECK(second.query.find("lang=zh-Hant") != std::string::npos);
    CHECK(parse(second.settings)["language"] == "zh-Hant");
    CHECK(parse(second.to_json())["summary"] == accessible_summary(session));
    // The summary names the selected claim's verdict, so a screen reader hears it change.
    CHECK(second.summary.find("557") != std::string::npos);
}

TEST_CASE("the hostile corpus through the session's bridge: no exception escapes, state stays valid and finite") {
    // The corpus holds lone UTF-16 surrogates (valid in JavaScript strings, refused by nlohmann/json): read as U+FFFD.
    std::string text = read_file_or_empty(std::string(CHIPS_FIXTURES_DIR) + "/../hostile/corpus.json");
    for (std::size_t at = text.find("\\ud"); at != std::string::npos; at = text.find("\\ud", at + 1))
        if (at + 5 < text.size() && std::string("89abcdefABCDEF").find(text[at + 3]) != std::string::npos)
            text.replace(at, 6, "\\ufffd");
    const nlohmann::json corpus = parse(text);
    REQUIRE(corpus.contains("cases"));
    Session session;
    load(session);
    int checked = 0;
    for (const nlohmann::json& item : corpus["cases"]) {
        const std::string kind = item["kind"];
        if (kind != "setState" && kind != "permalink") continue;
        INFO(item["id"].get<std::string>() << ": " << item["note"].get<std::string>());
        const std::string payload = kind == "setState" ? item["payload"] : item["query"];
        const nlohmann::json reply =
            parse(kind == "setState" ? apply_state_json(session, payload) : apply_url_query(session, payload));
        CHECK(reply["ok"].is_boolean());
        if (reply["ok"] == false) CHECK(!reply["notices"].empty());
        for (const auto& notice : reply["notices"])
            CHECK(printable_line(notice.get<std::string>(), 1000) == notice.get<std::string>());
        const nlohmann::json state = parse(state_json(session));
        CHECK(parse(apply_state_json(session, nlohmann::json{{"scenario", state["scenario"]}}.dump()))["ok"] == true);
        check_finite(parse(results_json(session)), "results");
        ++checked;
    }
    CHECK(checked >= 200);
}

TEST_CASE("the Embed snippet: embed.html for the selected claim, sized, lazy, titled, escaped") {
    Session session;
    load(session);
    const int quote = session.find_quote("q-dsv3-compute-1-10-speed-2x");
    REQUIRE(quote >= 0);
    session.load_claim(quote, 1); // "2倍"
    session.set_language(Lang::zh_hant);
    const std::string snippet = embed_snippet(session, "https://example.org/chips/");
    CHECK(snippet.rfind(
              "<iframe src=\"https://example.org/chips/embed.html?quote=q-dsv3-compute-1-10-speed-2x&amp;claim=1"
              "&amp;lang=zh-Hant\"",
              0) == 0);
    CHECK(snippet.find("width=\"700\" height=\"450\"") != std::string::npos);
    CHECK(snippet.find("loading=\"lazy\"") != std::string::npos);
    CHECK(snippet.find("\xE2\x80\x9C"
                       "2\xE5\x80\x8D"
                       "\xE2\x80\x9D") != std::string::npos); // “2倍” in the title
    // A page address with markup in it cannot open a tag or close the attribute.
    const std::string hostile = embed_snippet(session, "https://x/\"><script>alert(1)</script>/");
    CHECK(hostile.find("<script>") == std::string::npos);
    CHECK(hostile.find("&quot;&gt;&lt;script&gt;") != std::string::npos);
    // The link to the same claim selects it again.
    Session fresh;
    load(fresh);
    CHECK(parse(apply_url_query(fresh, permalink_query(session)))["ok"] == true);
    CHECK(fresh.selected_quote() == quote);
    CHECK(fresh.selected_claim() == 1);
    CHECK(parse(apply_url_query(fresh, "quote=q-dsv3-compute-1-10-speed-2x&claim=9"))["ok"] == false);
}

TEST_CASE("getResults names every claim's verdict, its live verdict and a reason; the live one follows the price") {
    Session session;
    load(session);
    const nlohmann::json claims = parse(results_json(session))["claims"];
    REQUIRE(claims.size() >= 60);
    const nlohmann::json* headline = nullptr;
    for (const nlohmann::json& claim : claims) {
        CHECK(!claim["reason"].get<std::string>().empty());
        if (claim["quote"] == "q-dsv3-cost-557-h800") headline = &claim;
    }
    REQUIRE(headline != nullptr);
    const std::string published = (*headline)["verdict"];
    CHECK((*headline)["verdict_live"] == published); // nothing changed yet
    // At $20 per GPU-hour DeepSeek's $5.58M is far below what the run would cost: the live verdict turns.
    CHECK(session.set_number("usd_per_gpu_hour", 20));
    for (const nlohmann::json& claim : parse(results_json(session))["claims"])
        if (claim["quote"] == "q-dsv3-cost-557-h800") {
            CHECK(claim["verdict"] == published);
            CHECK(claim["verdict_live"] == "understated");
        }
    // The reason is in the reader's language.
    session.set_language(Lang::zh_hans);
    const std::string reason = session.claim_reason(session.find_quote("q-dsv3-cost-557-h800"), 0);
    CHECK(reason.find("\xE7\xBE\x8E\xE5\x85\x83") != std::string::npos); // 美元
}
