// tools/render_ledger.cpp — writes the fact-check ledger page (model/output/ledger.h): every claim of the five
// articles with its verdict, the plain reason, the numbers compared and the sources, in English, simplified and
// traditional Chinese.
//
//   render_ledger [--content DIR] [--lang en|zh-Hans|zh-Hant] [--fragment] --out FILE
//
// --lang is the page's language (its <html lang> and first section; English by default). --fragment writes the
// three sections only: the wasm build runs it once per language tree and wraps them in the site's page shell
// (wasm/wasm.cmake, scripts/build_ledger_page.mjs: ledger.html, zh-hans/ledger.html, zh-hant/ledger.html); the
// page's footer links to it, and the app's Download popup saves the same sections as a page.
//
// Exit codes: 0 written; 1 content unreadable or invalid (each error on stderr); 2 bad command line.
#include "model/output/ledger.h"
#include "tools/tool_support.h"

#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>

#ifndef CHIPS_CONTENT_DIR
#define CHIPS_CONTENT_DIR "content"
#endif

int main(int argc, char** argv) {
    using namespace chips;
    const char* usage = "usage: render_ledger [--content DIR] [--lang en|zh-Hans|zh-Hant] [--fragment] --out FILE\n";
    std::string content_dir = CHIPS_CONTENT_DIR, out_path, lang_text = "en";
    bool fragment = false;
    for (int index = 1; index < argc; ++index) {
        const std::string argument = argv[index];
        if (argument == "--content" && index + 1 < argc) {
            content_dir = argv[++index];
        } else if (argument == "--out" && index + 1 < argc) {
            out_path = argv[++index];
        } else if (argument == "--lang" && index + 1 < argc) {
            lang_text = argv[++index];
        } else if (argument == "--fragment") {
            fragment = true;
        } else {
            std::cerr << usage;
            return 2;
        }
    }
    Lang lang = Lang::en;
    if (out_path.empty() || !lang_from_code(lang_text, lang)) {
        if (!out_path.empty()) std::cerr << "render_ledger: --lang " << quote_for_message(lang_text) << ": unknown\n";
        std::cerr << usage;
        return 2;
    }
    ContentBundle content;
    if (!tools::load_content_dir(content_dir, "render_ledger", content)) return 1;
    ClaimBook book;
    book.build(content.quotes, content.presets, content.gpus);
    const LedgerContent ledger{&book, &content.quotes, &content.strings, &content.gpus, &content.presets};

    std::ofstream file(out_path, std::ios::binary);
    file << (fragment ? render_ledger_sections(ledger, lang) : render_ledger_html(ledger, lang));
    if (!file) {
        std::cerr << "render_ledger: cannot write " << out_path << "\n";
        return 1;
    }
    std::printf("render_ledger: %zu claims in 3 languages (%s first) -> %s\n", book.size(), lang_code(lang),
                out_path.c_str());
    return 0;
}
