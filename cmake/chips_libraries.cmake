# cmake/chips_libraries.cmake — one definition of each library the project builds, used by the main build
# (CMakeLists.txt, native and wasm), the fuzz build (fuzz/CMakeLists.txt) and the bench baseline
# (bench/baseline/baseline.cmake). Each function only declares sources, include paths and links; callers add their
# own flags afterwards (sanitizers, -Os, warnings) with target_compile_options.
#
#   chips_add_json_headers()                          nlohmann_json_headers: Debian's header-only nlohmann/json
#   chips_add_model_library(NAME)                     model/**: engine, content, reader text, output formats
#   chips_add_session_library(NAME MODEL)             session/: the reader's state, on top of MODEL
#   chips_add_imgui_library(NAME IMGUI_DIR)           Dear ImGui's core with our config (ui/imconfig_chips.h)
#   chips_add_ui_library(NAME SESSION IMGUI)          ui/: panels that draw a session
#   chips_add_imgui_backends(NAME IMGUI_DIR SDL2_DIR) the SDL2 + OpenGL3 backends, as shipped
#
# The dependency rules these links encode (docs/contract.md "Layers"): model links nothing of ours; session links
# model only; ui links session and ImGui; nothing links ui except the platform (wasm/, tests/ui/).
include_guard(GLOBAL)
get_filename_component(chips_repo_root "${CMAKE_CURRENT_LIST_DIR}/.." ABSOLUTE)

function(chips_add_json_headers)
  if(TARGET nlohmann_json_headers)
    return()
  endif()
  # Found by header path, not by package config: the emscripten toolchain confines find_package() to its sysroot.
  find_path(NLOHMANN_JSON_INCLUDE_DIR nlohmann/json.hpp PATHS /usr/include NO_CMAKE_FIND_ROOT_PATH REQUIRED)
  # Linked into a private folder: adding all of /usr/include would mix glibc headers into the wasm build.
  file(MAKE_DIRECTORY "${CMAKE_BINARY_DIR}/third_party_include")
  file(CREATE_LINK "${NLOHMANN_JSON_INCLUDE_DIR}/nlohmann" "${CMAKE_BINARY_DIR}/third_party_include/nlohmann" SYMBOLIC)
  add_library(nlohmann_json_headers INTERFACE)
  target_include_directories(nlohmann_json_headers SYSTEM INTERFACE "${CMAKE_BINARY_DIR}/third_party_include")
endfunction()

function(chips_add_model_library name)
  chips_add_json_headers()
  file(GLOB_RECURSE sources CONFIGURE_DEPENDS "${chips_repo_root}/model/*.cpp")
  add_library(${name} STATIC ${sources})
  target_include_directories(${name} PUBLIC "${chips_repo_root}")
  target_link_libraries(${name} PUBLIC nlohmann_json_headers)
endfunction()

function(chips_add_session_library name model)
  file(GLOB sources CONFIGURE_DEPENDS "${chips_repo_root}/session/*.cpp")
  add_library(${name} STATIC ${sources})
  target_link_libraries(${name} PUBLIC ${model})
endfunction()

function(chips_add_imgui_library name imgui_dir)
  add_library(${name} STATIC "${imgui_dir}/imgui.cpp" "${imgui_dir}/imgui_draw.cpp" "${imgui_dir}/imgui_tables.cpp"
                             "${imgui_dir}/imgui_widgets.cpp" "${imgui_dir}/imgui_demo.cpp")
  target_include_directories(${name} SYSTEM PUBLIC "${imgui_dir}")
  # Our own config: see ui/imconfig_chips.h (why each define is there).
  target_compile_definitions(${name} PUBLIC IMGUI_USER_CONFIG="${chips_repo_root}/ui/imconfig_chips.h")
endfunction()

function(chips_add_ui_library name session imgui)
  file(GLOB sources CONFIGURE_DEPENDS "${chips_repo_root}/ui/*.cpp")
  add_library(${name} STATIC ${sources})
  target_link_libraries(${name} PUBLIC ${session} ${imgui})
endfunction()

function(chips_add_imgui_backends name imgui_dir sdl2_dir imgui)
  add_library(${name} STATIC EXCLUDE_FROM_ALL "${imgui_dir}/backends/imgui_impl_sdl2.cpp"
                                              "${imgui_dir}/backends/imgui_impl_opengl3.cpp")
  target_include_directories(${name} PUBLIC "${imgui_dir}/backends" "${sdl2_dir}/include/SDL2")
  target_link_libraries(${name} PUBLIC ${imgui})
  # ImGui 1.92.2b's SDL2 backend uses EMSCRIPTEN_KEEPALIVE in EM_JS, which emcc 3.1.6's em_js.h does not define.
  set_source_files_properties("${imgui_dir}/backends/imgui_impl_sdl2.cpp" TARGET_DIRECTORY ${name}
                              PROPERTIES COMPILE_OPTIONS "-include;emscripten.h")
endfunction()

# native/: reading files for tools, tests, bench and fuzz targets (never linked into model/, session/ or the web app).
function(chips_add_file_io_library name)
  add_library(${name} STATIC "${chips_repo_root}/native/file_io.cpp")
  target_include_directories(${name} PUBLIC "${chips_repo_root}")
endfunction()
