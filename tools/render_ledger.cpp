// tools/render_ledger.cpp — the fact-check ledger: one HTML page listing every claim of the five articles with
// its verdict, the plain reason, the numbers compared and the sources, in English, simplified and traditional
// Chinese (one section each, with links between them).
//
//   render_ledger [--content DIR] --out FILE
//
// It reads the same claim book as the app's cards and getResults() (model/content/claim_book.h), so the ledger, the
// canvas and the text version cannot disagree. The page has no script and no style of its own: it is meant to be
// read, printed, archived, and served next to the site under the site's CSP.
//
// Exit codes: 0 written; 1 content unreadable or invalid (each error on stderr); 2 bad command line.
#include "model/content/claim_book.h"
#include "tools/tool_support.h"

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#ifndef CHIPS_CONTENT_DIR
#define CHIPS_CONTENT_DIR "content"
#endif

namespace {

using namespace chips;

const Lang kLanguages[] = {Lang::en, Lang::zh_hans, Lang::zh_hant};

const std::string& localized(const LocalizedText& text, Lang lang) {
    return lang == Lang::zh_hans ? text.zh_hans : lang == Lang::zh_hant ? text.zh_hant : text.en;
}

std::string fill(std::string pattern, const char* name, const std::string& value) {
    const std::string token = std::string("{") + name + "}";
    for (std::size_t at = pattern.find(token); at != std::string::npos; at = pattern.find(token, at + value.size()))
        pattern.replace(at, token.size(), value);
    return pattern;
}

std::string preset_name(const ContentBundle& content, const ScenarioRef& ref, Lang lang) {
    const Preset* preset = content.presets.find(ref.preset);
    return preset ? localized(preset->short_name, lang) : ref.preset;
}

std::string verdict_key(Verdict verdict) {
    return std::string("verdict.") + verdict_name(verdict);
}

// One row: the span, the verdict, the reason, the numbers and the sources of claim `index` of the book.
void write_claim(std::ostream& out, const ContentBundle& content, const ClaimBook& book, std::size_t index,
                 const ReasonContext& context) {
    const Lang lang = context.style.lang;
    const QuoteClaim& claim = book.claim(index);
    const ClaimEntry& entry = book.entry(index);
    const Verdict verdict = entry.published_comparison.verdict;
    ReasonInput input;
    input.claim = &claim;
    input.compared = &entry.published_comparison;
    input.claimed = entry.claimed_low;
    input.claimed_high = entry.claimed_high;
    input.scenario = entry.published.has_scenario ? &entry.published.scenario : nullptr;
    input.compare_to = entry.published.has_compare_to ? &entry.published.compare_to : nullptr;
    const ReasonNumbers numbers = claim_reason_numbers(input, context);
    auto tr = [&](const std::string& key) { return std::string(content.strings.tr(key, lang)); };

    out << "      <tr data-verdict=\"" << verdict_name(verdict) << "\">\n";
    out << "        <td><q lang=\"" << html_escape(book.quote(index).script) << "\">" << html_escape(claim.span)
        << "</q></td>\n";
    out << "        <td>" << html_escape(tr(verdict_key(verdict))) << "</td>\n";
    out << "        <td>" << html_escape(book.reason(index, context)) << "</td>\n";
    out << "        <td>";
    if (!numbers.claimed.empty()) {
        std::string compared = fill(tr("ledger.compared"), "claimed", numbers.claimed);
        compared = fill(compared, "range", numbers.range);
        out << html_escape(fill(compared, "central", numbers.central));
    }
    out << "</td>\n        <td>";
    tools::write_source_links(out, claim.sources);
    if (claim.has_scenario) {
        std::string scenario = claim.has_compare_to ? tr("ledger.scenario_vs") : tr("ledger.scenario");
        scenario = fill(scenario, "scenario", preset_name(content, claim.scenario, lang));
        if (claim.has_compare_to) scenario = fill(scenario, "reference", preset_name(content, claim.compare_to, lang));
        out << (claim.sources.empty() ? "" : "<br>") << html_escape(scenario);
    }
    out << "</td>\n      </tr>\n";
}

void write_section(std::ostream& out, const ContentBundle& content, const ClaimBook& book, Lang lang) {
    NumberStyle style;
    style.lang = lang;
    const ReasonContext context = reason_context(content.strings, content.gpus, content.presets, style);
    auto tr = [&](const std::string& key) { return std::string(content.strings.tr(key, lang)); };
    const std::string code = lang_code(lang);

    std::size_t counts[4] = {0, 0, 0, 0};
    for (std::size_t i = 0; i < book.size(); ++i)
        ++counts[static_cast<int>(book.entry(i).published_comparison.verdict)];
    std::string summary = fill(tr("ledger.counts"), "claims", std::to_string(book.size()));
    summary = fill(summary, "consistent", std::to_string(counts[static_cast<int>(Verdict::consistent)]));
    summary = fill(summary, "overstated", std::to_string(counts[static_cast<int>(Verdict::overstated)]));
    summary = fill(summary, "understated", std::to_string(counts[static_cast<int>(Verdict::understated)]));
    summary = fill(summary, "not_checkable", std::to_string(counts[static_cast<int>(Verdict::not_checkable)]));

    out << "<section id=\"" << code << "\" lang=\"" << code << "\">\n";
    out << "  <h1>" << html_escape(tr("ledger.title")) << "</h1>\n";
    out << "  <p>" << html_escape(tr("ledger.languages"));
    for (Lang other : kLanguages)
        out << " <a href=\"#" << lang_code(other) << "\" lang=\"" << lang_code(other) << "\">"
            << html_escape(content.strings.tr(std::string("lang.") + lang_code(other), other)) << "</a>";
    out << "</p>\n  <p>" << html_escape(tr("ledger.intro")) << "</p>\n  <p>" << html_escape(summary) << "</p>\n";

    // The book lists claims in quote order: `first` is the book index of each quote's first claim.
    for (std::size_t article = 0; article < content.quotes.articles.size(); ++article) {
        out << "  <h2>" << html_escape(localized(content.quotes.articles[article].about, lang)) << "</h2>\n";
        std::size_t first = 0;
        for (const Quote& quote : content.quotes.quotes) {
            const std::size_t quote_first = first;
            first += quote.claims.size();
            if (quote.article_index != article) continue;
            out << "  <article id=\"" << code << "-" << html_escape(quote.id) << "\">\n";
            out << "    <blockquote lang=\"" << html_escape(quote.script) << "\">" << html_escape(quote.text)
                << "</blockquote>\n";
            if (lang == Lang::en) out << "    <p>" << html_escape(quote.translation_en) << "</p>\n";
            out << "    <table>\n      <tr><th scope=\"col\">" << html_escape(tr("ledger.claim"))
                << "</th><th scope=\"col\">" << html_escape(tr("ledger.verdict")) << "</th><th scope=\"col\">"
                << html_escape(tr("ledger.reason")) << "</th><th scope=\"col\">" << html_escape(tr("ledger.numbers"))
                << "</th><th scope=\"col\">" << html_escape(tr("ledger.sources")) << "</th></tr>\n";
            for (std::size_t c = 0; c < quote.claims.size(); ++c)
                write_claim(out, content, book, quote_first + c, context);
            out << "    </table>\n  </article>\n";
        }
    }
    out << "</section>\n";
}

} // namespace

