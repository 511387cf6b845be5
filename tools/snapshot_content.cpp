// tools/snapshot_content.cpp — `snapshot_content --content DIR --out FILE`
//
// Reads every content file, runs the full validation (the same as tools/validate_content: schema and cross-file
// checks), loads the bundle and writes it as a binary snapshot (model/content_snapshot.h). The wasm build embeds the
// snapshot instead of the JSON files, so the web app starts without parsing JSON (docs/quality.md, "Findings").
// Before writing, it reads the snapshot back and compares it byte for byte with a second write: a field the reader
// and the writer disagree on fails here, at build time.
//
// Exit codes: 0 written; 1 content invalid or unreadable (each error on stderr); 2 bad command line.
#include "model/content_bundle.h"
#include "model/content_snapshot.h"
#include "model/content_validate.h"

#include <cstdio>
#include <string>

namespace {

bool read_file(const std::string& path, std::string& out) {
    std::FILE* file = std::fopen(path.c_str(), "rb");
    if (!file) return false;
    char buffer[65536];
    std::size_t count = 0;
    out.clear();
    while ((count = std::fread(buffer, 1, sizeof buffer, file)) > 0)
        out.append(buffer, count);
    const bool ok = !std::ferror(file);
    std::fclose(file);
    return ok;
}

int usage() {
    std::fprintf(stderr, "usage: snapshot_content --content DIR --out FILE\n");
    return 2;
}

} // namespace

int main(int argc, char** argv) {
    std::string content_dir, out_path;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--content" && i + 1 < argc)
            content_dir = argv[++i];
        else if (arg == "--out" && i + 1 < argc)
            out_path = argv[++i];
        else
            return usage();
    }
    if (content_dir.empty() || out_path.empty()) return usage();

    chips::ContentTexts texts;
    int exit_code = 0;
    for (const char* name :
         {"gpus.json", "presets.json", "quotes.json", "strings.json", "tour.json", "currency.json"}) {
        std::string text;
        if (read_file(content_dir + "/" + name, text))
            texts.emplace(std::string("content/") + name, std::move(text));
        else if (std::string(name) != "tour.json" && std::string(name) != "currency.json") {
            std::fprintf(stderr, "content/%s: cannot read file\n", name);
            exit_code = 1;
        }
    }
    chips::ContentErrors errors = chips::validate_all(texts);
    chips::ContentBundle bundle;
    if (errors.empty()) chips::load_content_bundle(texts, bundle, errors);
    for (const chips::ContentError& error : errors)
        std::fprintf(stderr, "%s\n", error.to_string().c_str());
    if (!errors.empty() || exit_code != 0) return 1;

    const std::string snapshot = chips::write_content_snapshot(bundle);
    chips::ContentBundle read_back;
    chips::ContentErrors read_errors;
    if (!chips::read_content_snapshot(snapshot, out_path, read_back, read_errors) ||
        chips::write_content_snapshot(read_back) != snapshot) {
        for (const chips::ContentError& error : read_errors)
            std::fprintf(stderr, "%s\n", error.to_string().c_str());
        std::fprintf(stderr, "snapshot_content: the snapshot does not read back to the same content\n");
        return 1;
    }

    std::FILE* out = std::fopen(out_path.c_str(), "wb");
    if (!out || std::fwrite(snapshot.data(), 1, snapshot.size(), out) != snapshot.size()) {
        std::fprintf(stderr, "%s: cannot write\n", out_path.c_str());
        if (out) std::fclose(out);
        return 1;
    }
    if (std::fclose(out) != 0) {
        std::fprintf(stderr, "%s: cannot write\n", out_path.c_str());
        return 1;
    }
    return 0;
}
