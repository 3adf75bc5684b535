#include "report/pain_chart.h"

#include <algorithm>
#include <array>

#include <fmt/format.h>

namespace limber::report {

using std::chrono::days;
using std::chrono::local_days;

namespace {

constexpr std::array<std::string_view, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

std::string_view milestone_word(core::Mobility mobility) {
  switch (mobility) {
    case core::Mobility::kLie:
      return "lies down";
    case core::Mobility::kStand:
      return "stands";
    case core::Mobility::kWalk:
      return "walks";
    case core::Mobility::kMove:
      return "moves freely";
  }
  return "";
}

// The tick marks along the bottom: weeks for a short period, months, then years.
std::vector<std::pair<local_days, std::string>> ticks(local_days first, local_days last) {
  std::vector<std::pair<local_days, std::string>> out;
  const auto span = (last - first).count() + 1;
  if (span <= 16L * 7) {
    const int step = span <= 8L * 7 ? 7 : 14;
    for (local_days day = first; day <= last; day += days{step})
      out.emplace_back(day, core::report_day(day).substr(0, core::report_day(day).size() - 5));
    return out;
  }
  const int months_step = span <= 400 ? 1 : span <= 800 ? 3 : 12;
  std::chrono::year_month_day ymd{first};
  std::chrono::year_month month = ymd.year() / ymd.month();
  if (ymd.day() != std::chrono::day{1})
    month += std::chrono::months{1};
  for (;; month += std::chrono::months{months_step}) {
    const local_days day{month / std::chrono::day{1}};
    if (day > last)
      break;
    const auto index = static_cast<unsigned>(month.month()) - 1;
    const bool with_year = months_step > 1 || out.empty() || index == 0;
    out.emplace_back(
        day, with_year ? fmt::format("{} {}", kMonths.at(index), static_cast<int>(month.year()))
                       : std::string(kMonths.at(index)));
  }
  return out;
}

}  // namespace

void draw_pain_chart(const Canvas& canvas, const core::Report& report, Box box) {
  const auto& days_list = report.progress.days;
  if (days_list.empty())
    return;
  const Font label{7, Weight::kNormal};
  const double left = box.x + 18;
  const double right = box.x + box.width;
  const double top = box.y + 12;
  const double bottom = box.y + box.height - 14;
  const auto n = static_cast<double>(days_list.size());
  const double step = (right - left) / n;
  const auto x_of = [&](std::size_t i) {
    return left + (static_cast<double>(i) + 0.5) * step;
  };
  const auto y_of = [&](double pain) {
    return bottom - (bottom - top) * pain / 10.0;
  };

  for (int level = 0; level <= 10; level += 2) {
    const double y = y_of(level);
    canvas.line(left, y, right, y, level == 0 ? 0.8 : 0.4, level == 0 ? 0 : 0.8);
    canvas.text_right(left - 4, y + 2.5, fmt::format("{}", level), label, 0.3);
  }
  const local_days first = days_list.front().summary.day;
  for (const auto& [day, text] : ticks(first, days_list.back().summary.day)) {
    const auto i = static_cast<std::size_t>((day - first).count());
    const double x = x_of(i);
    canvas.line(x, bottom, x, bottom + 3, 0.6, 0);
    if (x + 1.5 + canvas.width(text, label) > right) {
      canvas.text_right(x - 1.5, bottom + 10, text, label, 0.3);
    } else {
      canvas.text(x + 1.5, bottom + 10, text, label, 0.3);
    }
  }

  // Milestones behind the data; a label that would touch another goes a row lower.
  struct Placed {
    double start;
    double end;
    int row;
  };
  std::vector<Placed> placed;
  // Milestones and setbacks (a slide back: "back to stands"), in the order of their days.
  struct Mark {
    local_days day;
    std::string word;
  };
  std::vector<Mark> marks;
  for (const core::Milestone& milestone : report.milestones)
    marks.push_back({milestone.day, std::string(milestone_word(milestone.mobility))});
  for (const core::Setback& setback : report.setbacks)
    marks.push_back({setback.day, fmt::format("back to {}", milestone_word(setback.to))});
  std::stable_sort(marks.begin(), marks.end(),
                   [](const Mark& a, const Mark& b) { return a.day < b.day; });
  for (const Mark& mark : marks) {
    if (mark.day < first || mark.day > days_list.back().summary.day)
      continue;
    const auto i = static_cast<std::size_t>((mark.day - first).count());
    const double x = x_of(i);
    canvas.line(x, top, x, bottom, 0.6, 0.45, true);
    const std::string_view word = mark.word;
    const double word_width = canvas.width(word, label);
    // Near the right edge the label goes to the left of its line.
    const double start = x + 2 + word_width > right ? x - 2 - word_width : x + 2;
    int row = 0;
    const auto taken = [&](int r) {
      return std::any_of(placed.begin(), placed.end(), [&](const Placed& p) {
        return p.row == r && start < p.end + 3 && start + word_width > p.start - 3;
      });
    };
    while (taken(row))
      ++row;
    placed.push_back({start, start + word_width, row});
    canvas.text(start, top - 3 + 8 * row, word, label, 0.2);
  }

  const double radius = std::clamp(step * 0.35, 0.6, 1.8);
  for (std::size_t i = 0; i < days_list.size(); ++i) {
    if (const auto mean = days_list[i].summary.pain_mean)
      canvas.dot(x_of(i), y_of(*mean), radius, 0.6);
  }
  cairo_t* cr = canvas.context();
  cairo_save(cr);
  cairo_set_source_rgb(cr, 0, 0, 0);
  cairo_set_line_width(cr, 1.6);
  cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
  bool drawing = false;
  for (std::size_t i = 0; i < days_list.size(); ++i) {
    const auto value = days_list[i].pain_7day;
    if (!value) {
      drawing = false;
      continue;
    }
    if (drawing) {
      cairo_line_to(cr, x_of(i), y_of(*value));
    } else {
      cairo_move_to(cr, x_of(i), y_of(*value));
      drawing = true;
    }
  }
  cairo_stroke(cr);
  cairo_restore(cr);
}

}  // namespace limber::report
