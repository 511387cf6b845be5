// session/live_announcer.h — when the page's aria-live region should speak: the summary (session/summary.h) is
// announced once it has stopped changing for kQuietSeconds and nothing is held, so a slider dragged or an arrow key
// held down is read once, with its final value, not on every frame. The platform asks after every drawn frame and
// once more when the frame loop pauses (`flush`: the last state is announced even if the pause came sooner).
// Platform-free: the caller passes the clock.
#pragma once
#include <string>

namespace chips {

class LiveAnnouncer {
  public:
    static constexpr double kQuietSeconds = 0.4;

    // `summary` is accessible_summary() now; `held` = a control is held with the pointer. Returns the text to put in
    // the live region now, or "" when there is nothing new to say yet.
    std::string update(const std::string& summary, double now_seconds, bool held, bool flush);
    const std::string& announced() const { return announced_; }

  private:
    std::string pending_;   // the latest summary seen
    std::string announced_; // the last one spoken
    double changed_at_seconds_ = 0.0;
};

} // namespace chips
