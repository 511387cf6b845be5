// model/output/ledger.h — the fact-check ledger: one HTML page listing every claim of the five articles with its
// verdict, the plain reason, the numbers compared and the sources, in English, simplified and traditional Chinese
// (one section each, the reader's language first, with links between them).
//
// One writer for both places a reader gets it: tools/render_ledger.cpp writes the sections that become ledger.html
// in each language tree of the site at build time (linked from the page's footer), and the app's Download popup saves
// the same sections as a page
// (ui/panel_downloads.cpp), which also works in the offline file. It reads the claim book (model/content/
// claim_book.h), so the ledger, the cards, getResults() and the text version cannot disagree.
//
// The page has no script and no style of its own: it is meant to be read, printed, archived, and served next to the
// site under the site's Content-Security-Policy. Each claim is a row <tr data-quote="ID" data-claim="N"
// data-verdict="V"> whose reason cell has class "reason" (tests read them).
#pragma once
#include "model/content/claim_book.h"
#include "model/content/gpu_catalog.h"
#include "model/content/presets.h"
#include "model/content/quotes.h"
#include "model/content/strings.h"

#include <string>

namespace chips {

struct LedgerContent {
    const ClaimBook* book = nullptr;
    const QuoteLibrary* quotes = nullptr;
    const StringTable* strings = nullptr;
    const GpuCatalog* gpus = nullptr;
    const PresetCatalog* presets = nullptr;
};

// The three language sections (<section id="en" lang="en">…), `first` first. Numbers in US dollars. The site wraps
// them in its page shell (site/ledger.html, scripts/build_ledger_page.mjs).
std::string render_ledger_sections(const LedgerContent& content, Lang first);
// The same sections as a whole page on its own (the Download popup's file); `first` is also its <html lang>.
std::string render_ledger_html(const LedgerContent& content, Lang first);

// "ledger.html": the page's name in every language tree of the site.
inline constexpr const char* kLedgerFileName = "ledger.html";

} // namespace chips
