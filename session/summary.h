// session/summary.h — what a screen reader hears: one or two sentences with the key results and the verdict of the
// selected claim, in the reader's language, for the page's aria-live region (and the tour step while touring).
#pragma once
#include "session/session.h"

#include <string>

namespace chips {

std::string accessible_summary(const Session& session);

// What the aria-live region says (session/live_announcer.h decides when): the value the reader just changed
// ("Rental price: $2.11.") and then accessible_summary(). The summary alone stays a function of the view, so a link
// reproduces it; the changed value is about this moment only.
std::string live_announcement(const Session& session);

// The claim the summary talks about (Session::selected_claim of the selected quote) and its verdict under the
// reader's assumptions (model/content/claim_book.h recheck); null when the quote has no checkable claim selected.
// Presenter mode shows the same verdict large (ui/panel_results.cpp).
const CheckedClaim* selected_claim_live_verdict(const Session& session, Verdict& verdict_out);

} // namespace chips
