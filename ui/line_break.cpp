// ui/line_break.cpp — see line_break.h.
//
// Algorithm: (1) cut the text into units — one CJK character, one Latin run, one run of spaces, or a hard break;
// (2) mark where a break is allowed between units (kinsoku glue forbids some); (3) fill lines greedily, breaking
// at the last allowed position that fits.
#include "ui/line_break.h"

namespace chips::ui {

namespace {

enum class UnitKind { cjk, latin, space, newline };

struct Unit {
    std::size_t begin;
    std::size_t end;
    UnitKind kind;
    std::uint32_t first; // first code point (kinsoku checks the first character of a line)
    std::uint32_t last;  // last code point (kinsoku checks the last character of a line)
    float width;
    bool break_before; // a line may start with this unit
};

bool is_space(std::uint32_t c) {
    return c == ' ' || c == '\t' || c == 0x3000 || c == 0x00A0;
}

} // namespace

std::uint32_t decode_utf8(std::string_view text, std::size_t offset, std::size_t& length) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(offset);
    length = 1;
    if (lead < 0x80) return lead;
    std::size_t need = 0;
    std::uint32_t codepoint = 0;
    if ((lead & 0xE0) == 0xC0) {
        need = 1;
        codepoint = lead & 0x1F;
    } else if ((lead & 0xF0) == 0xE0) {
        need = 2;
        codepoint = lead & 0x0F;
    } else if ((lead & 0xF8) == 0xF0) {
        need = 3;
        codepoint = lead & 0x07;
    } else {
        return 0xFFFD;
    }
    if (offset + need >= text.size()) return 0xFFFD; // truncated sequence at the end
    for (std::size_t i = 1; i <= need; ++i) {
        const unsigned char next = byte(offset + i);
        if ((next & 0xC0) != 0x80) return 0xFFFD;
        codepoint = (codepoint << 6) | (next & 0x3F);
    }
    length = need + 1;
    return codepoint;
}

bool is_closing_punctuation(std::uint32_t c) {
    switch (c) {
    case ',':
    case '.':
    case ';':
    case ':':
    case '!':
    case '?':
    case ')':
    case ']':
    case '}':
    case '%':
    case 0x3001: // 、
    case 0x3002: // 。
    case 0xFF0C: // ，
    case 0xFF0E: // ．
    case 0xFF1A: // ：
    case 0xFF1B: // ；
    case 0xFF1F: // ？
    case 0xFF01: // ！
    case 0xFF09: // ）
    case 0xFF3D: // ］
    case 0xFF5D: // ｝
    case 0xFF05: // ％
    case 0x300D: // 」
    case 0x300F: // 』
    case 0x3011: // 】
    case 0x300B: // 》
    case 0x3009: // 〉
    case 0x3015: // 〕
    case 0x3017: // 〗
    case 0x3019: // 〙
    case 0x201D: // ”
    case 0x2019: // ’
    case 0x2026: // …
    case 0x2025: // ‥
    case 0x30FB: // ・
    case 0x30FC: // ー
    case 0x3005: // 々
    case 0x00B7: // ·
    case 0x2030: // ‰
        return true;
    default:
        return false;
    }
}

bool is_opening_punctuation(std::uint32_t c) {
    switch (c) {
    case '(':
    case '[':
    case '{':
    case '$':
    case 0xFF08: // （
    case 0xFF3B: // ［
    case 0xFF5B: // ｛
    case 0x300C: // 「
    case 0x300E: // 『
    case 0x3010: // 【
    case 0x300A: // 《
    case 0x3008: // 〈
    case 0x3014: // 〔
    case 0x3016: // 〖
    case 0x3018: // 〘
    case 0x201C: // “
    case 0x2018: // ‘
    case 0x00A5: // ¥
    case 0xFFE5: // ￥
    case 0x00A3: // £
    case 0x20AC: // €
        return true;
    default:
        return false;
    }
}

bool is_cjk(std::uint32_t c) {
    return (c >= 0x2E80 && c <= 0x9FFF) ||   // radicals, CJK punctuation, kana, Han
           (c >= 0xAC00 && c <= 0xD7AF) ||   // Hangul
           (c >= 0xF900 && c <= 0xFAFF) ||   // compatibility ideographs
           (c >= 0xFE30 && c <= 0xFE4F) ||   // vertical forms
           (c >= 0xFF00 && c <= 0xFFEF) ||   // full-width forms
           (c >= 0x20000 && c <= 0x3FFFF) || // extension B+
           c == 0x201C || c == 0x201D || c == 0x2018 || c == 0x2019 || c == 0x2026 || c == 0x00B7;
}

