// The report as a PDF: one or two A4 pages drawn with cairo, in black and grey so it prints
// well on any printer. What it says is decided by core::build_report; this lays it out.
#pragma once

#include <string>

#include "core/clock.h"
#include "core/report.h"
#include "core/result.h"

namespace limber::report {

// The PDF's bytes. `made` is the day the report is made, printed in its header and kept in
// the file's metadata. kIo when cairo cannot draw (out of memory).
core::Result<std::string> render_pdf(const core::Report& report, const core::Now& made);

}  // namespace limber::report
