// tools/render_previews.cpp — the link-preview images (Open Graph / Twitter "summary_large_image"): one 1200×630 PNG
// per quote and one for the site, in one reader language, drawn at build time from the same checks as the pages.
//
//   render_previews --cards FILE --strings content/strings.json --out DIR [--regular TTC] [--bold TTC]
//
// FILE is tools/render_fallback's --cards JSON for one language; DIR gets <quote-id>.png and site.png. A shared link
// then shows the quote, the verdict in its colour and the reason before anyone opens the page
// (scripts/build_share_pages.mjs points og:image at these files).
//
// Why a native tool and not screenshots of HTML in chromium: 3 × 42 images in ~1 s of one core instead of a browser
// per build; no browser in the build. Text is rasterized with the stb_truetype inside Dear ImGui's source (the same
// rasterizer as the app), from Debian's Noto Sans CJK (SC face for simplified text and English, TC face for
// traditional), broken into lines with the app's own Chinese line breaking (ui/line_break.h), and written as an
// 8-bit RGB PNG compressed with zlib.
//
// Exit codes: 0 written; 1 unreadable input, missing font or unwritable output (one line on stderr); 2 bad usage.
//
// Index
// - [SECTION] Input
// - [SECTION] Fonts and glyphs
// - [SECTION] Canvas and text
// - [SECTION] PNG
// - [SECTION] The two layouts: a quote, the site
// - [SECTION] main
#include "ui/line_break.h"

#include <nlohmann/json.hpp>
#include <zlib.h>

#define STB_TRUETYPE_IMPLEMENTATION
#define STBTT_STATIC
#include "imstb_truetype.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

namespace {

constexpr int kWidthPx = 1200; // the size Open Graph and Twitter's large card show without cropping (1.91:1)
constexpr int kHeightPx = 630;
constexpr int kMarginPx = 64;

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] Input
//-----------------------------------------------------------------------------------------------------------------

struct Failure : std::runtime_error {
    using std::runtime_error::runtime_error;
};

std::string read_file(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    if (!file) throw Failure("cannot read " + path);
    std::ostringstream buffer;
    buffer << file.rdbuf();
    return buffer.str();
}

nlohmann::json read_json(const std::string& path) {
    try {
        return nlohmann::json::parse(read_file(path));
    } catch (const nlohmann::json::exception& error) {
        throw Failure(path + ": not JSON (" + error.what() + ")");
    }
}

// A string of strings.json in the cards' language; a missing key is an error, never an English stand-in.
std::string string_for(const nlohmann::json& strings, const std::string& key, const std::string& lang) {
    const auto entry = strings["strings"].find(key);
    if (entry == strings["strings"].end() || !entry->contains(lang) || !(*entry)[lang].is_string())
        throw Failure("content/strings.json: /strings/" + key + "/" + lang + ": missing");
    return (*entry)[lang].get<std::string>();
}

std::string fill_in(std::string pattern, const std::string& name, const std::string& value) {
    const std::string hole = "{" + name + "}";
    for (std::size_t at = pattern.find(hole); at != std::string::npos; at = pattern.find(hole, at + value.size()))
        pattern.replace(at, hole.size(), value);
    return pattern;
}

// Quote ids become file names: only what content ids may be (lower-case letters, digits, '-', '.'), never a path.
void check_id(const std::string& id) {
    const bool safe = !id.empty() && id[0] != '.' && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
    });
    if (!safe) throw Failure("cards: quote id \"" + id + "\" is not a safe file name");
}

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] Fonts and glyphs
//-----------------------------------------------------------------------------------------------------------------

constexpr int kFaceSimplified = 2; // faces in NotoSansCJK-*.ttc: 0 JP, 1 KR, 2 SC, 3 TC, 4 HK
constexpr int kFaceTraditional = 3;

struct Glyph {
    int x0 = 0, y0 = 0, width = 0, height = 0; // bitmap box relative to the pen on the baseline
    float advance_px = 0.0f;
    std::vector<unsigned char> coverage; // width × height, 0..255
};

