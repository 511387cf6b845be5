// tools/render_fallback.cpp — the text version of the explainer, as semantic HTML, written at build time.
//
//   render_fallback [--content DIR] --out FILE
//
// Why: the app draws into a <canvas>, which search engines, screen readers and visitors without JavaScript cannot
// read. This tool runs the same model and claim checker as the app, under each claim's default scenario (its preset
// plus the overrides the content gives it), and writes every quote with its claims and verdicts as an HTML fragment.
// scripts/inject_fallback.mjs puts it into index.html (and, hidden, into embed.html) in place of
// "<!-- chips:fallback -->". The page's JavaScript also reads each quote's script (data-script) from it to decide
// when the Traditional Chinese font is needed.
//
// Exit codes: 0 written; 1 content unreadable or invalid (each error on stderr); 2 bad command line.
#include "model/claim_book.h"
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

using tools::escape_html;

const char* verdict_label(Verdict verdict) {
    switch (verdict) {
    case Verdict::consistent:
        return "Consistent with the model";
    case Verdict::overstated:
        return "Overstated";
    case Verdict::understated:
        return "Understated";
    case Verdict::not_checkable:
        return "Not checkable with this model";
    }
    return "";
}

std::string article_line(const Article& article) {
    std::string line = article.about.en;
    if (!article.publication.empty() || !article.date.empty()) {
        line += " (";
        if (!article.publication.empty()) line += article.publication;
        if (!article.publication.empty() && !article.date.empty()) line += ", ";
        line += article.date;
        line += ")";
    }
    return line;
}

void write_sources(std::ostream& out, const std::vector<SourceRef>& sources) {
    if (sources.empty()) return;
    out << " <span class=\"claim-sources\">Sources: ";
    tools::write_source_links(out, sources);
    out << ".</span>";
}

// Every claim of one quote, with the plain English reason line the app shows on the card (model/claim_book.h), so
// the text version can never disagree with the canvas.
void write_quote(std::ostream& out, const ContentBundle& content, const ClaimBook& book, std::size_t quote_index,
                 std::size_t& first_claim, std::size_t& verdict_counts_total) {
    const Quote& quote = content.quotes.quotes[quote_index];
    const Article& article = content.quotes.article_of(quote);
    out << "<article class=\"fallback-quote\" id=\"quote-" << escape_html(quote.id) << "\" data-quote-id=\""
        << escape_html(quote.id) << "\" data-script=\"" << escape_html(quote.script) << "\" data-topic=\""
        << escape_html(quote.topic) << "\">\n";
    out << "  <blockquote lang=\"" << escape_html(quote.script) << "\">" << escape_html(quote.text)
        << "</blockquote>\n";
    out << "  <p class=\"translation\">" << escape_html(quote.translation_en) << "</p>\n";
    out << "  <p class=\"source\">" << escape_html(article_line(article)) << "</p>\n";
    if (!quote.claims.empty()) {
        out << "  <ul class=\"claims\">\n";
        const ReasonContext english = reason_context(content.strings, content.gpus, content.presets, NumberStyle{});
        for (const QuoteClaim& claim : quote.claims) {
            const std::size_t index = first_claim++;
            const Verdict verdict = book.entry(index).published_comparison.verdict;
            ++verdict_counts_total;
            out << "    <li data-verdict=\"" << verdict_name(verdict) << "\"><q lang=\"" << escape_html(quote.script)
                << "\">" << escape_html(claim.span) << "</q>: <span class=\"verdict verdict-" << verdict_name(verdict)
                << "\">" << verdict_label(verdict) << "</span>. ";
            if (verdict != Verdict::not_checkable) out << escape_html(book.reason(index, english)) << " ";
            out << escape_html(claim.note.en);
            write_sources(out, claim.sources);
            out << "</li>\n";
        }
        out << "  </ul>\n";
    }
    out << "</article>\n";
}

void write_method(std::ostream& out, const ContentBundle& content) {
    out << "<section id=\"method\" aria-labelledby=\"method-title\">\n"
           "  <h3 id=\"method-title\">How the checks work</h3>\n"
           "  <p>Each claim names one model output (training cost, days, chips, energy…) and the scenario the article "
           "describes: a preset below plus the article's own numbers. Training compute is 6 × active parameters × "
           "tokens (plus attention); it is divided by the chips' delivered throughput (peak × model-FLOPs "
           "utilization, slowed by expert-parallel communication and failures) to get time, and multiplied by the "
           "price per GPU-hour and the power draw to get cost and energy. The model gives a low–high range; a claim "
           "is <em>consistent</em> when it falls inside that range widened by its tolerance (rounded news numbers), "
           "<em>overstated</em> above it and <em>understated</em> below it. Claims about market value, secrecy or "
           "intent are marked not checkable.</p>\n"
           "  <table>\n    <caption>Presets (default assumptions)</caption>\n"
           "    <thead><tr><th scope=\"col\">Preset</th><th scope=\"col\">Notes</th></tr></thead>\n    <tbody>\n";
    for (const Preset& preset : content.presets.presets)
        out << "      <tr><th scope=\"row\">" << escape_html(preset.name.en) << "</th><td>"
            << escape_html(preset.notes.en) << "</td></tr>\n";
    out << "    </tbody>\n  </table>\n</section>\n";
}

} // namespace

int main(int argc, char** argv) {
    std::string content_dir = CHIPS_CONTENT_DIR, out_path;
    for (int index = 1; index < argc; ++index) {
        const std::string argument = argv[index];
        if (argument == "--content" && index + 1 < argc)
            content_dir = argv[++index];
        else if (argument == "--out" && index + 1 < argc)
            out_path = argv[++index];
        else {
            std::cerr << "usage: render_fallback [--content DIR] --out FILE\n";
            return 2;
        }
    }
    if (out_path.empty()) {
        std::cerr << "usage: render_fallback [--content DIR] --out FILE\n";
        return 2;
    }
    ContentBundle content;
    if (!tools::load_content_dir(content_dir, "render_fallback", content)) return 1;
    ClaimBook book;
    book.build(content.quotes, content.presets, content.gpus);

    std::ostringstream html;
    std::size_t claims = 0, first_claim = 0;
    html << "<!-- Written by tools/render_fallback from content/*.json; do not edit. -->\n";
    html << "<p class=\"fallback-intro\">Every quote below is checked under its default assumptions; in the "
            "interactive version above you can change them.</p>\n";
    for (std::size_t quote = 0; quote < content.quotes.quotes.size(); ++quote)
        write_quote(html, content, book, quote, first_claim, claims);
    write_method(html, content);

    std::ofstream file(out_path, std::ios::binary);
    file << html.str();
    if (!file) {
        std::cerr << "render_fallback: cannot write " << out_path << "\n";
        return 1;
    }
    std::printf("render_fallback: %zu quotes, %zu claims -> %s\n", content.quotes.quotes.size(), claims,
                out_path.c_str());
    return 0;
}
