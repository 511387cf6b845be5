// tools/render_fallback.cpp — the text version of the explainer in one reader language, as semantic HTML, and the
// same checks as data for the static share pages and link previews; written at build time.
//
//   render_fallback [--content DIR] [--lang en|zh-Hans|zh-Hant] --out FILE [--cards FILE]
//
// Why: the app draws into a <canvas>, which search engines, screen readers, printers and visitors without JavaScript
// cannot read. This tool loads content/*.json through the same bundle loader as the app
// (model/content/content_bundle.h), checks every claim with the same quote checker (model/content/quote_check.h) under
// its default scenario, and writes every quote with its claims and verdicts as an HTML fragment in the page's language:
// verdict words from content/strings.json (verdict.*), the model's range through the app's own number formatter
// (model/text/formatter.h, pure C++), output names from output.* — never an internal key. scripts/inject_fallback.mjs
// puts the fragment into the page of that language in place of "<!-- chips:fallback -->". The page's JavaScript reads
// each quote's script (data-script) from it to decide when the Traditional Chinese font is needed.
//
// --cards writes the same checks as JSON for scripts/build_share_pages.mjs (static embed cards, claim pages, Open
// Graph text) and tools/render_previews (the 1200×630 preview images):
//   {"lang", "quote_count", "claim_count", "verdict_counts": {verdict: n}, "verdict_labels": {verdict: label},
//    "quotes": [{"id", "script", "text", "translation" (English), "source", "publication", "date", "headline_claim",
//                "claims": [{"span", "verdict", "verdict_label", "model_line", "reason"}],
//                "article_html" (the quote as in the text version, without the link to its claim page)}]}
// "reason" is the claim book's sentence in the language (model/content/claim_book.h): the words the app's quote
// cards, its embed card, getResults() and the ledger use.
//
// Exit codes: 0 written; 1 content unreadable or invalid (each error on stderr); 2 bad command line.
//
// Index
// - [SECTION] Content and language
// - [SECTION] One claim in the reader's words
// - [SECTION] Text version (HTML)
// - [SECTION] Cards (JSON)
// - [SECTION] main
#include "model/content/claim_book.h"
#include "model/content/content_bundle.h"
#include "model/content/quote_check.h"
#include "model/text/formatter.h"
#include "model/text/safe_text.h"
#include "native/file_io.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#ifndef CHIPS_CONTENT_DIR
#define CHIPS_CONTENT_DIR "content"
#endif

namespace {

using namespace chips;

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] Content and language
//-----------------------------------------------------------------------------------------------------------------

// The six content files through the app's own loader; tour.json and currency.json are optional there too.
bool load_content(const std::string& dir, ContentBundle& bundle) {
    const ContentTexts texts = read_json_files(dir);
    ContentErrors errors;
    const bool loaded = load_content_bundle(texts, bundle, errors);
    for (const ContentError& error : errors)
        std::cerr << "render_fallback: " << error.to_string() << "\n";
    return loaded;
}

struct Reader {
    const ContentBundle& content;
    Lang lang;
    Formatter format;
    const ClaimBook& book; // every claim's verdict and reason, as the app's cards show them
    ReasonContext reasons; // reason sentences in this language

    const char* tr(const std::string& key) const { return content.strings.tr(key, lang); }
    const std::string& localized(const LocalizedText& text) const {
        const std::string& chosen = lang == Lang::zh_hans   ? text.zh_hans
                                    : lang == Lang::zh_hant ? text.zh_hant
                                                            : text.en;
        return chosen.empty() ? text.en : chosen;
    }
};

// "{name}" → value, every occurrence.
std::string fill_in(std::string pattern, const std::string& name, const std::string& value) {
    const std::string hole = "{" + name + "}";
    for (std::size_t at = pattern.find(hole); at != std::string::npos; at = pattern.find(hole, at + value.size()))
        pattern.replace(at, hole.size(), value);
    return pattern;
}

// Links in the output only for web addresses: a content typo must not become a javascript: link.
bool is_web_url(const std::string& url) {
    return url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0;
}

// A citation is written in its publication's language; one without any non-ASCII letter is marked English, so a
// Chinese page declares it (screen readers switch voice; the language scan in tests/e2e knows it is not ours).
bool is_ascii(const std::string& text) {
    for (unsigned char c : text)
        if (c >= 0x80) return false;
    return true;
}

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] One claim in the reader's words
//-----------------------------------------------------------------------------------------------------------------

