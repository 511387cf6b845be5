// model/content/quote_check.h — one claim of content/quotes.json checked by the model, optionally under the reader's own
// assumptions (e.g. a different price per GPU-hour or MFU). Used by the quotes download (model/output/export.h) and meant
// for the UI's claim list, so both give the same verdict for the same assumptions.
#pragma once
#include "model/engine/claim_check.h"
#include "model/content/gpu_catalog.h"
#include "model/content/presets.h"
#include "model/content/quotes.h"

#include <string>
#include <utility>
#include <vector>

namespace chips {

// Scenario keys → values in --set text form ("usd_per_gpu_hour" → "2.5"): the reader's assumptions.
using ScenarioOverrides = std::vector<std::pair<std::string, std::string>>;

struct QuoteClaimCheck {
    bool has_scenario = false; // the claim's scenario (with assumptions) could be built
    Scenario scenario;         // what the model computed (preset → assumptions → the claim's own overrides)
    ClaimCheck check;          // verdict, model range in the claim's terms, claimed/model
};

// Builds the claim's scenario as preset → `assumptions` → the claim's own overrides (the claim's overrides define
// what it is about, e.g. chips=1 for a per-chip price, so they win over the reader's), and compare_to as published
// (it is the reference: another model's MFU is not the reader's assumption). Then runs check_claim on the claimed
// value; for a range ("100億到1000億") the verdict is consistent when either end is or the ends straddle the model.
// An assumption that does not apply (unknown key, out of range) makes the claim not_checkable with
// problem = scenario_invalid rather than silently dropping it.
QuoteClaimCheck check_quote_claim(const QuoteClaim& claim, const PresetCatalog& presets, const GpuCatalog& catalog,
                                  const ScenarioOverrides& assumptions = {});

} // namespace chips
