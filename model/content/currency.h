// model/content/currency.h — the display currency (USD or CNY) and the one stated USD→CNY rate from
// content/currency.json.
//
// The model, the CLI and every exported file stay in USD; only text shown to the reader is converted, with the
// rate's date and source printed next to the switch (docs/journeys.md "Currency"). One fixed, dated rate rather
// than a live one: the articles are from early 2025, and a number that changes on every visit cannot be cited.
#pragma once
#include "model/core/content_error.h"
#include "model/core/types.h"

#include <string>
#include <string_view>
#include <vector>

namespace chips {

enum class Currency {
    usd, // US dollars, the model's unit
    cny, // Chinese yuan (renminbi), converted at CurrencyRate::cny_per_usd
};

const char* currency_code(Currency currency);                           // "USD" / "CNY" (ISO 4217)
bool currency_from_code(std::string_view code, Currency& currency_out); // "USD"/"usd"/"CNY"/"cny"/"RMB"; false else

struct CurrencyRate {
    double cny_per_usd = 0.0;       // yuan for one US dollar, > 0 (0 = not loaded: CNY text shows "—")
    std::string date;               // what the rate refers to: "YYYY-MM-DD" (a day) or "YYYY-MM" (a monthly mean)
    LocalizedText basis;            // what kind of figure it is, e.g. "monthly average of daily noon buying rates"
    std::vector<SourceRef> sources; // primary source first; at least one, each with an https url
};

// Parses content/currency.json:
//   {"schema_version": 1, "usd_to_cny": {"rate": 7.2957, "date": "2025-01", "basis": {en, zh-Hans, zh-Hant},
//    "sources": [{"title": ..., "publisher": ..., "date": ..., "locator": ..., "url": "https://..."}]}}
// Errors (file name + JSON pointer): invalid JSON, unknown fields, rate not a number in (1, 20) — a rate outside it
// is a typo or an inverted CNY→USD figure —, bad date, missing translation, no source, non-https url.
bool load_currency(std::string_view json_text, const std::string& file_name, CurrencyRate& rate_out,
                   ContentErrors& errors);

// usd × rate for CNY, usd for USD. A missing rate (<= 0 or non-finite) gives NaN, which every formatter prints
// as "—", so a broken rate never shows a wrong number.
double convert_from_usd(double usd, Currency currency, const CurrencyRate& rate);

} // namespace chips