class Face {
  public:
    Face(const std::string& bytes, int index, const std::string& name) : bytes_(bytes) {
        const auto* data = reinterpret_cast<const unsigned char*>(bytes_.data());
        const int offset = stbtt_GetFontOffsetForIndex(data, index);
        if (offset < 0 || !stbtt_InitFont(&info_, data, offset))
            throw Failure(name + ": face " + std::to_string(index) + " is not a font stb_truetype can read");
    }
    Face(const Face&) = delete;
    Face& operator=(const Face&) = delete;

    // One glyph at `size_px` (the em size, as CSS font-size means it); cached, every image reuses most glyphs.
    const Glyph& glyph(std::uint32_t codepoint, float size_px) {
        const auto key = std::make_tuple(codepoint, size_px);
        auto found = cache_.find(key);
        if (found != cache_.end()) return found->second;
        Glyph glyph;
        const float scale = stbtt_ScaleForMappingEmToPixels(&info_, size_px);
        const int index = stbtt_FindGlyphIndex(&info_, static_cast<int>(codepoint));
        int advance = 0, bearing = 0;
        stbtt_GetGlyphHMetrics(&info_, index, &advance, &bearing);
        glyph.advance_px = advance * scale;
        int x1 = 0, y1 = 0;
        stbtt_GetGlyphBitmapBox(&info_, index, scale, scale, &glyph.x0, &glyph.y0, &x1, &y1);
        glyph.width = std::max(0, x1 - glyph.x0);
        glyph.height = std::max(0, y1 - glyph.y0);
        glyph.coverage.assign(static_cast<std::size_t>(glyph.width) * glyph.height, 0);
        if (glyph.width > 0 && glyph.height > 0)
            stbtt_MakeGlyphBitmap(&info_, glyph.coverage.data(), glyph.width, glyph.height, glyph.width, scale, scale,
                                  index);
        return cache_.emplace(key, std::move(glyph)).first->second;
    }
    float ascent_px(float size_px) const {
        int ascent = 0, descent = 0, gap = 0;
        stbtt_GetFontVMetrics(&info_, &ascent, &descent, &gap);
        return ascent * stbtt_ScaleForMappingEmToPixels(&info_, size_px);
    }

  private:
    const std::string& bytes_; // owned by Fonts, outlives the face
    stbtt_fontinfo info_{};
    std::map<std::tuple<std::uint32_t, float>, Glyph> cache_;
};

struct Fonts {
    std::string regular_bytes, bold_bytes;
    Face* regular[2] = {nullptr, nullptr}; // [0] simplified/Latin, [1] traditional
    Face* bold[2] = {nullptr, nullptr};
    std::vector<std::unique_ptr<Face>> owned;

    Fonts(const std::string& regular_path, const std::string& bold_path)
        : regular_bytes(read_file(regular_path)), bold_bytes(read_file(bold_path)) {
        for (int script = 0; script < 2; ++script) {
            const int index = script == 0 ? kFaceSimplified : kFaceTraditional;
            owned.push_back(std::make_unique<Face>(regular_bytes, index, regular_path));
            regular[script] = owned.back().get();
            owned.push_back(std::make_unique<Face>(bold_bytes, index, bold_path));
            bold[script] = owned.back().get();
        }
    }
};

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] Canvas and text
//-----------------------------------------------------------------------------------------------------------------

struct Rgb {
    std::uint8_t r, g, b;
};

// The site's dark palette (site/style.css :root): a preview is seen in feeds of every colour, a dark card with the
// verdict colours the reader will meet on the page stands out in both.
constexpr Rgb kBackground{0x16, 0x18, 0x1d};
constexpr Rgb kPanel{0x20, 0x23, 0x2a};
constexpr Rgb kText{0xe6, 0xe6, 0xe6};
constexpr Rgb kMuted{0xa0, 0xa4, 0xad};
constexpr Rgb kAccent{0x6c, 0xb4, 0xff};

