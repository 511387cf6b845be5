// wasm/sdl_without_blitters.cpp — keeps SDL2's software blitters out of chips.wasm.
//
// Why: SDL_video and SDL_surface reference the blit selector (SDL_CalculateBlit, SDL_blit.c) and the RLE encoder
// (SDL_RLEaccel.c), and through them every pixel-format blitter in SDL_blit_{0,1,A,N,auto,copy,slow}.c: 216 KB of the
// module's 865 KB of code (`bash scripts/bench --wasm-symbols`), none of which a WebGL2 app ever calls — the app draws
// with OpenGL ES 3, never blits a surface, sets no window icon, uses the browser's own cursors and never asks for a
// window surface. Defining the three entry points here means the linker never pulls those archive members (object
// files are linked before archives, and an archive member is only taken for a symbol still undefined), so the
// blitters disappear without patching or reconfiguring SDL.
//
// The signatures must be exactly SDL's (src/video/SDL_blit.h, src/video/SDL_RLEaccel_c.h in SDL 2.26): wasm checks
// function types at link time, and a mismatch would become a trap, not an error. If a future SDL moves another
// symbol into these files, the link fails with a duplicate symbol, which is the signal to update this file.
// If anything does try to blit, it gets SDL's ordinary error path ("Blit combination not supported").
#include <SDL.h>

extern "C" {

// SDL_blit.c: picks the blit function for a surface pair; returning -1 is how SDL reports an unsupported blit.
int SDL_CalculateBlit(SDL_Surface* surface) {
    (void)surface;
    return SDL_SetError("Blit combination not supported (chips.wasm is built without SDL's software blitters)");
}

// SDL_RLEaccel.c: run-length encodes a surface for faster colour-key blits; -1 leaves the surface as it is.
int SDL_RLESurface(SDL_Surface* surface) {
    (void)surface;
    return -1;
}

// SDL_RLEaccel.c: undoes SDL_RLESurface, which never succeeds here, so there is nothing to undo.
void SDL_UnRLESurface(SDL_Surface* surface, int recode) {
    (void)surface;
    (void)recode;
}

} // extern "C"
