// wasm/browser_font_loader.cpp — Dear ImGui 1.92 font loaders: glyphs from the browser's fonts, or from the Noto
// subsets through stb_truetype, with a count of the codepoints neither could draw (tests/e2e/glyphs.test.mjs).
//
// Why the browser: every phone and desktop system ships a CJK font, and drawing with it means the page downloads no
// font before its first frame (the SC subset was 124 of 683 KB gzip) and rasterizes no CFF outline in wasm. The
// loader follows ImGui's own stb_truetype loader in shape (imgui_draw.cpp ImGui_ImplStbTrueType_*): the same sizing
// (ascent + descent = font size), the same baseline (rounded ascent) and advances in layout units, so lines break
// and sit where they do on the Noto path. ImGui asks for a glyph once per size, and once more per display density.
#include "wasm/browser_font_loader.h"

#include <emscripten.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <cstdio>
#include <set>

namespace {
// clang-format off
// The page's half: window.chipsAndClaimsPage.glyphs (site/app.js "[SECTION] Glyphs"). Faces by index: 0 sc, 1 tc.
EM_JS(void, js_glyph_metrics, (int face, float* ascent_descent_em), {
    const m = window['chipsAndClaimsPage']['glyphs']['metrics'](face ? 'tc' : 'sc');
    HEAPF32[ascent_descent_em >> 2] = m[0];
    HEAPF32[(ascent_descent_em >> 2) + 1] = m[1];
});
EM_JS(int, js_glyph_contains, (int face, int codepoint), {
    return window['chipsAndClaimsPage']['glyphs']['contains'](face ? 'tc' : 'sc', codepoint) ? 1 : 0;
});
EM_JS(double, js_glyph_advance_em, (int face, int codepoint), {
    return window['chipsAndClaimsPage']['glyphs']['advance'](face ? 'tc' : 'sc', codepoint);
});
// The glyph drawn at `px` device pixels per em: writes advance (em), width, height, pen x, pen y (pixels; width 0 =
// nothing to draw); 0 when the browser cannot draw it (tofu, or no ink for a character that has some).
EM_JS(int, js_glyph_load, (int face, int codepoint, double px, float* out), {
    const glyph = window['chipsAndClaimsPage']['glyphs']['load'](face ? 'tc' : 'sc', codepoint, px);
    if (!glyph) return 0;
    for (let i = 0; i < 5; i++) HEAPF32[(out >> 2) + i] = glyph[i];
    return 1;
});
EM_JS(void, js_glyph_take_bitmap, (unsigned char* pixels, int length), {
    const bitmap = window['chipsAndClaimsPage']['glyphs']['takeBitmap']();
    HEAPU8.set(bitmap.length > length ? bitmap.subarray(0, length) : bitmap, pixels);
});
// clang-format on

const char* g_glyph_path = "noto";
std::set<unsigned> g_missing; // distinct codepoints asked for and not drawn

// Control characters never reach the screen as glyphs (ImGui handles '\n' itself); they are not "missing".
void note_missing(ImWchar codepoint) {
    if (codepoint >= 0x20 && codepoint != 0x7F) g_missing.insert(codepoint);
}

// ---------------------------------------------------------------------------------------------------------------------
// The browser's fonts
// ---------------------------------------------------------------------------------------------------------------------
struct BrowserFaceData {
    int face = 0;           // 0 sc, 1 tc (ImFontConfig::FontNo, set by add_browser_font)
    float ascent_em = 0.0f; // the face's font box above and below the baseline, in em (site/app.js glyphs.metrics)
    float descent_em = 0.0f;
};
BrowserFaceData g_faces[2];

BrowserFaceData& face_of(const ImFontConfig* src) {
    return *static_cast<BrowserFaceData*>(src->FontLoaderData);
}
// CSS pixels per em at this ImGui size: the face's ascent + descent spans the size, as stbtt_ScaleForPixelHeight
// does for the Noto subset (so where the browser's font is Noto Sans CJK too, both paths draw the same size).
float em_pixels(const BrowserFaceData& face, float size) {
    return size / (face.ascent_em + face.descent_em);
}

bool browser_src_init(ImFontAtlas*, ImFontConfig* src) {
    if (src->FontNo > 1) return false;
    BrowserFaceData& face = g_faces[src->FontNo];
    face.face = static_cast<int>(src->FontNo);
    float metrics[2] = {0.0f, 0.0f};
    js_glyph_metrics(face.face, metrics);
    // A font box that says nothing (0, NaN) would divide by zero below: Noto Sans CJK's own box instead.
    const bool usable = metrics[0] > 0.1f && metrics[0] < 4.0f && metrics[1] >= 0.0f && metrics[1] < 4.0f;
    face.ascent_em = usable ? metrics[0] : 1.16f;
    face.descent_em = usable ? metrics[1] : 0.288f;
    src->FontLoaderData = &face;
    return true;
}
void browser_src_destroy(ImFontAtlas*, ImFontConfig* src) {
    src->FontLoaderData = nullptr; // static data: nothing to free
}
bool browser_src_contains(ImFontAtlas*, ImFontConfig* src, ImWchar codepoint) {
    return js_glyph_contains(face_of(src).face, codepoint) != 0;
}
bool browser_baked_init(ImFontAtlas*, ImFontConfig* src, ImFontBaked* baked, void*) {
    const BrowserFaceData& face = face_of(src);
    const float em = em_pixels(face, baked->Size);
    baked->Ascent = ImCeil(face.ascent_em * em);
    baked->Descent = ImFloor(-face.descent_em * em);
    return true;
}
bool browser_load_glyph(ImFontAtlas* atlas, ImFontConfig* src, ImFontBaked* baked, void*, ImWchar codepoint,
                        ImFontGlyph* out_glyph, float* out_advance_x) {
    const BrowserFaceData& face = face_of(src);
    const float em = em_pixels(face, baked->Size);
    if (out_advance_x) { // metrics only (large sizes): ImGui rasterizes later, when the glyph is drawn
        if (!js_glyph_contains(face.face, codepoint)) {
            note_missing(codepoint);
            return false;
        }
        *out_advance_x = static_cast<float>(js_glyph_advance_em(face.face, codepoint)) * em;
        return true;
    }
    const float density = src->RasterizerDensity * baked->RasterizerDensity;
    float glyph[5] = {0, 0, 0, 0, 0}; // advance (em), then width, height, pen x, pen y in device pixels
    if (!js_glyph_load(face.face, codepoint, em * density, glyph)) {
        note_missing(codepoint);
        return false;
    }
    out_glyph->Codepoint = codepoint;
    out_glyph->AdvanceX = glyph[0] * em;
    const int width = static_cast<int>(glyph[1]), height = static_cast<int>(glyph[2]);
    if (width <= 0 || height <= 0) return true; // a space: advance only
    ImFontAtlasRectId pack_id = ImFontAtlasPackAddRect(atlas, width, height);
    if (pack_id == ImFontAtlasRectId_Invalid) return false; // the atlas is full (ImGui asserts in its own loader)
    ImTextureRect* rect = ImFontAtlasPackGetRect(atlas, pack_id);
    ImFontAtlasBuilder* builder = atlas->Builder;
    builder->TempBuffer.resize(width * height);
    js_glyph_take_bitmap(builder->TempBuffer.Data, width * height);

    // Layout units are CSS pixels: the bitmap's pixels shrink by the density; the pen sits on the baseline, which is
    // the rounded ascent below the line's top (as in ImGui's stb_truetype loader).
    const float x0 = -glyph[3] / density;
    const float y0 = -glyph[4] / density + IM_ROUND(baked->Ascent);
    out_glyph->X0 = x0;
    out_glyph->Y0 = y0;
    out_glyph->X1 = x0 + rect->w / density;
    out_glyph->Y1 = y0 + rect->h / density;
    out_glyph->Visible = true;
    out_glyph->PackId = pack_id;
    ImFontAtlasBakedSetFontGlyphBitmap(atlas, baked, src, out_glyph, rect, builder->TempBuffer.Data,
                                       ImTextureFormat_Alpha8, width);
    return true;
}

const ImFontLoader* browser_loader() {
    static ImFontLoader loader;
    loader.Name = "browser canvas";
    loader.FontSrcInit = browser_src_init;
    loader.FontSrcDestroy = browser_src_destroy;
    loader.FontSrcContainsGlyph = browser_src_contains;
    loader.FontBakedInit = browser_baked_init;
    loader.FontBakedLoadGlyph = browser_load_glyph;
    return &loader;
}

// ---------------------------------------------------------------------------------------------------------------------
// The Noto subsets: ImGui's stb_truetype loader, counting the codepoints the subset lacks
// ---------------------------------------------------------------------------------------------------------------------
bool counting_stb_load_glyph(ImFontAtlas* atlas, ImFontConfig* src, ImFontBaked* baked, void* data, ImWchar codepoint,
                             ImFontGlyph* out_glyph, float* out_advance_x) {
    const bool found = ImFontAtlasGetFontLoaderForStbTruetype()->FontBakedLoadGlyph(atlas, src, baked, data, codepoint,
                                                                                    out_glyph, out_advance_x);
    if (!found) note_missing(codepoint);
    return found;
}
const ImFontLoader* counting_stb_loader() {
    static ImFontLoader loader = [] {
        ImFontLoader copy = *ImFontAtlasGetFontLoaderForStbTruetype();
        copy.Name = "stb_truetype (counting missing glyphs)";
        copy.FontBakedLoadGlyph = counting_stb_load_glyph;
        return copy;
    }();
    return &loader;
}
} // namespace