Rgb verdict_color(const std::string& verdict) {
    if (verdict == "consistent") return {0x7b, 0xd8, 0x8f};
    if (verdict == "overstated") return {0xff, 0x9e, 0x80};
    if (verdict == "understated") return {0xff, 0xd4, 0x79};
    return kMuted;
}

class Canvas {
  public:
    Canvas() : pixels_(static_cast<std::size_t>(kWidthPx) * kHeightPx * 3) {
        fill(0, 0, kWidthPx, kHeightPx, kBackground);
    }

    void fill(int x, int y, int width, int height, Rgb color) {
        for (int row = std::max(0, y); row < std::min(kHeightPx, y + height); ++row)
            for (int col = std::max(0, x); col < std::min(kWidthPx, x + width); ++col)
                put(col, row, color, 255);
    }
    void put(int x, int y, Rgb color, int alpha) {
        if (x < 0 || y < 0 || x >= kWidthPx || y >= kHeightPx || alpha <= 0) return;
        std::uint8_t* pixel = &pixels_[(static_cast<std::size_t>(y) * kWidthPx + x) * 3];
        const auto mix = [alpha](std::uint8_t under, std::uint8_t over) {
            return static_cast<std::uint8_t>((under * (255 - alpha) + over * alpha + 127) / 255);
        };
        pixel[0] = mix(pixel[0], color.r);
        pixel[1] = mix(pixel[1], color.g);
        pixel[2] = mix(pixel[2], color.b);
    }
    const std::vector<std::uint8_t>& pixels() const { return pixels_; }

  private:
    std::vector<std::uint8_t> pixels_; // RGB, row-major
};

// A run of text in one face, size and colour; `highlight` colours the bytes [begin, end) of the text differently.
struct Style {
    Face* face;
    float size_px;
    Rgb color;
    float line_height = 1.4f; // × size
    std::size_t highlight_begin = 0, highlight_end = 0;
    Rgb highlight_color = kText;
};

const char* const kEllipsis = "\xE2\x80\xA6"; // …

float text_width(Style& style, std::string_view text) {
    float width = 0.0f;
    for (std::size_t at = 0; at < text.size();) {
        std::size_t length = 1;
        width += style.face->glyph(chips::ui::decode_utf8(text, at, length), style.size_px).advance_px;
        at += length;
    }
    return width;
}

// Draws `text` from its byte `offset` at the pen (x, baseline); returns the pen's x after it.
float draw_run(Canvas& canvas, Style& style, std::string_view text, std::size_t offset, float x, float baseline) {
    for (std::size_t at = 0; at < text.size();) {
        std::size_t length = 1;
        const Glyph& glyph = style.face->glyph(chips::ui::decode_utf8(text, at, length), style.size_px);
        const std::size_t byte = offset + at;
        const Rgb color =
            byte >= style.highlight_begin && byte < style.highlight_end ? style.highlight_color : style.color;
        const int left = static_cast<int>(std::lround(x)) + glyph.x0;
        const int top = static_cast<int>(std::lround(baseline)) + glyph.y0;
        for (int row = 0; row < glyph.height; ++row)
            for (int col = 0; col < glyph.width; ++col)
                canvas.put(left + col, top + row, color,
                           glyph.coverage[static_cast<std::size_t>(row) * glyph.width + col]);
        x += glyph.advance_px;
        at += length;
    }
    return x;
}

