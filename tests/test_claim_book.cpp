// tests/test_claim_book.cpp — the claim book the page, getResults() and the ledger read (model/content/claim_book.h):
// the live verdict under the reader's assumptions equals the full quote check with those assumptions, costs no
// allocation, moves when the price slider moves, and the JSON has the shape docs/contract.md promises.
#include "model/content/claim_book.h"
#include "model/output/export.h"
#include "test_model_support.h"

#include <cstdlib>
#include <new>
#include <random>
#include <set>

using namespace chips;
using chips::test::bundle;

// Counts heap allocations while `counting` is set: recheck() promises none. Replaces the global operator new for
// the whole test binary (it only counts inside the window below).
namespace {
bool counting = false;
std::size_t allocations = 0;
} // namespace

void* operator new(std::size_t size) {
    if (counting) ++allocations;
    if (void* memory = std::malloc(size ? size : 1)) return memory;
    throw std::bad_alloc();
}
void operator delete(void* memory) noexcept {
    std::free(memory);
}
void operator delete(void* memory, std::size_t) noexcept {
    std::free(memory);
}

namespace {

const ClaimBook& book() {
    static ClaimBook built = [] {
        ClaimBook result;
        result.build(bundle().quotes, bundle().presets, bundle().gpus);
        return result;
    }();
    return built;
}

std::size_t headline() {
    for (std::size_t i = 0; i < book().size(); ++i)
        if (book().quote(i).id == "q-dsv3-cost-557-h800") return i;
    FAIL("headline claim missing");
    return 0;
}

} // namespace

TEST_CASE("claim book: one entry per claim, in quote order, each with the quote check's verdict") {
    static_assert(sizeof(std::uint64_t) * 8 >= 48, "key bits");
    std::size_t key_count = 0;
    scenario_keys(key_count);
    REQUIRE(key_count <= 64); // the book tracks keys in a 64-bit mask
    CHECK(book().size() == bundle().quotes.claim_count());
    for (std::size_t i = 0; i < book().size(); ++i) {
        const QuoteClaimCheck direct = check_quote_claim(book().claim(i), bundle().presets, bundle().gpus);
        CHECK(book().entry(i).published_comparison.verdict == direct.check.verdict);
    }
}

TEST_CASE("live verdicts: the reader's preset unchanged gives the published verdict") {
    const Scenario base = chips::test::preset("deepseek-v3");
    for (std::size_t i = 0; i < book().size(); ++i) {
        const ClaimComparison live = book().recheck(i, base, base);
        CHECK(live.verdict == book().entry(i).published_comparison.verdict);
        CHECK(live.model.central == doctest::Approx(book().entry(i).published_comparison.model.central));
    }
}

TEST_CASE("live verdicts equal the full quote check under the same assumptions") {
    std::mt19937_64 random(2025);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    const Scenario base = chips::test::preset("deepseek-v3");
    int changed_verdicts = 0;
    for (int trial = 0; trial < 60; ++trial) {
        Scenario reader = base;
        const std::pair<const char*, double> moves[] = {{"usd_per_gpu_hour", 0.5 + 8 * unit(random)},
                                                        {"mfu", 0.05 + 0.5 * unit(random)},
                                                        {"restart_minutes", 90 * unit(random)},
                                                        {"checkpoint_write_minutes", 0.01 + 5 * unit(random)},
                                                        {"inference_batch", std::round(1 + 3000 * unit(random))}};
        for (const auto& [key, value] : moves)
            if (unit(random) < 0.5)
                REQUIRE_FALSE(apply_scenario_value(reader, key, std::to_string(value), "test", bundle().gpus));
        const ScenarioOverrides assumptions = assumptions_from(reader, base);
        for (std::size_t i = 0; i < book().size(); ++i) {
            CAPTURE(book().quote(i).id);
            const ClaimComparison live = book().recheck(i, reader, base);
            const QuoteClaimCheck full =
                check_quote_claim(book().claim(i), bundle().presets, bundle().gpus, assumptions);
            CHECK(live.verdict == full.check.verdict);
            if (full.check.problem == ClaimProblem::none)
                CHECK(live.model.central == doctest::Approx(full.check.model.central).epsilon(1e-9));
            changed_verdicts += live.verdict != book().entry(i).published_comparison.verdict ? 1 : 0;
        }
    }
    CHECK(changed_verdicts > 0); // the assumptions do move verdicts
}

