// bench/baseline/main.cpp — the bare baseline of scripts/bench: Dear ImGui + SDL2 + WebGL2 drawing one window,
// structured like ImGui's stock emscripten example (examples/example_sdl2_opengl3): it redraws on every
// requestAnimationFrame, forever. That is the point of comparison: what "an ImGui page" costs before any of our
// content, fonts, model or idle policy. Built by the same wasm build, with the same compile and link flags as the
// app (bench/baseline/baseline.cmake), into build/wasm/baseline/.
//
// Differences from the app, on purpose (noted in the bench table): ImGui's default font (ProggyClean, embedded in
// imgui_draw.cpp) instead of the CJK subsets; no content, no model; no idle gate.
//
// Hooks for bench/measure.mjs (same names the app's page offers, so one script measures both):
//   window.__benchFirstFrame        performance.now() when the first frame was drawn
//   Module._baseline_frames_drawn() frames rendered so far
//   Module._baseline_slider_rect()  JSON {"x","y","w","h"} of the slider, in CSS pixels of the canvas
//   Module._chips_frame_stats()     per-frame CPU ms (wasm/frame_stats.cpp, same code as the app)
#include "wasm/frame_stats.h"

#include <GLES3/gl3.h>
#include <SDL.h>
#include <emscripten.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl2.h>

#include <cstdio>

// The shared imgui library is built with ui/imconfig_chips.h, which routes IM_ASSERT here. The stock example's
// IM_ASSERT is assert(), a no-op in this Release build; we print instead, and carry on the same way.
void chips::ui::report_imgui_assert(const char* expression, const char* file, int line) {
    std::fprintf(stderr, "ImGui assertion failed: %s (%s:%d)\n", expression, file, line);
}

namespace {
SDL_Window* g_window = nullptr;
long g_frames_drawn = 0;
float g_value = 0.5f;
ImVec2 g_slider_min, g_slider_max; // slider rectangle in ImGui (= canvas CSS) pixels, for the scripted drag
char g_rect_reply[128];

// The same start-up marks as the app's (wasm/browser.cpp mark_startup), so scripts/bench can compare the phases.
void mark(const char* name) {
    EM_ASM({ performance.mark(UTF8ToString($0)); }, name);
}

void frame() {
    if (g_frames_drawn == 0) mark("chips:first-frame-start");
    const double start_ms = emscripten_get_now();
    SDL_Event event;
    while (SDL_PollEvent(&event))
        ImGui_ImplSDL2_ProcessEvent(&event);
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    ImGui::NewFrame();

    ImGui::SetNextWindowPos(ImVec2(40, 40), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(520, 200), ImGuiCond_FirstUseEver);
    ImGui::Begin("Baseline");
    ImGui::TextUnformatted("A bare Dear ImGui + SDL2 + WebGL2 page.");
    ImGui::SetNextItemWidth(400);
    ImGui::SliderFloat("value", &g_value, 0.0f, 1.0f);
    g_slider_min = ImGui::GetItemRectMin();
    g_slider_max = ImGui::GetItemRectMax();
    ImGui::Text("%.1f frames/s", ImGui::GetIO().Framerate);
    ImGui::End();

    ImGui::Render();
    int width = 0, height = 0;
    SDL_GL_GetDrawableSize(g_window, &width, &height);
    glViewport(0, 0, width, height);
    glClearColor(0.1f, 0.1f, 0.12f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    chips::wasm::record_frame_ms(emscripten_get_now() - start_ms);
    if (++g_frames_drawn == 1) {
        mark("chips:first-frame");
        EM_ASM({ window['__benchFirstFrame'] = performance.now(); }, 0);
    }
}
} // namespace

extern "C" {
EMSCRIPTEN_KEEPALIVE int baseline_frames_drawn() {
    return static_cast<int>(g_frames_drawn);
}
EMSCRIPTEN_KEEPALIVE const char* baseline_slider_rect() {
    std::snprintf(g_rect_reply, sizeof g_rect_reply, "{\"x\":%.1f,\"y\":%.1f,\"w\":%.1f,\"h\":%.1f}", g_slider_min.x,
                  g_slider_min.y, g_slider_max.x - g_slider_min.x, g_slider_max.y - g_slider_min.y);
    return g_rect_reply;
}
}

int main(int, char**) {
    mark("chips:main");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER | SDL_INIT_EVENTS) != 0) {
        std::fprintf(stderr, "SDL_Init: %s\n", SDL_GetError());
        return 1;
    }
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    g_window = SDL_CreateWindow("Baseline", SDL_WINDOWPOS_UNDEFINED, SDL_WINDOWPOS_UNDEFINED, 1280, 800,
                                SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    if (!g_window) {
        std::fprintf(stderr, "SDL_CreateWindow: %s\n", SDL_GetError());
        return 1;
    }
    SDL_GLContext gl_context = SDL_GL_CreateContext(g_window);
    if (!gl_context) {
        std::fprintf(stderr, "WebGL2: %s\n", SDL_GetError());
        return 1;
    }
    SDL_GL_MakeCurrent(g_window, gl_context);
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    ImGui::StyleColorsDark();
    ImGui_ImplSDL2_InitForOpenGL(g_window, gl_context);
    ImGui_ImplOpenGL3_Init("#version 300 es");
    mark("chips:gl-ready");
    emscripten_set_main_loop(frame, 0, false);
    return 0;
}
