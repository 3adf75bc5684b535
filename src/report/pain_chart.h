// The report's chart: each day's mean pain as a grey dot, the 7-day line in black, the
// mobility milestones as dashed marks, on a 0-10 scale with the period along the bottom.
#pragma once

#include "core/report.h"
#include "report/canvas.h"

namespace limber::report {

struct Box {
  double x = 0;
  double y = 0;
  double width = 0;
  double height = 0;
};

// Draws the chart inside `box` (axes and labels included).
void draw_pain_chart(const Canvas& canvas, const core::Report& report, Box box);

}  // namespace limber::report
