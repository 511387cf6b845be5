// tools/tool_support.h — what the native tools share: reading content/ into a ContentBundle, each problem on stderr.
#pragma once
#include "model/content/content_bundle.h"
#include "model/text/safe_text.h"
#include "native/file_io.h"

#include <iostream>
#include <ostream>
#include <string>
#include <vector>

namespace chips::tools {

// The six content files of `dir` through the app's own loader; each problem goes to stderr as "<tool>: <error>".
inline bool load_content_dir(const std::string& dir, const char* tool, ContentBundle& bundle) {
    ContentTexts texts;
    ContentErrors errors;
    for (const char* name :
         {"gpus.json", "presets.json", "quotes.json", "strings.json", "tour.json", "currency.json"}) {
        std::string text;
        if (read_file(dir + "/" + name, text))
            texts[name] = std::move(text);
        else if (std::string(name) != "tour.json" && std::string(name) != "currency.json")
            errors.push_back({dir + "/" + name, "", "cannot read file"});
    }
    if (errors.empty()) load_content_bundle(texts, bundle, errors);
    for (const ContentError& error : errors)
        std::cerr << tool << ": " << error.to_string() << "\n";
    return errors.empty();
}

} // namespace chips::tools
