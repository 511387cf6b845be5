// wasm/gl_state_cache.h — GL state the app sets itself, kept in step with the cache that answers ImGui's OpenGL3
// backend (why the cache exists: wasm/gl_state_cache.cpp).
#pragma once
#include <GLES3/gl3.h>

// glViewport, and the cached GL_VIEWPORT follows. Every viewport change outside the ImGui backend goes through here.
void chips_gl_viewport(GLint x, GLint y, GLsizei width, GLsizei height);

// What the backend calls instead of glGetIntegerv (compiled with -DglGetIntegerv=chips_gl_get_integerv).
extern "C" void chips_gl_get_integerv(GLenum name, GLint* data);