// Wraps `text` into at most `max_lines` lines of `width_px` (the last one ends in "…" when text is left over) and
// draws it with its top at `top`; returns the y below the last line.
float draw_paragraph(Canvas& canvas, Style style, const std::string& text, float left, float top, float width_px,
                     int max_lines) {
    std::vector<chips::ui::TextLine> lines;
    chips::ui::break_lines(
        text, width_px, [&style](std::string_view piece) { return text_width(style, piece); }, lines);
    const float line_px = style.size_px * style.line_height;
    float baseline = top + (line_px - style.size_px) / 2.0f + style.face->ascent_px(style.size_px);
    const int shown = std::min<int>(max_lines, static_cast<int>(lines.size()));
    for (int index = 0; index < shown; ++index) {
        const chips::ui::TextLine& line = lines[index];
        std::string_view piece(text.data() + line.begin, line.end - line.begin);
        const bool cut = index == shown - 1 && shown < static_cast<int>(lines.size());
        if (cut) {
            const float ellipsis_px = text_width(style, kEllipsis);
            while (!piece.empty() && text_width(style, piece) + ellipsis_px > width_px) {
                std::size_t back = piece.size() - 1;
                while (back > 0 && (static_cast<unsigned char>(piece[back]) & 0xC0) == 0x80)
                    --back;
                piece = piece.substr(0, back);
            }
        }
        const float end = draw_run(canvas, style, piece, line.begin, left, baseline);
        if (cut) {
            Style plain = style; // the ellipsis is never part of a highlighted span
            plain.highlight_end = 0;
            draw_run(canvas, plain, kEllipsis, 0, end, baseline);
        }
        baseline += line_px;
    }
    return top + shown * line_px;
}

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] PNG
//-----------------------------------------------------------------------------------------------------------------

void put_u32(std::string& out, std::uint32_t value) {
    for (int shift = 24; shift >= 0; shift -= 8)
        out += static_cast<char>((value >> shift) & 0xFF);
}

void put_chunk(std::string& out, const char* type, const std::string& data) {
    put_u32(out, static_cast<std::uint32_t>(data.size()));
    const std::string typed = std::string(type, 4) + data;
    out += typed;
    put_u32(out, static_cast<std::uint32_t>(
                     crc32(0L, reinterpret_cast<const Bytef*>(typed.data()), static_cast<uInt>(typed.size()))));
}

// 8-bit RGB, every row with the "Sub" filter (flat backgrounds become runs of zeros), zlib level 9.
std::string encode_png(const Canvas& canvas) {
    const std::vector<std::uint8_t>& pixels = canvas.pixels();
    const std::size_t stride = static_cast<std::size_t>(kWidthPx) * 3;
    std::string filtered;
    filtered.reserve((stride + 1) * kHeightPx);
    for (int row = 0; row < kHeightPx; ++row) {
        const std::uint8_t* line = &pixels[row * stride];
        filtered += '\x01';
        for (std::size_t byte = 0; byte < stride; ++byte)
            filtered +=
                static_cast<char>(byte < 3 ? line[byte] : static_cast<std::uint8_t>(line[byte] - line[byte - 3]));
    }
    uLongf packed_size = compressBound(static_cast<uLong>(filtered.size()));
    std::string packed(packed_size, '\0');
    if (compress2(reinterpret_cast<Bytef*>(&packed[0]), &packed_size, reinterpret_cast<const Bytef*>(filtered.data()),
                  static_cast<uLong>(filtered.size()), 9) != Z_OK)
        throw Failure("zlib could not compress the image");
    packed.resize(packed_size);

    std::string png = "\x89PNG\r\n\x1a\n";
    std::string header;
    put_u32(header, kWidthPx);
    put_u32(header, kHeightPx);
    header += std::string("\x08\x02\x00\x00\x00", 5); // 8 bits, RGB, deflate, standard filters, no interlace
    put_chunk(png, "IHDR", header);
    put_chunk(png, "IDAT", packed);
    put_chunk(png, "IEND", "");
    return png;
}

void write_png(const std::string& path, const Canvas& canvas) {
    std::ofstream file(path, std::ios::binary);
    file << encode_png(canvas);
    if (!file) throw Failure("cannot write " + path);
}

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] The two layouts: a quote, the site
//-----------------------------------------------------------------------------------------------------------------

struct Page {
    const nlohmann::json& strings;
    std::string lang;
    Fonts& fonts;

    int ui_script() const { return lang == "zh-Hant" ? 1 : 0; }
    std::string tr(const std::string& key) const { return string_for(strings, key, lang); }
};

