// session/bridge_reply.cpp — see bridge_reply.h.
#include "session/bridge_reply.h"

#include "model/text/safe_text.h"

#include <nlohmann/json.hpp>

namespace chips {

void BridgeReply::bad(const std::string& message) {
    ok_ = false;
    session_.notice(message);
    if (notices_.size() < Session::kMaxNotices)
        notices_.push_back(notice_line(message));
    else
        ++dropped_;
}

std::string BridgeReply::dump() const {
    nlohmann::json reply{{"ok", ok_}, {"notices", notices_}};
    if (dropped_ > 0)
        reply["notices"].push_back(fill_in(session_.tr("notice.more"), "count", std::to_string(dropped_)));
    return reply.dump();
}

} // namespace chips
