// wasm/main.cpp — the web entry: SDL2 window + WebGL2 context, Dear ImGui backends, the frame loop.
//
// Index
//   [SECTION] Globals
//   [SECTION] Content and fonts (read from the in-memory file system the page prepared)
//   [SECTION] Frame loop (draws only when something changed: see wasm/idle.h)
//   [SECTION] main()
#include "ui/app.h"
#include "wasm/bridge.h"
#include "wasm/browser.h"
#include "wasm/idle.h"

#include <GLES3/gl3.h>
#include <SDL.h>
#include <emscripten.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl2.h>

#include <cstdio>
#include <fstream>
#include <sstream>

// ---------------------------------------------------------------------------------------------------------------------
// [SECTION] Globals
// ---------------------------------------------------------------------------------------------------------------------
namespace {
SDL_Window* g_window = nullptr;
SDL_GLContext g_gl_context = nullptr;
chips::ui::App* g_app = nullptr;
chips::wasm::IdleGate g_idle;
long g_frames_drawn = 0; // frames actually rendered (the idle test counts these)

// ---------------------------------------------------------------------------------------------------------------------
// [SECTION] Content and fonts
// ---------------------------------------------------------------------------------------------------------------------
bool read_file(const char* path, std::string& out) {
    std::ifstream file(path, std::ios::binary);
    if (!file) return false;
    std::ostringstream buffer;
    buffer << file.rdbuf();
    out = buffer.str();
    return true;
}

// Font bytes are handed to the atlas, which frees them with IM_FREE: allocate them with IM_ALLOC.
ImFont* add_font(const char* path, float size_pixels) {
    std::string bytes;
    if (!read_file(path, bytes)) return nullptr;
    void* data = IM_ALLOC(bytes.size());
    memcpy(data, bytes.data(), bytes.size());
    ImFontConfig config;
    config.OversampleH = 1; // 1.92 rasterizes at the display's density already; oversampling only costs memory
    return ImGui::GetIO().Fonts->AddFontFromMemoryTTF(data, static_cast<int>(bytes.size()), size_pixels, &config);
}

// ---------------------------------------------------------------------------------------------------------------------
// [SECTION] Frame loop
// ---------------------------------------------------------------------------------------------------------------------
void frame() {
    SDL_Event event;
    bool had_input = false;
    while (SDL_PollEvent(&event)) {
        ImGui_ImplSDL2_ProcessEvent(&event);
        had_input = true;
    }
    const double now_seconds = emscripten_get_now() / 1000.0;
    if (had_input) g_idle.on_input(now_seconds);
    if (!g_idle.should_draw(now_seconds, g_app->wants_continuous_frames())) {
        chips::wasm::pause_frame_loop();
        return;
    }

    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    ImGui::NewFrame();
    g_app->draw();
    ImGui::Render();
    int framebuffer_width = 0, framebuffer_height = 0;
    SDL_GL_GetDrawableSize(g_window, &framebuffer_width, &framebuffer_height);
    glViewport(0, 0, framebuffer_width, framebuffer_height);
    const ImVec4 clear = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(clear.x, clear.y, clear.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    g_idle.on_frame_drawn();
    if (++g_frames_drawn == 1) chips::wasm::notify_first_frame();
}
} // namespace

long chips::wasm::frames_drawn() { return g_frames_drawn; }
chips::ui::App& chips::wasm::app() { return *g_app; }
void chips::wasm::request_frames() {
    g_idle.on_input(emscripten_get_now() / 1000.0);
    resume_frame_loop();
}

// ---------------------------------------------------------------------------------------------------------------------
// [SECTION] main()
// ---------------------------------------------------------------------------------------------------------------------
int main(int, char**) {
    // Keyboard events go to the canvas only (not the whole page): an embedding article keeps its own keys.
    SDL_SetHint(SDL_HINT_EMSCRIPTEN_KEYBOARD_ELEMENT, "#canvas");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER | SDL_INIT_EVENTS) != 0) {
        chips::wasm::report_fatal("SDL_Init", SDL_GetError());
        return 1;
    }
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    // The canvas' CSS size (set by the page) decides the window size; SDL follows it on every resize.
    g_window = SDL_CreateWindow("Chips & Claims", SDL_WINDOWPOS_UNDEFINED, SDL_WINDOWPOS_UNDEFINED, 1280, 800,
                                SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    if (!g_window) {
        chips::wasm::report_fatal("SDL_CreateWindow", SDL_GetError());
        return 1;
    }
    g_gl_context = SDL_GL_CreateContext(g_window);
    if (!g_gl_context) {
        chips::wasm::report_fatal("WebGL2", SDL_GetError());
        return 1;
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

    static chips::ui::App app;
    g_app = &app;
    chips::ui::ContentTexts content;
    for (const char* name : {"gpus.json", "presets.json", "quotes.json", "strings.json"}) {
        std::string text;
        if (read_file((std::string("/content/") + name).c_str(), text)) content[name] = text;
    }
    chips::ContentErrors errors;
    if (!app.load(content, errors)) {
        for (const chips::ContentError& error : errors) std::fprintf(stderr, "%s\n", error.to_string().c_str());
    }
    chips::ui::AppFonts fonts;
    fonts.simplified = add_font("/fonts/ui-sc.otf", 17.0f);
    fonts.traditional = add_font("/fonts/ui-tc.otf", 17.0f);
    app.set_fonts(fonts);

    emscripten_set_main_loop(frame, 0, false);
    return 0;
}