int main(int argc, char** argv) {
    const char* usage = "usage: render_ledger [--content DIR] --out FILE\n";
    std::string content_dir = CHIPS_CONTENT_DIR, out_path;
    for (int index = 1; index < argc; ++index) {
        const std::string argument = argv[index];
        if (argument == "--content" && index + 1 < argc) {
            content_dir = argv[++index];
        } else if (argument == "--out" && index + 1 < argc) {
            out_path = argv[++index];
        } else {
            std::cerr << usage;
            return 2;
        }
    }
    if (out_path.empty()) {
        std::cerr << usage;
        return 2;
    }
    ContentBundle content;
    if (!tools::load_content_dir(content_dir, "render_ledger", content)) return 1;
    ClaimBook book;
    book.build(content.quotes, content.presets, content.gpus);

    std::ostringstream html;
    html << "<!DOCTYPE html>\n<!-- Written by tools/render_ledger from content/*.json; do not edit. -->\n"
         << "<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
         << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>"
         << html_escape(content.strings.tr("ledger.title", Lang::en)) << "</title>\n</head>\n<body>\n";
    for (Lang lang : kLanguages)
        write_section(html, content, book, lang);
    html << "</body>\n</html>\n";

    std::ofstream file(out_path, std::ios::binary);
    file << html.str();
    if (!file) {
        std::cerr << "render_ledger: cannot write " << out_path << "\n";
        return 1;
    }
    std::printf("render_ledger: %zu claims in 3 languages -> %s\n", book.size(), out_path.c_str());
    return 0;
}
