// session/permalink.cpp — see permalink.h.
#include "session/permalink.h"

#include "model/text/safe_text.h"
#include "session/bridge_reply.h"

#include <algorithm>
#include <cctype>
#include <utility>
#include <vector>

namespace chips {

namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// A bad link value as the reader sees it: which key, and why (the value quoted, cut and escaped).
std::string link_problem(const Session& session, const std::string& key, const std::string& reason) {
    return fill_in(fill_in(session.tr("error.invalid_value"), "key", quote_for_message(key, 24)), "reason", reason);
}

std::string localized_error(const Session& session, const ContentError& error) {
    return fill_in(
        fill_in(session.tr("error.invalid_value"), "key", error.pointer.empty() ? error.source : error.pointer),
        "reason", error.message);
}

} // namespace

std::string url_encode(const std::string& text) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

std::string url_decode(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const int high = i + 2 < text.size() && text[i] == '%' ? hex_value(text[i + 1]) : -1;
        const int low = high >= 0 ? hex_value(text[i + 2]) : -1;
        if (text[i] == '+') {
            out += ' ';
        } else if (high >= 0 && low >= 0) {
            out += static_cast<char>(high * 16 + low);
            i += 2;
        } else {
            out += text[i];
        }
    }
    return out;
}

std::string embed_snippet(const Session& session, const std::string& page_url) {
    std::string url = page_url + "embed.html";
    std::string title = session.tr("app.title");
    if (!session.quotes().empty()) {
        const CheckedQuote& quote = session.quotes()[session.selected_quote()];
        url += "?quote=" + url_encode(quote.quote->id) + "&claim=" + std::to_string(session.selected_claim());
        if (!quote.claims.empty())
            title += ": \xE2\x80\x9C" + quote.claims[session.selected_claim()].claim->span + "\xE2\x80\x9D";
    } else {
        url += "?";
    }
    url += "&lang=" + std::string(lang_code(session.lang()));
    return "<iframe src=\"" + html_escape(url) +
           "\" width=\"700\" height=\"450\" style=\"border:0;max-width:100%\" title=\"" + html_escape(title) +
           "\" loading=\"lazy\"></iframe>";
}

std::string permalink_query(const Session& session) {
    return permalink_query(session, session.view());
}

std::string permalink_query(const Session& session, View view) {
    // Only the keys that differ from the preset's scenario (Scenario{}, DeepSeek-V3 as reported, when the preset is
    // the default one): short links, stable while the presets stay.
    std::string query;
    auto add = [&](const std::string& key, const std::string& value) {
        if (!query.empty()) query += '&';
        query += key + "=" + url_encode(value);
    };
    const Preset* preset = session.presets().find(session.preset_id());
    const Scenario defaults = preset && session.preset_id() != kDefaultPresetId ? preset->scenario : Scenario();
    if (preset && session.preset_id() != kDefaultPresetId) add("preset", session.preset_id());
    std::size_t count = 0;
    const ScenarioKeyInfo* keys = scenario_keys(count);
    for (std::size_t i = 0; i < count; ++i) {
        const std::string value = scenario_value_text(session.scenario(), keys[i]);
        if (value != scenario_value_text(defaults, keys[i])) add(keys[i].key, value);
    }
    if (session.lang() != Lang::en) add("lang", lang_code(session.lang()));
    const int selected = session.selected_quote();
    if (selected >= 0 && selected < static_cast<int>(session.quotes().size())) {
        add("quote", session.quotes()[selected].quote->id);
        if (session.selected_claim() > 0) add("claim", std::to_string(session.selected_claim()));
    }
    if (view == View::embed) add("view", "embed");
    if (session.presenter()) add("presenter", "1");
    if (session.currency() != Currency::usd) add("currency", currency_code(session.currency()));
    if (view != View::embed && session.tour_nav().mode() == TourMode::touring)
        add("tour", tour_permalink_value(session.tour(), session.tour_nav().step())); // a presenter's link: that step
    return query;
}

