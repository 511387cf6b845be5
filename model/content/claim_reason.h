// model/content/claim_reason.h — the one plain sentence that says why a claim got its verdict, in the reader's
// language:
// "$5.57M fits: the model puts the training cost at $3.2M–$9.7M (2,048 H800 at $2 per GPU-hour, at the efficiency
// other published runs reach on this chip)." Templates live in content/strings.json ("reason.*"), numbers go
// through model/text/number_format.h (so 557.6万美元 in Chinese, CN¥ when the reader picked CNY), and no internal key
// (rental_cost_usd) ever reaches the text. Used for the published verdict and for the live one alike.
#pragma once
#include "model/content/gpu_catalog.h"
#include "model/content/presets.h"
#include "model/content/quotes.h"
#include "model/content/strings.h"
#include "model/engine/claim_check.h"
#include "model/text/number_format.h"

#include <string>
#include <vector>

namespace chips {

// What a reason sentence is made of: the claim, how it was compared, and the scenarios that produced the numbers.
struct ReasonInput {
    const QuoteClaim* claim = nullptr;         // the content (span, quantity, note, ratio mode, published figure)
    const ClaimComparison* compared = nullptr; // verdict, model range in the claim's terms, problem
    double claimed = 0.0;                      // the claimed value as compared (output unit; N for "1/N"; 1 + x excess)
    double claimed_high = 0.0;            // the upper end of a range claim ("數億美元"); 0 or == claimed otherwise
    const Scenario* scenario = nullptr;   // the run the model computed (null for published figures)
    const Scenario* compare_to = nullptr; // the reference run of a ratio (null otherwise)
};

struct ReasonContext {
    const StringTable* strings = nullptr;   // templates ("reason.*") and unit words
    const GpuCatalog* gpus = nullptr;       // short names and catalog price ranges
    const PresetCatalog* presets = nullptr; // short names of the runs a ratio compares
    NumberStyle style;                      // language, currency, digits
};

// The sentence. Not checkable by declaration: the first sentence of the claim's note. A model problem (the reader's
// assumptions make the run impossible): a fixed sentence that says so.
std::string claim_reason(const ReasonInput& input, const ReasonContext& context);

// The numbers a reason compares, each as the reader's language writes it: the claimed value as the article states
// it ("1/20", "$5.57M", "61 days") and the model's (or the published) range with its central ("$3.2M–$9.7M",
// central "$4.78M"). Empty for claims not checked. For the ledger's "numbers compared" column.
struct ReasonNumbers {
    std::string claimed;
    std::string range;
    std::string central;
};
ReasonNumbers claim_reason_numbers(const ReasonInput& input, const ReasonContext& context);

// The keys claim_reason reads, for required_string_keys(): templates and pieces, without the per-quantity words
// ("reason.what.<output key>"), which the validator requires for each quantity a claim uses.
std::vector<std::string> claim_reason_string_keys();

// The first sentence of a note ("A list price, not a cost." of a longer note): up to the first ". " or "。".
std::string first_sentence(const std::string& text);

} // namespace chips
