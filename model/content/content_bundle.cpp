// model/content/content_bundle.cpp — the JSON way into a ContentBundle (see content_bundle.h).
#include "model/content/content_bundle.h"

namespace chips {

namespace {
const std::string* find_text(const ContentTexts& texts, const char* name) {
    auto found = texts.find(name);
    if (found != texts.end()) return &found->second;
    found = texts.find(std::string("content/") + name);
    return found != texts.end() ? &found->second : nullptr;
}
} // namespace

bool load_content_bundle(const ContentTexts& texts, ContentBundle& bundle_out, ContentErrors& errors) {
    const std::size_t errors_before = errors.size();
    bundle_out = ContentBundle();
    for (const char* name : {"gpus.json", "presets.json", "quotes.json", "strings.json"})
        if (!find_text(texts, name)) errors.push_back({std::string("content/") + name, "", "missing file"});
    if (const std::string* text = find_text(texts, "strings.json"))
        load_strings(*text, "content/strings.json", bundle_out.strings, errors);
    if (const std::string* text = find_text(texts, "gpus.json"))
        load_gpu_catalog(*text, "content/gpus.json", bundle_out.gpus, errors);
    if (const std::string* text = find_text(texts, "presets.json"))
        load_presets(*text, "content/presets.json", bundle_out.gpus, bundle_out.presets, errors);
    if (const std::string* text = find_text(texts, "quotes.json"))
        load_quotes(*text, "content/quotes.json", bundle_out.quotes, errors);
    // Reader journeys (docs/journeys.md): optional; without them there is no tour and no CNY choice.
    if (const std::string* text = find_text(texts, "tour.json")) {
        if (!load_tour(*text, "content/tour.json", bundle_out.tour, errors)) bundle_out.tour = Tour();
    }
    if (const std::string* text = find_text(texts, "currency.json")) {
        if (!load_currency(*text, "content/currency.json", bundle_out.rate, errors)) bundle_out.rate = CurrencyRate();
    }
    return errors.size() == errors_before;
}

} // namespace chips
