# wasm/wasm.cmake — the WebAssembly configuration (included by CMakeLists.txt under emcmake).
# Output: <build>/site/ — index.html, embed.html (both with the text version of every quote), app.js, style.css,
# chips.js, chips.wasm, fonts/*.otf (these under content-hashed names, with asset-manifest.json; each file with .br and
# .gz siblings), chips-and-claims-offline.html (one self-contained file), ledger.html (the fact-check
# ledger), size-report.txt; the
# same pages in zh-hans/ and zh-hant/; per quote, in each language: claims/<id>.html, embed/<id>/<n>.html and the
# preview image og/<id>.png. docs/site.md explains the page side.
if(NOT CHIPS_HAVE_IMGUI)
  message(FATAL_ERROR "Dear ImGui not found: run scripts/setup.sh first (it writes build/deps.env)")
endif()
if(NOT EXISTS "${SDL2_WASM_DIR}/lib/libSDL2.a")
  message(FATAL_ERROR "SDL2 for WebAssembly not found at '${SDL2_WASM_DIR}': run scripts/setup.sh first")
endif()
# The text version and the content snapshot come from native programs (tools/render_fallback.cpp,
# tools/snapshot_content.cpp); this configuration cannot build or run native code, so scripts/build.sh builds them in
# build/native first.
set(CHIPS_RENDER_FALLBACK "${CMAKE_SOURCE_DIR}/build/native/render_fallback" CACHE FILEPATH
    "Native tools/render_fallback (scripts/build.sh wasm builds it first)")
set(CHIPS_SNAPSHOT_CONTENT "${CMAKE_SOURCE_DIR}/build/native/snapshot_content" CACHE FILEPATH
    "Native tools/snapshot_content (scripts/build.sh wasm builds it first)")
set(CHIPS_RENDER_PREVIEWS "${CMAKE_SOURCE_DIR}/build/native/render_previews" CACHE FILEPATH
    "Native tools/render_previews (scripts/build.sh wasm builds it first)")
set(CHIPS_RENDER_LEDGER "${CMAKE_SOURCE_DIR}/build/native/render_ledger" CACHE FILEPATH
    "Native tools/render_ledger (scripts/build.sh wasm builds it first)")
# Link previews and hreflang need absolute addresses, which a static build cannot know: set this to where the site is
# served (ending in "/") when building for a deployment; the default only keeps local builds and tests working.
set(CHIPS_SITE_URL "https://chips-and-claims.example/" CACHE STRING
    "Address the site is deployed at, ending in /: used in canonical, hreflang and Open Graph tags")
if(CHIPS_SITE_URL STREQUAL "https://chips-and-claims.example/")
  message(STATUS "CHIPS_SITE_URL is the placeholder ${CHIPS_SITE_URL}: set it for a deployment (docs/site.md)")
endif()
find_program(CHIPS_NODE node REQUIRED)
# The budget for everything loaded before the first frame, gzip-compressed (scripts/size_report.mjs).
set(CHIPS_FIRST_FRAME_BUDGET_KB 900 CACHE STRING "Max gzip KB loaded before the first frame; over it fails the build")

set(site_dir "${CMAKE_BINARY_DIR}/site")
# The app's files under their own names (chips.js, chips.wasm, fonts/, app.js, style.css, favicon.svg): the site
# publishes them under content-hashed names (scripts/hash_assets.mjs, below), and cmake keeps its outputs here so an
# unchanged file is never rebuilt.
set(site_assets_dir "${CMAKE_BINARY_DIR}/site-assets")

