// tests/ui/test_support.h — reading content files for the UI tests.
#pragma once
#include "ui/app.h"

#include <fstream>
#include <sstream>
#include <string>

namespace chips::ui::test {

inline std::string read_file(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    std::ostringstream buffer;
    buffer << file.rdbuf();
    return buffer.str();
}

inline ContentTexts content_texts() {
    ContentTexts texts;
    for (const char* name : {"gpus.json", "presets.json", "quotes.json", "strings.json", "tour.json", "currency.json"})
        texts[name] = read_file(std::string(CHIPS_CONTENT_DIR) + "/" + name);
    return texts;
}

} // namespace chips::ui::test
