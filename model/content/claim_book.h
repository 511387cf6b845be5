// model/content/claim_book.h — every claim of content/quotes.json with its verdict, ready for the page: the verdict
// against the claim's own scenario (fixed), the verdict under the reader's assumptions (live, recomputed on every
// change), and the plain reason line in the reader's language. getResults(), the claim cards, the embed and the
// fact-check ledger (tools/render_ledger.cpp) all read it, so they agree. API and JSON shape: docs/contract.md
// "Claims".
//
// Index
// - [SECTION] ClaimEntry: one claim, prepared once
// - [SECTION] ClaimBook: build once per content load, re-check live, explain, export
#pragma once
#include "model/content/claim_reason.h"
#include "model/content/quote_check.h"
#include "model/engine/claim_check.h"

#include <cstddef>
#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

namespace chips {

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] ClaimEntry
//-----------------------------------------------------------------------------------------------------------------

struct ClaimEntry {
    std::size_t quote_index = 0;          // into QuoteLibrary::quotes
    std::size_t claim_index = 0;          // into Quote::claims
    QuoteClaimCheck published;            // the verdict against the claim's own scenario, as published on the page
    ClaimComparison published_comparison; // the same verdict as a comparison (what reason lines take)
    double claimed_low = 0.0;             // the claimed value as the checker compares it (converted; N for "1/N")
    double claimed_high = 0.0;            // == claimed_low unless the span is a range
    // Live re-checks: what the model compares, prepared once so that a change costs two estimates, no allocation.
    bool live = false; // a model claim whose scenario could be built
    const OutputInfo* output = nullptr;
    RatioMode mode = RatioMode::direct;
    std::uint64_t own_keys = 0;         // key-table bits the claim's own overrides set on its scenario
    std::uint64_t own_compare_keys = 0; // the same for compare_to
};

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] ClaimBook
//-----------------------------------------------------------------------------------------------------------------

class ClaimBook {
  public:
    // Checks every claim against its own scenario. The book keeps pointers to the three catalogs: they must
    // outlive it (the app keeps them together).
    void build(const QuoteLibrary& library, const PresetCatalog& presets, const GpuCatalog& gpus);

    std::size_t size() const { return entries_.size(); }
    const ClaimEntry& entry(std::size_t index) const { return entries_[index]; }
    // The book index of claim `claim_index` of quote `quote_index` (QuoteLibrary order); size() when there is none.
    std::size_t find(std::size_t quote_index, std::size_t claim_index) const;
    const Quote& quote(std::size_t index) const { return library_->quotes[entries_[index].quote_index]; }
    const QuoteClaim& claim(std::size_t index) const { return quote(index).claims[entries_[index].claim_index]; }

    // The verdict under the reader's assumptions: `reader` is the reader's scenario and `reader_base` the preset it
    // started from; every assumption key (model/output/export.h assumption_keys()) where the two differ replaces the
    // claim's value, on both runs of a comparison, except where the claim's own overrides set it. When the reader
    // changed nothing this is the published verdict. Cheap enough to call for every claim on every change: it
    // copies two scenarios and runs estimate() two to four times, and allocates nothing.
    ClaimComparison recheck(std::size_t index, const Scenario& reader, const Scenario& reader_base) const;

    // Whether the reader changed an assumption that reaches this claim (one its own overrides do not fix): then the
    // card shows the live verdict next to the published one, labelled "your scenario". False for a claim the model
    // does not re-check.
    bool reader_differs(std::size_t index, const Scenario& reader, const Scenario& reader_base) const;

    // The same two scenarios recheck() computes, for the reason line of a live verdict.
    void live_scenarios(std::size_t index, const Scenario& reader, const Scenario& reader_base, Scenario& scenario,
                        Scenario& compare_to) const;

    // One plain sentence why, in context.style's language, for the published verdict or (with the reader's
    // scenarios) the live one.
    std::string reason(std::size_t index, const ReasonContext& context) const;
    std::string live_reason(std::size_t index, const ClaimComparison& live, const Scenario& reader,
                            const Scenario& reader_base, const ReasonContext& context) const;

    // getResults()'s "claims": [{"quote", "span", "verdict", "verdict_live", "reason", "reason_live"}] in book order
    // (quote order, then claim order). verdict and verdict_live are verdict_name() strings; reason is the published
    // verdict's sentence and reason_live the live one's (the same text when the reader changed nothing that reaches
    // the claim), both in the context's language.
    nlohmann::json to_json(const Scenario& reader, const Scenario& reader_base, const ReasonContext& context) const;

  private:
    std::uint64_t changed_assumptions(const Scenario& reader, const Scenario& reader_base) const;
    void apply(Scenario& target, const Scenario& reader, std::uint64_t keys) const;

    const QuoteLibrary* library_ = nullptr;
    const PresetCatalog* presets_ = nullptr;
    const GpuCatalog* gpus_ = nullptr;
    std::vector<ClaimEntry> entries_;
    std::uint64_t assumption_mask_ = 0; // key-table bits of the assumption keys
};

// A context for claim_reason from the usual pieces.
ReasonContext reason_context(const StringTable& strings, const GpuCatalog& gpus, const PresetCatalog& presets,
                             const NumberStyle& style);

} // namespace chips
