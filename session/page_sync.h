// session/page_sync.h — what the page around the app needs to know after a change, as one message: the address bar's
// query, the page language, the selected quote and its script, the view, the tour step and the aria-live summary.
// The platform (wasm/main.cpp) sends it when Session::revision() moved, at most once per kPageSyncSeconds and not
// while a control is held; site/app.js applies it as is and parses nothing of the app's own query.
#pragma once
#include "session/session.h"

#include <string>

namespace chips {

// The one throttle between the app and the page: Chromium ignores history.replaceState beyond ~100 calls in 10 s,
// which a slider dragged at 60 frames/s reached in 2 s, and each write cost the frame a few ms.
inline constexpr double kPageSyncSeconds = 0.25;

struct PageMessage {
    std::string query;              // permalink_query(): the address bar follows the view ("" = the bare page)
    std::string full_page_query;    // the same view as a full-page link (what the embed's "open the explainer" opens)
    std::string language;           // "en", "zh-Hans", "zh-Hant": the page's own words follow it
    std::string quote;              // selected quote id
    bool needs_traditional = false; // traditional text is on screen (language or quote): the TC face is needed
    std::string view;               // "full" or "embed"
    int tour_step = -1;             // 0-based step while touring, -1 otherwise
    std::string summary;            // accessible_summary(): the aria-live region's text
    std::string settings;           // settings_json(): the page saves it (unless the visit came from a link)
    std::size_t notice_count = 0;   // the app's notices; 0 after Dismiss, so the page's notice box closes too

    std::string to_json() const;
    bool operator==(const PageMessage& other) const;
    bool operator!=(const PageMessage& other) const { return !(*this == other); }
};

PageMessage page_message(const Session& session);

} // namespace chips
