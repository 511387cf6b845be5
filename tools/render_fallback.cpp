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
#include "model/engine/claim_check.h"
#include "model/content/gpu_catalog.h"
#include "model/content/presets.h"
#include "model/content/quote_check.h"
#include "model/content/quotes.h"
#include "model/engine/scenario.h"

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

bool read_text_file(const std::string& path, std::string& text) {
    std::ifstream file(path, std::ios::binary);
    if (!file) return false;
    std::ostringstream buffer;
    buffer << file.rdbuf();
    text = buffer.str();
    return true;
}

// Text and attribute values: the content is ours, but it quotes other people's articles verbatim; never trust it
// to be markup.
std::string escape(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c;
        }
    }
    return out;
}

// Links in the output only for web addresses: a content typo must not become a javascript: link.
bool is_web_url(const std::string& url) { return url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0; }

struct Content {
    GpuCatalog gpus;
    PresetCatalog presets;
    QuoteLibrary quotes;
};

bool load_content(const std::string& dir, Content& content) {
    ContentErrors errors;
    std::string gpus_text, presets_text, quotes_text;
    if (!read_text_file(dir + "/gpus.json", gpus_text)) errors.push_back({dir + "/gpus.json", "", "cannot read file"});
    if (!read_text_file(dir + "/presets.json", presets_text))
        errors.push_back({dir + "/presets.json", "", "cannot read file"});
    if (!read_text_file(dir + "/quotes.json", quotes_text))
        errors.push_back({dir + "/quotes.json", "", "cannot read file"});
    if (errors.empty()) load_gpu_catalog(gpus_text, "content/gpus.json", content.gpus, errors);
    if (errors.empty()) load_presets(presets_text, "content/presets.json", content.gpus, content.presets, errors);
    if (errors.empty()) load_quotes(quotes_text, "content/quotes.json", content.quotes, errors);
    for (const ContentError& error : errors) std::cerr << "render_fallback: " << error.to_string() << "\n";
    return errors.empty();
}

// One quoted number checked under the default assumptions, through the same function as the app and the quotes
// download (model/content/quote_check.h), so the text version can never disagree with the canvas.
ClaimCheck check(const Content& content, const QuoteClaim& quoted) {
    return check_quote_claim(quoted, content.presets, content.gpus).check;
}

const char* verdict_label(Verdict verdict) {
    switch (verdict) {
    case Verdict::consistent: return "Consistent with the model";
    case Verdict::overstated: return "Overstated";
    case Verdict::understated: return "Understated";
    case Verdict::not_checkable: return "Not checkable with this model";
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
    for (std::size_t index = 0; index < sources.size(); ++index) {
        const SourceRef& source = sources[index];
        if (index) out << "; ";
        std::string label = source.title;
        if (!source.locator.empty()) label += ", " + source.locator;
        if (is_web_url(source.url))
            out << "<a href=\"" << escape(source.url) << "\" rel=\"noopener\">" << escape(label) << "</a>";
        else
            out << escape(label);
    }
    out << ".</span>";
}

void write_quote(std::ostream& out, const Content& content, const Quote& quote, std::size_t& verdict_counts_total) {
    const Article& article = content.quotes.article_of(quote);
    out << "<article class=\"fallback-quote\" id=\"quote-" << escape(quote.id) << "\" data-quote-id=\""
        << escape(quote.id) << "\" data-script=\"" << escape(quote.script) << "\" data-topic=\"" << escape(quote.topic)
        << "\">\n";
    out << "  <blockquote lang=\"" << escape(quote.script) << "\">" << escape(quote.text) << "</blockquote>\n";
    out << "  <p class=\"translation\">" << escape(quote.translation_en) << "</p>\n";
    out << "  <p class=\"source\">" << escape(article_line(article)) << "</p>\n";
    if (!quote.claims.empty()) {
        out << "  <ul class=\"claims\">\n";
        for (const QuoteClaim& claim : quote.claims) {
            const ClaimCheck result = check(content, claim);
            ++verdict_counts_total;
            out << "    <li data-verdict=\"" << verdict_name(result.verdict) << "\"><q lang=\"" << escape(quote.script)
                << "\">" << escape(claim.span) << "</q>: <span class=\"verdict verdict-" << verdict_name(result.verdict)
                << "\">" << verdict_label(result.verdict) << "</span>. ";
            if (result.verdict != Verdict::not_checkable) out << escape(format_claim_reasoning(result)) << " ";
            out << escape(claim.note.en);
            write_sources(out, claim.sources);
            out << "</li>\n";
        }
        out << "  </ul>\n";
    }
    out << "</article>\n";
}

void write_method(std::ostream& out, const Content& content) {
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
        out << "      <tr><th scope=\"row\">" << escape(preset.name.en) << "</th><td>" << escape(preset.notes.en)
            << "</td></tr>\n";
    out << "    </tbody>\n  </table>\n</section>\n";
}

} // namespace

int main(int argc, char** argv) {
    std::string content_dir = CHIPS_CONTENT_DIR, out_path;
    for (int index = 1; index < argc; ++index) {
        const std::string argument = argv[index];
        if (argument == "--content" && index + 1 < argc) content_dir = argv[++index];
        else if (argument == "--out" && index + 1 < argc) out_path = argv[++index];
        else {
            std::cerr << "usage: render_fallback [--content DIR] --out FILE\n";
            return 2;
        }
    }
    if (out_path.empty()) {
        std::cerr << "usage: render_fallback [--content DIR] --out FILE\n";
        return 2;
    }
    Content content;
    if (!load_content(content_dir, content)) return 1;

    std::ostringstream html;
    std::size_t claims = 0;
    html << "<!-- Written by tools/render_fallback from content/*.json; do not edit. -->\n";
    html << "<p class=\"fallback-intro\">Every quote below is checked under its default assumptions; in the "
            "interactive version above you can change them.</p>\n";
    for (const Quote& quote : content.quotes.quotes) write_quote(html, content, quote, claims);
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
