// The report's pages as a person sees them: `limber report` over twelve weeks of a diary,
// read back page by page with poppler (pdftotext for the words and where they stand,
// pdftoppm for the pixels). What must be on every page is there, the chart is drawn, the
// notes keep every character, and nothing is cut at the edge of the paper.
#include <algorithm>
#include <fstream>
#include <iterator>

#include <fmt/format.h>

#include "cli/cli_fixture.h"
#include "support/shell.h"

namespace limber::testing {
namespace {

// A4 in points and the report's own margin (src/report/report_pdf.cpp).
constexpr double kPageWidth = 595.276;
constexpr double kPageHeight = 841.89;
constexpr double kMargin = 40;

std::string read_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string poppler(const std::string& command) {
  const ShellResult run = run_shell(command);
  EXPECT_EQ(run.code, 0) << command << " (Debian's poppler-utils) failed: " << run.out;
  return run.out;
}

// A word and its box on the page, in points from the top left (pdftotext -bbox).
struct Word {
  std::string text;
  double x_min = 0;
  double y_min = 0;
  double x_max = 0;
  double y_max = 0;
};

double attribute(std::string_view tag, std::string_view name) {
  const auto at = tag.find(fmt::format(" {}=\"", name));
  if (at == std::string_view::npos)
    return -1;
  return std::stod(std::string(tag.substr(at + name.size() + 3)));
}

// The words of each page, as pdftotext's -bbox output lists them.
std::vector<std::vector<Word>> words_by_page(const std::filesystem::path& pdf) {
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
      pages.back().push_back({html.substr(end + 1, close - end - 1), attribute(tag, "xMin"),
                              attribute(tag, "yMin"), attribute(tag, "xMax"),
                              attribute(tag, "yMax")});
    }
    at = end;
  }
  return pages;
}

