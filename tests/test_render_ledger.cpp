// tests/test_render_ledger.cpp — the fact-check ledger (tools/render_ledger.cpp), run as the build runs it: one
// page, three language sections, every claim once per section with the claim book's verdict and reason, in
// reader words (no template braces, no internal keys), and a clear failure on a bad command line or bad content.
#include "model/content/claim_book.h"
#include "test_model_support.h"
#include "test_tool_run.h"

#include <regex>
#include <string>

using namespace chips;
using chips::test::bundle;

namespace {

const ClaimBook& book() {
    static ClaimBook built = [] {
        ClaimBook result;
        result.build(bundle().quotes, bundle().presets, bundle().gpus);
        return result;
    }();
    return built;
}

std::string escaped(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == '&')
            out += "&amp;";
        else if (c == '<')
            out += "&lt;";
        else if (c == '>')
            out += "&gt;";
        else if (c == '"')
            out += "&quot;";
        else if (c == '\'')
            out += "&#39;";
        else
            out += c;
    }
    return out;
}

std::size_t count_of(const std::string& text, const std::string& needle) {
    std::size_t count = 0;
    for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + needle.size()))
        ++count;
    return count;
}

// The ledger written into a temporary file by the real tool.
const std::string& ledger() {
    static const std::string html = [] {
        char path[] = "/tmp/chips-ledger-XXXXXX";
        const int fd = mkstemp(path);
        close(fd);
        const test::RunResult run =
            test::run_tool(test::sibling_tool("render_ledger"), {"--content", CHIPS_CONTENT_DIR, "--out", path});
        CHECK_MESSAGE(run.exit_code == 0, run.err);
        CHECK(run.out.find(std::to_string(book().size()) + " claims") != std::string::npos);
        std::string text = test::read_whole_file(path);
        unlink(path);
        return text;
    }();
    return html;
}

// The section of the page for `code` ("en", "zh-Hans", "zh-Hant").
std::string section(const std::string& code) {
    const std::string& html = ledger();
    const std::size_t begin = html.find("<section id=\"" + code + "\"");
    REQUIRE(begin != std::string::npos);
    return html.substr(begin, html.find("</section>", begin) - begin);
}

} // namespace

TEST_CASE("ledger: every claim once per language, with the claim book's verdict and plain reason") {
    const std::pair<const char*, Lang> languages[] = {
        {"en", Lang::en}, {"zh-Hans", Lang::zh_hans}, {"zh-Hant", Lang::zh_hant}};
    CHECK(count_of(ledger(), "<section ") == 3);
    for (const auto& [code, lang] : languages) {
        CAPTURE(code);
        const std::string text = section(code);
        CHECK(count_of(text, "<tr data-verdict=") == book().size());
        NumberStyle style;
        style.lang = lang;
        const ReasonContext context = reason_context(bundle().strings, bundle().gpus, bundle().presets, style);
        std::size_t verdicts[4] = {0, 0, 0, 0};
        for (std::size_t i = 0; i < book().size(); ++i) {
            CAPTURE(book().quote(i).id);
            ++verdicts[static_cast<int>(book().entry(i).published_comparison.verdict)];
            CHECK(text.find(escaped(book().reason(i, context))) != std::string::npos);
            CHECK(text.find("<article id=\"" + std::string(code) + "-" + book().quote(i).id + "\">") !=
                  std::string::npos);
        }
        for (Verdict verdict : {Verdict::consistent, Verdict::overstated, Verdict::understated, Verdict::not_checkable})
            CHECK(count_of(text, std::string("<tr data-verdict=\"") + verdict_name(verdict) + "\">") ==
                  verdicts[static_cast<int>(verdict)]);
        // What a reader sees (tags and attributes removed): no unfilled template, no internal key.
        const std::string visible = std::regex_replace(text, std::regex("<[^>]*>"), " ");
        CHECK(visible.find('{') == std::string::npos);
        std::smatch key;
        CHECK_MESSAGE(!std::regex_search(visible, key, std::regex("\\b[a-z0-9]+_[a-z0-9_]+\\b")), key.str());
    }
}

TEST_CASE("ledger: a bad command line exits 2, unreadable content exits 1 naming the file") {
    const std::string tool = test::sibling_tool("render_ledger");
    const test::RunResult no_out = test::run_tool(tool, {});
    CHECK(no_out.exit_code == 2);
    CHECK(no_out.err.find("usage") != std::string::npos);
    const test::RunResult missing = test::run_tool(tool, {"--content", "/nonexistent-content", "--out", "/dev/null"});
    CHECK(missing.exit_code == 1);
    CHECK(missing.err.find("render_ledger:") != std::string::npos);
    CHECK(missing.err.find("gpus.json") != std::string::npos);
}
