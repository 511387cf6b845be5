// wasm/exports.cpp — the C functions behind window.chipsAndClaims (site/app.js wraps them with cwrap).
// Strings returned to JS point into a static buffer valid until the next call; JS copies them at once.
#include "ui/app.h"
#include "wasm/bridge.h"

#include <emscripten.h>

#include <string>

namespace {
std::string g_reply;
const char* reply(std::string text) {
    g_reply = std::move(text);
    return g_reply.c_str();
}
} // namespace

extern "C" {
EMSCRIPTEN_KEEPALIVE int chips_frames_drawn() { return static_cast<int>(chips::wasm::frames_drawn()); }
EMSCRIPTEN_KEEPALIVE const char* chips_get_state() { return reply(chips::wasm::app().state_json()); }
EMSCRIPTEN_KEEPALIVE const char* chips_get_results() { return reply(chips::wasm::app().results_json()); }
EMSCRIPTEN_KEEPALIVE const char* chips_set_state(const char* json) {
    const char* answer = reply(chips::wasm::app().apply_state_json(json ? json : ""));
    chips::wasm::request_frames();
    return answer;
}
EMSCRIPTEN_KEEPALIVE int chips_select_quote(const char* quote_id) {
    const bool found = chips::wasm::app().select_quote(quote_id ? quote_id : "");
    chips::wasm::request_frames();
    return found ? 1 : 0;
}
}
