// session/settings.cpp — see settings.h.
#include "session/settings.h"

#include <nlohmann/json.hpp>

namespace chips {

const char* tour_mode_name(TourMode mode) {
    switch (mode) {
    case TourMode::touring:
        return "touring";
    case TourMode::free_play:
        return "free_play";
    case TourMode::not_started:
    default:
        return "not_started";
    }
}

bool tour_mode_from_name(const std::string& name, TourMode& mode_out) {
    for (TourMode mode : {TourMode::not_started, TourMode::touring, TourMode::free_play})
        if (name == tour_mode_name(mode)) {
            mode_out = mode;
            return true;
        }
    return false;
}

std::string settings_json(const Session& session) {
    nlohmann::json out{{"language", lang_code(session.lang())},
                       {"theme", theme_choice_name(session.theme_choice())},
                       {"currency", currency_code(session.currency())},
                       {"ui_scale", session.ui_scale()},
                       {"translations", session.translations_default()}};
    if (!session.tour().steps.empty()) {
        // Where the reader left the tour: "Resume tour" on the next visit goes back there.
        const TourNavigator& nav = session.tour_nav();
        out["tour"] = {{"mode", tour_mode_name(nav.mode())}, {"step", nav.step()}, {"resume_step", nav.resume_step()}};
    }
    return out.dump();
}

namespace {

// A step index from saved settings: a whole number no larger than the tour (which has a handful of steps). Read as
// a double first, so 2^32 + 1 is refused instead of wrapping to 1 in a 32-bit size_t (WebAssembly).
bool read_step(const nlohmann::json& value, std::size_t step_count, std::size_t& out) {
    if (!value.is_number_unsigned() && !value.is_number_integer()) return false;
    const double number = value.get<double>();
    if (!(number >= 0 && number <= static_cast<double>(step_count))) return false;
    out = static_cast<std::size_t>(number);
    return true;
}

} // namespace

void apply_settings_json(Session& session, const std::string& json) {
    if (json.size() > 64 * 1024) return; // settings are a few hundred bytes; anything larger is not ours
    const nlohmann::json input = nlohmann::json::parse(json, nullptr, false);
    if (input.is_discarded() || !input.is_object()) return;
    auto text = [&input](const char* key) -> std::string {
        return input.contains(key) && input[key].is_string() ? input[key].get<std::string>() : std::string();
    };
    Lang lang;
    if (lang_from_code(text("language"), lang)) session.set_language(lang);
    const std::string theme = text("theme");
    if (theme == "dark" || theme == "light" || theme == "system")
        session.set_theme_choice(theme == "dark"    ? ThemeChoice::dark
                                 : theme == "light" ? ThemeChoice::light
                                                    : ThemeChoice::system);
    // The environment, passed in by the page at start and whenever it changes.
    const std::string system_theme = text("system_theme");
    const bool has_motion = input.contains("reduced_motion") && input["reduced_motion"].is_boolean();
    if (!system_theme.empty() || has_motion)
        session.set_environment(system_theme.empty()     ? session.system_theme()
                                : system_theme == "dark" ? ThemeKind::dark
                                                         : ThemeKind::light,
                                has_motion ? input["reduced_motion"].get<bool>() : session.reduced_motion());
    Currency currency;
    if (currency_from_code(text("currency"), currency)) session.set_currency(currency);
    if (input.contains("tour") && input["tour"].is_object()) {
        // A saved tour comes back as free play with "Resume tour" at the saved step: a visit without a tour link
        // opens on the explainer, not in the middle of a presentation (a tour link opens the step itself).
        const nlohmann::json& tour = input["tour"];
        const std::size_t count = session.tour().steps.size();
        TourMode mode = TourMode::not_started;
        std::size_t step = 0, resume = 0;
        if (tour.contains("mode") && tour["mode"].is_string() &&
            tour_mode_from_name(tour["mode"].get<std::string>(), mode) && tour.contains("step") &&
            read_step(tour["step"], count, step) && tour.contains("resume_step") &&
            read_step(tour["resume_step"], count, resume)) {
            if (mode == TourMode::touring) {
                mode = TourMode::free_play;
                resume = step;
            }
            session.restore_tour(mode, step, resume);
        }
    }
    if (input.contains("translations") && input["translations"].is_boolean())
        session.set_translations_default(input["translations"].get<bool>());
    if (input.contains("ui_scale") && input["ui_scale"].is_number())
        session.set_ui_scale(static_cast<float>(input["ui_scale"].get<double>()));
}

} // namespace chips
