// tools/tool_support.h — what the native tools that write reader-facing HTML share (tools/render_fallback.cpp,
// tools/render_ledger.cpp): reading content/ into a ContentBundle, and text that is safe to put into HTML.
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


// Links in the output only for web addresses: a content typo must not become a javascript: link.
inline bool is_web_url(const std::string& url) {
    return url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0;
}

// "Title, locator" entries, each linked when it has a web address, joined by "; ".
inline void write_source_links(std::ostream& out, const std::vector<SourceRef>& sources) {
    for (std::size_t index = 0; index < sources.size(); ++index) {
        const SourceRef& source = sources[index];
        if (index) out << "; ";
        std::string label = source.title;
        if (!source.locator.empty()) label += ", " + source.locator;
        if (is_web_url(source.url))
            out << "<a href=\"" << html_escape(source.url) << "\" rel=\"noopener\">" << html_escape(label) << "</a>";
        else
            out << html_escape(label);
    }
}

} // namespace chips::tools
