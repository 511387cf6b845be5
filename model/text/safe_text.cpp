// model/text/safe_text.cpp — see safe_text.h.
#include "model/text/safe_text.h"

namespace chips {

bool is_format_control(char32_t c) {
    return c == 0x061C || (c >= 0x200B && c <= 0x200F) || (c >= 0x2028 && c <= 0x202E) || c == 0x2060 ||
           (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF;
}

namespace {

// Decodes one UTF-8 character at `index`; returns its length in bytes (0 when the bytes there are not valid UTF-8:
// a bad lead byte, a missing or wrong continuation byte, an overlong form, a surrogate or a value past U+10FFFF).
std::size_t decode(std::string_view text, std::size_t index, char32_t& out) {
    const unsigned char lead = static_cast<unsigned char>(text[index]);
    std::size_t length = lead < 0x80 ? 1 : (lead >> 5) == 6 ? 2 : (lead >> 4) == 14 ? 3 : (lead >> 3) == 30 ? 4 : 0;
    if (length == 0 || index + length > text.size()) return 0;
    char32_t code = length == 1 ? lead : length == 2 ? (lead & 0x1F) : length == 3 ? (lead & 0x0F) : (lead & 0x07);
    for (std::size_t next = 1; next < length; ++next) {
        const unsigned char byte = static_cast<unsigned char>(text[index + next]);
        if ((byte & 0xC0) != 0x80) return 0;
        code = (code << 6) | (byte & 0x3F);
    }
    static const char32_t kSmallest[] = {0, 0, 0x80, 0x800, 0x10000};
    if (code < kSmallest[length] || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return 0;
    out = code;
    return length;
}

} // namespace

std::string printable_line(std::string_view text, std::size_t max_bytes) {
    std::string out;
    out.reserve(text.size() < max_bytes ? text.size() : max_bytes);
    bool pending_space = false;
    for (std::size_t index = 0; index < text.size();) {
        char32_t code = 0;
        std::size_t length = decode(text, index, code);
        std::string_view piece = text.substr(index, length);
        if (length == 0) { // not UTF-8: one byte becomes the replacement character
            length = 1;
            piece = "\xEF\xBF\xBD";
        } else if (code < 0x20 || code == 0x7F || (code >= 0x80 && code < 0xA0) || is_format_control(code) ||
                   code == ' ') {
            pending_space = !out.empty();
            index += length;
            continue;
        }
        const std::size_t needed = piece.size() + (pending_space ? 1 : 0);
        if (out.size() + needed > max_bytes) {
            out += "…";
            return out;
        }
        if (pending_space) out += ' ';
        pending_space = false;
        out.append(piece);
        index += length;
    }
    return out;
}

std::string html_escape(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

} // namespace chips
