// tools/validate_content.cpp — `validate_content <content-dir> [--seeds <seed-articles-dir>]`
//
// Reads every <content-dir>/*.json, runs chips::validate_all, and prints each error on its own line as
// "content/quotes.json: /quotes/7/claims/0/value: expected a number". Exit 1 on any error, else one summary line
// and exit 0. The build runs it on content/ (CMakeLists.txt), so broken content fails `cmake --build`.
// --seeds also checks that every quote is a verbatim substring of its article (the seed texts are not in the repo).
#include "model/content/content_validate.h"
#include "native/file_io.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace fs = std::filesystem;

namespace {

int usage() {
    std::fprintf(stderr, "usage: validate_content <content-dir> [--seeds <seed-articles-dir>]\n");
    return 2;
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 2) return usage();
    fs::path content_dir;
    fs::path seeds_dir;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--seeds" && i + 1 < argc)
            seeds_dir = argv[++i];
        else if (!arg.empty() && arg[0] != '-' && content_dir.empty())
            content_dir = arg;
        else
            return usage();
    }
    std::error_code error;
    if (!fs::is_directory(content_dir, error)) {
        std::fprintf(stderr, "%s: not a directory\n", content_dir.string().c_str());
        return 1;
    }
    // Errors name files as "<folder name>/<file>" (e.g. "content/quotes.json") wherever the folder lives.
    fs::path normal = fs::absolute(content_dir).lexically_normal();
    if (normal.filename().empty()) normal = normal.parent_path(); // "content/" → "content"
    const std::string display_folder = normal.filename().empty() ? "content" : normal.filename().string();

    std::map<std::string, std::string> files;
    std::vector<fs::path> paths;
    for (const auto& entry : fs::directory_iterator(content_dir, error))
        if (entry.is_regular_file() && entry.path().extension() == ".json") paths.push_back(entry.path());
    std::sort(paths.begin(), paths.end());
    int exit_code = 0;
    for (const fs::path& path : paths) {
        std::string text;
        const std::string display = display_folder + "/" + path.filename().string();
        if (!chips::read_file(path.string(), text)) {
            std::printf("%s: cannot read file\n", display.c_str());
            exit_code = 1;
            continue;
        }
        files.emplace(display, std::move(text));
    }
    if (files.empty()) files.emplace(display_folder + "/.none", "{}"); // lets validate_all name the folder

    chips::ContentSummary summary;
    chips::ContentErrors errors = chips::validate_all(files, &summary);

    if (!seeds_dir.empty()) {
        std::map<std::string, std::string> articles;
        for (const auto& entry : fs::directory_iterator(seeds_dir, error)) {
            std::string text;
            if (entry.is_regular_file() && chips::read_file(entry.path().string(), text))
                articles.emplace(entry.path().filename().string(), std::move(text));
        }
        if (error) {
            std::printf("%s: cannot read seed articles\n", seeds_dir.string().c_str());
            exit_code = 1;
        }
        const std::string quotes_file = display_folder + "/quotes.json";
        const auto quotes_text = files.find(quotes_file);
        if (quotes_text != files.end()) {
            chips::QuoteLibrary library;
            chips::ContentErrors ignored; // already reported by validate_all
            chips::load_quotes(quotes_text->second, quotes_file, library, ignored);
            chips::check_quotes_against_articles(library, quotes_file, articles, errors);
        }
    }

    for (const chips::ContentError& content_error : errors)
        std::printf("%s\n", content_error.to_string().c_str());
    if (!errors.empty() || exit_code != 0) {
        std::fflush(stdout);
        std::fprintf(stderr, "content invalid: %zu error(s)\n", errors.size());
        return 1;
    }
    std::printf("content ok: %zu quotes, %zu claims (%zu checkable), %zu articles, %zu strings, %zu presets, "
                "%zu gpus%s\n",
                summary.quotes, summary.claims, summary.checkable_claims, summary.articles, summary.strings,
                summary.presets, summary.gpus, seeds_dir.empty() ? "" : ", quotes verbatim in seeds");
    return 0;
}
