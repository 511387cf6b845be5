// ui/line_break.h — line breaking for Chinese (and mixed Chinese/Latin) text with the kinsoku rules (禁則处理).
//
// Index
// - [SECTION] Character classes
// - [SECTION] Breaking
//
// Why our own: Dear ImGui wraps at spaces, and Chinese has none, so a long quote either overflows or is cut at
// any character, which can start a line with "，" or "。" — a typesetting error every Chinese reader notices.
// Rules implemented (JIS X 4051 / W3C clreq, simplified):
//   - a break is allowed between any two CJK characters, and at spaces in Latin text;
//   - a Latin/digit run ("DeepSeek-V3", "2,048", "H800") is never split unless it alone is wider than the line;
//   - no line starts with closing punctuation (，。、；：？！）」』》…) — it stays with the character before;
//   - no line ends with opening punctuation (（「『《“) — it moves to the next line with the character after;
//   - "\n" is a hard break.
// Pure: UTF-8 in, byte ranges out; widths come from a caller-supplied measure function (ImGui font in the app,
// fixed widths in the tests).
#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

namespace chips::ui {

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] Character classes
//-----------------------------------------------------------------------------------------------------------------

bool is_closing_punctuation(std::uint32_t codepoint); // may not start a line: ，。、」）... and ASCII ,.;:!?)]}%
bool is_opening_punctuation(std::uint32_t codepoint); // may not end a line: （「『《“... and ASCII ([{$
bool is_cjk(std::uint32_t codepoint); // Han, kana, CJK punctuation, full-width forms: a break may follow any of them

// Decodes one UTF-8 code point at `text[offset]`; sets `length` (1..4). Invalid bytes decode as U+FFFD, length 1.
std::uint32_t decode_utf8(std::string_view text, std::size_t offset, std::size_t& length);

//-----------------------------------------------------------------------------------------------------------------
// [SECTION] Breaking
//-----------------------------------------------------------------------------------------------------------------

struct TextLine {
    std::size_t begin = 0; // byte offset of the first character drawn on this line
    std::size_t end = 0;   // byte offset one past the last character drawn (trailing spaces excluded)
    float width = 0.0f;    // measured width of [begin, end), same unit as the measure function
};

// Width of a piece of text (one character or a Latin run). Called once per unit per break_lines() call.
using MeasureText = std::function<float(std::string_view utf8)>;

// Breaks `text` into lines no wider than `max_width` (except a single unbreakable run wider than the line, which
// is then split by character). Appends to `out` (cleared first). max_width <= 0 means one line per hard break.
void break_lines(std::string_view text, float max_width, const MeasureText& measure, std::vector<TextLine>& out);

} // namespace chips::ui
