// model/content/quote_check.h — one claim of content/quotes.json checked by the model (or against the figure its source
// published), optionally under the reader's own assumptions (a different price per GPU-hour, MFU...). Used by the
// claim book (model/content/claim_book.h: the page's cards, getResults(), the ledger) and the quotes download
// (model/output/export.h), so every place gives the same verdict for the same assumptions.
#pragma once
#include "model/content/gpu_catalog.h"
#include "model/content/presets.h"
#include "model/content/quotes.h"
#include "model/engine/claim_check.h"

#include <string>
#include <utility>
#include <vector>

namespace chips {

// Scenario keys → values in --set text form ("usd_per_gpu_hour" → "2.5"): the reader's assumptions.
using ScenarioOverrides = std::vector<std::pair<std::string, std::string>>;

struct QuoteClaimCheck {
    bool has_scenario = false; // the claim's scenario (with assumptions) could be built
    Scenario scenario;         // what the model computed (preset → assumptions → the claim's own overrides)
    bool has_compare_to = false;
    Scenario compare_to; // the reference of a ratio claim, built the same way
    ClaimCheck check;    // verdict, model range in the claim's terms, claimed/model
};

// Builds the claim's scenario as preset → `assumptions` → the claim's own overrides (the claim's overrides define
// what it is about, e.g. chips=1 for a per-chip price, or a shared price basis, so they win over the reader's), and
// compare_to the same way: both runs of a comparison are read under the same assumptions. Then runs check_claim on
// the claimed value; for a range ("100億到1000億") combine_range_ends decides. A published_figure claim is compared
// with its published figure (assumptions do not move it). An assumption that does not apply (unknown key, out of
// range) makes the claim not_checkable with problem = scenario_invalid rather than silently dropping it.
QuoteClaimCheck check_quote_claim(const QuoteClaim& claim, const PresetCatalog& presets, const GpuCatalog& catalog,
                                  const ScenarioOverrides& assumptions = {});

// A published_figure claim against its figure: verdict by the same tolerance rule, model = the published range.
ClaimComparison compare_with_published(const QuoteClaim& claim, double claimed_low, double claimed_high);

} // namespace chips