// The site's name in the top left corner, the same on every image.
void draw_brand(Canvas& canvas, const Page& page) {
    canvas.fill(0, 0, kWidthPx, 8, kAccent);
    Style brand{page.fonts.bold[page.ui_script()], 28.0f, kAccent};
    draw_paragraph(canvas, brand, page.tr("app.title"), kMarginPx, 40, kWidthPx - 2 * kMarginPx, 1);
}

// Quote (its claim span in the verdict's colour), the English translation on English pages, then the verdict large
// with the span it is about, the reason, and how many more claims the quote holds.
void draw_quote(Canvas& canvas, const Page& page, const nlohmann::json& quote) {
    draw_brand(canvas, page);
    const nlohmann::json& claim = quote["claims"][quote["headline_claim"].get<std::size_t>()];
    const std::string text = quote["text"].get<std::string>();
    const std::string span = claim["span"].get<std::string>();
    const Rgb verdict = verdict_color(claim["verdict"].get<std::string>());
    const int quote_script = quote["script"] == "zh-Hant" ? 1 : 0;
    const float width = kWidthPx - 2.0f * kMarginPx;

    const std::string quoted = "\xE2\x80\x9C" + text + "\xE2\x80\x9D"; // “…”
    const std::size_t span_at = text.find(span);
    Style quote_style{page.fonts.regular[quote_script], 44.0f, kText, 1.45f};
    if (span_at != std::string::npos) {
        quote_style.highlight_begin = 3 + span_at; // after the opening quotation mark (3 bytes)
        quote_style.highlight_end = quote_style.highlight_begin + span.size();
        quote_style.highlight_color = verdict;
    }
    float y = draw_paragraph(canvas, quote_style, quoted, kMarginPx, 96, width, page.lang == "en" ? 3 : 4);
    if (page.lang == "en") {
        Style translation{page.fonts.regular[0], 26.0f, kMuted};
        y = draw_paragraph(canvas, translation, quote["translation"].get<std::string>(), kMarginPx, y + 8, width, 2);
    }

    // The verdict block sits at the bottom, on a panel with a bar in the verdict's colour.
    const int panel_top = 380;
    canvas.fill(0, panel_top, kWidthPx, kHeightPx - panel_top, kPanel);
    canvas.fill(0, panel_top, 12, kHeightPx - panel_top, verdict);
    Style word{page.fonts.regular[page.ui_script()], 24.0f, kMuted};
    draw_paragraph(canvas, word, page.tr("share.verdict"), kMarginPx, panel_top + 24, width, 1);
    Style label{page.fonts.bold[page.ui_script()], 64.0f, verdict, 1.2f};
    const std::string verdict_label = claim["verdict_label"].get<std::string>();
    draw_paragraph(canvas, label, verdict_label, kMarginPx, panel_top + 56, width, 1);
    Style span_style{page.fonts.regular[quote_script], 36.0f, kText, 1.2f};
    const float label_px = text_width(label, verdict_label);
    draw_paragraph(canvas, span_style, "\xE2\x80\x9C" + span + "\xE2\x80\x9D", kMarginPx + label_px + 32,
                   panel_top + 74, width - label_px - 32, 1);
    Style reason{page.fonts.regular[page.ui_script()], 26.0f, kText};
    draw_paragraph(canvas, reason, claim["reason"].get<std::string>(), kMarginPx, panel_top + 146, width, 2);
    // Other claims of the same quote: right-aligned on the "Verdict" line.
    const std::size_t more = quote["claims"].size() - 1;
    if (more > 0) {
        Style more_style{page.fonts.regular[page.ui_script()], 24.0f, kMuted};
        const std::string more_text = fill_in(page.tr("share.more_claims"), "count", std::to_string(more));
        const float more_px = text_width(more_style, more_text);
        draw_paragraph(canvas, more_style, more_text, kWidthPx - kMarginPx - more_px, panel_top + 24, more_px + 1, 1);
    }
}

