// wasm/gl_state_cache.cpp — the GL state queries of ImGui's OpenGL3 backend, answered without asking WebGL.
//
// Why: ImGui_ImplOpenGL3_RenderDrawData saves 14 pieces of GL state with glGetIntegerv before drawing and restores
// them after, so that it can run inside an engine that has its own GL state. In Chromium each WebGL getParameter is
// a synchronous round trip to the GPU process: during a slider drag those queries were about half of the frame
// (docs/quality.md, "Frame time during a drag"). This app owns its only GL context; the backend restores everything
// it changes, and the app itself changes only the viewport (wasm/main.cpp, through chips_gl_viewport below, which
// keeps the cached value true) and the clear colour (not queried). So for the parameters below the cache always holds
// the real state: the first real answer, then what the backend's own restore and chips_gl_viewport set.
// Every other query (versions, limits, extensions) goes to WebGL as before.
//
// How it is wired: wasm/wasm.cmake compiles the backend (target imgui_backends) with
// -DglGetIntegerv=chips_gl_get_integerv; ImGui's source is untouched. The bench's baseline page keeps the stock
// backend (bench/baseline/baseline.cmake), so the table still compares against plain Dear ImGui.
#include "wasm/gl_state_cache.h"

#include <cstring>

namespace {

struct CachedParameter {
    GLenum name;    // the glGetIntegerv pname
    int count;      // integers it writes (4 for rectangles)
    bool known;     // filled by the first real query
    GLint value[4]; // that answer
};

// Exactly what the backend saves in RenderDrawData, CreateDeviceObjects and UpdateTexture.
CachedParameter g_cache[] = {
    {GL_ACTIVE_TEXTURE, 1, false, {}},
    {GL_CURRENT_PROGRAM, 1, false, {}},
    {GL_TEXTURE_BINDING_2D, 1, false, {}},
    {GL_SAMPLER_BINDING, 1, false, {}},
    {GL_ARRAY_BUFFER_BINDING, 1, false, {}},
    {GL_VERTEX_ARRAY_BINDING, 1, false, {}},
    {GL_VIEWPORT, 4, false, {}},
    {GL_SCISSOR_BOX, 4, false, {}},
    {GL_BLEND_SRC_RGB, 1, false, {}},
    {GL_BLEND_DST_RGB, 1, false, {}},
    {GL_BLEND_SRC_ALPHA, 1, false, {}},
    {GL_BLEND_DST_ALPHA, 1, false, {}},
    {GL_BLEND_EQUATION_RGB, 1, false, {}},
    {GL_BLEND_EQUATION_ALPHA, 1, false, {}},
};

CachedParameter* find(GLenum name) {
    for (CachedParameter& entry : g_cache)
        if (entry.name == name) return &entry;
    return nullptr;
}

} // namespace

void chips_gl_viewport(GLint x, GLint y, GLsizei width, GLsizei height) {
    glViewport(x, y, width, height);
    CachedParameter* viewport = find(GL_VIEWPORT);
    viewport->value[0] = x;
    viewport->value[1] = y;
    viewport->value[2] = width;
    viewport->value[3] = height;
    viewport->known = true;
}

extern "C" void chips_gl_get_integerv(GLenum name, GLint* data) {
    CachedParameter* entry = find(name);
    if (!entry) return glGetIntegerv(name, data);
    if (!entry->known) {
        glGetIntegerv(name, entry->value);
        entry->known = true;
    }
    std::memcpy(data, entry->value, sizeof(GLint) * entry->count);
}