# Code: wasm exceptions (native, smaller than JS-emulated ones) so a malformed JSON payload is an error, not an abort.
# -Oz with link-time optimization instead of the Release -O3: measured in docs/site.md ("Size"); every byte of the
# module is waited for before the first frame, while the estimates take microseconds either way (scripts/bench). LTO
# lets the linker drop and merge across files (the panels, the model and Dear ImGui are separate libraries).
set(chips_wasm_compile_flags -fwasm-exceptions)
set(CHIPS_WASM_OPT "-Oz" CACHE STRING "Optimization flag for the wasm build (-Oz, -Os, -O2, -O3); sizes in docs/site.md")
option(CHIPS_WASM_LTO "Link-time optimization of the wasm build (-flto)" ON)
option(CHIPS_WASM_CLOSURE "Run Closure Compiler over the JS glue (--closure 1)" OFF)
set(chips_wasm_size_flags ${CHIPS_WASM_OPT})
if(CHIPS_WASM_LTO)
  list(APPEND chips_wasm_size_flags -flto)
endif()
# __FILE__ (in Dear ImGui's assertions) names a source by its path on the build machine: shipped to every reader
# inside chips.wasm unless mapped to a short, machine-free name.
set(chips_wasm_path_flags "-ffile-prefix-map=${IMGUI_DIR}=imgui" "-ffile-prefix-map=${CMAKE_SOURCE_DIR}=.")
foreach(chips_target chips_model chips_session chips_ui imgui)
  target_compile_options(${chips_target} PRIVATE ${chips_wasm_compile_flags} ${chips_wasm_size_flags}
                                                 ${chips_wasm_path_flags})
endforeach()
# The demo window is never shown in the app; without this define a stray reference would link all of it.
# The app draws with its own faces (the page's fonts or the Noto subsets), never with ProggyClean, which would be
# ~9.5 KB of compressed font data in every reader's download (the bare baseline page builds its own copy with it).
target_compile_definitions(imgui PRIVATE IMGUI_DISABLE_DEMO_WINDOWS IMGUI_DISABLE_DEFAULT_FONT)

chips_add_imgui_backends(imgui_backends "${IMGUI_DIR}" "${SDL2_WASM_DIR}" imgui)
target_compile_options(imgui_backends PRIVATE ${chips_wasm_size_flags} ${chips_wasm_path_flags})
# The backend's per-frame GL state queries go to wasm/gl_state_cache.cpp (a synchronous WebGL round trip each; why
# it is safe here is written there). The baseline page builds its own stock copy (bench/baseline/baseline.cmake).
target_compile_definitions(imgui_backends PRIVATE glGetIntegerv=chips_gl_get_integerv)

