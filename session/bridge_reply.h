// session/bridge_reply.h — the {"ok":bool,"notices":[...]} answer of every call that takes outside input (a link,
// setState). Each problem goes both to the reader (a session notice) and to the caller (the reply), sanitised and
// capped the same way: one printable line each, at most Session::kMaxNotices, then one line that counts the rest.
#pragma once
#include "session/session.h"

#include <string>
#include <vector>

namespace chips {

class BridgeReply {
  public:
    explicit BridgeReply(Session& session) : session_(session) {}
    void bad(const std::string& message);
    bool ok() const { return ok_; }
    std::string dump() const; // {"ok":bool,"notices":["..."]}

  private:
    Session& session_;
    bool ok_ = true;
    std::vector<std::string> notices_;
    std::size_t dropped_ = 0;
};

} // namespace chips
