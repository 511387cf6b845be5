// model/output/ledger.cpp — see ledger.h.
#include "model/output/ledger.h"

#include "model/text/safe_text.h"

#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace chips {

namespace {

// The page is built by appending to one string. Not std::ostringstream: iostreams bring the whole of libc++'s
// locale machinery (money, time and wide-character facets, ~50 KB of code) into chips.wasm, where the ledger is a
// download (ui/panel_downloads.cpp) linked into the page every reader loads.
struct HtmlOut {
    std::string text;
    HtmlOut& operator<<(std::string_view part) {
        text.append(part);
        return *this;
    }
    // Counts and indices only: a char or bool here would be a mistake, printed as a number.
    template <class Integer, std::enable_if_t<std::is_integral_v<Integer> && !std::is_same_v<Integer, char> &&
                                                  !std::is_same_v<Integer, bool>,
                                              int> = 0>
    HtmlOut& operator<<(Integer n) {
        text.append(std::to_string(n));
        return *this;
    }
};

const Lang kLanguages[] = {Lang::en, Lang::zh_hans, Lang::zh_hant};

const std::string& localized(const LocalizedText& text, Lang lang) {
    const std::string& chosen = lang == Lang::zh_hans ? text.zh_hans : lang == Lang::zh_hant ? text.zh_hant : text.en;
    return chosen.empty() ? text.en : chosen;
}

std::string fill(std::string pattern, const char* name, const std::string& value) {
    const std::string token = std::string("{") + name + "}";
    for (std::size_t at = pattern.find(token); at != std::string::npos; at = pattern.find(token, at + value.size()))
        pattern.replace(at, token.size(), value);
    return pattern;
}

// Links only for web addresses: a content typo must not become a javascript: link.
bool is_web_url(const std::string& url) {
    return url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0;
}

// "Title, locator" entries, each linked when it has a web address, joined by "; ".
void write_source_links(HtmlOut& out, const std::vector<SourceRef>& sources) {
    for (std::size_t index = 0; index < sources.size(); ++index) {
        const SourceRef& source = sources[index];
        if (index) out << "; ";
        std::string label = source.title;
        if (!source.locator.empty()) label += ", " + source.locator;
        if (is_web_url(source.url))
            out << "<a href=\"" << html_escape(source.url) << "\" rel=\"noopener\">" << html_escape(label) << "</a>";
        else
            out << html_escape(label);
    }
}

std::string preset_name(const LedgerContent& content, const ScenarioRef& ref, Lang lang) {
    const Preset* preset = content.presets->find(ref.preset);
    return preset ? localized(preset->short_name, lang) : ref.preset;
}

std::string verdict_key(Verdict verdict) {
    return std::string("verdict.") + verdict_name(verdict);
}

// One row: the span, the verdict, the reason, the numbers and the sources of claim `index` of the book.
void write_claim(HtmlOut& out, const LedgerContent& content, std::size_t index, const ReasonContext& context) {
    const ClaimBook& book = *content.book;
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
    auto tr = [&](const std::string& key) { return std::string(content.strings->tr(key, lang)); };

    out << "      <tr data-quote=\"" << html_escape(book.quote(index).id) << "\" data-claim=\"" << entry.claim_index
        << "\" data-verdict=\"" << verdict_name(verdict) << "\">\n";
    out << "        <td><q lang=\"" << html_escape(book.quote(index).script) << "\">" << html_escape(claim.span)
        << "</q></td>\n";
    out << "        <td>" << html_escape(tr(verdict_key(verdict))) << "</td>\n";
    out << "        <td class=\"reason\">" << html_escape(book.reason(index, context)) << "</td>\n";
    out << "        <td>";
    if (!numbers.claimed.empty()) {
        std::string compared = fill(tr("ledger.compared"), "claimed", numbers.claimed);
        compared = fill(compared, "range", numbers.range);
        out << html_escape(fill(compared, "central", numbers.central));
    }
    out << "</td>\n        <td>";
    write_source_links(out, claim.sources);
    if (claim.has_scenario) {
        std::string scenario = claim.has_compare_to ? tr("ledger.scenario_vs") : tr("ledger.scenario");
        scenario = fill(scenario, "scenario", preset_name(content, claim.scenario, lang));
        if (claim.has_compare_to) scenario = fill(scenario, "reference", preset_name(content, claim.compare_to, lang));
        out << (claim.sources.empty() ? "" : "<br>") << html_escape(scenario);
    }
    out << "</td>\n      </tr>\n";
}

void write_section(HtmlOut& out, const LedgerContent& content, Lang lang) {
    const ClaimBook& book = *content.book;
    NumberStyle style;
    style.lang = lang;
    const ReasonContext context = reason_context(*content.strings, *content.gpus, *content.presets, style);
    auto tr = [&](const std::string& key) { return std::string(content.strings->tr(key, lang)); };
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
            << html_escape(content.strings->tr(std::string("lang.") + lang_code(other), other)) << "</a>";
    out << "</p>\n  <p>" << html_escape(tr("ledger.intro")) << "</p>\n  <p>" << html_escape(summary) << "</p>\n";

    // The book lists claims in quote order: `first` is the book index of each quote's first claim.
    const QuoteLibrary& library = *content.quotes;
    for (std::size_t article = 0; article < library.articles.size(); ++article) {
        out << "  <h2>" << html_escape(localized(library.articles[article].about, lang)) << "</h2>\n";
        std::size_t first = 0;
        for (const Quote& quote : library.quotes) {
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
                write_claim(out, content, quote_first + c, context);
            out << "    </table>\n  </article>\n";
        }
    }
    out << "</section>\n";
}

} // namespace

std::string render_ledger_sections(const LedgerContent& content, Lang first) {
    HtmlOut html;
    write_section(html, content, first);
    for (Lang lang : kLanguages)
        if (lang != first) write_section(html, content, lang);
    return std::move(html.text);
}

std::string render_ledger_html(const LedgerContent& content, Lang first) {
    return "<!DOCTYPE html>\n<!-- Written from content/*.json by model/output/ledger.cpp; do not edit. -->\n"
           "<html lang=\"" +
           std::string(lang_code(first)) +
           "\">\n<head>\n<meta charset=\"utf-8\">\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
           html_escape(content.strings->tr("ledger.title", first)) + "</title>\n</head>\n<body>\n" +
           render_ledger_sections(content, first) + "</body>\n</html>\n";
}

} // namespace chips
