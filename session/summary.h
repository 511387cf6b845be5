// session/summary.h — what a screen reader hears: one or two sentences with the key results and the verdict of the
// selected claim, in the reader's language, for the page's aria-live region (and the tour step while touring).
#pragma once
#include "session/session.h"

#include <string>

namespace chips {

std::string accessible_summary(const Session& session);

} // namespace chips