struct ClaimText {
    const QuoteClaim* claim = nullptr;
    Verdict verdict = Verdict::not_checkable;
    std::string verdict_label; // verdict.* in the language
    std::string model_line;    // the model's range and claim ÷ model, as the canvas shows it; empty if not checkable
    std::string reason;        // the claim book's one plain sentence why, in the language (the cards' words)
    std::string note;          // the claim's note in the language: the context and sources behind the reason
};

// "verdict.consistent": the strings.json key of a verdict is its name (docs/contract.md).
std::string verdict_key(Verdict verdict) {
    return std::string("verdict.") + verdict_name(verdict);
}

// Claim `claim_index` of quote `quote_index` checked under its own scenario, from the claim book the app's cards,
// getResults() and the ledger read (model/content/claim_book.h), so the text version says what the canvas says, in
// the same words.
ClaimText claim_text(const Reader& reader, std::size_t quote_index, std::size_t claim_index) {
    const std::size_t index = reader.book.find(quote_index, claim_index);
    const ClaimEntry& entry = reader.book.entry(index);
    const ClaimCheck& check = entry.published.check;
    const QuoteClaim& claim = reader.book.claim(index);
    ClaimText text;
    text.claim = &claim;
    text.verdict = check.verdict;
    text.verdict_label = reader.tr(verdict_key(check.verdict));
    text.reason = reader.book.reason(index, reader.reasons);
    text.note = reader.localized(claim.note);
    if (check.verdict != Verdict::not_checkable) {
        const Quantity kind = check.is_ratio ? Quantity::ratio : quantity_for_unit(check.unit);
        std::string line = reader.tr(check.is_ratio ? "fallback.model_line_ratio" : "fallback.model_line");
        line = fill_in(line, "range", reader.format.format_range(check.model, kind));
        line = fill_in(line, "output", reader.tr("output." + check.quantity));
        text.model_line = fill_in(line, "ratio", reader.format.format(check.claimed_over_model, Quantity::ratio));
    }
    return text;
}

// The claim a card leads with: the first the model can check, else the first.
std::size_t headline_claim(const std::vector<ClaimText>& claims) {
    for (std::size_t index = 0; index < claims.size(); ++index)
        if (claims[index].verdict != Verdict::not_checkable) return index;
    return 0;
}

std::string article_line(const Reader& reader, const Article& article) {
    std::string line = reader.localized(article.about);
    if (!article.publication.empty() || !article.date.empty()) {
        line += reader.lang == Lang::en ? " (" : "（";
        if (!article.publication.empty()) line += article.publication;
        if (!article.publication.empty() && !article.date.empty()) line += reader.lang == Lang::en ? ", " : "，";
        line += article.date;
        line += reader.lang == Lang::en ? ")" : "）";
    }
    return line;
}

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] Text version (HTML)
//-----------------------------------------------------------------------------------------------------------------

void write_sources(std::ostream& out, const Reader& reader, const std::vector<SourceRef>& sources) {
    if (sources.empty()) return;
    std::string list;
    for (std::size_t index = 0; index < sources.size(); ++index) {
        const SourceRef& source = sources[index];
        if (index) list += "; ";
        std::string label = source.title;
        if (!source.locator.empty()) label += ", " + source.locator;
        const std::string lang = is_ascii(label) ? " lang=\"en\"" : "";
        if (is_web_url(source.url))
            list += "<a href=\"" + html_escape(source.url) + "\" rel=\"noopener\"" + lang + "><cite>" +
                    html_escape(label) + "</cite></a>";
        else
            list += "<cite" + lang + ">" + html_escape(label) + "</cite>";
    }
    out << " <span class=\"claim-sources\">" << fill_in(html_escape(reader.tr("fallback.sources")), "list", list)
        << "</span>";
}

