// tests/ui/test_line_break.cpp — kinsoku line breaking, on hand-made cases and on every quote of
// content/quotes.json at many widths.
#include "model/content/quotes.h"
#include "test_support.h"
#include "ui/line_break.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace chips;
using namespace chips::ui;

namespace {

// CJK characters are 1 wide, everything else 0.55 (a stand-in for a proportional Latin face).
float fake_width(std::string_view piece) {
    float width = 0.0f;
    for (std::size_t i = 0; i < piece.size();) {
        std::size_t length = 0;
        const std::uint32_t c = decode_utf8(piece, i, length);
        width += is_cjk(c) ? 1.0f : 0.55f;
        i += length;
    }
    return width;
}

std::uint32_t first_codepoint(std::string_view text) {
    std::size_t length = 0;
    return text.empty() ? 0 : decode_utf8(text, 0, length);
}

std::uint32_t last_codepoint(std::string_view text) {
    if (text.empty()) return 0;
    std::size_t start = text.size() - 1;
    while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80)
        --start;
    std::size_t length = 0;
    return decode_utf8(text, start, length);
}

// Checks the rules on one text at one width; returns the number of lines.
std::size_t check_rules(const std::string& text, float width) {
    std::vector<TextLine> lines;
    break_lines(text, width, fake_width, lines);
    REQUIRE(!lines.empty());
    std::size_t previous_end = 0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const TextLine& line = lines[i];
        CHECK(line.begin >= previous_end); // in order, no overlap
        CHECK(line.end >= line.begin);
        const std::string_view body(text.data() + line.begin, line.end - line.begin);
        // Whatever was skipped between lines is only spaces.
        for (std::size_t k = previous_end; k < line.begin; ++k)
            CHECK((text[k] == ' ' || text[k] == '\n'));
        if (i > 0) {
            INFO("line ", i, " starts with closing punctuation: ", std::string(body));
            CHECK(!is_closing_punctuation(first_codepoint(body)));
        }
        if (i + 1 < lines.size()) {
            INFO("line ", i, " ends with opening punctuation: ", std::string(body));
            CHECK(!is_opening_punctuation(last_codepoint(body)));
        }
        // Wider than the line only when a kinsoku group or one unbreakable run is itself wider (never by more
        // than two characters of glue).
        if (width >= 10.0f) CHECK(line.width <= width + 2.0f); // narrower: a kinsoku group may overflow
        previous_end = line.end;
    }
    return lines.size();
}

} // namespace

TEST_CASE("closing punctuation never starts a line, opening never ends one") {
    const std::string text =
        "据报道，DeepSeek仅用2048块H800芯片、耗时约两个月，就训练出了「DeepSeek-V3」。成本为557万美元。";
    for (float width = 3.0f; width <= 40.0f; width += 1.0f)
        check_rules(text, width);
    // At width 3 plain greedy filling would start line 2 with "，"; kinsoku moves 道 down with it (追い出し).
    std::vector<TextLine> lines;
    const std::string short_text = "据报道，成本";
    break_lines(short_text, 3.0f, fake_width, lines);
    REQUIRE(lines.size() >= 2);
    CHECK(short_text.substr(lines[0].begin, lines[0].end - lines[0].begin) == "据报");
    CHECK(short_text.substr(lines[1].begin, lines[1].end - lines[1].begin) == "道，成");
}

TEST_CASE("Latin runs stay whole; spaces are dropped at breaks; hard breaks") {
    std::vector<TextLine> lines;
    const std::string text = "NVIDIA H800 SXM5 80GB";
    break_lines(text, 4.0f, fake_width, lines);
    for (const TextLine& line : lines) {
        const std::string body = text.substr(line.begin, line.end - line.begin);
        CHECK(body.front() != ' ');
        CHECK(body.back() != ' ');
    }
    CHECK(text.substr(lines[0].begin, lines[0].end - lines[0].begin) == "NVIDIA");
    break_lines("第一行\n第二行", 100.0f, fake_width, lines);
    CHECK(lines.size() == 2);
    break_lines("", 10.0f, fake_width, lines);
    CHECK(lines.size() == 1);
    // A run longer than the line is cut by characters rather than overflowing forever.
    break_lines("https://arxiv.org/abs/2412.19437", 5.0f, fake_width, lines);
    CHECK(lines.size() > 3);
    // Invalid UTF-8 never crashes and still progresses.
    break_lines(std::string("\xE4\xBD", 2) + "abc\xFF", 2.0f, fake_width, lines);
    CHECK(!lines.empty());
}

TEST_CASE("every quote in content/quotes.json breaks correctly at many widths") {
    QuoteLibrary library;
    ContentErrors errors;
    load_quotes(read_file_or_empty(std::string(CHIPS_CONTENT_DIR) + "/quotes.json"), "quotes.json", library, errors);
    REQUIRE(!library.quotes.empty());
    std::size_t checked = 0;
    for (const Quote& quote : library.quotes) {
        INFO("quote ", quote.id);
        for (float width : {4.0f, 7.0f, 10.0f, 13.0f, 17.0f, 22.0f, 30.0f, 45.0f}) {
            check_rules(quote.text, width);
            ++checked;
        }
    }
    CHECK(checked == library.quotes.size() * 8);
}
