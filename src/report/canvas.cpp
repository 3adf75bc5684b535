#include "report/canvas.h"

#include <array>

#include "core/utf8.h"

namespace limber::report {

namespace {

// DejaVu Sans (Debian's fonts-dejavu-core) has every character the diary's words use,
// and fontconfig falls back to another sans face when it is missing.
constexpr const char* kFace = "DejaVu Sans";

void grey_source(cairo_t* cr, double grey) {
  cairo_set_source_rgb(cr, grey, grey, grey);
}

// Cairo takes UTF-8 only, and one string that is not puts the whole context in an error
// state ("input string not valid UTF-8") that fails the page: whatever comes in is made
// readable first (U+FFFD where it cannot be read).
std::string readable(std::string_view text) {
  return core::utf8::sanitize(text);
}

}  // namespace

void Canvas::use(Font font) const {
  cairo_select_font_face(
      cr_, kFace, CAIRO_FONT_SLANT_NORMAL,
      font.weight == Weight::kBold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size(cr_, font.size);
}

double Canvas::width(std::string_view text, Font font) const {
  use(font);
  const std::string owned = readable(text);
  cairo_text_extents_t extents;
  cairo_text_extents(cr_, owned.c_str(), &extents);
  return extents.x_advance;
}

void Canvas::text(double x, double y, std::string_view text, Font font, double grey) const {
  use(font);
  grey_source(cr_, grey);
  cairo_move_to(cr_, x, y);
  const std::string owned = readable(text);
  cairo_show_text(cr_, owned.c_str());
}

void Canvas::text_right(double x, double y, std::string_view text, Font font, double grey) const {
  this->text(x - width(text, font), y, text, font, grey);
}

void Canvas::text_centered(double x, double y, std::string_view text, Font font,
                           double grey) const {
  this->text(x - width(text, font) / 2, y, text, font, grey);
}

std::vector<std::string> Canvas::wrap(std::string_view text, Font font, double width) const {
  const std::string owned = readable(text);
  const std::string_view clean = owned;
  std::vector<std::string> lines;
  std::string current;
  std::size_t at = 0;
  while (at < clean.size()) {
    const auto space = clean.find(' ', at);
    const auto word =
        clean.substr(at, space == std::string_view::npos ? std::string_view::npos : space - at);
    at = space == std::string_view::npos ? clean.size() : space + 1;
    if (word.empty())
      continue;
    const std::string candidate =
        current.empty() ? std::string(word) : current + " " + std::string(word);
    if (this->width(candidate, font) <= width) {
      current = candidate;
      continue;
    }
    if (!current.empty())
      lines.push_back(current);
    current = std::string(word);
    // A word wider than the line (a web address): cut it after as many whole characters as
    // fit, at least one, never inside a character (issue 11, defect 3).
    while (this->width(current, font) > width) {
      std::size_t cut = core::utf8::next_cluster(current, 0);
      while (cut < current.size()) {
        const std::size_t further = core::utf8::next_cluster(current, cut);
        if (this->width(std::string_view(current).substr(0, further), font) > width)
          break;
        cut = further;
      }
      if (cut >= current.size())
        break;
      lines.push_back(current.substr(0, cut));
      current.erase(0, cut);
    }
  }
  if (!current.empty())
    lines.push_back(current);
  return lines;
}

void Canvas::line(double x0, double y0, double x1, double y1, double line_width, double grey,
                  bool dashed) const {
  cairo_save(cr_);
  grey_source(cr_, grey);
  cairo_set_line_width(cr_, line_width);
  if (dashed) {
    static constexpr std::array<double, 2> kDash = {2.0, 2.0};
    cairo_set_dash(cr_, kDash.data(), static_cast<int>(kDash.size()), 0);
  }
  cairo_move_to(cr_, x0, y0);
  cairo_line_to(cr_, x1, y1);
  cairo_stroke(cr_);
  cairo_restore(cr_);
}

void Canvas::fill_rect(double x, double y, double w, double h, double grey) const {
  grey_source(cr_, grey);
  cairo_rectangle(cr_, x, y, w, h);
  cairo_fill(cr_);
}

void Canvas::stroke_rect(double x, double y, double w, double h, double line_width,
                         double grey) const {
  grey_source(cr_, grey);
  cairo_set_line_width(cr_, line_width);
  cairo_rectangle(cr_, x, y, w, h);
  cairo_stroke(cr_);
}

void Canvas::dot(double x, double y, double radius, double grey) const {
  grey_source(cr_, grey);
  cairo_new_sub_path(cr_);
  cairo_arc(cr_, x, y, radius, 0, 6.283185307179586);
  cairo_fill(cr_);
}

}  // namespace limber::report
