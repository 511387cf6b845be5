// tests/test_render_ledger.cpp — the fact-check ledger (tools/render_ledger.cpp, model/output/ledger.h), run as the
// build runs it: one page per language tree, three language sections (the page's language first), every claim once
// per section with the claim book's verdict and reason, in reader words (no template braces, no internal keys), and
// a clear failure on a bad command line or bad content. And the text version (tools/render_fallback.cpp) says each
// claim's reason in the same words as the cards.
#include "model/content/claim_book.h"
#include "test_model_support.h"
#include "test_tool_run.h"

#include <filesystem>
#include <regex>
#include <string>
#include <vector>

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

// What a tool writes into a temporary file, run as the build runs it.
std::string tool_output(const char* tool, std::vector<std::string> arguments) {
    // A unique file in the system's temporary folder (TMPDIR or its default), not a fixed path.
    std::string pattern = (std::filesystem::temp_directory_path() / "chips-tool-XXXXXX").string();
    char* path = pattern.data();
    const int fd = mkstemp(path);
    close(fd);
    arguments.push_back("--out");
    arguments.push_back(path);
    const test::RunResult run = test::run_tool(test::sibling_tool(tool), arguments);
    CHECK_MESSAGE(run.exit_code == 0, run.err);
    std::string text = test::read_whole_file(path);
    unlink(path);
    return text;
}

// The ledger written by the real tool (English page: English first).
const std::string& ledger() {
    static const std::string html = tool_output("render_ledger", {"--content", CHIPS_CONTENT_DIR});
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
        CHECK(count_of(text, "<tr data-quote=") == book().size());
        NumberStyle style;
        style.lang = lang;
        const ReasonContext context = reason_context(bundle().strings, bundle().gpus, bundle().presets, style);
        std::size_t verdicts[4] = {0, 0, 0, 0};
        for (std::size_t i = 0; i < book().size(); ++i) {
            CAPTURE(book().quote(i).id);
            ++verdicts[static_cast<int>(book().entry(i).published_comparison.verdict)];
            const ClaimEntry& entry = book().entry(i);
            const std::string row = "<tr data-quote=\"" + book().quote(i).id + "\" data-claim=\"" +
                                    std::to_string(entry.claim_index) + "\" data-verdict=\"" +
                                    verdict_name(entry.published_comparison.verdict) + "\">";
            const std::size_t at = text.find(row);
            REQUIRE_MESSAGE(at != std::string::npos, row);
            // This claim's own row holds its reason (not merely some row with the same words).
            const std::size_t cell = text.find("<td class=\"reason\">", at);
            CHECK(text.compare(cell + 19, escaped(book().reason(i, context)).size(),
                               escaped(book().reason(i, context))) == 0);
            CHECK(text.find("<article id=\"" + std::string(code) + "-" + book().quote(i).id + "\">") !=
                  std::string::npos);
        }
        for (Verdict verdict : {Verdict::consistent, Verdict::overstated, Verdict::understated, Verdict::not_checkable})
            CHECK(count_of(text, std::string(" data-verdict=\"") + verdict_name(verdict) + "\">") ==
                  verdicts[static_cast<int>(verdict)]);
        // What a reader sees (tags and attributes removed): no unfilled template, no internal key.
        const std::string visible = std::regex_replace(text, std::regex("<[^>]*>"), " ");
        CHECK(visible.find('{') == std::string::npos);
        std::smatch key;
        CHECK_MESSAGE(!std::regex_search(visible, key, std::regex("\\b[a-z0-9]+_[a-z0-9_]+\\b")), key.str());
    }
}

TEST_CASE("ledger: --lang puts that language first and on <html lang>; the site's three pages differ only in order") {
    for (const char* code : {"zh-Hans", "zh-Hant"}) {
        CAPTURE(code);
        const std::string html = tool_output("render_ledger", {"--content", CHIPS_CONTENT_DIR, "--lang", code});
        CHECK(html.find(std::string("<html lang=\"") + code + "\">") != std::string::npos);
        CHECK(html.find("<section ") == html.find(std::string("<section id=\"") + code + "\""));
        CHECK(count_of(html, "<section ") == 3);
        CHECK(count_of(html, "<tr data-quote=") == 3 * book().size());
    }
    // --fragment: the sections alone, for the site's page shell (site/ledger.html).
    const std::string fragment =
        tool_output("render_ledger", {"--content", CHIPS_CONTENT_DIR, "--lang", "zh-Hans", "--fragment"});
    CHECK(fragment.rfind("<section id=\"zh-Hans\"", 0) == 0);
    CHECK(fragment.find("<html") == std::string::npos);
    CHECK(count_of(fragment, "<tr data-quote=") == 3 * book().size());
    const test::RunResult bad = test::run_tool(test::sibling_tool("render_ledger"),
                                               {"--content", CHIPS_CONTENT_DIR, "--lang", "fr", "--out", "/dev/null"});
    CHECK(bad.exit_code == 2);
    CHECK(bad.err.find("--lang") != std::string::npos);
}

TEST_CASE("text version: every checked claim's reason in the cards' words, in each language") {
    const std::pair<const char*, Lang> languages[] = {
        {"en", Lang::en}, {"zh-Hans", Lang::zh_hans}, {"zh-Hant", Lang::zh_hant}};
    for (const auto& [code, lang] : languages) {
        CAPTURE(code);
        const std::string html = tool_output("render_fallback", {"--content", CHIPS_CONTENT_DIR, "--lang", code});
        NumberStyle style;
        style.lang = lang;
        const ReasonContext context = reason_context(bundle().strings, bundle().gpus, bundle().presets, style);
        std::size_t reasons = 0;
        for (std::size_t i = 0; i < book().size(); ++i) {
            if (book().entry(i).published_comparison.verdict == Verdict::not_checkable) continue;
            CAPTURE(book().quote(i).id);
            ++reasons;
            CHECK(html.find("<span class=\"claim-reason\">" + escaped(book().reason(i, context)) + "</span>") !=
                  std::string::npos);
        }
        CHECK(count_of(html, "<span class=\"claim-reason\">") == reasons);
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
