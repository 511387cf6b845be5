// model/content_error.h — the one error type for everything read from outside: content files, CLI flags,
// permalinks, setState payloads. It always says *where* (file or source + JSON pointer or key) and *what*.
#pragma once
#include <string>
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

} // namespace chips
