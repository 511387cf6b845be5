# bench/baseline/baseline.cmake — the pages scripts/bench measures next to the app (included at the end of
# wasm/wasm.cmake, so it is the same wasm build with the same toolchain, build type and flags):
#   build/wasm/baseline/  a bare Dear ImGui + SDL2 + WebGL2 page drawing one window (bench/baseline/main.cpp)
#   build/wasm/bench/     the estimation engine timed in WebAssembly (bench/wasm_estimate_bench.cpp)
# Not part of `all` (readers and the test suite don't need them): `cmake --build build/wasm --target bench_pages`
# (or bench_baseline_page / bench_estimate_page alone).
#
# "Same flags" is enforced, not copied: compile and link options are read from the chips_app target, minus the
# app's embedded content files (the baseline has no content; the estimate bench embeds only gpus.json).
if(NOT TARGET chips_app OR NOT TARGET imgui_backends OR NOT TARGET imgui)
  return()
endif()

get_target_property(chips_bench_compile_options chips_app COMPILE_OPTIONS)
get_target_property(chips_bench_link_options chips_app LINK_OPTIONS)
if(NOT chips_bench_compile_options)
  set(chips_bench_compile_options "")
endif()
if(NOT chips_bench_link_options)
  set(chips_bench_link_options "")
endif()
list(FILTER chips_bench_link_options EXCLUDE REGEX "(embed|preload)-file")

# --- The baseline page -----------------------------------------------------------------------------------------------
# ImGui's backends exactly as shipped: the app's copy answers the renderer's GL state queries itself
# (wasm/gl_state_cache.cpp); the baseline stays what a bare Dear ImGui page costs.
# Dear ImGui itself as shipped too: the app's copy leaves out ProggyClean (wasm/wasm.cmake), which the bare page
# draws with. Same flags as the app's copy otherwise.
chips_add_imgui_library(imgui_stock "${IMGUI_DIR}")
set_target_properties(imgui_stock PROPERTIES EXCLUDE_FROM_ALL ON)
target_compile_options(imgui_stock PRIVATE ${chips_wasm_compile_flags} ${chips_wasm_size_flags} ${chips_wasm_path_flags})
target_compile_definitions(imgui_stock PRIVATE IMGUI_DISABLE_DEMO_WINDOWS)
chips_add_imgui_backends(imgui_backends_stock "${IMGUI_DIR}" "${SDL2_WASM_DIR}" imgui_stock)
target_compile_options(imgui_backends_stock PRIVATE ${chips_wasm_size_flags})
set(baseline_dir "${CMAKE_BINARY_DIR}/baseline")
add_executable(chips_baseline EXCLUDE_FROM_ALL "${CMAKE_SOURCE_DIR}/bench/baseline/main.cpp"
                                               "${CMAKE_SOURCE_DIR}/wasm/frame_stats.cpp")
set_target_properties(chips_baseline PROPERTIES OUTPUT_NAME baseline SUFFIX ".js"
                                                RUNTIME_OUTPUT_DIRECTORY "${baseline_dir}")
target_include_directories(chips_baseline PRIVATE "${CMAKE_SOURCE_DIR}")
target_link_libraries(chips_baseline PRIVATE imgui_backends_stock "${SDL2_WASM_DIR}/lib/libSDL2.a")
target_compile_options(chips_baseline PRIVATE ${chips_bench_compile_options})
target_link_options(chips_baseline PRIVATE ${chips_bench_link_options})

set(baseline_page_copies)
foreach(page_file index.html baseline.css shell.js)
  add_custom_command(OUTPUT "${baseline_dir}/${page_file}"
    COMMAND ${CMAKE_COMMAND} -E copy "${CMAKE_SOURCE_DIR}/bench/baseline/${page_file}" "${baseline_dir}/${page_file}"
    DEPENDS "${CMAKE_SOURCE_DIR}/bench/baseline/${page_file}")
  list(APPEND baseline_page_copies "${baseline_dir}/${page_file}")
endforeach()
add_custom_target(bench_baseline_page DEPENDS chips_baseline ${baseline_page_copies})

# --- Estimates per second in WebAssembly -----------------------------------------------------------------------------
set(estimate_bench_dir "${CMAKE_BINARY_DIR}/bench")
add_executable(chips_estimate_bench EXCLUDE_FROM_ALL "${CMAKE_SOURCE_DIR}/bench/wasm_estimate_bench.cpp")
set_target_properties(chips_estimate_bench PROPERTIES OUTPUT_NAME estimate_bench SUFFIX ".js"
                                                      RUNTIME_OUTPUT_DIRECTORY "${estimate_bench_dir}")
target_link_libraries(chips_estimate_bench PRIVATE chips_model)
target_compile_options(chips_estimate_bench PRIVATE ${chips_bench_compile_options})
# It reads gpus.json from an embedded file, so it needs the file system the app goes without.
set(chips_estimate_bench_link_options ${chips_bench_link_options})
list(FILTER chips_estimate_bench_link_options EXCLUDE REGEX "FILESYSTEM")
target_link_options(chips_estimate_bench PRIVATE ${chips_estimate_bench_link_options} -sFORCE_FILESYSTEM=1
                    "SHELL:--embed-file ${CHIPS_CONTENT_DIR}/gpus.json@/content/gpus.json")
set_property(TARGET chips_estimate_bench APPEND PROPERTY LINK_DEPENDS "${CHIPS_CONTENT_DIR}/gpus.json")
set(estimate_page_copies)
foreach(page_file estimate_bench.html estimate_bench_shell.js)
  add_custom_command(OUTPUT "${estimate_bench_dir}/${page_file}"
    COMMAND ${CMAKE_COMMAND} -E copy "${CMAKE_SOURCE_DIR}/bench/baseline/${page_file}" "${estimate_bench_dir}/${page_file}"
    DEPENDS "${CMAKE_SOURCE_DIR}/bench/baseline/${page_file}")
  list(APPEND estimate_page_copies "${estimate_bench_dir}/${page_file}")
endforeach()
add_custom_target(bench_estimate_page DEPENDS chips_estimate_bench ${estimate_page_copies})

add_custom_target(bench_pages DEPENDS bench_baseline_page bench_estimate_page)
