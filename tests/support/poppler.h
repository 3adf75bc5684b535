// A PDF read back as a person's PDF reader shows it, with Debian's poppler-utils: pdfinfo
// for the pages and metadata, pdftotext for the words and where they stand, pdftoppm for
// the pixels. Used by the report's suite (tests/report) and the commands that write PDFs.
#pragma once

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "support/shell.h"

namespace limber::testing {

inline std::string read_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// What a poppler command prints; a failure of the tool fails the test.
inline std::string poppler(const std::string& command) {
  const ShellResult run = run_shell(command);
  EXPECT_EQ(run.code, 0) << command << " (Debian's poppler-utils) failed: " << run.out;
  return run.out;
}

inline std::string pdf_info(const std::filesystem::path& pdf) {
  return poppler(fmt::format("pdfinfo '{}'", pdf.string()));
}

// The text of every page, or of page `page` (from 1), laid out as on the paper.
inline std::string pdf_text(const std::filesystem::path& pdf, int page = 0) {
  if (page == 0)
    return poppler(fmt::format("pdftotext -layout '{}' -", pdf.string()));
  return poppler(fmt::format("pdftotext -layout -f {0} -l {0} '{1}' -", page, pdf.string()));
}

// A word and its box on the page, in points from the top left (pdftotext -bbox).
struct Word {
  std::string text;
  double x_min = 0;
  double y_min = 0;
  double x_max = 0;
  double y_max = 0;
};

namespace detail {
inline double attribute(std::string_view tag, std::string_view name) {
  const auto at = tag.find(fmt::format(" {}=\"", name));
  if (at == std::string_view::npos)
    return -1;
  return std::stod(std::string(tag.substr(at + name.size() + 3)));
}
}  // namespace detail

// The words of each page, as pdftotext's -bbox output lists them.
inline std::vector<std::vector<Word>> words_by_page(const std::filesystem::path& pdf) {
  const std::string html = poppler(fmt::format("pdftotext -bbox '{}' -", pdf.string()));
  std::vector<std::vector<Word>> pages;
  std::size_t at = 0;
  while ((at = html.find('<', at)) != std::string::npos) {
    const auto end = html.find('>', at);
    const std::string_view tag(html.data() + at, end - at);
    if (tag.starts_with("<page ")) {
      pages.emplace_back();
    } else if (tag.starts_with("<word ") && !pages.empty()) {
      const auto close = html.find("</word>", end);
      pages.back().push_back({html.substr(end + 1, close - end - 1), detail::attribute(tag, "xMin"),
                              detail::attribute(tag, "yMin"), detail::attribute(tag, "xMax"),
                              detail::attribute(tag, "yMax")});
    }
    at = end;
  }
  return pages;
}

// One page in greys, one pixel a point (pdftoppm -r 72 -gray: a binary PGM).
struct Greys {
  int width = 0;
  int height = 0;
  std::string pixels;

  [[nodiscard]] unsigned char at(int x, int y) const {
    return static_cast<unsigned char>(
        pixels[static_cast<std::size_t>(y) * static_cast<std::size_t>(width) +
               static_cast<std::size_t>(x)]);
  }
  // Pixels darker than white in [x0, x1) x [y0, y1), in points.
  [[nodiscard]] int inked(double x0, double y0, double x1, double y1) const {
    int count = 0;
    for (int y = std::max(0, static_cast<int>(y0)); y < std::min(height, static_cast<int>(y1));
         ++y) {
      for (int x = std::max(0, static_cast<int>(x0)); x < std::min(width, static_cast<int>(x1));
           ++x) {
        count += at(x, y) < 250 ? 1 : 0;
      }
    }
    return count;
  }
};

// Page `page` (from 1) drawn in greys, through a file in `dir`.
inline Greys render(const std::filesystem::path& pdf, int page, const std::filesystem::path& dir) {
  const auto prefix = dir / fmt::format("page-{}", page);
  poppler(fmt::format("pdftoppm -r 72 -gray -singlefile -f {0} -l {0} '{1}' '{2}'", page,
                      pdf.string(), prefix.string()));
  const std::string pgm = read_bytes(prefix.string() + ".pgm");
  Greys greys;
  std::size_t at = 0;
  // "P5\n<width> <height>\n255\n" then one byte a pixel.
  std::vector<int> numbers;
  std::size_t start = 2;
  while (numbers.size() < 3) {
    while (start < pgm.size() && std::isspace(static_cast<unsigned char>(pgm[start])) != 0)
      ++start;
    at = start;
    while (at < pgm.size() && std::isdigit(static_cast<unsigned char>(pgm[at])) != 0)
      ++at;
    if (at == start)
      break;
    numbers.push_back(std::stoi(pgm.substr(start, at - start)));
    start = at;
  }
  EXPECT_TRUE(pgm.starts_with("P5") && numbers.size() == 3) << prefix;
  if (numbers.size() == 3) {
    greys.width = numbers[0];
    greys.height = numbers[1];
    greys.pixels = pgm.substr(start + 1);
  }
  EXPECT_EQ(greys.pixels.size(), static_cast<std::size_t>(greys.width * greys.height));
  return greys;
}

}  // namespace limber::testing
