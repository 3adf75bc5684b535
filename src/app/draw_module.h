// Finds and loads limber-draw.so (app/draw_module_api.h) on first use: only the commands
// that draw (a report, a pairing QR code) map cairo and libqrencode into the process.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "app/draw_module_api.h"

namespace limber::app {

// Loads the module from the first of `places` that exists (app::module_places when empty).
// `what_for` names what needs it in the error. kNotFound naming the file and where it was
// looked for; kInvalidInput for a module from another build of limber.
core::Result<const DrawModule*> load_draw_module(std::string_view what_for,
                                                 std::vector<std::filesystem::path> places = {});

// The report as a PDF, drawn by the module (report/report_pdf.h says what it looks like).
core::Result<std::string> render_report_pdf(const core::Report& report, const core::Now& made);

}  // namespace limber::app
