// wasm/exports.cpp — the C functions behind window.chipsAndClaims (site/app.js wraps them with cwrap).
// Strings returned to JS point into a static buffer valid until the next call; JS copies them at once.
// Every call that takes page input is guarded: a hostile payload that makes the app throw becomes a notice, not an
// abort that would take the page down (the wasm is built with -fwasm-exceptions so catch works).
#include "ui/app.h"
#include "wasm/bridge.h"
#include "wasm/wheel.h"

#include <emscripten.h>
#include <nlohmann/json.hpp>

#include <exception>
#include <string>

namespace {
std::string g_reply;
const char* reply(std::string text) {
    g_reply = std::move(text);
    return g_reply.c_str();
}
std::string failure(const char* what, const std::exception& error) {
    return nlohmann::json{{"ok", false}, {"notices", {std::string(what) + ": " + error.what()}}}.dump();
}
std::string arg(const char* text) { return text ? text : ""; }
} // namespace

extern "C" {
EMSCRIPTEN_KEEPALIVE int chips_frames_drawn() { return static_cast<int>(chips::wasm::frames_drawn()); }
EMSCRIPTEN_KEEPALIVE int chips_key_events() { return static_cast<int>(chips::wasm::key_events()); }
EMSCRIPTEN_KEEPALIVE const char* chips_get_state() { return reply(chips::wasm::app().state_json()); }
EMSCRIPTEN_KEEPALIVE const char* chips_get_results() { return reply(chips::wasm::app().results_json()); }
// Takes bytes and a length, not a C string: a payload with a NUL inside must reach the JSON parser whole (and be
// refused there with a notice) instead of being silently cut at the NUL.
EMSCRIPTEN_KEEPALIVE const char* chips_set_state(const char* json_bytes, int json_length) {
    std::string answer;
    try {
        const std::string json = json_bytes && json_length > 0 ? std::string(json_bytes, json_length) : "";
        answer = chips::wasm::app().apply_state_json(json);
    } catch (const std::exception& error) {
        answer = failure("setState", error);
    }
    chips::wasm::request_frames();
    return reply(answer);
}
EMSCRIPTEN_KEEPALIVE int chips_select_quote(const char* quote_id) {
    bool found = false;
    try {
        found = chips::wasm::app().select_quote(arg(quote_id));
    } catch (const std::exception&) {
        found = false;
    }
    chips::wasm::request_frames();
    return found ? 1 : 0;
}
// Permalinks: the page restores a query (back/forward, tests) and reads the current one (Copy link, address bar).
EMSCRIPTEN_KEEPALIVE const char* chips_apply_url_query(const char* query) {
    std::string answer;
    try {
        answer = chips::wasm::app().apply_url_query(arg(query));
    } catch (const std::exception& error) {
        answer = failure("link", error);
    }
    chips::wasm::request_frames();
    return reply(answer);
}
EMSCRIPTEN_KEEPALIVE const char* chips_permalink_query() { return reply(chips::wasm::app().permalink_query()); }
EMSCRIPTEN_KEEPALIVE const char* chips_settings_json() { return reply(chips::wasm::app().settings_json()); }
EMSCRIPTEN_KEEPALIVE void chips_apply_settings_json(const char* json) {
    try {
        chips::wasm::app().apply_settings_json(arg(json));
    } catch (const std::exception&) {
        // Settings are the reader's own convenience; a broken saved value is ignored, the defaults stay.
    }
    chips::wasm::request_frames();
}
EMSCRIPTEN_KEEPALIVE const char* chips_accessible_summary() { return reply(chips::wasm::app().accessible_summary()); }
// Wheel over the canvas: 1 = the app scrolls, 0 = let the page (or the article around the iframe) scroll.
EMSCRIPTEN_KEEPALIVE int chips_wheel_wanted(double dx, double dy) { return chips::wasm::app_wants_wheel(dx, dy); }
// Test hooks: where a control was drawn in the last frame (CSS pixels from the canvas' top-left), and which exist.
EMSCRIPTEN_KEEPALIVE const char* chips_control_rect(const char* control_id) {
    return reply(chips::wasm::app().control_rect_json(arg(control_id)));
}
EMSCRIPTEN_KEEPALIVE const char* chips_control_ids() { return reply(chips::wasm::app().control_ids_json()); }
// The page fetched the TC face after start-up (site/app.js): 1 when it is in use now.
EMSCRIPTEN_KEEPALIVE int chips_traditional_font_ready() { return chips::wasm::load_traditional_font() ? 1 : 0; }
}
