// wasm/browser_font_loader.h — where the app's glyphs come from (docs/site.md "Glyphs"): the browser's own CJK fonts
// drawn through Canvas 2D, or the Noto subsets drawn by stb_truetype. The only C++ that knows ImFontLoader.
#pragma once
#include <string>

struct ImFont;

namespace chips::wasm {
enum class BrowserFace { simplified, traditional }; // site/app.js GLYPH_FACES: 'sc' and 'tc'

// A face drawn by the browser: glyphs come one by one from the page's canvas (window.chipsAndClaimsPage.glyphs) at
// the display's density, sized so that the face's ascent + descent is `size_pixels`, as stb_truetype sizes a font.
ImFont* add_browser_font(BrowserFace face, float size_pixels);
// A face from font file bytes (malloc'd; the atlas owns them from here on), drawn by stb_truetype. Its missing glyphs
// are counted unless `count_missing` is false (a stand-in face whose gaps the real one fills once it arrives).
ImFont* add_file_font(void* data, int size, float size_pixels, bool count_missing = true);

// Which loader draws the app's text: "browser" or "noto" (the last face added decides; both are never mixed).
const char* glyph_path();
// {"count":N,"sample":[codepoints]}: distinct codepoints the app asked to draw that the active path had no glyph for.
std::string missing_glyphs_json();
} // namespace chips::wasm
