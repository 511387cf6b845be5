// tests/ui/test_embed.cpp — the embed card drawn headless at the two iframe sizes a journalist uses (700 × 450 and
// 360 × 450), in the three languages, for every quote with a checkable claim: the verdict, its reason and "open the
// full explainer" are drawn at the top, inside the frame, and the verdict is the largest text. (What follows — the
// quote, its translation, the controls — scrolls inside the frame when a quote is long.)
#include "ui_harness.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <string>

using chips::ui::test::Harness;

TEST_CASE("the embed card fits 700 x 450 and 360 x 450 in every language, verdict first and largest") {
    Harness h;
    int checked = 0;
    for (const auto& [width, height] : {std::pair<float, float>{700, 450}, {360, 450}}) {
        h.size(width, height);
        for (const char* lang : {"en", "zh-Hans", "zh-Hant"}) {
            for (const chips::CheckedQuote& quote : h.session.quotes()) {
                bool checkable = false;
                for (const chips::CheckedClaim& claim : quote.claims)
                    checkable = checkable || claim.claim->checkable();
                if (!checkable) continue;
                const std::string query = "view=embed&lang=" + std::string(lang) + "&quote=" + quote.quote->id;
                chips::apply_url_query(h.session, query);
                h.frames(3);
                INFO(width << "x" << height << " " << query);
                float vx = 0, vy = 0, vw = 0, vh = 0, ox = 0, oy = 0, ow = 0, oh = 0, rx = 0, ry = 0, rw = 0, rh = 0;
                REQUIRE(h.rect("embed.verdict", vx, vy, vw, vh));
                REQUIRE(h.rect("embed.reason", rx, ry, rw, rh));
                REQUIRE(h.rect("open_full", ox, oy, ow, oh));
                CHECK(vy >= 0);
                CHECK(vy < ry);
                CHECK(vx + vw <= width);
                // The verdict's line is taller than a body line: it is the headline.
                CHECK(vh >= 1.4f * ImGui::GetFontSize());
                // "Open the full explainer" is next to the verdict or just below it, and the reason starts in view.
                CHECK_MESSAGE(oy + oh <= 5.5f * ImGui::GetFontSize(), "verdict y " << vy << " h " << vh
                                                                                   << ", open_full y " << oy << " h "
                                                                                   << oh << " x " << ox);
                CHECK(ox + ow <= width);
                CHECK(ry + ImGui::GetFontSize() <= height);
                ++checked;
            }
        }
    }
    CHECK(checked >= 6 * 10);
}
