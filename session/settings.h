// session/settings.h — the reader's own preferences as JSON (language, theme, currency, scale, where they left the
// tour), saved by the page in localStorage and restored at start-up; and the environment the page observes.
#pragma once
#include "session/session.h"

#include <string>

namespace chips {

const char* tour_mode_name(TourMode mode); // "not_started", "touring", "free_play"
bool tour_mode_from_name(const std::string& name, TourMode& mode_out);

// {"language","theme","currency","ui_scale","translations","tour":{"mode","step","resume_step"}}
// ("translations": English translations under the quotes with the English interface, default true)
std::string settings_json(const Session& session);
// Restores what settings_json wrote; anything unreadable, of the wrong type or out of range is ignored (stale or
// foreign localStorage keeps the defaults). Also takes the environment the page passes in at start and on change:
// "system_theme" ("light"/"dark", prefers-color-scheme) and "reduced_motion" (bool); settings_json does not write
// those back.
void apply_settings_json(Session& session, const std::string& json);

} // namespace chips
