// wasm/main.cpp — the web entry: SDL2 window + WebGL2 context, Dear ImGui backends, the frame loop.
//
// Index
//   [SECTION] Globals
//   [SECTION] Content and fonts (the content snapshot is embedded in the module; fonts come from the page)
//   [SECTION] Page sync (address bar and aria-live region follow the app)
//   [SECTION] Frame loop (draws only when something changed: see wasm/idle.h)
//   [SECTION] main(): start-up in steps, each its own browser task
#include "model/content/content_snapshot.h"
#include "session/page_sync.h"
#include "session/permalink.h"
#include "session/session.h"
#include "session/settings.h"
#include "ui/app.h"
#include "wasm/bridge.h"
#include "wasm/browser.h"
#include "wasm/browser_font_loader.h"
#include "wasm/content_data.h"
#include "wasm/frame_stats.h"
#include "wasm/gl_state_cache.h"
#include "wasm/idle.h"
#include "wasm/page_scroll.h"
#include "wasm/touch.h"

#include <GLES3/gl3.h>
#include <SDL.h>
#include <emscripten.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl2.h>

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <exception>
#include <string>
#include <string_view>

// ---------------------------------------------------------------------------------------------------------------------
// [SECTION] Globals
// ---------------------------------------------------------------------------------------------------------------------
namespace {
constexpr float kFontSizePixels = 17.0f;

SDL_Window* g_window = nullptr;
SDL_GLContext g_gl_context = nullptr;
chips::Session* g_session = nullptr; // the reader's state
chips::ui::App* g_app = nullptr;     // the panels that draw it
chips::ui::AppFonts g_fonts;
chips::wasm::IdleGate g_idle;
long g_frames_drawn = 0; // frames actually rendered (the idle test counts these)
long g_key_events = 0;   // SDL key events received (tests check that focus after a click reaches the app)

// ---------------------------------------------------------------------------------------------------------------------
// [SECTION] Content and fonts
// ---------------------------------------------------------------------------------------------------------------------
// Two ways to draw text (wasm/browser_font_loader.h, docs/site.md "Glyphs"): with the browser's own CJK fonts, which
// the page found before starting us (site/app.js chooseGlyphPath), or with the Noto subsets the page then fetched.
// Their bytes arrive in malloc'd memory, which the atlas owns from here on and frees with IM_FREE (ImGui's default
// allocator is malloc/free).
ImFont* add_page_font(const char* asset_name, ImFont** stand_in = nullptr) {
    int size = 0;
    void* data = chips::wasm::page_take_asset(asset_name, size);
    if (!data) return nullptr;
    ImFont* font = chips::wasm::add_file_font(data, size, kFontSizePixels); // first: the SC face is ImGui's default
    if (stand_in) { // a second face from the same bytes: its own ImFont, so we can tell when the app draws with it
        void* copy = IM_ALLOC(size);
        memcpy(copy, data, size);
        // Its gaps are not counted as missing glyphs: the real TC face replaces it as soon as it is drawn.
        *stand_in = chips::wasm::add_file_font(copy, size, kFontSizePixels, /*count_missing=*/false);
    }
    return font;
}

// The faces the app draws with; false when there is none (the app's Dear ImGui has no built-in font to fall back on:
// wasm/wasm.cmake IMGUI_DISABLE_DEFAULT_FONT).
bool setup_fonts() {
    if (chips::wasm::page_glyph_path() == "browser") {
        // Both faces from the browser: nothing to fetch, no stand-in (request_traditional_if_used has nothing to do).
        g_fonts.simplified = chips::wasm::add_browser_font(chips::wasm::BrowserFace::simplified, kFontSizePixels);
        g_fonts.traditional = chips::wasm::add_browser_font(chips::wasm::BrowserFace::traditional, kFontSizePixels);
        g_fonts.traditional_is_stand_in = false;
    } else {
        // The TC face comes now when the first view needs it (site/app.js decides from the link and settings), else
        // later (request_traditional_if_used); the page hands it over through chips_traditional_font_ready().
        ImFont* stand_in = nullptr;
        g_fonts.simplified = add_page_font("ui-sc.otf", &stand_in);
        g_fonts.traditional = add_page_font("ui-tc.otf");
        g_fonts.traditional_is_stand_in = g_fonts.traditional == nullptr;
        if (g_fonts.traditional_is_stand_in)
            g_fonts.traditional = stand_in;
        else if (stand_in)
            ImGui::GetIO().Fonts->RemoveFont(stand_in); // the real face is here: no stand-in needed
    }
    g_app->set_fonts(g_fonts);
    return g_fonts.simplified != nullptr && g_fonts.traditional != nullptr;
}

// The TC face is fetched only when something traditional is on screen. Until then a copy of the SC face stands in
// (shared characters look right, TC-only ones show as '?'), and ImGui binds it the moment the app pushes the
// traditional font — the signal to ask the page for the real one (site/app.js needTraditionalFont).
void request_traditional_if_used() {
    static bool requested = false;
    if (!g_fonts.traditional_is_stand_in || requested || !g_fonts.traditional->LastBaked) return;
    requested = true;
    chips::wasm::page_need_traditional_font();
}

// ---------------------------------------------------------------------------------------------------------------------
// [SECTION] Page sync
// ---------------------------------------------------------------------------------------------------------------------
// Called after each drawn frame (frames are drawn only after input or a bridge call, so this costs nothing idle).
// The page hears of a change once per Session revision, at most every chips::kPageSyncSeconds (a change after a
// quiet spell goes out at once), not while a slider is held (the page gets the result when it is let go), and the
// last state when the frame loop pauses (`force`). This is the only throttle between the app and the page.
void sync_page(double now_seconds, bool force) {
    static std::uint64_t last_revision = ~0ull;
    static chips::PageMessage last_message;
    static double last_sent_seconds = -1.0e9;
    if (g_session->revision() == last_revision) return;
    if (!force && now_seconds - last_sent_seconds < chips::kPageSyncSeconds) return;
    if (!force && ImGui::IsAnyItemActive() && ImGui::IsMouseDown(ImGuiMouseButton_Left)) return;
    last_revision = g_session->revision();
    chips::PageMessage message = chips::page_message(*g_session);
    if (message == last_message) return;
    last_message = std::move(message);
    last_sent_seconds = now_seconds;
    chips::wasm::page_sync(last_message.to_json());
}

// ---------------------------------------------------------------------------------------------------------------------
// [SECTION] Frame loop
// ---------------------------------------------------------------------------------------------------------------------
void frame() {
    SDL_Event event;
    bool had_input = false;
    while (SDL_PollEvent(&event)) {
        ImGui_ImplSDL2_ProcessEvent(&event);
        if (event.type == SDL_KEYDOWN || event.type == SDL_TEXTINPUT) ++g_key_events;
        had_input = true;
    }
    if (chips::wasm::touch_input_pending()) had_input = true; // a tap's queued release still to come (wasm/touch.cpp)
    const double now_seconds = emscripten_get_now() / 1000.0;
    if (had_input) g_idle.on_input(now_seconds);
    if (!g_idle.should_draw(now_seconds, g_app->wants_continuous_frames())) {
        if (g_frames_drawn > 0) {
            sync_page(now_seconds, true); // what a drag's last frames showed
            chips::wasm::announce_when_settled(now_seconds, false, true);
        }
        chips::wasm::pause_frame_loop();
        return;
    }

    if (g_frames_drawn == 0) chips::wasm::mark_startup("chips:first-frame-start");
    const double frame_start_ms = emscripten_get_now();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    ImGui::NewFrame();
    g_app->draw();
    ImGui::Render();
    int framebuffer_width = 0, framebuffer_height = 0;
    SDL_GL_GetDrawableSize(g_window, &framebuffer_width, &framebuffer_height);
    chips_gl_viewport(0, 0, framebuffer_width, framebuffer_height); // glViewport, keeping wasm/gl_state_cache.cpp true
    const ImVec4 clear = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(clear.x, clear.y, clear.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    g_idle.on_frame_drawn();
    chips::wasm::report_page_scroll(); // the page's area for the app follows its height (wasm/page_scroll.cpp)
    // The page follows from the second frame on: the address bar and the aria-live text are not needed to show the
    // first frame, and writing them cost ~8 ms of it on a slow machine. A second frame always follows the first.
    if (g_frames_drawn > 0) {
        sync_page(now_seconds, false);
        chips::wasm::announce_when_settled(
            now_seconds, ImGui::IsAnyItemActive() && ImGui::IsMouseDown(ImGuiMouseButton_Left), false);
        request_traditional_if_used();
    }
    chips::wasm::record_frame_ms(emscripten_get_now() - frame_start_ms); // scripts/bench reads these
    if (++g_frames_drawn == 1) {
        chips::wasm::mark_startup("chips:first-frame");
        chips::wasm::notify_first_frame();
        chips::wasm::request_frames();
    }
}
} // namespace

long chips::wasm::frames_drawn() {
    return g_frames_drawn;
}
long chips::wasm::key_events() {
    return g_key_events;
}
chips::ui::App& chips::wasm::app() {
    return *g_app;
}
chips::Session& chips::wasm::session() {
    return *g_session;
}
void chips::wasm::request_frames() {
    g_idle.on_input(emscripten_get_now() / 1000.0);
    resume_frame_loop();
}

bool chips::wasm::load_traditional_font() {
    if (!g_fonts.traditional_is_stand_in) return true;
    ImFont* font = add_page_font("ui-tc.otf");
    if (!font) return false;
    g_fonts.traditional = font;
    g_fonts.traditional_is_stand_in = false;
    g_app->set_fonts(g_fonts);
    request_frames();
    return true;
}

// ---------------------------------------------------------------------------------------------------------------------
// [SECTION] main(): start-up in steps
// ---------------------------------------------------------------------------------------------------------------------
// Start-up is cut into steps, each its own browser task (emscripten_async_call with 0 ms is a setTimeout(0)): between
// them the browser paints the progress, scrolls the page and answers a tap, where one long main() held the main
// thread for all of it (issue 16: on a phone-speed CPU no task should take over 250 ms). The performance marks
// (chips:*) stay where they were; scripts/bench prints them. Until the first frame the page's API is not bound
// (site/app.js binds it in onFirstFrame), so nothing from the page reaches the half-built app.
namespace {
void yield_then(void (*step)(void*)) {
    emscripten_async_call(step, nullptr, 0);
}

// Step 1 (in main()): SDL, the WebGL2 context, ImGui and its backends.
bool start_platform() {
    // Keyboard events go to the canvas only (not the whole page): an embedding article keeps its own keys.
    // site/app.js focuses the canvas on pointerdown, because SDL's mousedown handler calls preventDefault, which
    // would otherwise keep the focus where it was (and inside an iframe, outside the frame).
    SDL_SetHint(SDL_HINT_EMSCRIPTEN_KEYBOARD_ELEMENT, "#canvas");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER | SDL_INIT_EVENTS) != 0) {
        chips::wasm::report_fatal("SDL_Init", SDL_GetError());
        return false;
    }
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    // The canvas' CSS size (set by the page) decides the window size; SDL follows it on every resize. No title: SDL
    // would write it into document.title, replacing the page's own (in the page's language) with an English one.
    g_window = SDL_CreateWindow(nullptr, SDL_WINDOWPOS_UNDEFINED, SDL_WINDOWPOS_UNDEFINED, 1280, 800,
                                SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    if (!g_window) {
        chips::wasm::report_fatal("SDL_CreateWindow", SDL_GetError());
        return false;
    }
    g_gl_context = SDL_GL_CreateContext(g_window);
    if (!g_gl_context) {
        chips::wasm::report_fatal("WebGL2", SDL_GetError());
        return false;
    }
    SDL_GL_MakeCurrent(g_window, g_gl_context);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr; // reader settings live in the page (localStorage), not in imgui.ini
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    io.ConfigInputTextCursorBlink = false; // a blinking caret would force frames while idle
    ImGui::StyleColorsDark();
    ImGui_ImplSDL2_InitForOpenGL(g_window, g_gl_context);
    ImGui_ImplOpenGL3_Init("#version 300 es");
    chips::wasm::install_browser_hooks();
    return true;
}

void step_first_frame(void*);
void step_layout(void*);
void step_view(void*);
void step_fonts(void*);

// Step 2: the content and the reader's state.
void step_content(void*) {
    static chips::Session session;
    static chips::ui::App app(session);
    g_session = &session;
    g_app = &app;
    chips::wasm::install_touch(); // vertical swipes stay the browser's (wasm/touch.cpp)
    // The content is the build's binary snapshot of content/*.json (model/content/content_snapshot.h), compiled into
    // the module (wasm/content_data.h): reading it is a few small functions, where parsing the JSON here cost 40–130 ms
    // before the first frame.
    chips::ContentErrors errors;
    chips::ContentBundle bundle;
    chips::read_content_snapshot(std::string_view(chips_content_snapshot, chips_content_snapshot_size),
                                 "content.snapshot", bundle, errors);
    chips::wasm::mark_startup("chips:content-read");
    if (!session.load(std::move(bundle), errors)) {
        for (const chips::ContentError& error : errors)
            std::fprintf(stderr, "%s\n", error.to_string().c_str());
    }
    app.set_platform(chips::wasm::platform_hooks());
    chips::wasm::mark_startup("chips:content-loaded");
    yield_then(step_fonts);
}

// Step 3: the fonts.
void step_fonts(void*) {
    if (!setup_fonts()) { // the page shows its error message instead of a canvas that cannot draw text
        chips::wasm::report_fatal("fonts", chips::wasm::glyph_path());
        return;
    }
    chips::wasm::mark_startup("chips:fonts-added");
    yield_then(step_view);
}

// Step 4: the reader's settings, the environment and the link.
void step_view(void*) {
    chips::Session& session = *g_session;
    // Reader's own settings first, then the link's view on top (a link's language wins for this visit only:
    // site/app.js does not save settings during a visit that started from someone's link).
    // Both are outside input (localStorage can hold anything, a link can say anything): an exception here must
    // become a notice, never an abort.
    try {
        const std::string settings = chips::wasm::page_startup_settings();
        if (!settings.empty()) chips::apply_settings_json(session, settings);
    } catch (const std::exception& error) {
        std::printf("saved settings ignored: %s\n", error.what()); // a notice, not an error
    }
    // The environment (prefers-color-scheme, prefers-reduced-motion) on top of the settings: the page passes
    // changes later through chips_apply_settings_json (site/app.js watchEnvironment).
    try {
        const std::string environment = chips::wasm::page_environment();
        if (!environment.empty()) chips::apply_settings_json(session, environment);
    } catch (const std::exception& error) {
        std::printf("environment ignored: %s\n", error.what());
    }
    try {
        const std::string query = chips::wasm::page_startup_query();
        if (!query.empty()) chips::wasm::page_notices(chips::apply_url_query(session, query));
    } catch (const std::exception& error) {
        chips::wasm::page_notices(std::string(R"({"ok":false,"notices":["The link could not be read."]})"));
        std::printf("link ignored: %s\n", error.what());
    }

    // embed.html is always the embed view, whatever its link says (a host's snippet must not become the full app).
    if (chips::wasm::page_fixed_view() == "embed") session.lock_view(chips::View::embed);
    chips::wasm::mark_startup("chips:view-restored");
    yield_then(step_layout);
}

// Step 5: the first frame's work that does not draw, so that the frame itself is a short task (issue 16: it was the
// longest one). The GL backend compiles its shaders on its first NewFrame; then one ImGui frame lays the app out
// without rendering: V8 compiles the functions of the drawing path on their first call (lazy compilation) and ImGui
// rasterizes the glyphs in view into its atlas. The first frame below finds all of that done and only draws.
// Nothing is shown and no frame is counted; to the app it is one more ImGui frame before the first drawn one.
void step_layout(void*) {
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    ImGui::NewFrame();
    g_app->draw();
    ImGui::EndFrame();
    chips::wasm::mark_startup("chips:laid-out");
    yield_then(step_first_frame);
}

// Step 6: the first frame, then the frame loop. The first frame is drawn here rather than at the loop's first
// requestAnimationFrame: waiting for it cost up to a display frame (0–17 ms) before anything was drawn. The browser
// shows it with its next composited frame either way.
void step_first_frame(void*) {
    frame();
    emscripten_set_main_loop(frame, 0, false);
}
} // namespace

int main(int, char**) {
    chips::wasm::mark_startup("chips:main");
    if (!start_platform()) return 1;
    chips::wasm::mark_startup("chips:gl-ready");
    yield_then(step_content);
    return 0; // the runtime stays (-sEXIT_RUNTIME=0); the steps above carry on from the browser's task queue
}