// Title, subtitle, how much was checked, and the verdicts counted in their colours.
void draw_site(Canvas& canvas, const Page& page, const nlohmann::json& cards) {
    canvas.fill(0, 0, kWidthPx, 8, kAccent); // the title is the brand here
    const float width = kWidthPx - 2.0f * kMarginPx;
    Style title{page.fonts.bold[page.ui_script()], 76.0f, kText, 1.25f};
    float y = draw_paragraph(canvas, title, page.tr("app.title"), kMarginPx, 96, width, 1);
    Style subtitle{page.fonts.regular[page.ui_script()], 38.0f, kText};
    y = draw_paragraph(canvas, subtitle, page.tr("app.subtitle"), kMarginPx, y + 12, width, 2);
    std::string summary =
        fill_in(page.tr("share.site_summary"), "quotes", std::to_string(cards["quote_count"].get<int>()));
    summary = fill_in(summary, "claims", std::to_string(cards["claim_count"].get<int>()));
    Style summary_style{page.fonts.regular[page.ui_script()], 30.0f, kMuted};
    draw_paragraph(canvas, summary_style, summary, kMarginPx, y + 24, width, 1);

    const int panel_top = 470;
    canvas.fill(0, panel_top, kWidthPx, kHeightPx - panel_top, kPanel);
    float x = kMarginPx;
    for (const char* verdict : {"consistent", "overstated", "understated", "not_checkable"}) {
        Style count{page.fonts.bold[page.ui_script()], 56.0f, verdict_color(verdict), 1.2f};
        const std::string number = std::to_string(cards["verdict_counts"][verdict].get<int>());
        draw_paragraph(canvas, count, number, x, panel_top + 22, 200, 1);
        Style label{page.fonts.regular[page.ui_script()], 26.0f, kText};
        const std::string label_text = cards["verdict_labels"][verdict].get<std::string>();
        draw_paragraph(canvas, label, label_text, x, panel_top + 98, 260, 1);
        x += std::max(text_width(label, label_text), text_width(count, number)) + 64;
    }
}

} // namespace

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] main
//-----------------------------------------------------------------------------------------------------------------

int main(int argc, char** argv) {
    const char* usage = "usage: render_previews --cards FILE --strings FILE --out DIR [--regular TTC] [--bold TTC]\n";
    std::string cards_path, strings_path, out_dir;
    std::string regular_path = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
    std::string bold_path = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc";
    for (int index = 1; index < argc; ++index) {
        const std::string argument = argv[index];
        std::string* target = argument == "--cards"     ? &cards_path
                              : argument == "--strings" ? &strings_path
                              : argument == "--out"     ? &out_dir
                              : argument == "--regular" ? &regular_path
                              : argument == "--bold"    ? &bold_path
                                                        : nullptr;
        if (!target || index + 1 >= argc) {
            std::cerr << usage;
            return 2;
        }
        *target = argv[++index];
    }
    if (cards_path.empty() || strings_path.empty() || out_dir.empty()) {
        std::cerr << usage;
        return 2;
    }
    try {
        const nlohmann::json cards = read_json(cards_path);
        const nlohmann::json strings = read_json(strings_path);
        Fonts fonts(regular_path, bold_path);
        const Page page{strings, cards.at("lang").get<std::string>(), fonts};
        std::size_t written = 0;
        for (const nlohmann::json& quote : cards.at("quotes")) {
            const std::string id = quote.at("id").get<std::string>();
            check_id(id);
            if (quote.at("claims").empty()) continue;
            Canvas canvas;
            draw_quote(canvas, page, quote);
            write_png(out_dir + "/" + id + ".png", canvas);
            ++written;
        }
        Canvas site;
        draw_site(site, page, cards);
        write_png(out_dir + "/site.png", site);
        std::printf("render_previews: %s, %zu quote images + site.png (%dx%d) -> %s\n", page.lang.c_str(), written,
                    kWidthPx, kHeightPx, out_dir.c_str());
    } catch (const Failure& failure) {
        std::cerr << "render_previews: " << failure.what() << "\n";
        return 1;
    } catch (const nlohmann::json::exception& error) {
        std::cerr << "render_previews: " << cards_path << ": unexpected shape (" << error.what() << ")\n";
        return 1;
    }
    return 0;
}
