// session/live_announcer.cpp — see live_announcer.h.
#include "session/live_announcer.h"

namespace chips {

std::string LiveAnnouncer::update(const std::string& summary, double now_seconds, bool held, bool flush) {
    if (summary != pending_) {
        pending_ = summary;
        changed_at_seconds_ = now_seconds;
    }
    if (pending_ == announced_ || pending_.empty()) return "";
    const bool quiet = now_seconds - changed_at_seconds_ >= kQuietSeconds;
    if (held || (!quiet && !flush)) return "";
    announced_ = pending_;
    return announced_;
}

} // namespace chips