namespace chips::wasm {

ImFont* add_browser_font(BrowserFace face, float size_pixels) {
    ImFontConfig config;
    config.FontLoader = browser_loader();
    config.FontNo = face == BrowserFace::traditional ? 1 : 0;
    config.SizePixels = size_pixels;
    config.OversampleH = config.OversampleV = 1; // the canvas draws at the display's density already
    std::snprintf(config.Name, sizeof config.Name, "browser %s", face == BrowserFace::traditional ? "tc" : "sc");
    ImFont* font = ImGui::GetIO().Fonts->AddFont(&config);
    if (font) g_glyph_path = "browser";
    return font;
}

ImFont* add_file_font(void* data, int size, float size_pixels, bool count_missing) {
    ImFontConfig config;
    config.OversampleH = 1; // 1.92 rasterizes at the display's density already; oversampling only costs memory
    if (count_missing) config.FontLoader = counting_stb_loader(); // else the atlas' own stb_truetype loader
    ImFont* font = ImGui::GetIO().Fonts->AddFontFromMemoryTTF(data, size, size_pixels, &config);
    if (font) g_glyph_path = "noto";
    return font;
}

const char* glyph_path() {
    return g_glyph_path;
}

std::string missing_glyphs_json() {
    std::string json = "{\"count\":" + std::to_string(g_missing.size()) + ",\"sample\":[";
    int listed = 0;
    for (unsigned codepoint : g_missing) {
        if (listed == 20) break; // enough to name the problem; the count says how big it is
        json += (listed++ ? "," : "") + std::to_string(codepoint);
    }
    return json + "]}";
}

} // namespace chips::wasm
