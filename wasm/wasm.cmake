# wasm/wasm.cmake — the WebAssembly configuration (included by CMakeLists.txt under emcmake).
# Output: <build>/site/ — index.html, embed.html, app.js, style.css, chips.js, chips.wasm, fonts/*.otf.
if(NOT CHIPS_HAVE_IMGUI)
  message(FATAL_ERROR "Dear ImGui not found: run scripts/setup.sh first (it writes build/deps.env)")
endif()
if(NOT EXISTS "${SDL2_WASM_DIR}/lib/libSDL2.a")
  message(FATAL_ERROR "SDL2 for WebAssembly not found at '${SDL2_WASM_DIR}': run scripts/setup.sh first")
endif()

set(site_dir "${CMAKE_BINARY_DIR}/site")

# Code: wasm exceptions (native, smaller than JS-emulated ones) so a malformed JSON payload is an error, not an abort.
set(chips_wasm_compile_flags -fwasm-exceptions)
target_compile_options(chips_model PRIVATE ${chips_wasm_compile_flags})
target_compile_options(chips_ui PRIVATE ${chips_wasm_compile_flags})
target_compile_options(imgui PRIVATE ${chips_wasm_compile_flags})

add_library(imgui_backends STATIC "${IMGUI_DIR}/backends/imgui_impl_sdl2.cpp" "${IMGUI_DIR}/backends/imgui_impl_opengl3.cpp")
target_include_directories(imgui_backends PUBLIC "${IMGUI_DIR}/backends" "${SDL2_WASM_DIR}/include/SDL2")
target_link_libraries(imgui_backends PUBLIC imgui)
# ImGui 1.92.2b's SDL2 backend uses EMSCRIPTEN_KEEPALIVE in EM_JS, which emcc 3.1.6's em_js.h does not define.
set_source_files_properties("${IMGUI_DIR}/backends/imgui_impl_sdl2.cpp" PROPERTIES COMPILE_OPTIONS "-include;emscripten.h")

file(GLOB chips_wasm_sources CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/wasm/*.cpp")
add_executable(chips_app ${chips_wasm_sources})
set_target_properties(chips_app PROPERTIES OUTPUT_NAME chips SUFFIX ".js" RUNTIME_OUTPUT_DIRECTORY "${site_dir}")
target_link_libraries(chips_app PRIVATE chips_ui imgui_backends "${SDL2_WASM_DIR}/lib/libSDL2.a")
target_compile_options(chips_app PRIVATE ${chips_warnings} ${chips_wasm_compile_flags})
file(GLOB chips_content_files CONFIGURE_DEPENDS "${CHIPS_CONTENT_DIR}/*.json")
target_link_options(chips_app PRIVATE
  ${chips_wasm_compile_flags}
  -sUSE_WEBGL2=1 -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2
  -sENVIRONMENT=web -sALLOW_MEMORY_GROWTH=1 -sINITIAL_MEMORY=33554432
  -sFORCE_FILESYSTEM=1 -sEXIT_RUNTIME=0
  "-sEXPORTED_RUNTIME_METHODS=['ccall','cwrap','FS','UTF8ToString']")
foreach(content_file IN LISTS chips_content_files) # the JSON content travels inside the wasm (no extra request)
  get_filename_component(content_name "${content_file}" NAME)
  target_link_options(chips_app PRIVATE "SHELL:--embed-file ${content_file}@/content/${content_name}")
endforeach()
set_property(TARGET chips_app APPEND PROPERTY LINK_DEPENDS ${chips_content_files})

# Fonts: subsets of Noto Sans CJK SC and TC holding exactly the characters content/ can show (scripts/make_fonts.py).
set(font_outputs "${site_dir}/fonts/ui-sc.otf" "${site_dir}/fonts/ui-tc.otf")
add_custom_command(OUTPUT ${font_outputs}
  COMMAND /usr/bin/python3 "${CMAKE_SOURCE_DIR}/scripts/make_fonts.py" --content "${CHIPS_CONTENT_DIR}"
          --extra "${CMAKE_SOURCE_DIR}/assets/font-extra-chars.txt" --out "${site_dir}/fonts"
  DEPENDS "${CMAKE_SOURCE_DIR}/scripts/make_fonts.py" "${CMAKE_SOURCE_DIR}/assets/font-extra-chars.txt"
          ${chips_content_files}
  COMMENT "Cutting CJK font subsets")

# The page shell: copied as is (site/ holds hand-written HTML, CSS and JS).
file(GLOB chips_site_files CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/site/*.html" "${CMAKE_SOURCE_DIR}/site/*.js"
     "${CMAKE_SOURCE_DIR}/site/*.css" "${CMAKE_SOURCE_DIR}/site/*.svg")
set(site_copies)
foreach(site_file IN LISTS chips_site_files)
  get_filename_component(site_name "${site_file}" NAME)
  add_custom_command(OUTPUT "${site_dir}/${site_name}"
    COMMAND ${CMAKE_COMMAND} -E copy "${site_file}" "${site_dir}/${site_name}" DEPENDS "${site_file}")
  list(APPEND site_copies "${site_dir}/${site_name}")
endforeach()
add_custom_target(site ALL DEPENDS chips_app ${font_outputs} ${site_copies})
