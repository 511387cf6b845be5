// tests/ui/test_quote_cards.cpp — the full page's quote cards drawn headless: each claim's reason is on the card (not
// only in a tooltip), and once the reader moves an assumption that reaches a claim the card adds the verdict under
// the reader's scenario, labelled, with its own reason; it goes away when the reader goes back. The scenario panel
// says what 0 means for efficiency and price ("Chip's default"), and the results say why more chips stop helping.
#include "model/text/safe_text.h"
#include "ui_harness.h"

#include <doctest/doctest.h>

#include <string>

using chips::ui::test::Harness;

namespace {

int quote_index(const Harness& h, const std::string& id) {
    for (std::size_t i = 0; i < h.session.quotes().size(); ++i)
        if (h.session.quotes()[i].quote->id == id) return static_cast<int>(i);
    return -1;
}

} // namespace

TEST_CASE("quote card: the reason on the card; the live verdict under the reader's price, labelled, and back") {
    Harness h;
    h.size(1400, 900);
    const int quote = quote_index(h, "q-dsv3-cost-557-h800");
    REQUIRE(quote >= 0);
    for (const char* lang : {"en", "zh-Hans", "zh-Hant"}) {
        CAPTURE(lang);
        chips::apply_url_query(h.session, std::string("lang=") + lang + "&quote=q-dsv3-cost-557-h800");
        h.session.load_claim(quote, 0);
        h.frames(4);
        float x = 0, y = 0, w = 0, hh = 0;
        const std::string id = "q-dsv3-cost-557-h800#0";
        REQUIRE(h.rect(id + ".reason", x, y, w, hh));
        CHECK(hh >= ImGui::GetFontSize()); // a line of text, drawn on the card
        CHECK_FALSE(h.rect(id + ".live", x, y, w, hh));
        CHECK_FALSE(h.session.live_claim(quote, 0).differs);

        // 2.5 times DeepSeek's $2: the model's cost range moves up 2.5-fold, $5.57M is now below it.
        REQUIRE(h.session.set_number("usd_per_gpu_hour", 5.0));
        h.frames(3);
        const chips::LiveClaim live = h.session.live_claim(quote, 0);
        CHECK(live.differs);
        CHECK(live.verdict == chips::Verdict::understated);
        CHECK(live.verdict != h.session.quotes()[quote].claims[0].check.verdict);
        CHECK(live.reason != h.session.claim_reason(quote, 0));
        REQUIRE(h.rect(id + ".live", x, y, w, hh));
        float rx = 0, ry = 0, rw = 0, rh = 0;
        REQUIRE(h.rect(id + ".reason", rx, ry, rw, rh));
        CHECK(y > ry); // under the published verdict's reason

        // Back to the claim's own scenario: one verdict again.
        h.session.load_claim(quote, 0);
        h.frames(3);
        CHECK_FALSE(h.rect(id + ".live", x, y, w, hh));
    }
}

TEST_CASE("scenario panel: 0 efficiency and 0 price read as the chip's default, with a checkbox; results explain") {
    Harness h;
    h.size(1400, 900);
    chips::apply_url_query(h.session, "lang=en&mfu=0");
    h.frames(3);
    float x = 0, y = 0, w = 0, hh = 0;
    REQUIRE(h.rect("mfu.default", x, y, w, hh));
    REQUIRE(h.session.scenario().mfu == 0);
    // Unticking states the default's central value; ticking goes back to 0.
    REQUIRE(h.click("mfu.default"));
    h.frames(2);
    CHECK(h.session.scenario().mfu > 0.01);
    CHECK(h.session.scenario().mfu == doctest::Approx(h.session.result().mfu_used.central));
    REQUIRE(h.click("mfu.default"));
    h.frames(2);
    CHECK(h.session.scenario().mfu == 0);

    // Far past the failure peak or the batch: the results say which limit stops more chips from helping.
    REQUIRE(h.session.set_number("chips", 1000000));
    h.frames(3);
    CHECK(h.session.result().scaling_limited_by != chips::ScalingLimit::none);
    CHECK(h.rect("results.scaling", x, y, w, hh));
    // A chip without BF16 runs "bf16" at its FP16 rate, and the results say so.
    REQUIRE(h.session.set_gpu("v100"));
    h.frames(3);
    CHECK(h.session.result().fp16_instead_of_bf16);
    CHECK(h.rect("results.fp16", x, y, w, hh));
}

TEST_CASE("downloads: the fact-check ledger, the reader's language first, with the cards' reasons") {
    Harness h;
    chips::apply_url_query(h.session, "lang=zh-Hans");
    h.frames(3);
    REQUIRE(h.click("download"));
    h.frames(2);
    REQUIRE(h.click("download.ledger"));
    REQUIRE(h.downloads.size() == 1);
    const auto& file = h.downloads[0];
    CHECK(file.name == "chips-and-claims_ledger_zh-Hans_2025-02-01.html");
    CHECK(file.mime.find("text/html") == 0);
    CHECK(file.content.find("<html lang=\"zh-Hans\">") != std::string::npos);
    CHECK(file.content.find("<section ") == file.content.find("<section id=\"zh-Hans\""));
    const int quote = quote_index(h, "q-dsv3-cost-557-h800");
    REQUIRE(quote >= 0);
    const std::string row = "<tr data-quote=\"q-dsv3-cost-557-h800\" data-claim=\"0\" data-verdict=\"consistent\">";
    const std::size_t at = file.content.find(row);
    REQUIRE(at != std::string::npos);
    const std::string cell = "<td class=\"reason\">" + chips::html_escape(h.session.claim_reason(quote, 0)) + "</td>";
    CHECK(file.content.find(cell, at) < file.content.find("</tr>", at));
}
