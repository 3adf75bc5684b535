# Writes OUT_DIR, the page as it ships: every file of WEB_DIR, except that the ES modules
# js/app.js imports, near or far, become one file, js/app.js, bundled by Debian's esbuild
# (ESBUILD). A reload then asks the service worker for one script instead of one per
# module, each a round trip through the worker (issue 14's 100 ms, docs/benchmarks.md).
# A module no page imports through app.js (js/pair.js, the phone's landing page) ships as
# it is. The sources in web/ still run unbundled: index.html loads /js/app.js either way.
# Run by a custom command (src/server) before cmake/embed_web.cmake, which embeds OUT_DIR.
cmake_minimum_required(VERSION 3.25)  # script mode: IN_LIST, string(JSON)
foreach(variable WEB_DIR OUT_DIR ESBUILD)
  if(NOT DEFINED ${variable})
    message(FATAL_ERROR "cmake/bundle_web.cmake needs -D${variable}=...")
  endif()
endforeach()

file(REMOVE_RECURSE "${OUT_DIR}")
file(MAKE_DIRECTORY "${OUT_DIR}/js")
get_filename_component(scratch "${OUT_DIR}.d" ABSOLUTE)
file(MAKE_DIRECTORY "${scratch}")

# No source map and no legal comments (there are none): the same sources make the same bytes.
execute_process(
  COMMAND "${ESBUILD}" js/app.js --bundle --format=esm --minify --charset=utf8
          --legal-comments=none --log-level=warning
          "--outfile=${OUT_DIR}/js/app.js" "--metafile=${scratch}/meta.json"
  WORKING_DIRECTORY "${WEB_DIR}"
  RESULT_VARIABLE failed)
if(failed)
  message(FATAL_ERROR "esbuild could not bundle web/js/app.js (above); it is Debian's esbuild, "
                      "installed by scripts/setup")
endif()

# The modules now in the bundle, as esbuild names them (paths from WEB_DIR: "js/dom.js").
file(READ "${scratch}/meta.json" meta)
string(JSON inputs GET "${meta}" inputs)
string(JSON count LENGTH "${inputs}")
set(bundled "")
math(EXPR last "${count} - 1")
foreach(index RANGE ${last})
  string(JSON input MEMBER "${inputs}" ${index})
  list(APPEND bundled "${input}")
endforeach()
if(NOT "js/app.js" IN_LIST bundled OR count LESS 2)
  message(FATAL_ERROR "esbuild's bundle of web/js/app.js names no modules: ${bundled}")
endif()

file(GLOB_RECURSE files RELATIVE "${WEB_DIR}" "${WEB_DIR}/*")
foreach(file IN LISTS files)
  if(file IN_LIST bundled)
    continue()
  endif()
  get_filename_component(folder "${OUT_DIR}/${file}" DIRECTORY)
  file(COPY "${WEB_DIR}/${file}" DESTINATION "${folder}")
endforeach()