void break_lines(std::string_view text, float max_width, const MeasureText& measure, std::vector<TextLine>& out) {
    out.clear();
    // (1) Units.
    std::vector<Unit> units;
    std::size_t offset = 0;
    while (offset < text.size()) {
        std::size_t length = 0;
        const std::uint32_t c = decode_utf8(text, offset, length);
        Unit unit{offset, offset + length, UnitKind::cjk, c, c, 0.0f, true};
        if (c == '\n') {
            unit.kind = UnitKind::newline;
        } else if (is_space(c)) {
            unit.kind = UnitKind::space;
            while (unit.end < text.size()) {
                std::size_t next_length = 0;
                const std::uint32_t next = decode_utf8(text, unit.end, next_length);
                if (!is_space(next)) break;
                unit.end += next_length;
            }
        } else if (!is_cjk(c)) {
            // Latin run: everything up to the next space, newline or CJK character. Opening punctuation inside a
            // run ("(H800") stays in it; the glue rules below handle the ends.
            unit.kind = UnitKind::latin;
            while (unit.end < text.size()) {
                std::size_t next_length = 0;
                const std::uint32_t next = decode_utf8(text, unit.end, next_length);
                if (next == '\n' || is_space(next) || is_cjk(next)) break;
                unit.last = next;
                unit.end += next_length;
            }
        }
        unit.width = unit.kind == UnitKind::newline ? 0.0f : measure(text.substr(unit.begin, unit.end - unit.begin));
        units.push_back(unit);
        offset = unit.end;
    }
    // (2) Glue: no break before closing punctuation, none after opening punctuation, none between two adjacent
    // non-space units unless one of them is CJK (Latin runs are already whole).
    for (std::size_t i = 1; i < units.size(); ++i) {
        Unit& unit = units[i];
        const Unit& previous = units[i - 1];
        if (unit.kind == UnitKind::space || unit.kind == UnitKind::newline) {
            unit.break_before = false; // spaces hang at the end of the line they follow
            continue;
        }
        if (is_closing_punctuation(unit.first)) unit.break_before = false;
        if (previous.kind != UnitKind::space && previous.kind != UnitKind::newline &&
            is_opening_punctuation(previous.last))
            unit.break_before = false;
    }
    // (3) Greedy fill. `line_begin` indexes units; `last_break` is the latest unit on this line where a new line
    // may start. Widths are summed per unit (CJK has no kerning across characters worth measuring).
    std::size_t line_begin = 0;
    while (line_begin < units.size()) {
        float width = 0.0f;
        std::size_t last_break = line_begin; // == line_begin means "no break found yet"
        std::size_t i = line_begin;
        std::size_t next_line = units.size();
        bool hard = false;
        for (; i < units.size(); ++i) {
            const Unit& unit = units[i];
            if (unit.kind == UnitKind::newline) {
                next_line = i + 1;
                hard = true;
                break;
            }
            if (i > line_begin && unit.break_before) last_break = i;
            const bool visible = unit.kind != UnitKind::space;
            if (visible && max_width > 0.0f && width + unit.width > max_width && i > line_begin) {
                if (last_break > line_begin && last_break <= i) {
                    next_line = last_break;
                    break;
                }
                // No allowed break on this line yet: a kinsoku group (or one Latin run) is wider than the line.
                // Keep the rules and overflow to the next allowed break; a lone Latin run is cut below.
                if (!unit.break_before) {
                    width += unit.width;
                    continue;
                }
                next_line = i;
                break;
            }
            width += unit.width;
        }
        if (i == units.size()) next_line = units.size();
        std::size_t end_unit = hard ? next_line - 1 : next_line; // one past the last unit on this line
        // Trailing spaces are not drawn and not measured.
        std::size_t last_visible = end_unit;
        while (last_visible > line_begin && units[last_visible - 1].kind == UnitKind::space)
            --last_visible;
        TextLine line;
        line.begin = units[line_begin].begin;
        line.end = last_visible > line_begin ? units[last_visible - 1].end : units[line_begin].begin;
        for (std::size_t k = line_begin; k < last_visible; ++k)
            line.width += units[k].width;
        // A single unit wider than the line (a long Latin run): cut it by characters instead.
        if (max_width > 0.0f && last_visible == line_begin + 1 && units[line_begin].kind == UnitKind::latin &&
            line.width > max_width) {
            const Unit& run = units[line_begin];
            std::size_t cut = run.begin;
            float cut_width = 0.0f;
            while (cut < run.end) {
                std::size_t length = 0;
                decode_utf8(text, cut, length);
                const float w = measure(text.substr(cut, length));
                if (cut > run.begin && cut_width + w > max_width) break;
                cut_width += w;
                cut += length;
            }
            if (cut < run.end) {
                out.push_back(TextLine{run.begin, cut, cut_width});
                units[line_begin].begin = cut;
                units[line_begin].width = measure(text.substr(cut, run.end - cut));
                continue; // the rest of the run starts the next line
            }
        }
        out.push_back(line);
        if (hard && next_line == units.size()) out.push_back(TextLine{text.size(), text.size(), 0.0f});
        if (next_line <= line_begin) next_line = line_begin + 1; // always progress
        line_begin = next_line;
        // Spaces at the start of a wrapped line are not drawn either.
        if (!hard)
            while (line_begin < units.size() && units[line_begin].kind == UnitKind::space)
                ++line_begin;
    }
    if (out.empty()) out.push_back(TextLine{0, 0, 0.0f});
}

} // namespace chips::ui
