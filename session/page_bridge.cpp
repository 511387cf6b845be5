// session/page_bridge.cpp — see page_bridge.h.
#include "session/page_bridge.h"

#include "model/content/scenario_json.h"
#include "model/output/estimate_json.h"
#include "session/bridge_reply.h"
#include "session/settings.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <vector>

namespace chips {

std::string state_json(const Session& session) {
    nlohmann::json out;
    out["scenario"] = scenario_to_json(session.scenario());
    out["language"] = lang_code(session.lang());
    out["preset"] = session.preset_id();
    out["quote"] = session.quotes().empty() ? "" : session.quotes()[session.selected_quote()].quote->id;
    out["view"] = view_name(session.view());
    out["currency"] = currency_code(session.currency());
    out["theme"] = session.theme() == ThemeKind::dark ? "dark" : "light"; // as drawn (choice or system)
    if (!session.tour().steps.empty()) {
        // The tour as the overlay shows it: mode, 0-based step and its id ("" outside the tour).
        const TourNavigator& nav = session.tour_nav();
        const bool touring = nav.mode() == TourMode::touring;
        out["tour"] = {{"mode", tour_mode_name(nav.mode())},
                       {"step", nav.step()},
                       {"id", touring ? tour_permalink_value(session.tour(), nav.step()) : ""},
                       {"steps", nav.step_count()}};
    }
    return out.dump();
}

namespace {

// The keys setState understands at the top level besides scenario keys. state_json() writes these (and "currency",
// "theme", "tour", which setState reads as settings), so setState(getState()) round-trips without a notice.
bool is_state_key(const std::string& key) {
    return key == "scenario" || key == "language" || key == "quote" || key == "view" || key == "preset" ||
           key == "currency" || key == "theme" || key == "tour";
}

// Parses like nlohmann::json::parse(text, nullptr, false) and also lists keys that appear twice in one object
// (the parser would silently keep the last one; a reader's payload with two "chips" deserves a notice).
nlohmann::json parse_noting_duplicates(const std::string& text, std::vector<std::string>& duplicates) {
    std::vector<std::vector<std::string>> open_objects;
    auto callback = [&](int, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
        if (event == nlohmann::json::parse_event_t::object_start) open_objects.emplace_back();
        if (event == nlohmann::json::parse_event_t::object_end && !open_objects.empty()) open_objects.pop_back();
        if (event == nlohmann::json::parse_event_t::key && !open_objects.empty() && parsed.is_string()) {
            std::vector<std::string>& seen = open_objects.back();
            const std::string& key = parsed.get_ref<const std::string&>();
            if (std::find(seen.begin(), seen.end(), key) != seen.end())
                duplicates.push_back(key);
            else
                seen.push_back(key);
        }
        return true;
    };
    return nlohmann::json::parse(text, callback, false);
}

std::string text_of(const nlohmann::json& value) {
    return value.is_string() ? value.get<std::string>() : value.dump();
}

} // namespace

std::string apply_state_json(Session& session, const std::string& json) {
    BridgeReply reply(session);
    if (json.size() > kMaxBridgeBytes) {
        reply.bad("setState: the payload is " + std::to_string(json.size() / 1024) + " KB; at most " +
                  std::to_string(kMaxBridgeBytes / 1024) + " KB are read, nothing was changed");
        return reply.dump();
    }
    // nlohmann/json stops reading at a NUL byte as if the text ended there; JSON text never contains a raw NUL.
    if (json.find('\0') != std::string::npos) {
        reply.bad("setState: the payload contains a NUL byte; expected JSON text");
        return reply.dump();
    }
    std::vector<std::string> duplicates;
    const nlohmann::json input = parse_noting_duplicates(json, duplicates);
    if (input.is_discarded() || !input.is_object()) {
        reply.bad("setState: expected a JSON object");
        return reply.dump();
    }
    for (const std::string& key : duplicates)
        reply.bad("setState: " + quote_for_message(key, 24) + " appears more than once; the last value is used");

    // Scenario keys may sit under "scenario" or at the top level (the same keys as `scripts/estimate --set`).
    nlohmann::json scenario_object = nlohmann::json::object();
    if (input.contains("scenario")) {
        if (input["scenario"].is_object())
            scenario_object = input["scenario"];
        else
            reply.bad("setState: /scenario: expected an object of scenario keys");
    }
    for (auto it = input.begin(); it != input.end(); ++it) {
        if (find_scenario_key(it.key()))
            scenario_object[it.key()] = it.value();
        else if (!is_state_key(it.key()))
            reply.bad("setState: unknown key " + quote_for_message(it.key(), 24) +
                      "; allowed: scenario keys (see --list-keys), scenario, language, quote, view, preset");
    }
    if (input.contains("quote")) {
        // A different quote loads its first claim's scenario (as a click on it does); the quote already shown
        // reloads nothing, so setState(getState()) changes nothing.
        const nlohmann::json& quote = input["quote"];
        const int index = quote.is_string() ? session.find_quote(quote.get<std::string>()) : -1;
        if (index < 0)
            reply.bad("setState: /quote: unknown quote " + quote_for_message(text_of(quote), 24));
        else
            session.select_quote(index, /*load_first_claim=*/index != session.selected_quote(), /*reveal=*/true);
    }
    // Then a preset: the scenario keys of the same payload apply on top of it.
    if (input.contains("preset")) {
        const nlohmann::json& preset = input["preset"];
        if (!preset.is_string() || !session.presets().find(preset.get<std::string>()))
            reply.bad("setState: /preset: unknown preset " + quote_for_message(text_of(preset), 24));
        else if (preset.get<std::string>() != session.preset_id() || !input.contains("scenario"))
            session.load_preset(preset.get<std::string>());
    }
    if (input.contains("language")) {
        const nlohmann::json& language = input["language"];
        Lang lang;
        if (language.is_string() && lang_from_code(language.get<std::string>(), lang))
            session.set_language(lang);
        else
            reply.bad("setState: /language: unknown language " + quote_for_message(text_of(language), 24) +
                      "; allowed: en, zh-Hans, zh-Hant");
    }
    if (input.contains("view")) {
        const nlohmann::json& view = input["view"];
        if (view == "embed" || view == "full")
            session.set_view(view == "embed" ? View::embed : View::full);
        else
            reply.bad("setState: /view: expected \"full\" or \"embed\"");
    }
    if (input.contains("currency")) {
        Currency currency;
        const nlohmann::json& value = input["currency"];
        if (!value.is_string() || !currency_from_code(value.get<std::string>(), currency) ||
            !session.set_currency(currency))
            reply.bad("setState: /currency: " + quote_for_message(text_of(value), 24) + "; allowed: USD, CNY");
    }
    if (!scenario_object.empty()) {
        Scenario next = session.scenario();
        ContentErrors errors;
        if (scenario_from_json(scenario_object, next, "setState", "", session.gpus(), errors)) {
            session.load_scenario(next, session.preset_id());
        } else {
            for (const ContentError& error : errors)
                reply.bad(error.to_string());
        }
    }
    return reply.dump();
}

std::string results_json(const Session& session) {
    // The model's writer (model/output/estimate_json.h): the same JSON as `scripts/estimate --json`.
    if (!session.gpu()) return "{}";
    nlohmann::json out = estimate_to_json(session.preset_id(), session.scenario(), *session.gpu(), session.result());
    // Every claim: the published verdict, the verdict under the reader's assumptions (live) and the reason, in the
    // reader's language (model/content/claim_book.h; docs/contract.md "Claims").
    const Preset* preset = session.presets().find(session.preset_id());
    const Scenario base = preset ? preset->scenario : Scenario();
    out["claims"] = session.claim_book().to_json(session.scenario(), base, session.reason_context());
    return out.dump();
}

} // namespace chips
