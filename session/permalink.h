// session/permalink.h — the URL query that reproduces what a reader sees, in and out: the one encoder and the one
// decoder (the app's address bar, "Copy link", the embed snippet, a presenter's tour link, tests).
//
// Keys: preset (when not DeepSeek-V3), every scenario key (docs/contract.md, model/engine/scenario.h) that differs from
// that preset's scenario, plus lang, quote, view, presenter, currency and tour. Example:
// "gpu=h100&chips=50000&lang=zh-Hans".
#pragma once
#include "session/session.h"

#include <cstddef>
#include <string>

namespace chips {

// Longest query apply_url_query reads (bytes); a longer one changes nothing and is refused with one notice. Real
// permalinks are under 1 KB; browsers cap addresses around 2 MB.
inline constexpr std::size_t kMaxQueryBytes = 16 * 1024;

// The preset whose scenario is Scenario{}; a link to another preset names it (preset=<id>) and lists only the keys
// that differ from that preset's scenario.
inline constexpr const char* kDefaultPresetId = "deepseek-v3";

// The current view as a query string (no leading '?'). `view` overrides the session's view for the link: the embed
// snippet asks for View::embed, the embed's "open the full explainer" for View::full.
std::string permalink_query(const Session& session);
std::string permalink_query(const Session& session, View view);

// Applies a query ("?gpu=h100&..." or without '?'). Every good value applies; each bad one is skipped with a notice
// in the session; cross-key checks run at the end and a link scenario that fails them is dropped whole (the
// defaults stay) rather than half-applied. Returns {"ok":bool,"notices":["..."]}.
std::string apply_url_query(Session& session, const std::string& query);

// The snippet a journalist pastes into an article for the selected claim: an iframe of embed.html (`page_url` is the
// full page's address, ending in '/') with quote, claim and language, an explicit 700 × 450 size, loading="lazy" and a
// title naming the claim. Every value is percent-encoded in the URL and HTML-escaped in attributes, so no quote id or
// string can break out of it.
std::string embed_snippet(const Session& session, const std::string& page_url);

// Percent-encoding as permalinks need it (RFC 3986 unreserved characters kept) and its inverse ('+' is a space).
std::string url_encode(const std::string& text);
std::string url_decode(const std::string& text);

} // namespace chips