// `link_to_claim_page`: the full page's text version links each quote to its claim page; the claim page itself
// shows the same article without that link.
void write_quote(std::ostream& out, const Reader& reader, std::size_t quote_index, std::size_t& claim_count,
                 bool link_to_claim_page) {
    const Quote& quote = reader.content.quotes.quotes[quote_index];
    const Article& article = reader.content.quotes.article_of(quote);
    out << "<article class=\"fallback-quote\" id=\"quote-" << html_escape(quote.id) << "\" data-quote-id=\""
        << html_escape(quote.id) << "\" data-script=\"" << html_escape(quote.script) << "\" data-topic=\""
        << html_escape(quote.topic) << "\">\n";
    out << "  <blockquote lang=\"" << html_escape(quote.script) << "\">" << html_escape(quote.text)
        << "</blockquote>\n";
    // Our English translation helps English readers only; a Chinese reader has the original right above.
    if (reader.lang == Lang::en) out << "  <p class=\"translation\">" << html_escape(quote.translation_en) << "</p>\n";
    out << "  <p class=\"source\">" << html_escape(article_line(reader, article)) << "</p>\n";
    if (!quote.claims.empty()) {
        out << "  <ul class=\"claims\">\n";
        for (std::size_t claim_index = 0; claim_index < quote.claims.size(); ++claim_index) {
            const QuoteClaim& claim = quote.claims[claim_index];
            const ClaimText text = claim_text(reader, quote_index, claim_index);
            ++claim_count;
            out << "    <li data-verdict=\"" << verdict_name(text.verdict) << "\"><q lang=\""
                << html_escape(quote.script) << "\">" << html_escape(claim.span) << "</q>"
                << (reader.lang == Lang::en ? ": " : "：") << "<span class=\"verdict verdict-"
                << verdict_name(text.verdict) << "\">" << html_escape(text.verdict_label) << "</span>"
                << (reader.lang == Lang::en ? ". " : "。");
            // The reason first, in the cards' words; then the numbers; then the note with the context (for a claim
            // the model cannot check, the reason is the note's first sentence: the note alone says it once).
            if (text.verdict != Verdict::not_checkable)
                out << "<span class=\"claim-reason\">" << html_escape(text.reason) << "</span> ";
            if (!text.model_line.empty())
                out << "<span class=\"model-line\">" << html_escape(text.model_line) << "</span> ";
            out << "<span class=\"claim-note\">" << html_escape(text.note) << "</span>";
            write_sources(out, reader, claim.sources);
            out << "</li>\n";
        }
        out << "  </ul>\n";
    }
    if (link_to_claim_page)
        out << "  <p class=\"share-link\"><a href=\"claims/" << html_escape(quote.id) << ".html\">"
            << html_escape(reader.tr("share.link")) << "</a></p>\n";
    out << "</article>\n";
}

void write_method(std::ostream& out, const Reader& reader) {
    out << "<section id=\"method\" aria-labelledby=\"method-title\">\n"
        << "  <h3 id=\"method-title\">" << html_escape(reader.tr("fallback.method_title")) << "</h3>\n"
        << "  <p>" << html_escape(reader.tr("fallback.method_body")) << "</p>\n"
        << "  <table>\n    <caption>" << html_escape(reader.tr("fallback.presets_caption")) << "</caption>\n"
        << "    <thead><tr><th scope=\"col\">" << html_escape(reader.tr("scenario.preset")) << "</th><th scope=\"col\">"
        << html_escape(reader.tr("fallback.notes_column")) << "</th></tr></thead>\n    <tbody>\n";
    for (const Preset& preset : reader.content.presets.presets)
        out << "      <tr><th scope=\"row\">" << html_escape(reader.localized(preset.name)) << "</th><td>"
            << html_escape(reader.localized(preset.notes)) << "</td></tr>\n";
    out << "    </tbody>\n  </table>\n</section>\n";
}

std::string text_version(const Reader& reader, std::size_t& claim_count) {
    std::ostringstream html;
    html << "<!-- Written by tools/render_fallback from content/*.json (" << lang_code(reader.lang)
         << "); do not edit. -->\n";
    html << "<p class=\"fallback-intro\">" << html_escape(reader.tr("fallback.intro")) << "</p>\n";
    for (std::size_t quote = 0; quote < reader.content.quotes.quotes.size(); ++quote)
        write_quote(html, reader, quote, claim_count, true);
    write_method(html, reader);
    return html.str();
}

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] Cards (JSON)
//-----------------------------------------------------------------------------------------------------------------