std::string page_text(const std::filesystem::path& pdf, int page) {
  return poppler(fmt::format("pdftotext -layout -f {0} -l {0} '{1}' -", page, pdf.string()));
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

Greys render(const std::filesystem::path& pdf, int page, const std::filesystem::path& dir) {
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

// Notes in several scripts, each short enough for one line of the report.
const std::vector<std::string> kNotes = {
    "Café au lait, then the stairs: über-careful, Fuß first",
    "腰痛 after the flight from 日本",
    "slept through 😀 first time in weeks 🎉",
    "Straße to the bakery and back, ß and é and ü held",
};

class ReportLayoutTest : public CliTest {
 protected:
  // Twelve weeks up to kNoon (2026-11-21), entries on each day before it: a pain rating
  // every day, falling from 8 to 3 as the person moves more, walks every other day, a
  // session a week, a check, marked muscles and relief, and notes.
  void fill_twelve_weeks() {
    ASSERT_EQ(run({"check", "--answers", "none"}).code, 0);
    ASSERT_EQ(run({"muscles", "--weak", "deep-abs,glutes", "--tight", "hip-flexors"}).code, 0);
    const std::vector<std::string> regions = {"right-buttock", "left-thigh", "neck", "left-calf"};
    const std::vector<std::string> mobility = {"lie", "stand", "walk", "move"};
    const auto first = std::chrono::sys_days{std::chrono::year{2026} / 8 / 30};
    // Up to the day before: 09:00 on kNoon's day is still ahead in New York.
    for (int day = 0; day < 83; ++day) {
      const std::chrono::year_month_day ymd{first + std::chrono::days{day}};
      const std::string date =
          fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()),
                      static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
      std::vector<std::string> log = {"log",
                                      std::to_string(8 - day / 14),
                                      "lower-back",
                                      regions.at(static_cast<std::size_t>(day) % regions.size()) +
                                          ":" + std::to_string(std::max(1, 6 - day / 14)),
                                      "--mobility",
                                      mobility.at(static_cast<std::size_t>(std::min(3, day / 21))),
                                      "--at",
                                      date + "T09:00"};
      if (day % 21 == 5) {
        log.emplace_back("--note");
        log.push_back(kNotes.at(static_cast<std::size_t>(day / 21)));
      }
      const CliResult logged = run(log);
      ASSERT_EQ(logged.code, 0) << date << ": " << logged.err;
      if (day % 2 == 1) {
        ASSERT_EQ(run({"log", "walk", std::to_string(10 + day / 4), "--at", date + "T11:00"}).code,
                  0);
      }
      if (day % 7 == 3) {
        ASSERT_EQ(run({"log", "session", "--exercises", "yoga-cat-cow", "--pain-before", "5",
                       "--pain-after", "3", "--at", date + "T18:00"})
                      .code,
                  0);
      }
      if (day % 10 == 0) {
        ASSERT_EQ(run({"log", "relief", "heat", "hot water bottle", "--at", date + "T20:00"}).code,
                  0);
      }
    }
  }

  std::filesystem::path report() {
    auto pdf = dir_.path() / "report.pdf";
    const CliResult made = run({"report", "-o", pdf.string()});
    EXPECT_EQ(made.code, 0) << made.err;
    return pdf;
  }
};

TEST_F(ReportLayoutTest, TwelveWeeksMakeNumberedPagesWithTheDisclaimerAndEveryNote) {
  fill_twelve_weeks();
  const auto pdf = report();
  const std::string info = poppler(fmt::format("pdfinfo '{}'", pdf.string()));
  const auto pages = static_cast<int>(words_by_page(pdf).size());
  ASSERT_GE(pages, 2) << info;
  EXPECT_NE(info.find(fmt::format("Pages:           {}\n", pages)), std::string::npos) << info;
  std::string all;
  for (int page = 1; page <= pages; ++page) {
    SCOPED_TRACE(fmt::format("page {}", page));
    const std::string text = page_text(pdf, page);
    EXPECT_NE(text.find(fmt::format("page {} of {}", page, pages)), std::string::npos) << text;
    EXPECT_NE(text.find("limber: a self-kept diary, not a medical record"), std::string::npos)
        << text;
    all += text;
  }
  EXPECT_NE(all.find("30 Aug 2026 to 21 Nov 2026 (84 days, 12 weeks)"), std::string::npos) << all;
  // Every section made it onto some page, in order.
  std::size_t last = 0;
  for (std::string_view heading :
       {"Pain over time", "Where it hurt", "Mobility", "Warning-sign checks",
        "Walking, sitting and exercise sessions", "Exercise sessions: pain before and after",
        "Muscles the person marked", "Relief used, as logged", "Notes, in the person's words"}) {
    const auto at = all.find(heading, last);
    EXPECT_NE(at, std::string::npos) << "missing or out of order: " << heading << "\n" << all;
    if (at != std::string::npos)
      last = at;
  }
  // The notes, every character of each, whatever its script.
  for (const std::string& note : kNotes)
    EXPECT_NE(all.find(note), std::string::npos) << "missing: " << note << "\n" << all;
}

TEST_F(ReportLayoutTest, TheChartIsDrawnAndNothingIsCutAtTheEdgeOfThePaper) {
  fill_twelve_weeks();
  const auto pdf = report();
  const auto pages = words_by_page(pdf);
  ASSERT_FALSE(pages.empty());

  // The legend ("each day's mean") sits just under the chart, which is 132 points high.
  const auto legend =
      std::adjacent_find(pages[0].begin(), pages[0].end(), [](const Word& word, const Word& next) {
        return word.text == "each" && next.text.starts_with("day");
      });
  ASSERT_NE(legend, pages[0].end()) << "no chart legend on page 1";
  const Greys first = render(pdf, 1, dir_.path());
  const double bottom = legend->y_min - 4;
  const double top = bottom - 124;
  const int inked = first.inked(kMargin, top, kPageWidth - kMargin, bottom);
  // Axes, grid, 83 daily dots and the 7-day line: well over a thousand pixels, and far
  // from a filled block.
  EXPECT_GT(inked, 1500) << "the chart area is nearly blank";
  EXPECT_LT(inked, (kPageWidth - 2 * kMargin) * (bottom - top) / 2) << "the chart is a block";

  for (std::size_t page = 0; page < pages.size(); ++page) {
    SCOPED_TRACE(fmt::format("page {}", page + 1));
    for (const Word& word : pages[page]) {
      // Inside the report's side margins (a line wrapped too late runs into the right one).
      EXPECT_GE(word.x_min, kMargin - 0.5) << word.text;
      EXPECT_LE(word.x_max, kPageWidth - kMargin + 0.5) << word.text;
      EXPECT_GE(word.y_min, kMargin - 10) << word.text;
      EXPECT_LE(word.y_max, kPageHeight - kMargin + 5) << word.text;
    }
    // And no ink at all in a 24-point band round the paper, where printers cut.
    const Greys greys = render(pdf, static_cast<int>(page) + 1, dir_.path());
    EXPECT_EQ(greys.inked(0, 0, kPageWidth, 24), 0) << "top";
    EXPECT_EQ(greys.inked(0, kPageHeight - 24, kPageWidth, kPageHeight), 0) << "bottom";
    EXPECT_EQ(greys.inked(0, 0, 24, kPageHeight), 0) << "left";
    EXPECT_EQ(greys.inked(kPageWidth - 24, 0, kPageWidth, kPageHeight), 0) << "right";
  }
}

}  // namespace
}  // namespace limber::testing
