// model/core/content_error.h — the one error type for everything read from outside: content files, CLI flags,
// permalinks, setState payloads. It always says *where* (file or source + JSON pointer or key) and *what*.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace chips {

struct ContentError {
    std::string source;  // "content/quotes.json", "--set", "url", "setState"
    std::string pointer; // JSON pointer ("/quotes/7/claims/0/value") or key name ("chips"); may be empty
    std::string message; // what is wrong, including the allowed range where there is one

    // "content/quotes.json: /quotes/7/claims/0/value: expected a number"
    std::string to_string() const {
        std::string text = source;
        if (!pointer.empty()) text += ": " + pointer;
        return text + ": " + message;
    }
};

using ContentErrors = std::vector<ContentError>;

// U+200B–U+200F, U+2028–U+202E, U+2060, U+2066–U+2069, U+FEFF as UTF-8 (3 bytes); see model/text/safe_text.h.
inline bool is_bidi_or_separator(std::string_view utf8) {
    const auto b0 = static_cast<unsigned char>(utf8[0]), b1 = static_cast<unsigned char>(utf8[1]),
               b2 = static_cast<unsigned char>(utf8[2]);
    if (b0 == 0xE2 && b1 == 0x80) return (b2 >= 0x8B && b2 <= 0x8F) || (b2 >= 0xA8 && b2 <= 0xAE);
    if (b0 == 0xE2 && b1 == 0x81) return b2 == 0xA0 || (b2 >= 0xA6 && b2 <= 0xA9);
    return b0 == 0xEF && b1 == 0xBB && b2 == 0xBF;
}

// Quotes outside input for an error message so the message stays one short, printable line whatever arrives
// (newlines, control bytes, invalid UTF-8, 100 KB strings): control bytes and bytes that are not valid UTF-8 become
// \xNN, and text past `max_bytes` is cut at a character boundary and marked with "… (N bytes)".
inline std::string quote_for_message(std::string_view text, size_t max_bytes = 48) {
    std::string out = "\"";
    size_t index = 0;
    auto hex = [&out](unsigned char byte) {
        static const char digits[] = "0123456789ABCDEF";
        out += "\\x";
        out += digits[byte >> 4];
        out += digits[byte & 15];
    };
    while (index < text.size() && out.size() < max_bytes + 1) {
        const unsigned char byte = static_cast<unsigned char>(text[index]);
        size_t length = byte < 0x80 ? 1 : (byte >> 5) == 6 ? 2 : (byte >> 4) == 14 ? 3 : (byte >> 3) == 30 ? 4 : 0;
        bool valid = length > 0 && index + length <= text.size();
        for (size_t next = 1; valid && next < length; ++next)
            valid = (static_cast<unsigned char>(text[index + next]) & 0xC0) == 0x80;
        if (!valid) {
            hex(byte);
            ++index;
        } else if (length == 1 && (byte < 0x20 || byte == 0x7F || byte == '"' || byte == '\\')) {
            if (byte == '"' || byte == '\\') {
                out += '\\';
                out += static_cast<char>(byte);
            } else {
                hex(byte);
            }
            ++index;
        } else if (length == 3 && is_bidi_or_separator(text.substr(index, 3))) {
            // Invisible characters that reorder or break the text after them (U+202E and friends) would let a
            // quoted value spoof the message around it: they are shown as escapes.
            static const char digits[] = "0123456789ABCDEF";
            const unsigned code = ((byte & 0x0F) << 12) | ((static_cast<unsigned char>(text[index + 1]) & 0x3F) << 6) |
                                  (static_cast<unsigned char>(text[index + 2]) & 0x3F);
            out += "\\u";
            for (int shift = 12; shift >= 0; shift -= 4)
                out += digits[(code >> shift) & 15];
            index += 3;
        } else {
            out.append(text.substr(index, length));
            index += length;
        }
    }
    out += '"';
    if (index < text.size()) out += "… (" + std::to_string(text.size()) + " bytes)";
    return out;
}

} // namespace chips