nlohmann::json cards(const Reader& reader) {
    nlohmann::json out;
    out["lang"] = lang_code(reader.lang);
    out["quote_count"] = reader.content.quotes.quotes.size();
    out["claim_count"] = reader.content.quotes.claim_count();
    nlohmann::json counts = nlohmann::json::object(), labels = nlohmann::json::object();
    for (Verdict verdict : {Verdict::consistent, Verdict::overstated, Verdict::understated, Verdict::not_checkable}) {
        counts[verdict_name(verdict)] = 0;
        labels[verdict_name(verdict)] = reader.tr(verdict_key(verdict));
    }
    nlohmann::json quotes = nlohmann::json::array();
    for (std::size_t quote_index = 0; quote_index < reader.content.quotes.quotes.size(); ++quote_index) {
        const Quote& quote = reader.content.quotes.quotes[quote_index];
        std::vector<ClaimText> texts;
        for (std::size_t claim_index = 0; claim_index < quote.claims.size(); ++claim_index)
            texts.push_back(claim_text(reader, quote_index, claim_index));
        nlohmann::json claims = nlohmann::json::array();
        for (const ClaimText& text : texts) {
            counts[verdict_name(text.verdict)] = counts[verdict_name(text.verdict)].get<int>() + 1;
            claims.push_back({{"span", text.claim->span},
                              {"verdict", verdict_name(text.verdict)},
                              {"verdict_label", text.verdict_label},
                              {"model_line", text.model_line},
                              {"reason", text.reason}});
        }
        const Article& article = reader.content.quotes.article_of(quote);
        std::ostringstream article_html;
        std::size_t unused_count = 0;
        write_quote(article_html, reader, quote_index, unused_count, false);
        quotes.push_back({{"id", quote.id},
                          {"script", quote.script},
                          {"text", quote.text},
                          {"translation", quote.translation_en},
                          {"source", article_line(reader, article)},
                          {"publication", article.publication},
                          {"date", article.date},
                          {"headline_claim", headline_claim(texts)},
                          {"claims", claims},
                          {"article_html", article_html.str()}});
    }
    out["verdict_counts"] = counts;
    out["verdict_labels"] = labels;
    out["quotes"] = quotes;
    return out;
}

bool write_file(const std::string& path, const std::string& text) {
    std::ofstream file(path, std::ios::binary);
    file << text;
    if (file) return true;
    std::cerr << "render_fallback: cannot write " << path << "\n";
    return false;
}

} // namespace

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] main
//-----------------------------------------------------------------------------------------------------------------

int main(int argc, char** argv) {
    const char* usage =
        "usage: render_fallback [--content DIR] [--lang en|zh-Hans|zh-Hant] --out FILE [--cards FILE]\n";
    std::string content_dir = CHIPS_CONTENT_DIR, out_path, cards_path, lang_text = "en";
    for (int index = 1; index < argc; ++index) {
        const std::string argument = argv[index];
        if (argument == "--content" && index + 1 < argc)
            content_dir = argv[++index];
        else if (argument == "--out" && index + 1 < argc)
            out_path = argv[++index];
        else if (argument == "--cards" && index + 1 < argc)
            cards_path = argv[++index];
        else if (argument == "--lang" && index + 1 < argc)
            lang_text = argv[++index];
        else {
            std::cerr << usage;
            return 2;
        }
    }
    Lang lang = Lang::en;
    if (out_path.empty() || !lang_from_code(lang_text, lang)) {
        if (!out_path.empty()) std::cerr << "render_fallback: --lang " << quote_for_message(lang_text) << ": unknown\n";
        std::cerr << usage;
        return 2;
    }
    ContentBundle content;
    if (!load_content(content_dir, content)) return 1;
    ClaimBook book;
    book.build(content.quotes, content.presets, content.gpus);
    const NumberStyle style = number_style(lang, Currency::usd, content.rate);
    const Reader reader{content, lang, Formatter(content.strings, lang, style), book,
                        reason_context(content.strings, content.gpus, content.presets, style)};

    std::size_t claims = 0;
    if (!write_file(out_path, text_version(reader, claims))) return 1;
    if (!cards_path.empty() && !write_file(cards_path, cards(reader).dump(1) + "\n")) return 1;
    std::printf("render_fallback: %s, %zu quotes, %zu claims -> %s%s%s\n", lang_code(lang),
                content.quotes.quotes.size(), claims, out_path.c_str(), cards_path.empty() ? "" : " + ",
                cards_path.c_str());
    return 0;
}
