// model/content/claim_book.cpp — see claim_book.h.
#include "model/content/claim_book.h"

#include "model/output/export.h" // assumption_keys()

#include <algorithm>
#include <nlohmann/json.hpp>
#include <utility>

namespace chips {

namespace {

// Key-table bit of every key that has a numeric field (the table has fewer than 64 keys; a static_assert in
// tests/test_claim_book.cpp holds it).
std::uint64_t key_bit(std::size_t index) {
    return index < 64 ? (std::uint64_t{1} << index) : 0;
}

// Bits of the keys whose value differs between two scenarios.
std::uint64_t differing_keys(const Scenario& a, const Scenario& b) {
    std::size_t count = 0;
    const ScenarioKeyInfo* keys = scenario_keys(count);
    std::uint64_t bits = 0;
    for (std::size_t i = 0; i < count; ++i)
        if (keys[i].field && a.*(keys[i].field) != b.*(keys[i].field)) bits |= key_bit(i);
    return bits;
}

// Bits of a claim's own override keys plus everything those overrides moved on the preset (a price reset by a
// GPU override, the range companions of mfu and the price).
std::uint64_t own_keys(const ScenarioRef& ref, const Scenario& built, const PresetCatalog& presets) {
    const Preset* preset = presets.find(ref.preset);
    std::uint64_t bits = preset ? differing_keys(built, preset->scenario) : 0;
    std::size_t count = 0;
    const ScenarioKeyInfo* keys = scenario_keys(count);
    for (const auto& [key, value] : ref.overrides)
        for (std::size_t i = 0; i < count; ++i)
            if (key == keys[i].key) bits |= key_bit(i);
    return bits;
}

ClaimComparison comparison_of(const ClaimCheck& check) {
    ClaimComparison comparison;
    comparison.verdict = check.verdict;
    comparison.problem = check.problem;
    comparison.model = check.model;
    comparison.claimed_over_model = check.claimed_over_model;
    comparison.fraction_of_reference = check.fraction_of_reference;
    comparison.scenario_status = check.scenario_status;
    comparison.compare_status = check.compare_status;
    return comparison;
}

} // namespace

ReasonContext reason_context(const StringTable& strings, const GpuCatalog& gpus, const PresetCatalog& presets,
                             const NumberStyle& style) {
    ReasonContext context;
    context.strings = &strings;
    context.gpus = &gpus;
    context.presets = &presets;
    context.style = style;
    return context;
}

void ClaimBook::build(const QuoteLibrary& library, const PresetCatalog& presets, const GpuCatalog& gpus) {
    library_ = &library;
    presets_ = &presets;
    gpus_ = &gpus;
    entries_.clear();
    assumption_mask_ = 0;
    std::size_t count = 0;
    const ScenarioKeyInfo* keys = scenario_keys(count);
    for (const std::string& key : assumption_keys())
        for (std::size_t i = 0; i < count; ++i)
            if (key == keys[i].key && keys[i].field) assumption_mask_ |= key_bit(i);

    for (std::size_t q = 0; q < library.quotes.size(); ++q) {
        const Quote& quote = library.quotes[q];
        for (std::size_t c = 0; c < quote.claims.size(); ++c) {
            const QuoteClaim& claim = quote.claims[c];
            ClaimEntry entry;
            entry.quote_index = q;
            entry.claim_index = c;
            entry.published = check_quote_claim(claim, presets, gpus);
            entry.published_comparison = comparison_of(entry.published.check);
            claim_values_for_checker(claim, entry.claimed_low, entry.claimed_high);
            entry.output = claim.checkable() ? find_output(claim.quantity.c_str()) : nullptr;
            entry.mode = claim.ratio_mode == QuoteRatioMode::inverse ? RatioMode::inverse : RatioMode::direct;
            entry.live = entry.output != nullptr && entry.published.has_scenario &&
                         (!claim.has_compare_to || entry.published.has_compare_to);
            if (entry.live) {
                entry.own_keys = own_keys(claim.scenario, entry.published.scenario, presets);
                if (claim.has_compare_to)
                    entry.own_compare_keys = own_keys(claim.compare_to, entry.published.compare_to, presets);
            }
            entries_.push_back(std::move(entry));
        }
    }
}

std::uint64_t ClaimBook::changed_assumptions(const Scenario& reader, const Scenario& reader_base) const {
    return differing_keys(reader, reader_base) & assumption_mask_;
}

void ClaimBook::apply(Scenario& target, const Scenario& reader, std::uint64_t keys) const {
    if (keys == 0) return;
    std::size_t count = 0;
    const ScenarioKeyInfo* table = scenario_keys(count);
    for (std::size_t i = 0; i < count; ++i)
        if ((keys & key_bit(i)) && table[i].field) target.*(table[i].field) = reader.*(table[i].field);
}

void ClaimBook::live_scenarios(std::size_t index, const Scenario& reader, const Scenario& reader_base,
                               Scenario& scenario, Scenario& compare_to) const {
    const ClaimEntry& entry = entries_[index];
    const std::uint64_t changed = changed_assumptions(reader, reader_base);
    scenario = entry.published.scenario;
    apply(scenario, reader, changed & ~entry.own_keys);
    compare_to = entry.published.compare_to;
    apply(compare_to, reader, changed & ~entry.own_compare_keys);
}

std::size_t ClaimBook::find(std::size_t quote_index, std::size_t claim_index) const {
    // Entries are in quote order, then claim order: a binary search on (quote, claim).
    const auto at = std::lower_bound(entries_.begin(), entries_.end(), std::make_pair(quote_index, claim_index),
                                     [](const ClaimEntry& entry, const std::pair<std::size_t, std::size_t>& key) {
                                         return std::make_pair(entry.quote_index, entry.claim_index) < key;
                                     });
    if (at == entries_.end() || at->quote_index != quote_index || at->claim_index != claim_index) return size();
    return static_cast<std::size_t>(at - entries_.begin());
}

bool ClaimBook::reader_differs(std::size_t index, const Scenario& reader, const Scenario& reader_base) const {
    const ClaimEntry& entry = entries_[index];
    if (!entry.live) return false;
    const std::uint64_t changed = changed_assumptions(reader, reader_base);
    return (changed & ~entry.own_keys) != 0 ||
           (entry.published.has_compare_to && (changed & ~entry.own_compare_keys) != 0);
}

ClaimComparison ClaimBook::recheck(std::size_t index, const Scenario& reader, const Scenario& reader_base) const {
    const ClaimEntry& entry = entries_[index];
    if (!entry.live) return entry.published_comparison;
    Scenario scenario, compare_to;
    live_scenarios(index, reader, reader_base, scenario, compare_to);
    const Scenario* reference = entry.published.has_compare_to ? &compare_to : nullptr;
    const QuoteClaim& claimed = claim(index);
    const ClaimComparison low =
        compare_claim(*entry.output, entry.claimed_low, claimed.tolerance, entry.mode, scenario, reference, *gpus_);
    if (entry.claimed_high == entry.claimed_low || low.problem != ClaimProblem::none) return low;
    return combine_range_ends(low, compare_claim(*entry.output, entry.claimed_high, claimed.tolerance, entry.mode,
                                                 scenario, reference, *gpus_));
}

std::string ClaimBook::reason(std::size_t index, const ReasonContext& context) const {
    const ClaimEntry& entry = entries_[index];
    ReasonInput input;
    input.claim = &claim(index);
    input.compared = &entry.published_comparison;
    input.claimed = entry.claimed_low;
    input.claimed_high = entry.claimed_high;
    input.scenario = entry.published.has_scenario ? &entry.published.scenario : nullptr;
    input.compare_to = entry.published.has_compare_to ? &entry.published.compare_to : nullptr;
    return claim_reason(input, context);
}

std::string ClaimBook::live_reason(std::size_t index, const ClaimComparison& live, const Scenario& reader,
                                   const Scenario& reader_base, const ReasonContext& context) const {
    const ClaimEntry& entry = entries_[index];
    Scenario scenario, compare_to;
    live_scenarios(index, reader, reader_base, scenario, compare_to);
    ReasonInput input;
    input.claim = &claim(index);
    input.compared = &live;
    input.claimed = entry.claimed_low;
    input.claimed_high = entry.claimed_high;
    input.scenario = entry.published.has_scenario ? &scenario : nullptr;
    input.compare_to = entry.published.has_compare_to ? &compare_to : nullptr;
    return claim_reason(input, context);
}

nlohmann::json ClaimBook::to_json(const Scenario& reader, const Scenario& reader_base,
                                  const ReasonContext& context) const {
    nlohmann::json claims = nlohmann::json::array();
    for (std::size_t i = 0; i < entries_.size(); ++i) {
        const ClaimComparison live = recheck(i, reader, reader_base);
        const std::string published_reason = reason(i, context);
        claims.push_back(
            {{"quote", quote(i).id},
             {"span", claim(i).span},
             {"verdict", verdict_name(entries_[i].published_comparison.verdict)},
             {"verdict_live", verdict_name(live.verdict)},
             {"reason", published_reason},
             {"reason_live", reader_differs(i, reader, reader_base) ? live_reason(i, live, reader, reader_base, context)
                                                                    : published_reason}});
    }
    return claims;
}

} // namespace chips
