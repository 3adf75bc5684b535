// limber's modules, loaded with dlopen() only by the commands that use them, so every other
// command starts without their libraries (ARCHITECTURE.md, "Start-up is a feature"):
// limber-tls.so (the phone's HTTPS, server/tls_module.h) and limber-draw.so (the report's
// PDF and the pairing QR codes, app/draw_module.h). A module is looked for beside the
// running program (the build tree, or a test binary with a link to it), then in
// ../lib/limber/ from there (an install: /usr/bin/limber finds /usr/lib/limber/).
#pragma once

#include <filesystem>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace limber::app {

// Where `file` is looked for, in order: beside the running program (/proc/self/exe), then
// ../lib/limber/ from there.
std::vector<std::filesystem::path> module_places(std::string_view file);

// dlopen()s the first of `places` that exists (module_places(file) when empty) and returns
// the address of its exported `symbol`. `what_for` names what needs it in the errors ("the
// report's PDF"). kNotFound naming the file, where it was looked for and how to get it back;
// kIo when the file cannot be loaded; kInvalidInput when it lacks `symbol`. A second call
// finds the module already loaded. Modules are never unloaded.
core::Result<void*> load_module(std::string_view file, const char* symbol,
                                std::string_view what_for,
                                std::vector<std::filesystem::path> places = {});

}  // namespace limber::app
