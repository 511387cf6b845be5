// session/page_bridge.h — the JSON the page (window.chipsAndClaims) and tests exchange with a session: getState,
// setState, getResults (docs/contract.md "Bridge"). Platform-free; wasm/exports.cpp only passes bytes through.
#pragma once
#include "session/session.h"

#include <cstddef>
#include <string>

namespace chips {

// Largest payload any bridge call reads (bytes). A larger one changes nothing and gets one notice: without a limit a
// 5 MB string once overran the module's stack (site/app.js copies arguments to the heap and checks this too).
inline constexpr std::size_t kMaxBridgeBytes = 1024 * 1024;

// {"scenario":{...},"language","preset","quote","view","currency","theme","tour":{mode,step,id,steps}}
std::string state_json(const Session& session);
// Takes any subset of state_json's keys, and scenario keys at the top level too (as `scripts/estimate --set`).
// Returns {"ok":bool,"notices":[...]}; each problem is also a notice in the session. setState(getState()) changes
// nothing and reports nothing.
std::string apply_state_json(Session& session, const std::string& json);
// The same JSON as `scripts/estimate --json` for the reader's scenario, plus "claims": every claim's verdict.
std::string results_json(const Session& session);

} // namespace chips
