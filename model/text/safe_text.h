// model/text/safe_text.h — outside text made safe to show a reader as one line: what a link, a setState payload or a
// saved setting says may be echoed in a notice, but it must not be able to spoof the page's own words.
//
// Why: a notice box is trusted text. A link could otherwise carry right-to-left overrides (U+202E) that reverse what
// follows, line breaks that start a fake paragraph ("⚠ Official correction: …"), NUL or other control bytes, or a
// megabyte of text that pushes every control off the screen.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace chips {

// True for the invisible characters that change how text around them is ordered or joined: the bidi embeddings,
// overrides and isolates (U+202A–U+202E, U+2066–U+2069), the marks U+200E, U+200F and U+061C, zero-width
// characters (U+200B–U+200D, U+2060, U+FEFF) and the line/paragraph separators U+2028/U+2029.
bool is_format_control(char32_t code_point);

// One printable line: control characters (C0, DEL, C1) and format controls become a space, runs of spaces collapse,
// bytes that are not valid UTF-8 become U+FFFD, and text past `max_bytes` is cut at a character boundary and ends
// with "…". Never longer than max_bytes + 3 bytes.
std::string printable_line(std::string_view text, std::size_t max_bytes = 240);

// The text of a notice: printable_line with the notice length limit (a notice quotes at most a short value).
inline std::string notice_line(std::string_view text) {
    return printable_line(text, 300);
}

// Text for HTML text and attribute values: & < > " ' as entities. The one escaper for the session's embed snippet
// and the tools that write pages (the content quotes other people's articles verbatim: never trust it as markup).
std::string html_escape(const std::string& text);

} // namespace chips
