// model/content/currency.cpp — see currency.h.
#include "model/content/currency.h"

#include "model/content/content_json.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>

namespace chips {

using content_json::child;
using content_json::Json;
using content_json::Reporter;

const char* currency_code(Currency currency) {
    return currency == Currency::cny ? "CNY" : "USD";
}

bool currency_from_code(std::string_view code, Currency& currency_out) {
    std::string upper(code);
    std::transform(upper.begin(), upper.end(), upper.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    if (upper == "USD") {
        currency_out = Currency::usd;
        return true;
    }
    if (upper == "CNY" || upper == "RMB") { // RMB is what Chinese readers type
        currency_out = Currency::cny;
        return true;
    }
    return false;
}

double convert_from_usd(double usd, Currency currency, const CurrencyRate& rate) {
    if (currency == Currency::usd) return usd;
    if (!(rate.cny_per_usd > 0.0) || !std::isfinite(rate.cny_per_usd)) return std::numeric_limits<double>::quiet_NaN();
    return usd * rate.cny_per_usd;
}

namespace {

// "YYYY-MM" or "YYYY-MM-DD" with plausible month/day (a rate always refers to a month or a day).
bool is_month_or_day(const std::string& text) {
    auto digits = [&](std::size_t from, std::size_t count) {
        for (std::size_t i = from; i < from + count; ++i)
            if (i >= text.size() || !std::isdigit(static_cast<unsigned char>(text[i]))) return false;
        return true;
    };
    if (text.size() != 7 && text.size() != 10) return false;
    if (!digits(0, 4) || text[4] != '-' || !digits(5, 2)) return false;
    const int month = std::stoi(text.substr(5, 2));
    if (month < 1 || month > 12) return false;
    if (text.size() == 7) return true;
    if (text[7] != '-' || !digits(8, 2)) return false;
    const int day = std::stoi(text.substr(8, 2));
    return day >= 1 && day <= 31;
}

} // namespace

bool load_currency(std::string_view json_text, const std::string& file_name, CurrencyRate& rate_out,
                   ContentErrors& errors) {
    const std::size_t errors_before = errors.size();
    Json root;
    if (!content_json::parse(json_text, file_name, root, errors)) return false;
    const Reporter report{file_name, errors};
    if (!report.expect_object(root, "")) return false;
    report.reject_unknown_fields(root, "", {"schema_version", "usd_to_cny"});
    double schema_version = 0;
    if (report.read_number(root, "", "schema_version", schema_version, /*required=*/true) && schema_version != 1)
        report.error("/schema_version", "unsupported schema_version (this build reads 1)");

    const auto entry = root.find("usd_to_cny");
    if (entry == root.end()) {
        report.error("/usd_to_cny", "missing field");
        return false;
    }
    const std::string here = "/usd_to_cny";
    if (!report.expect_object(*entry, here)) return false;
    report.reject_unknown_fields(*entry, here, {"rate", "date", "basis", "sources"});

    CurrencyRate rate;
    if (report.read_number(*entry, here, "rate", rate.cny_per_usd, /*required=*/true) &&
        !(rate.cny_per_usd > 1.0 && rate.cny_per_usd < 20.0))
        report.error(child(here, "rate"), "yuan per US dollar must be between 1 and 20 (is it inverted?)");
    if (report.read_string(*entry, here, "date", rate.date, /*required=*/true) && !is_month_or_day(rate.date))
        report.error(child(here, "date"), "date '" + rate.date + "' must be YYYY-MM or YYYY-MM-DD");
    report.read_localized(*entry, here, "basis", rate.basis, /*required=*/true);

    const std::string sources_pointer = child(here, "sources");
    const auto sources = entry->find("sources");
    if (sources == entry->end()) {
        report.error(sources_pointer, "missing field (a rate needs its source)");
    } else if (report.expect_array(*sources, sources_pointer)) {
        if (sources->empty()) report.error(sources_pointer, "at least one source is required");
        for (std::size_t i = 0; i < sources->size(); ++i) {
            const Json& source = (*sources)[i];
            const std::string at = child(sources_pointer, i);
            if (!report.expect_object(source, at)) continue;
            report.reject_unknown_fields(source, at, {"title", "publisher", "date", "locator", "url"});
            SourceRef ref;
            report.read_string(source, at, "title", ref.title, /*required=*/true);
            report.read_string(source, at, "publisher", ref.publisher, false);
            report.read_string(source, at, "date", ref.date, false);
            report.read_string(source, at, "locator", ref.locator, false);
            if (report.read_string(source, at, "url", ref.url, /*required=*/true) && ref.url.rfind("https://", 0) != 0)
                report.error(child(at, "url"), "url must start with https://");
            rate.sources.push_back(std::move(ref));
        }
    }
    if (errors.size() != errors_before) return false;
    rate_out = std::move(rate);
    return true;
}

} // namespace chips
