// tests/test_tour.cpp — the guided tour (content/tour.json, model/content/tour.h) and the currency file
// (content/currency.json, model/content/currency.h): the shipped files load and validate, every broken fixture in
// tests/fixtures/journeys/ is reported at its JSON pointer, the numbers each step states match what the model
// computes for the step's scenario, and the navigator walks, skips, resumes and links the way the overlay needs.
#include "model/content/content_validate.h"
#include "model/content/currency.h"
#include "model/content/strings.h"
#include "model/content/tour.h"
#include "model/engine/estimate.h"
#include "model/text/formatter.h"
#include "model/text/number_format.h"
#include "session/tour_text.h"
#include "test_model_support.h"

#include <cmath>
#include <doctest/doctest.h>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

namespace {

const std::string kJourneyFixtures = std::string(CHIPS_FIXTURES_DIR) + "/journeys/";

std::string read_fixture(const std::string& name) {
    std::ifstream stream(kJourneyFixtures + name, std::ios::binary);
    REQUIRE_MESSAGE(stream.good(), "cannot open fixture " << name);
    std::ostringstream buffer;
    buffer << stream.rdbuf();
    return buffer.str();
}

// The shipped content, with one file optionally replaced by a fixture.
std::map<std::string, std::string> content_files(const std::string& replace_base = "", const std::string& text = "") {
    std::map<std::string, std::string> files;
    for (const char* name : {"gpus.json", "presets.json", "quotes.json", "strings.json", "tour.json", "currency.json"})
        files[std::string("content/") + name] = chips::test::read_content_file(name);
    if (!replace_base.empty()) files["content/" + replace_base] = text;
    return files;
}

bool has_error(const chips::ContentErrors& errors, const std::string& source, const std::string& pointer,
               const std::string& message_part) {
    for (const chips::ContentError& error : errors)
        if (error.source == source && error.pointer == pointer && error.message.find(message_part) != std::string::npos)
            return true;
    return false;
}

const chips::Tour& shipped_tour() {
    static const chips::Tour tour = [] {
        chips::Tour loaded;
        chips::ContentErrors errors;
        chips::load_tour(chips::test::read_content_file("tour.json"), "content/tour.json", loaded, errors);
        CHECK_MESSAGE(errors.empty(), chips::test::joined(errors));
        return loaded;
    }();
    return tour;
}

chips::Estimate run_step(const std::string& id) {
    const chips::Tour& tour = shipped_tour();
    const int index = tour.find(id);
    REQUIRE_MESSAGE(index >= 0, "missing tour step " << id);
    chips::Scenario scenario;
    chips::ContentErrors errors;
    REQUIRE_MESSAGE(chips::build_tour_scenario(tour, static_cast<std::size_t>(index), chips::test::presets(),
                                               chips::test::catalog(), scenario, errors),
                    chips::test::joined(errors));
    return chips::test::run(scenario);
}

const chips::TourStep& step(const std::string& id) {
    const int index = shipped_tour().find(id);
    REQUIRE(index >= 0);
    return shipped_tour().steps[static_cast<std::size_t>(index)];
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

} // namespace

// ---------------------------------------------------------------------------------------------------------------------
TEST_CASE("the shipped tour: seven steps in the issue's order, each pointing at one control") {
    const chips::Tour& tour = shipped_tour();
    REQUIRE(tour.steps.size() == 7);
    const char* ids[] = {"headline", "gpu-hours", "chips-vs-days", "h800-vs-h100", "experts", "h100-50k", "api-prices"};
    const char* controls[] = {"quote", "usd_per_gpu_hour", "chips", "overlap", "experts_active",
                              "chips", "inference_batch"};
    for (std::size_t i = 0; i < tour.steps.size(); ++i) {
        CAPTURE(i);
        CHECK(tour.steps[i].id == ids[i]);
        CHECK(tour.steps[i].control == controls[i]);
        CHECK(chips::tour_control_kind(tour.steps[i].control) != chips::TourControlKind::invalid);
        for (const std::string* text :
             {&tour.steps[i].body.en, &tour.steps[i].body.zh_hans, &tour.steps[i].body.zh_hant})
            CHECK_MESSAGE(text->size() < 420, "a step is one or two sentences: " << *text);
    }
    CHECK(step("headline").quote == "q-dsv3-cost-557-h800");
    CHECK(step("h100-50k").quote == "q-semianalysis-50k-1.4b");
    CHECK(step("api-prices").quote == "q-r1-api-prices");
    CHECK(step("gpu-hours").quote.empty());
}

TEST_CASE("the shipped content validates with the tour and currency files, and they are checked") {
    chips::ContentSummary summary;
    const chips::ContentErrors errors = chips::validate_all(content_files(), &summary);
    CHECK_MESSAGE(errors.empty(), chips::test::joined(errors));
    // Not vacuous: a broken tour in the same set is reported.
    const chips::ContentErrors broken =
        chips::validate_all(content_files("tour.json", read_fixture("tour_unknown_preset.json")));
    CHECK(has_error(broken, "content/tour.json", "/steps/2/scenario/preset", "unknown preset id 'deepseek-v4'"));
}

TEST_CASE("the tour's strings exist in all three languages") {
    chips::StringTable strings;
    chips::ContentErrors errors;
    chips::load_strings(chips::test::read_content_file("strings.json"), "content/strings.json", strings, errors);
    for (const std::string& key : chips::tour_string_keys()) {
        CAPTURE(key);
        CHECK(strings.has(key));
    }
    CHECK(std::string(strings.tr("tour.step_of", chips::Lang::zh_hans)) == "第 {step} 步，共 {total} 步");
}

// The numbers each step states come from placeholders filled by the app's formatter (session/tour_text.h), so they are
// what the results cards show for the step's scenario. These check that the placeholders name what each sentence
// talks about, and that the statements around them still hold for the model.
namespace {
chips::Scenario step_scenario(const std::string& id) {
    chips::Scenario scenario;
    chips::ContentErrors errors;
    REQUIRE(chips::build_tour_scenario(shipped_tour(), static_cast<std::size_t>(shipped_tour().find(id)),
                                       chips::test::presets(), chips::test::catalog(), scenario, errors));
    return scenario;
}
chips::Formatter formatter(chips::Lang lang) {
    return chips::Formatter(chips::test::bundle().strings, lang,
                            chips::number_style(lang, chips::Currency::usd, chips::test::bundle().rate));
}
// The step's text as the tour card shows it in `lang`; fails on a placeholder the filler cannot read.
std::string rendered(const std::string& id, chips::Lang lang) {
    const chips::TourStep& s = step(id);
    const std::string& text = lang == chips::Lang::en        ? s.body.en
                              : lang == chips::Lang::zh_hans ? s.body.zh_hans
                                                             : s.body.zh_hant;
    std::string error;
    const std::string out =
        chips::fill_tour_numbers(text, step_scenario(id), chips::test::catalog(), formatter(lang), &error);
    CHECK_MESSAGE(error.empty(), id << ": " << error);
    return out;
}
std::string days(double value, chips::Lang lang = chips::Lang::en) {
    return formatter(lang).format(value, chips::Quantity::days);
}
} // namespace

TEST_CASE("every step's text fills every placeholder in every language") {
    for (const chips::TourStep& s : shipped_tour().steps)
        for (chips::Lang lang : {chips::Lang::en, chips::Lang::zh_hans, chips::Lang::zh_hant}) {
            const std::string text = rendered(s.id, lang);
            CHECK_MESSAGE(text.find('{') == std::string::npos, s.id << ": " << text);
        }
    std::string error;
    chips::fill_tour_numbers("{training_weeks} {training_days@chips=many}", chips::test::preset("deepseek-v3"),
                             chips::test::catalog(), formatter(chips::Lang::en), &error);
    CHECK(contains(error, "training_weeks"));
}

TEST_CASE("step numbers match the model: headline and GPU-hours") {
    const chips::Estimate v3 = run_step("headline");
    chips::NumberStyle en;
    chips::NumberStyle hans;
    hans.lang = chips::Lang::zh_hans;
    chips::NumberStyle hant;
    hant.lang = chips::Lang::zh_hant;
    const chips::Range cost = v3.rental_cost_usd;
    CHECK(cost.contains(chips::deepseek_v3_reported_cost_usd)); // the step says DeepSeek's figure fits
    CHECK(contains(rendered("headline", chips::Lang::en), chips::format_money(cost.central, en)));
    CHECK(contains(rendered("headline", chips::Lang::en), chips::format_money_range(cost.low, cost.high, en)));
    CHECK(contains(rendered("headline", chips::Lang::zh_hans), chips::format_money(cost.central, hans)));
    CHECK(contains(rendered("headline", chips::Lang::zh_hant), chips::format_money_range(cost.low, cost.high, hant)));

    // The GPU-hour step states the report's own arithmetic: 2,788K hours / 2,048 GPUs / 24 = 56.7 days, x $2.
    CHECK(contains(step("gpu-hours").body.en,
                   std::to_string(std::lround(chips::deepseek_v3_reported_gpu_hours / 2048 / 24))));
    CHECK(contains(step("gpu-hours").body.zh_hans,
                   chips::format_count(chips::deepseek_v3_reported_gpu_hours, chips::Lang::zh_hans)));
    CHECK(contains(step("gpu-hours").body.zh_hans, chips::format_money(chips::deepseek_v3_reported_cost_usd, hans)));
    CHECK(run_step("gpu-hours").gpu_hours.contains(chips::deepseek_v3_reported_gpu_hours));
}

TEST_CASE("step numbers match the model: chips versus days") {
    const chips::Estimate single = run_step("headline");
    const chips::Estimate doubled = run_step("chips-vs-days");
    CHECK(doubled.training_days.central < 0.55 * single.training_days.central);
    CHECK(doubled.gpu_hours.central == doctest::Approx(single.gpu_hours.central).epsilon(0.02));
    CHECK(
        contains(rendered("chips-vs-days", chips::Lang::en),
                 "about " + days(doubled.training_days.central) + " instead of " + days(single.training_days.central)));
    CHECK(contains(rendered("chips-vs-days", chips::Lang::en),
                   chips::format_money(doubled.rental_cost_usd.central, chips::NumberStyle{})));
    CHECK(contains(rendered("chips-vs-days", chips::Lang::zh_hans),
                   days(doubled.training_days.central, chips::Lang::zh_hans)));
}

TEST_CASE("step numbers match the model: H800 versus H100 without overlap, as the card writes them") {
    const chips::Estimate h800 = run_step("h800-vs-h100");
    chips::Scenario h100 = chips::test::preset("deepseek-v3");
    h100.overlap = 0;
    h100.gpu = "h100";
    const double h100_days = chips::test::run(h100).training_days.central;
    CHECK(h800.training_days.central > h100_days);
    // The same words as the training-time card (ui/panel_results.cpp: the formatter with the output's unit), never
    // "76 days" beside a card that says "2.5 months".
    const chips::Quantity card_kind = chips::quantity_for_unit(chips::find_output("training_days")->unit);
    const std::string card = formatter(chips::Lang::en).format(h800.training_days.central, card_kind);
    CHECK(contains(rendered("h800-vs-h100", chips::Lang::en), "about " + card + " (" + days(h100_days) + " on H100)"));
    CHECK(contains(rendered("h800-vs-h100", chips::Lang::en),
                   "back to " + days(run_step("headline").training_days.central)));
    CHECK(contains(rendered("h800-vs-h100", chips::Lang::zh_hant),
                   days(h800.training_days.central, chips::Lang::zh_hant)));
    CHECK(chips::test::gpu("h800").scale_up_gbps == 400);
    CHECK(chips::test::gpu("h100").scale_up_gbps == 900);
}

TEST_CASE("step numbers match the model: experts") {
    const chips::Estimate v3 = run_step("experts");
    CHECK(v3.total_params.central == doctest::Approx(671e9).epsilon(0.002));
    CHECK(v3.active_params.central == doctest::Approx(37e9).epsilon(0.02));
    CHECK(v3.active_fraction.central == doctest::Approx(0.056).epsilon(0.01));
    CHECK(1.0 / v3.compute_vs_dense.central == doctest::Approx(18).epsilon(0.02));
    chips::Scenario sixteen = chips::test::preset("deepseek-v3");
    sixteen.experts_active = 16;
    const double cost = chips::test::run(sixteen).rental_cost_usd.central;
    CHECK(contains(rendered("experts", chips::Lang::en), chips::format_money(cost, chips::NumberStyle{})));
}

TEST_CASE("step numbers match the model: the 50,000 H100 cluster") {
    const chips::Estimate big = run_step("h100-50k");
    CHECK(big.cluster_purchase_usd.central == doctest::Approx(1.5e9));
    CHECK(contains(rendered("h100-50k", chips::Lang::en), "about " + days(big.training_days.central)));
    chips::Scenario small = chips::test::preset("h100-50k-claim");
    small.chips = 2048;
    const double purchase = chips::test::run(small).cluster_purchase_usd.central;
    chips::NumberStyle hans;
    hans.lang = chips::Lang::zh_hans;
    CHECK(contains(rendered("h100-50k", chips::Lang::en), chips::format_money(purchase, chips::NumberStyle{})));
    CHECK(contains(rendered("h100-50k", chips::Lang::zh_hans), chips::format_money(purchase, hans)));
}

TEST_CASE("step numbers match the model: serving cost per million tokens") {
    const chips::Estimate v3 = run_step("api-prices");
    const chips::Formatter en = formatter(chips::Lang::en);
    CHECK(contains(rendered("api-prices", chips::Lang::en),
                   "about " + en.format(v3.inference_usd_per_million_tokens.central, chips::Quantity::usd_per_mtok)));
    chips::Scenario small_batch = chips::test::preset("deepseek-v3");
    small_batch.inference_batch = 32;
    const double cost = chips::test::run(small_batch).inference_usd_per_million_tokens.central;
    CHECK(contains(rendered("api-prices", chips::Lang::en), en.format(cost, chips::Quantity::usd_per_mtok)));
}

// ---------------------------------------------------------------------------------------------------------------------
struct BrokenJourneyCase {
    const char* fixture;      // file under tests/fixtures/journeys/
    const char* replaces;     // content file it stands in for
    const char* pointer;      // where the error must be reported
    const char* message_part; // a fragment the message must contain
};

const BrokenJourneyCase kBrokenJourneyCases[] = {
    {"tour_unknown_preset.json", "tour.json", "/steps/2/scenario/preset", "unknown preset id"},
    {"tour_unknown_quote.json", "tour.json", "/steps/0/quote", "unknown quote id 'q-does-not-exist'"},
    {"tour_unknown_control.json", "tour.json", "/steps/1/control", "unknown control 'chip_count'"},
    {"tour_unknown_result_control.json", "tour.json", "/steps/1/control", "unknown control 'result.training_weeks'"},
    {"tour_quote_control_without_quote.json", "tour.json", "/steps/1/control", "needs the step's \"quote\""},
    {"tour_missing_translation.json", "tour.json", "/steps/3/body/zh-Hant", "missing translation"},
    {"tour_empty_title.json", "tour.json", "/steps/4/title/en", "must not be empty"},
    {"tour_duplicate_id.json", "tour.json", "/steps/5/id", "duplicate step id 'headline'"},
    {"tour_bad_id.json", "tour.json", "/steps/5/id", "lower-case"},
    {"tour_too_few_steps.json", "tour.json", "/steps", "6 to 8 steps, got 5"},
    {"tour_override_out_of_range.json", "tour.json", "/steps/2/scenario/overrides/chips", "out of range"},
    {"tour_unknown_scenario_key.json", "tour.json", "/steps/2/scenario/overrides/chip_count", "unknown scenario key"},
    {"tour_unknown_field.json", "tour.json", "/steps/0/contorl", "unknown field"},
    {"tour_missing_control.json", "tour.json", "/steps/0/control", "missing field"},
    {"tour_invalid_json.json", "tour.json", "", "invalid JSON"},
    {"currency_inverted_rate.json", "currency.json", "/usd_to_cny/rate", "between 1 and 20"},
    {"currency_rate_not_number.json", "currency.json", "/usd_to_cny/rate", "expected a number"},
    {"currency_bad_date.json", "currency.json", "/usd_to_cny/date", "YYYY-MM"},
    {"currency_no_sources.json", "currency.json", "/usd_to_cny/sources", "at least one source"},
    {"currency_http_url.json", "currency.json", "/usd_to_cny/sources/0/url", "https://"},
    {"currency_missing_basis_translation.json", "currency.json", "/usd_to_cny/basis/zh-Hans", "missing translation"},
    {"currency_unknown_field.json", "currency.json", "/usd_to_cny/rates", "unknown field"},
};

TEST_CASE("the valid journey fixture passes, so each broken one fails for its one defect") {
    const chips::ContentErrors errors =
        chips::validate_all(content_files("tour.json", read_fixture("tour_valid.json")));
    CHECK_MESSAGE(errors.empty(), chips::test::joined(errors));
}

TEST_CASE("each broken tour or currency fixture is reported with its file and JSON pointer") {
    for (const BrokenJourneyCase& broken : kBrokenJourneyCases) {
        const std::string fixture = broken.fixture;
        CAPTURE(fixture);
        const chips::ContentErrors errors =
            chips::validate_all(content_files(broken.replaces, read_fixture(broken.fixture)));
        CHECK_MESSAGE(has_error(errors, std::string("content/") + broken.replaces, broken.pointer, broken.message_part),
                      chips::test::joined(errors));
    }
}

TEST_CASE("load_tour alone rejects a broken file and keeps the caller's tour") {
    chips::Tour tour;
    tour.steps.resize(1);
    chips::ContentErrors errors;
    CHECK_FALSE(chips::load_tour(read_fixture("tour_invalid_json.json"), "tour.json", tour, errors));
    CHECK(tour.steps.size() == 1);
    errors.clear();
    CHECK(chips::load_tour(read_fixture("tour_valid.json"), "tour.json", tour, errors));
    CHECK(tour.steps.size() == 6);
}

// ---------------------------------------------------------------------------------------------------------------------
TEST_CASE("the shipped currency rate: a dated, cited USD→CNY figure") {
    chips::CurrencyRate rate;
    chips::ContentErrors errors;
    REQUIRE_MESSAGE(
        chips::load_currency(chips::test::read_content_file("currency.json"), "content/currency.json", rate, errors),
        chips::test::joined(errors));
    CHECK(rate.cny_per_usd == doctest::Approx(7.2957));
    CHECK(rate.date == "2025-01");
    REQUIRE(!rate.sources.empty());
    CHECK(rate.sources[0].url.rfind("https://", 0) == 0);
    CHECK(contains(rate.sources[0].publisher, "Federal Reserve"));
    CHECK(!rate.basis.zh_hant.empty());
}

TEST_CASE("currency codes") {
    chips::Currency currency = chips::Currency::usd;
    CHECK(chips::currency_from_code("cny", currency));
    CHECK(currency == chips::Currency::cny);
    CHECK(chips::currency_from_code("RMB", currency));
    CHECK(chips::currency_from_code("USD", currency));
    CHECK(currency == chips::Currency::usd);
    CHECK_FALSE(chips::currency_from_code("EUR", currency));
    CHECK(std::string(chips::currency_code(chips::Currency::cny)) == "CNY");
}

// ---------------------------------------------------------------------------------------------------------------------
TEST_CASE("navigator: start, walk with next/previous, and land in free play after the last step") {
    chips::TourNavigator tour(7);
    CHECK(tour.mode() == chips::TourMode::not_started);
    CHECK_FALSE(tour.apply(chips::TourCommand::next)); // arrows do nothing before the tour starts
    CHECK(tour.apply(chips::TourCommand::restart));
    CHECK(tour.mode() == chips::TourMode::touring);
    CHECK(tour.step() == 0);
    CHECK_FALSE(tour.apply(chips::TourCommand::previous)); // nothing before step 1
    for (std::size_t expected = 1; expected < 7; ++expected) {
        CHECK(tour.apply(chips::TourCommand::next));
        CHECK(tour.step() == expected);
    }
    CHECK(tour.apply(chips::TourCommand::previous));
    CHECK(tour.step() == 5);
    CHECK(tour.apply(chips::TourCommand::next));
    CHECK(tour.apply(chips::TourCommand::next)); // past the last step
    CHECK(tour.mode() == chips::TourMode::free_play);
    CHECK(tour.finished());
    CHECK_FALSE(tour.apply(chips::TourCommand::next)); // free play keeps the arrow keys for the page
    CHECK(tour.apply(chips::TourCommand::resume));     // a finished tour resumes from the start
    CHECK(tour.step() == 0);
}

TEST_CASE("navigator: skip remembers the step, resume returns to it, restore clamps saved values") {
    chips::TourNavigator tour(7);
    tour.apply(chips::TourCommand::restart);
    tour.apply(chips::TourCommand::next);
    tour.apply(chips::TourCommand::next);
    CHECK(tour.apply(chips::TourCommand::skip));
    CHECK(tour.mode() == chips::TourMode::free_play);
    CHECK_FALSE(tour.finished());
    CHECK(tour.resume_step() == 2);
    CHECK_FALSE(tour.apply(chips::TourCommand::skip));
    CHECK(tour.apply(chips::TourCommand::resume));
    CHECK(tour.mode() == chips::TourMode::touring);
    CHECK(tour.step() == 2);

    chips::TourNavigator restored(7);
    restored.restore(chips::TourMode::free_play, 99, 4);
    CHECK(restored.step() == 6);
    CHECK(restored.resume_step() == 4);
    restored.apply(chips::TourCommand::resume);
    CHECK(restored.step() == 4);

    chips::TourNavigator empty(0);
    CHECK_FALSE(empty.apply(chips::TourCommand::restart));
    CHECK_FALSE(empty.go_to(0));
}

TEST_CASE("permalinks name a step by id or by number") {
    const chips::Tour& tour = shipped_tour();
    CHECK(chips::tour_permalink_value(tour, 2) == "chips-vs-days");
    CHECK(chips::tour_permalink_value(tour, 99).empty());
    std::size_t index = 42;
    CHECK(chips::tour_step_from_permalink(tour, "h800-vs-h100", index));
    CHECK(index == 3);
    CHECK(chips::tour_step_from_permalink(tour, "7", index));
    CHECK(index == 6);
    index = 42;
    for (const char* bad : {"0", "8", "", "-1", "chips", "1e0", "0003x"}) {
        CAPTURE(bad);
        CHECK_FALSE(chips::tour_step_from_permalink(tour, bad, index));
        CHECK(index == 42);
    }
    chips::TourNavigator navigator(tour.steps.size());
    CHECK(navigator.go_to(5));
    CHECK(navigator.mode() == chips::TourMode::touring);
    CHECK(navigator.step() == 5);
    CHECK_FALSE(navigator.go_to(7));
}