TEST_CASE("live verdicts: moving the price slider changes the 557万美元 card") {
    const Scenario base = chips::test::preset("deepseek-v3");
    Scenario reader = base;
    const std::size_t index = headline();
    CHECK(book().recheck(index, reader, base).verdict == Verdict::consistent);
    REQUIRE_FALSE(apply_scenario_value(reader, "usd_per_gpu_hour", "5", "test", bundle().gpus));
    const ClaimComparison at_five = book().recheck(index, reader, base);
    CHECK(at_five.verdict == Verdict::understated); // $5.57M is less than V3's job costs at $5 per GPU-hour
    CHECK(at_five.model.low == doctest::Approx(2.5 * book().entry(index).published_comparison.model.low));
    NumberStyle style;
    const std::string live_reason = book().live_reason(
        index, at_five, reader, base, reason_context(bundle().strings, bundle().gpus, bundle().presets, style));
    CHECK(live_reason.find("less than") != std::string::npos);
    CHECK(live_reason.find("$5 per GPU-hour") != std::string::npos);
}

TEST_CASE("live verdicts allocate nothing") {
    const Scenario base = chips::test::preset("deepseek-v3");
    Scenario reader = base;
    REQUIRE_FALSE(apply_scenario_value(reader, "usd_per_gpu_hour", "3", "test", bundle().gpus));
    REQUIRE_FALSE(apply_scenario_value(reader, "mfu", "0.3", "test", bundle().gpus));
    // The counter works: building a reason line allocates.
    allocations = 0;
    counting = true;
    const std::string line =
        book().reason(headline(), reason_context(bundle().strings, bundle().gpus, bundle().presets, NumberStyle{}));
    counting = false;
    REQUIRE(allocations > 0);
    CHECK(!line.empty());
    std::size_t verdicts = 0;
    allocations = 0;
    counting = true;
    for (std::size_t i = 0; i < book().size(); ++i)
        verdicts += book().recheck(i, reader, base).verdict != Verdict::not_checkable ? 1 : 0;
    counting = false;
    CHECK(verdicts > 15);
    CHECK(allocations == 0);
}

TEST_CASE("claim book: find() by quote and claim; reader_differs() only for assumptions that reach the claim") {
    for (std::size_t i = 0; i < book().size(); ++i)
        CHECK(book().find(book().entry(i).quote_index, book().entry(i).claim_index) == i);
    CHECK(book().find(bundle().quotes.quotes.size(), 0) == book().size());
    CHECK(book().find(0, 999) == book().size());

    const Scenario base = chips::test::preset("deepseek-v3");
    Scenario reader = base;
    const std::size_t index = headline();
    CHECK_FALSE(book().reader_differs(index, reader, base));
    // Chips are the run's own size, not an assumption: the claim keeps its 2,048 GPUs.
    REQUIRE_FALSE(apply_scenario_value(reader, "chips", "4096", "test", bundle().gpus));
    CHECK_FALSE(book().reader_differs(index, reader, base));
    REQUIRE_FALSE(apply_scenario_value(reader, "usd_per_gpu_hour", "3", "test", bundle().gpus));
    CHECK(book().reader_differs(index, reader, base));
    // A claim the model does not check never shows a second verdict.
    for (std::size_t i = 0; i < book().size(); ++i)
        if (!book().entry(i).live) CHECK_FALSE(book().reader_differs(i, reader, base));
}

TEST_CASE("getResults() claims: [{quote, span, verdict, verdict_live, reason, reason_live}] for every claim") {
    const Scenario base = chips::test::preset("deepseek-v3");
    Scenario reader = base;
    REQUIRE_FALSE(apply_scenario_value(reader, "usd_per_gpu_hour", "5", "test", bundle().gpus));
    NumberStyle style;
    style.lang = Lang::zh_hant;
    const nlohmann::json claims =
        book().to_json(reader, base, reason_context(bundle().strings, bundle().gpus, bundle().presets, style));
    REQUIRE(claims.is_array());
    CHECK(claims.size() == book().size());
    const std::set<std::string> verdicts = {"consistent", "overstated", "understated", "not_checkable"};
    for (const nlohmann::json& claim : claims) {
        CHECK(claim.size() == 6);
        CHECK(!claim["reason_live"].get<std::string>().empty());
        CHECK(claim["quote"].get<std::string>().rfind("q-", 0) == 0);
        CHECK(!claim["span"].get<std::string>().empty());
        CHECK(verdicts.count(claim["verdict"].get<std::string>()) == 1);
        CHECK(verdicts.count(claim["verdict_live"].get<std::string>()) == 1);
        CHECK(!claim["reason"].get<std::string>().empty());
    }
    const nlohmann::json& first = claims[headline()];
    CHECK(first["span"] == "557万美元");
    CHECK(first["verdict"] == "consistent");
    CHECK(first["verdict_live"] == "understated");
    CHECK(first["reason"].get<std::string>().find("說得通") != std::string::npos);    // zh-Hant, the published verdict
    CHECK(first["reason_live"].get<std::string>().find("偏低") != std::string::npos); // the live one: understated
    // Untouched assumptions: the live reason is the published one.
    const nlohmann::json same =
        book().to_json(base, base, reason_context(bundle().strings, bundle().gpus, bundle().presets, style));
    for (const nlohmann::json& claim : same)
        CHECK(claim["reason_live"] == claim["reason"]);
}