file(GLOB chips_wasm_sources CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/wasm/*.cpp")
add_executable(chips_app ${chips_wasm_sources})
set_target_properties(chips_app PROPERTIES OUTPUT_NAME chips SUFFIX ".js" RUNTIME_OUTPUT_DIRECTORY "${site_assets_dir}")
target_link_libraries(chips_app PRIVATE chips_ui imgui_backends "${SDL2_WASM_DIR}/lib/libSDL2.a")
target_compile_options(chips_app PRIVATE ${chips_warnings} ${chips_wasm_compile_flags} ${chips_wasm_size_flags}
                                         ${chips_wasm_path_flags})
file(GLOB chips_content_files CONFIGURE_DEPENDS "${CHIPS_CONTENT_DIR}/*.json")
# Link: -Os again (binaryen's passes), no eval/new Function in the glue (the page's CSP has no 'unsafe-eval'),
# malloc/free for wasm/browser.cpp's EM_JS helpers, cwrap for site/app.js.
target_link_options(chips_app PRIVATE
  ${chips_wasm_compile_flags} ${chips_wasm_size_flags}
  -sUSE_WEBGL2=1 -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2
  -sENVIRONMENT=web -sALLOW_MEMORY_GROWTH=1 -sINITIAL_MEMORY=33554432
  -sFILESYSTEM=0 -sEXIT_RUNTIME=0 -sDYNAMIC_EXECUTION=0
  "-sEXPORTED_FUNCTIONS=['_main','_malloc','_free']"
  "-sEXPORTED_RUNTIME_METHODS=['cwrap']")
if(CHIPS_WASM_CLOSURE)
  target_link_options(chips_app PRIVATE --closure 1)
endif()
# The glue as emcc writes it keeps every name whole: minified after each link (scripts/minify_js.mjs).
add_custom_command(TARGET chips_app POST_BUILD
  COMMAND "${CHIPS_NODE}" "${CMAKE_SOURCE_DIR}/scripts/minify_js.mjs" --in "$<TARGET_FILE:chips_app>"
          --out "$<TARGET_FILE:chips_app>"
  COMMENT "Minifying the emscripten glue (scripts/minify_js.mjs)")
# The content travels inside the module (no extra request), as the binary snapshot of the validated JSON
# (model/content/content_snapshot.h) compiled in as a C++ source (wasm/content_data.h): the app reads it at start without a
# JSON parser and without a file system (docs/quality.md, "Findings").
set(content_snapshot_source "${CMAKE_BINARY_DIR}/content_snapshot_data.cpp")
add_custom_command(OUTPUT "${content_snapshot_source}"
  COMMAND "${CHIPS_SNAPSHOT_CONTENT}" --content "${CHIPS_CONTENT_DIR}" --out-cpp "${content_snapshot_source}"
  DEPENDS "${CHIPS_SNAPSHOT_CONTENT}" ${chips_content_files}
  COMMENT "Writing the content snapshot (tools/snapshot_content)")
target_sources(chips_app PRIVATE "${content_snapshot_source}")
# One 120 KB string literal: fine for clang, above the 64 KB the standard asks compilers to support.
set_source_files_properties("${content_snapshot_source}" PROPERTIES COMPILE_OPTIONS "-Wno-overlength-strings")
target_include_directories(chips_app PRIVATE "${CMAKE_SOURCE_DIR}")

# Fonts: subsets of Noto Sans CJK SC and TC holding exactly the characters content/ can show (scripts/make_fonts.py).
set(font_outputs "${site_assets_dir}/fonts/ui-sc.otf" "${site_assets_dir}/fonts/ui-tc.otf")
add_custom_command(OUTPUT ${font_outputs}
  COMMAND /usr/bin/python3 "${CMAKE_SOURCE_DIR}/scripts/make_fonts.py" --content "${CHIPS_CONTENT_DIR}"
          --extra "${CMAKE_SOURCE_DIR}/assets/font-extra-chars.txt" --out "${site_assets_dir}/fonts"
  DEPENDS "${CMAKE_SOURCE_DIR}/scripts/make_fonts.py" "${CMAKE_SOURCE_DIR}/assets/font-extra-chars.txt"
          ${chips_content_files}
  COMMENT "Cutting CJK font subsets")

# -------------------------------------------------------------------------------------------------------------------
# [SECTION] Pages per language, claim pages, embed cards, preview images (docs/site.md "Languages", "Link previews")
# -------------------------------------------------------------------------------------------------------------------
# One tree of pages per language: English at the site's root, zh-hans/ and zh-hant/. Each step below is its own
# custom command, by language, so it can be rebuilt and read on its own.
set(chips_site_languages en zh-Hans zh-Hant)
set(chips_site_trees "" "zh-hans/" "zh-hant/")
set(site_text_dir "${CMAKE_BINARY_DIR}/site-text")
file(MAKE_DIRECTORY "${site_text_dir}")
set(page_shell_script "${CMAKE_SOURCE_DIR}/scripts/page_shell.mjs")
set(strings_file "${CHIPS_CONTENT_DIR}/strings.json")
set(site_outputs)
set(offline_files)
set(share_outputs)
foreach(lang_index RANGE 2)
  list(GET chips_site_languages ${lang_index} lang)
  list(GET chips_site_trees ${lang_index} tree)
  # The text version in this language (semantic HTML) and the same checks as data (cards), from the native tool.
  set(fallback_fragment "${site_text_dir}/fallback.${lang}.html")
  set(cards_file "${site_text_dir}/cards.${lang}.json")
  add_custom_command(OUTPUT "${fallback_fragment}" "${cards_file}"
    COMMAND "${CHIPS_RENDER_FALLBACK}" --content "${CHIPS_CONTENT_DIR}" --lang ${lang} --out "${fallback_fragment}"
            --cards "${cards_file}"
    DEPENDS "${CHIPS_RENDER_FALLBACK}" ${chips_content_files}
    COMMENT "Rendering the text version of the quotes in ${lang} (tools/render_fallback)")
  # The full page and the embed's router, from their shells; after the module and fonts, whose raw sizes the full
  # page carries for its loading progress (scripts/inject_fallback.mjs --asset-dir).
  foreach(site_name index.html embed.html)
    add_custom_command(OUTPUT "${site_dir}/${tree}${site_name}"
      COMMAND "${CHIPS_NODE}" "${CMAKE_SOURCE_DIR}/scripts/inject_fallback.mjs" --page "${CMAKE_SOURCE_DIR}/site/${site_name}"
              --lang ${lang} --fallback "${fallback_fragment}" --cards "${cards_file}" --strings "${strings_file}"
              --site-url "${CHIPS_SITE_URL}" --out "${site_dir}/${tree}${site_name}" --asset-dir "${site_assets_dir}"
      DEPENDS "${CMAKE_SOURCE_DIR}/site/${site_name}" "${fallback_fragment}" "${cards_file}" "${strings_file}"
              "${CMAKE_SOURCE_DIR}/scripts/inject_fallback.mjs" "${page_shell_script}"
              chips_app "$<TARGET_FILE:chips_app>" ${font_outputs})
    list(APPEND site_outputs "${site_dir}/${tree}${site_name}")
  endforeach()
  # The fact-check ledger, this language's section first: the sections from tools/render_ledger, in the site's page
  # shell (site/ledger.html, scripts/build_ledger_page.mjs); the page's footer links to it.
  set(ledger_sections "${site_text_dir}/ledger.${lang}.html")
  add_custom_command(OUTPUT "${ledger_sections}"
    COMMAND "${CHIPS_RENDER_LEDGER}" --content "${CHIPS_CONTENT_DIR}" --lang ${lang} --fragment --out "${ledger_sections}"
    DEPENDS "${CHIPS_RENDER_LEDGER}" ${chips_content_files}
    COMMENT "Writing the fact-check ledger in ${lang} (tools/render_ledger)")
  add_custom_command(OUTPUT "${site_dir}/${tree}ledger.html"
    COMMAND "${CHIPS_NODE}" "${CMAKE_SOURCE_DIR}/scripts/build_ledger_page.mjs" --lang ${lang} --sections "${ledger_sections}"
            --strings "${strings_file}" --shell "${CMAKE_SOURCE_DIR}/site/ledger.html" --site-url "${CHIPS_SITE_URL}"
            --out "${site_dir}/${tree}ledger.html"
    DEPENDS "${ledger_sections}" "${strings_file}" "${CMAKE_SOURCE_DIR}/site/ledger.html"
            "${CMAKE_SOURCE_DIR}/scripts/build_ledger_page.mjs" "${page_shell_script}")
  list(APPEND site_outputs "${site_dir}/${tree}ledger.html")
  # Per quote: claims/<id>.html and embed/<id>/<n>.html (hundreds of files: a stamp stands for them).
  set(share_stamp "${site_text_dir}/share-pages.${lang}.stamp")
  add_custom_command(OUTPUT "${share_stamp}"
    COMMAND "${CHIPS_NODE}" "${CMAKE_SOURCE_DIR}/scripts/build_share_pages.mjs" --lang ${lang} --cards "${cards_file}"
            --strings "${strings_file}" --shells "${CMAKE_SOURCE_DIR}/site" --site-url "${CHIPS_SITE_URL}"
            --site "${site_dir}" --stamp "${share_stamp}"
    DEPENDS "${cards_file}" "${strings_file}" "${CMAKE_SOURCE_DIR}/site/embed.html" "${CMAKE_SOURCE_DIR}/site/claim.html"
            "${CMAKE_SOURCE_DIR}/scripts/build_share_pages.mjs" "${page_shell_script}"
    COMMENT "Writing the claim pages and embed cards in ${lang} (scripts/build_share_pages.mjs)")
  # The 1200x630 link-preview images, og/<id>.png and og/site.png.
  set(previews_stamp "${site_text_dir}/previews.${lang}.stamp")
  add_custom_command(OUTPUT "${previews_stamp}"
    COMMAND ${CMAKE_COMMAND} -E make_directory "${site_dir}/${tree}og"
    COMMAND "${CHIPS_RENDER_PREVIEWS}" --cards "${cards_file}" --strings "${strings_file}" --out "${site_dir}/${tree}og"
    COMMAND ${CMAKE_COMMAND} -E touch "${previews_stamp}"
    DEPENDS "${CHIPS_RENDER_PREVIEWS}" "${cards_file}" "${strings_file}"
    COMMENT "Drawing the link-preview images in ${lang} (tools/render_previews)")
  list(APPEND share_outputs "${share_stamp}" "${previews_stamp}")
  list(APPEND offline_files "${site_dir}/${tree}chips-and-claims-offline.html")
endforeach()
# -------------------------------------------------------------------------------------------------------------------

# Scripts, style and images are copied as they are: the ones published under hashed names (app.js, style.css,
# favicon.svg) to the assets folder, the rest (embed-route.js, which card pages name from the head) to the site.
set(chips_hashed_site_files app.js style.css favicon.svg)
set(asset_outputs ${font_outputs})
file(GLOB chips_site_files CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/site/*.js" "${CMAKE_SOURCE_DIR}/site/*.css"
     "${CMAKE_SOURCE_DIR}/site/*.svg")
foreach(site_file IN LISTS chips_site_files)
  get_filename_component(site_name "${site_file}" NAME)
  if(site_name IN_LIST chips_hashed_site_files)
    set(copy_target "${site_assets_dir}/${site_name}")
    list(APPEND asset_outputs "${copy_target}")
  else()
    set(copy_target "${site_dir}/${site_name}")
    list(APPEND site_outputs "${copy_target}")
  endif()
  if(site_name MATCHES "\\.js$") # scripts go out minified (scripts/minify_js.mjs says why and how safely)
    add_custom_command(OUTPUT "${copy_target}"
      COMMAND "${CHIPS_NODE}" "${CMAKE_SOURCE_DIR}/scripts/minify_js.mjs" --in "${site_file}" --out "${copy_target}"
      DEPENDS "${site_file}" "${CMAKE_SOURCE_DIR}/scripts/minify_js.mjs")
  else()
    add_custom_command(OUTPUT "${copy_target}"
      COMMAND ${CMAKE_COMMAND} -E copy "${site_file}" "${copy_target}" DEPENDS "${site_file}")
  endif()
endforeach()

# Content-hashed names (scripts/hash_assets.mjs): the files above are copied into the site as stem.<hash>.ext and
# every page (all trees, claim pages, embed cards) is pointed at them, with the map for site/app.js in each page and
# asset-manifest.json; style.css goes inline into every page, allowed by its hash in the page's CSP <meta>, and the
# matching header lines for nginx and Caddy land in build/wasm/deploy/ (scripts/csp.mjs). A stamp stands for the
# rewritten pages.
set(hash_stamp "${site_text_dir}/hash-assets.stamp")
add_custom_command(OUTPUT "${hash_stamp}" "${site_dir}/asset-manifest.json"
  COMMAND "${CHIPS_NODE}" "${CMAKE_SOURCE_DIR}/scripts/hash_assets.mjs" --assets "${site_assets_dir}" --site "${site_dir}"
          --deploy "${CMAKE_BINARY_DIR}/deploy" --stamp "${hash_stamp}"
  DEPENDS chips_app "$<TARGET_FILE:chips_app>" ${asset_outputs} ${site_outputs} ${share_outputs}
          "${CMAKE_SOURCE_DIR}/scripts/hash_assets.mjs" "${CMAKE_SOURCE_DIR}/scripts/site_manifest.mjs"
          "${CMAKE_SOURCE_DIR}/scripts/csp.mjs"
  COMMENT "Publishing the app's files under content-hashed names (scripts/hash_assets.mjs)")

# The offline classroom file, one per language: everything above in one HTML file that works from file:// without a
# network.
foreach(lang_index RANGE 2)
  list(GET chips_site_trees ${lang_index} tree)
  add_custom_command(OUTPUT "${site_dir}/${tree}chips-and-claims-offline.html"
    COMMAND "${CHIPS_NODE}" "${CMAKE_SOURCE_DIR}/scripts/pack_offline.mjs" --site "${site_dir}" --page "${tree}index.html"
            --out "${site_dir}/${tree}chips-and-claims-offline.html"
    DEPENDS "${hash_stamp}" "${CMAKE_SOURCE_DIR}/scripts/pack_offline.mjs"
    COMMENT "Packing the offline file (${tree}index.html)")
endforeach()

# The size budget: a table of what loads before the first frame (raw / gzip); over budget fails the build.
set(size_report "${site_dir}/size-report.txt")
add_custom_command(OUTPUT "${size_report}"
  COMMAND "${CHIPS_NODE}" "${CMAKE_SOURCE_DIR}/scripts/size_report.mjs" --site "${site_dir}"
          --budget-kb "${CHIPS_FIRST_FRAME_BUDGET_KB}" --out "${size_report}"
  DEPENDS "${hash_stamp}" ${offline_files} "${CMAKE_SOURCE_DIR}/scripts/size_report.mjs"
  COMMENT "Checking the first-frame size budget")

# Last: FILE.br and FILE.gz next to every compressible file, for servers that send them as they are
# (scripts/static_server.mjs, nginx gzip_static, Caddy precompressed; docs/site.md "Serving the site").
set(precompress_stamp "${site_text_dir}/precompress.stamp")
add_custom_command(OUTPUT "${precompress_stamp}"
  COMMAND "${CHIPS_NODE}" "${CMAKE_SOURCE_DIR}/scripts/precompress.mjs" --site "${site_dir}" --stamp "${precompress_stamp}"
  DEPENDS "${hash_stamp}" ${offline_files} ${site_outputs} "${size_report}" "${CMAKE_SOURCE_DIR}/scripts/precompress.mjs"
  COMMENT "Writing precompressed .br and .gz files (scripts/precompress.mjs)")

add_custom_target(site ALL DEPENDS chips_app ${asset_outputs} ${site_outputs} ${offline_files} ${share_outputs}
                  "${hash_stamp}" "${size_report}" "${precompress_stamp}")
include("${CMAKE_SOURCE_DIR}/bench/baseline/baseline.cmake" OPTIONAL)

# [SECTION] The module with its function names (bench/wasm_symbols.mjs, `bash scripts/bench --wasm-symbols`)
# The same link as chips_app plus --profiling-funcs, which keeps a name section and changes nothing else, so the size
# report can say what each part of chips.wasm costs. Not part of the site and not built by default.
add_executable(chips_app_names EXCLUDE_FROM_ALL $<TARGET_PROPERTY:chips_app,SOURCES>)
set_target_properties(chips_app_names PROPERTIES OUTPUT_NAME chips SUFFIX ".js"
                      RUNTIME_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}/module-with-names")
target_link_libraries(chips_app_names PRIVATE chips_ui imgui_backends "${SDL2_WASM_DIR}/lib/libSDL2.a")
target_compile_options(chips_app_names PRIVATE $<TARGET_PROPERTY:chips_app,COMPILE_OPTIONS>)
target_include_directories(chips_app_names PRIVATE "${CMAKE_SOURCE_DIR}")
target_link_options(chips_app_names PRIVATE $<TARGET_PROPERTY:chips_app,LINK_OPTIONS> --profiling-funcs)
