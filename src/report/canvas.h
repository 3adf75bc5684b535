// A thin layer over a cairo context for the report's page: text in the report's two
// faces, measured and wrapped, lines and boxes in grey levels that print in black and
// white. Lengths are PDF points (1/72 inch).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <cairo.h>

namespace limber::report {

enum class Weight { kNormal, kBold };

struct Font {
  double size = 9;
  Weight weight = Weight::kNormal;
};

class Canvas {
 public:
  // `cr` must outlive the canvas; the canvas does not own it.
  explicit Canvas(cairo_t* cr) : cr_(cr) {}

  // Draws `text` with its baseline at y, starting at x.
  void text(double x, double y, std::string_view text, Font font, double grey = 0) const;
  // The same, ending at x.
  void text_right(double x, double y, std::string_view text, Font font, double grey = 0) const;
  void text_centered(double x, double y, std::string_view text, Font font, double grey = 0) const;
  [[nodiscard]] double width(std::string_view text, Font font) const;
  // Breaks `text` into lines no wider than `width` at spaces (a word longer than the line
  // is cut where it must be, between characters). Text that is not UTF-8 is drawn, measured
  // and wrapped with U+FFFD where it cannot be read.
  [[nodiscard]] std::vector<std::string> wrap(std::string_view text, Font font, double width) const;

  void line(double x0, double y0, double x1, double y1, double line_width, double grey = 0,
            bool dashed = false) const;
  void fill_rect(double x, double y, double w, double h, double grey) const;
  void stroke_rect(double x, double y, double w, double h, double line_width,
                   double grey = 0) const;
  void dot(double x, double y, double radius, double grey) const;

  [[nodiscard]] cairo_t* context() const { return cr_; }

 private:
  void use(Font font) const;

  cairo_t* cr_;
};

}  // namespace limber::report