std::string apply_url_query(Session& session, const std::string& query_text) {
    BridgeReply reply(session);
    if (query_text.size() > kMaxQueryBytes) {
        reply.bad(link_problem(session, "link",
                               "longer than " + std::to_string(kMaxQueryBytes / 1024) + " KB; nothing was applied"));
        return reply.dump();
    }
    std::string query = query_text;
    if (!query.empty() && query[0] == '?') query.erase(0, 1);

    std::vector<std::pair<std::string, std::string>> scenario_pairs;
    std::vector<std::string> seen_keys;
    std::string quote_id, tour_value, preset_id, claim_value;
    bool has_quote = false, has_tour = false;
    for (std::size_t start = 0; start < query.size();) {
        std::size_t end = query.find('&', start);
        if (end == std::string::npos) end = query.size();
        const std::string pair = query.substr(start, end - start);
        start = end + 1;
        if (pair.empty()) continue;
        const std::size_t eq = pair.find('=');
        const std::string key = url_decode(pair.substr(0, eq));
        const std::string value = eq == std::string::npos ? "" : url_decode(pair.substr(eq + 1));
        if (std::find(seen_keys.begin(), seen_keys.end(), key) != seen_keys.end())
            reply.bad(link_problem(session, key, "given more than once; the last value is used"));
        else
            seen_keys.push_back(key);
        if (key == "lang") {
            Lang lang;
            if (lang_from_code(value, lang))
                session.set_language(lang);
            else
                reply.bad(link_problem(session, key, quote_for_message(value, 24) + "; allowed: en, zh-Hans, zh-Hant"));
        } else if (key == "quote") {
            quote_id = value;
            has_quote = true;
        } else if (key == "claim") {
            claim_value = value;
        } else if (key == "view") {
            if (value == "embed" || value == "full")
                session.set_view(value == "embed" ? View::embed : View::full);
            else
                reply.bad(link_problem(session, key, quote_for_message(value, 24) + "; allowed: full, embed"));
        } else if (key == "presenter") {
            session.set_presenter(value == "1" || value == "true");
        } else if (key == "currency") {
            Currency currency;
            if (!currency_from_code(value, currency) || !session.set_currency(currency))
                reply.bad(link_problem(session, key, quote_for_message(value, 24) + "; allowed: USD, CNY"));
        } else if (key == "preset") {
            if (session.presets().find(value))
                preset_id = value;
            else
                reply.bad(link_problem(session, key, "unknown preset " + quote_for_message(value, 24)));
        } else if (key == "tour") {
            tour_value = value;
            has_tour = true;
        } else if (find_scenario_key(key)) {
            scenario_pairs.emplace_back(key, value);
        } else {
            // Short on purpose: a link with many unknown keys must not fill the screen with the list of known ones.
            reply.bad(link_problem(session, key,
                                   "unknown key; allowed: the scenario keys of docs/contract.md, "
                                   "preset, lang, quote, view, presenter, currency, tour"));
        }
    }
    // A tour link opens its step (scenario + quote); the link's own scenario keys and quote then say exactly what
    // the presenter had on screen, on top of the defaults (a permalink lists every key that differs from them).
    bool tour_opened = false;
    if (has_tour) {
        std::size_t index = 0;
        if (session.view() != View::embed && tour_step_from_permalink(session.tour(), tour_value, index))
            tour_opened = session.tour_open_step(index);
        if (!tour_opened) reply.bad(link_problem(session, "tour", quote_for_message(tour_value, 24)));
    }
    if (has_quote && !session.select_quote(quote_id, /*load_first_claim=*/!tour_opened, /*reveal=*/true))
        reply.bad(link_problem(session, "quote", "unknown quote " + quote_for_message(quote_id, 24)));
    if (!claim_value.empty()) {
        // claim=N: the N-th claim (0-based) of the linked quote, as in its card's claim ids "<quote>#<N>".
        const bool digits = claim_value.size() <= 3 && claim_value.find_first_not_of("0123456789") == std::string::npos;
        const int index = digits ? std::stoi(claim_value) : -1;
        if (index < 0 || !session.select_claim(index)) {
            reply.bad(link_problem(
                session, "claim",
                quote_for_message(claim_value, 24) + "; allowed: 0 to " +
                    std::to_string(
                        session.quotes().empty() ? 0 : session.quotes()[session.selected_quote()].claims.size() - 1)));
        } else {
            const CheckedClaim& claim = session.quotes()[session.selected_quote()].claims[index];
            if (claim.has_scenario && scenario_pairs.empty() && !tour_opened)
                session.load_scenario(claim.scenario, claim.preset_id);
        }
    }
    if (!scenario_pairs.empty() || !preset_id.empty()) {
        // A permalink lists every key that differs from its preset's scenario (Scenario{} by default), so its
        // scenario is those keys on top of that, whatever the linked quote or tour step loaded before.
        const Preset* preset = session.presets().find(preset_id.empty() ? kDefaultPresetId : preset_id);
        Scenario next = preset && !preset_id.empty() ? preset->scenario : Scenario();
        // gpu= goes through the model's GPU switch (FP8 falls back to BF16 on a chip without it, as in the menu).
        for (const auto& [key, value] : scenario_pairs) {
            if (auto error = apply_scenario_value(next, key, value, "url", session.gpus()))
                reply.bad(localized_error(session, *error));
        }
        if (auto error = validate_scenario(next, session.gpus(), "url")) {
            reply.bad(localized_error(session, *error));
            reply.bad(session.tr("error.invalid_link"));
        } else {
            session.load_scenario(next, preset_id.empty() ? std::string(kDefaultPresetId) : preset_id);
        }
    }
    return reply.dump();
}

} // namespace chips
