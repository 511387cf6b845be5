// wasm/exports.cpp — the C functions behind window.chipsAndClaims (site/app.js wraps them with cwrap).
// They only pass bytes between the page and the session's own functions (session/page_bridge.h, permalink.h,
// settings.h, summary.h). Strings returned to JS point into a static buffer valid until the next call; JS copies them
// at once. Text arguments arrive as (bytes, length) in heap memory the page allocated (never on the wasm stack, which
// a 5 MB string once overran), and every call that takes page input is guarded: a hostile payload that makes the
// code throw becomes a notice, not an abort that would take the page down (-fwasm-exceptions makes catch work).
#include "session/page_bridge.h"
#include "session/permalink.h"
#include "session/settings.h"
#include "session/summary.h"
#include "ui/app.h"
#include "wasm/bridge.h"
#include "wasm/browser_font_loader.h"
#include "wasm/wheel.h"

#include <emscripten.h>

#include <exception>
#include <string>

namespace {
std::string g_reply;
const char* reply(std::string text) {
    g_reply = std::move(text);
    return g_reply.c_str();
}
std::string failure(const char* what, const char* detail) {
    std::string message = std::string(what) + ": " + detail;
    for (char& c : message)
        if (c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20) c = ' ';
    return "{\"ok\":false,\"notices\":[\"" + message + "\"]}";
}
std::string text(const char* bytes, int length) {
    return bytes && length > 0 ? std::string(bytes, static_cast<std::size_t>(length)) : std::string();
}
// A payload larger than the bridge reads is refused before it is copied again (session/page_bridge.h).
bool too_large(int length) {
    return length < 0 || static_cast<std::size_t>(length) > chips::kMaxBridgeBytes;
}
std::string refused(const char* what, int length) {
    return failure(what, ("the argument is " + std::to_string(length / 1024) + " KB; at most " +
                          std::to_string(chips::kMaxBridgeBytes / 1024) + " KB are read, nothing was changed")
                             .c_str());
}
} // namespace

extern "C" {
EMSCRIPTEN_KEEPALIVE int chips_frames_drawn() {
    return static_cast<int>(chips::wasm::frames_drawn());
}
EMSCRIPTEN_KEEPALIVE int chips_key_events() {
    return static_cast<int>(chips::wasm::key_events());
}
EMSCRIPTEN_KEEPALIVE const char* chips_get_state() {
    return reply(chips::state_json(chips::wasm::session()));
}
EMSCRIPTEN_KEEPALIVE const char* chips_get_results() {
    return reply(chips::results_json(chips::wasm::session()));
}
EMSCRIPTEN_KEEPALIVE const char* chips_set_state(const char* json_bytes, int json_length) {
    std::string answer;
    if (too_large(json_length)) {
        answer = refused("setState", json_length);
    } else {
        try {
            answer = chips::apply_state_json(chips::wasm::session(), text(json_bytes, json_length));
        } catch (const std::exception& error) {
            answer = failure("setState", error.what());
        }
    }
    chips::wasm::request_frames();
    return reply(answer);
}
EMSCRIPTEN_KEEPALIVE int chips_select_quote(const char* quote_bytes, int quote_length) {
    bool found = false;
    if (!too_large(quote_length)) {
        try {
            found = chips::wasm::session().select_quote(text(quote_bytes, quote_length), /*load_first_claim=*/true,
                                                        /*reveal=*/true);
        } catch (const std::exception&) {
            found = false;
        }
    }
    chips::wasm::request_frames();
    return found ? 1 : 0;
}
// Permalinks: the page restores a query (back/forward, tests) and reads the current one (Copy link, address bar).
EMSCRIPTEN_KEEPALIVE const char* chips_apply_url_query(const char* query_bytes, int query_length) {
    std::string answer;
    if (too_large(query_length)) {
        answer = refused("link", query_length);
    } else {
        try {
            answer = chips::apply_url_query(chips::wasm::session(), text(query_bytes, query_length));
        } catch (const std::exception& error) {
            answer = failure("link", error.what());
        }
    }
    chips::wasm::request_frames();
    return reply(answer);
}
EMSCRIPTEN_KEEPALIVE const char* chips_permalink_query() {
    return reply(chips::permalink_query(chips::wasm::session()));
}
EMSCRIPTEN_KEEPALIVE const char* chips_settings_json() {
    return reply(chips::settings_json(chips::wasm::session()));
}
EMSCRIPTEN_KEEPALIVE void chips_apply_settings_json(const char* json_bytes, int json_length) {
    if (!too_large(json_length)) {
        try {
            chips::apply_settings_json(chips::wasm::session(), text(json_bytes, json_length));
        } catch (const std::exception&) {
            // Settings are the reader's own convenience; a broken saved value is ignored, the defaults stay.
        }
    }
    chips::wasm::request_frames();
}
// The page's notice box was dismissed: the app's notices go too (one list, shown in both places).
EMSCRIPTEN_KEEPALIVE void chips_dismiss_notices() {
    chips::wasm::session().dismiss_notices();
    chips::wasm::request_frames();
}
EMSCRIPTEN_KEEPALIVE const char* chips_accessible_summary() {
    return reply(chips::accessible_summary(chips::wasm::session()));
}
// Wheel over the canvas: 1 = the app scrolls, 0 = let the page (or the article around the iframe) scroll.
EMSCRIPTEN_KEEPALIVE int chips_wheel_wanted(double dx, double dy) {
    return chips::wasm::app_wants_wheel(dx, dy);
}
// Test hooks: where a control was drawn in the last frame (CSS pixels from the canvas' top-left), and which exist.
EMSCRIPTEN_KEEPALIVE const char* chips_control_rect(const char* id_bytes, int id_length) {
    if (too_large(id_length)) return reply("{}");
    return reply(chips::wasm::app().control_rect_json(text(id_bytes, id_length)));
}
EMSCRIPTEN_KEEPALIVE const char* chips_control_ids() {
    return reply(chips::wasm::app().control_ids_json());
}
// The page fetched the TC face after start-up (site/app.js): 1 when it is in use now.
EMSCRIPTEN_KEEPALIVE int chips_traditional_font_ready() {
    return chips::wasm::load_traditional_font() ? 1 : 0;
}
// Test hooks for the glyph paths (tests/e2e/glyphs.test.mjs): which loader draws the text, and which codepoints the
// app asked for that it could not draw ({"count":N,"sample":[codepoints]}).
EMSCRIPTEN_KEEPALIVE const char* chips_glyph_path() {
    return chips::wasm::glyph_path();
}
EMSCRIPTEN_KEEPALIVE const char* chips_missing_glyphs() {
    return reply(chips::wasm::missing_glyphs_json());
}
}
