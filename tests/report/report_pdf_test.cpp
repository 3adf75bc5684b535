// The report's pages as drawn by the report layer (report::render_pdf, cairo), for a diary
// built in code, read back with poppler: the pages and their numbers, the title and period,
// every note whatever its script, the chart's ink, and nothing at the edge of the paper.
// The commands that write the file are tested in tests/cli/report_command_test.cpp.
#include "report/report_pdf.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "core/report.h"
#include "support/clock.h"
#include "support/entries.h"
#include "support/poppler.h"
#include "support/temp_dir.h"

namespace limber::testing {
namespace {

using core::Mobility;
using core::Region;
using std::chrono::days;
using std::chrono::local_days;

// A4 in points and the report's own margin (src/report/report_pdf.cpp).
constexpr double kPageWidth = 595.276;
constexpr double kPageHeight = 841.89;
constexpr double kMargin = 40;
// The chart's plotting area above its legend.
constexpr double kChartHeight = 124;

// Notes in several scripts, each short enough for one line of the report.
const std::vector<std::string> kNotes = {
    "Café au lait, then the stairs: über-careful, Fuß first",
    "腰痛 after the flight from 日本",
    "slept through 😀 first time in weeks 🎉",
    "Straße to the bakery and back, ß and é and ü held",
};

local_days date(int year, unsigned month, unsigned day) {
  return local_days{std::chrono::year{year} / std::chrono::month{month} / std::chrono::day{day}};
}

// A diary, the report the core makes of it, and the PDF drawn from that.
class ReportPdfTest : public ::testing::Test {
 protected:
  // Twelve weeks up to kNoon (2026-11-21), entries on each day before it: a pain rating
  // every day, falling from 8 to 3 as the person moves more, walks every other day, a
  // session a week, a check, marked muscles and relief, and notes.
  void fill_twelve_weeks() {
    from_ = date(2026, 8, 30);
    to_ = date(2026, 11, 21);
    checks_.push_back(
        {core::LocalTime{kNoon.time_since_epoch()}, core::Level::kSelfCare, {}, 12, std::nullopt});
    weak_ = {core::Muscle::kDeepAbs, core::Muscle::kGlutes};
    tight_ = {core::Muscle::kHipFlexors};
    const std::vector<Region> regions = {Region::kRightButtock, Region::kLeftThigh, Region::kNeck,
                                         Region::kLeftCalf};
    const std::vector<Mobility> mobility = {Mobility::kLie, Mobility::kStand, Mobility::kWalk,
                                            Mobility::kMove};
    for (int day = 0; day < 83; ++day) {
      const local_days on = from_ + days{day};
      const auto index = static_cast<std::size_t>(day);
      core::Entry pain = pain_entry(at_hour(on, 9), 8 - day / 14,
                                    {{Region::kLowerBack, std::nullopt},
                                     {regions.at(index % regions.size()),
                                      *core::PainScore::from_int(std::max(1, 6 - day / 14))}},
                                    mobility.at(static_cast<std::size_t>(std::min(3, day / 21))));
      if (day % 21 == 5)
        pain = noted(pain, kNotes.at(index / 21));
      entries_.push_back(pain);
      if (day % 2 == 1)
        entries_.push_back(walk_entry(at_hour(on, 11), 10 + day / 4));
      if (day % 7 == 3)
        entries_.push_back(session_entry(at_hour(on, 18), 5, 3));
      if (day % 10 == 0) {
        entries_.push_back(
            relief_entry(at_hour(on, 20), core::ReliefKind::kHeat, "hot water bottle"));
      }
    }
  }

  // The PDF of the report from from_ to to_, made at kNoon.
  std::filesystem::path render() {
    core::ReportInput input;
    input.from = from_;
    input.to = to_;
    input.entries = entries_;
    input.checks = checks_;
    input.weak = weak_;
    input.tight = tight_;
    input.name = name_;
    const auto pdf = report::render_pdf(core::build_report(input), now_at(kNoon));
    EXPECT_TRUE(pdf.has_value()) << pdf.error().message;
    auto path = dir_.path() / "report.pdf";
    std::ofstream(path, std::ios::binary) << pdf.value_or("");
    // LIMBER_REPORT_OUT=folder keeps each test's last PDF there, to look at the pages.
    if (const char* keep = std::getenv("LIMBER_REPORT_OUT")) {
      const std::string name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
      std::filesystem::copy_file(path, std::filesystem::path(keep) / (name + ".pdf"),
                                 std::filesystem::copy_options::overwrite_existing);
    }
    return path;
  }

  // The ink inside the chart on page 1: the 124 points above its legend ("each day's
  // mean"), between the side margins. -1 when there is no legend.
  int chart_ink(const std::filesystem::path& pdf) const {
    const auto pages = words_by_page(pdf);
    if (pages.empty())
      return -1;
    const auto legend = std::adjacent_find(
        pages[0].begin(), pages[0].end(), [](const Word& word, const Word& next) {
          return word.text == "each" && next.text.starts_with("day");
        });
    if (legend == pages[0].end())
      return -1;
    const double bottom = legend->y_min - 4;
    return testing::render(pdf, 1, dir_.path())
        .inked(kMargin, bottom - kChartHeight, kPageWidth - kMargin, bottom);
  }

  TempDir dir_;
  local_days from_;
  local_days to_;
  std::vector<core::Entry> entries_;
  std::vector<core::CheckRecord> checks_;
  std::vector<core::Muscle> weak_;
  std::vector<core::Muscle> tight_;
  std::string name_;
};

TEST_F(ReportPdfTest, ThreeWeeksFitOneA4PageWithTheTitleAndThePeriod) {
  from_ = date(2026, 11, 1);
  to_ = date(2026, 11, 21);
  entries_ = {
      pain_entry(at_hour(from_, 9), 8, unrated({Region::kLowerBack}), Mobility::kLie),
      pain_entry(at_hour(to_ - days{3}, 9), 3, unrated({Region::kLowerBack}), Mobility::kMove)};
  const auto pdf = render();
  EXPECT_TRUE(read_bytes(pdf).starts_with("%PDF-"));
  const std::string info = pdf_info(pdf);
  EXPECT_NE(info.find("Pages:           1\n"), std::string::npos) << info;
  EXPECT_NE(info.find("Page size:       595.276 x 841.89 pts (A4)"), std::string::npos) << info;
  EXPECT_NE(info.find("Title:           Back pain diary"), std::string::npos) << info;
  const std::string text = pdf_text(pdf);
  for (std::string_view want :
       {"1 Nov 2026 to 21 Nov 2026 (21 days, 3 weeks)", "2 pain ratings, from 3 to 8 out of 10",
        "page 1 of 1", "limber: a self-kept diary, not a medical record"}) {
    EXPECT_NE(text.find(want), std::string::npos) << "missing: " << want << "\n" << text;
  }
}

TEST_F(ReportPdfTest, TwelveWeeksMakeNumberedPagesWithTheDisclaimerAndEveryNote) {
  fill_twelve_weeks();
  const auto pdf = render();
  const std::string info = pdf_info(pdf);
  const auto pages = static_cast<int>(words_by_page(pdf).size());
  EXPECT_EQ(pages, 2) << info;
  EXPECT_NE(info.find(fmt::format("Pages:           {}\n", pages)), std::string::npos) << info;
  std::string all;
  for (int page = 1; page <= pages; ++page) {
    SCOPED_TRACE(fmt::format("page {}", page));
    const std::string text = pdf_text(pdf, page);
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
  // The notes, every character of each, whatever its script, in the text a reader copies.
  for (const std::string& note : kNotes)
    EXPECT_NE(all.find(note), std::string::npos) << "missing: " << note << "\n" << all;
}

// Issue 15: for a person who tags entries, the tags logged on a flare's day or the day
// before; a diary without tags has no such section.
TEST_F(ReportPdfTest, ListsTheTagsLoggedBeforeAFlare) {
  from_ = date(2026, 11, 15);
  to_ = date(2026, 11, 21);
  entries_ = {pain_entry(at_hour(from_, 9), 3),
              tagged(pain_entry(at_hour(from_ + days{1}, 9), 3), {"long-drive"}),
              tagged(pain_entry(at_hour(from_ + days{2}, 9), 7), {"lifting"}),
              pain_entry(at_hour(from_ + days{3}, 9), 4)};
  std::string text = pdf_text(render());
  EXPECT_NE(text.find("Tags logged before a flare"), std::string::npos) << text;
  EXPECT_NE(text.find("1 flare in this period; 1 with a tag logged that day or the day before"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("long-drive"), std::string::npos) << text;
  EXPECT_NE(text.find("before 1 of 1 flare"), std::string::npos) << text;

  for (core::Entry& entry : entries_)
    entry.tags.clear();
  text = pdf_text(render());
  EXPECT_EQ(text.find("Tags logged before a flare"), std::string::npos) << text;
}

TEST_F(ReportPdfTest, TheChartIsDrawnAndNothingIsCutAtTheEdgeOfThePaper) {
  fill_twelve_weeks();
  const auto pdf = render();
  const auto pages = words_by_page(pdf);
  ASSERT_FALSE(pages.empty());
  // Axes, grid, 83 daily dots and the 7-day line: well over a thousand pixels, and far
  // from a filled block.
  const int inked = chart_ink(pdf);
  EXPECT_GT(inked, 1500) << "the chart area is nearly blank (-1: no chart legend on page 1)";
  EXPECT_LT(inked, (kPageWidth - 2 * kMargin) * kChartHeight / 2) << "the chart is a block";

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
    const Greys greys = testing::render(pdf, static_cast<int>(page) + 1, dir_.path());
    EXPECT_EQ(greys.inked(0, 0, kPageWidth, 24), 0) << "top";
    EXPECT_EQ(greys.inked(0, kPageHeight - 24, kPageWidth, kPageHeight), 0) << "bottom";
    EXPECT_EQ(greys.inked(0, 0, 24, kPageHeight), 0) << "left";
    EXPECT_EQ(greys.inked(kPageWidth - 24, 0, kPageWidth, kPageHeight), 0) << "right";
  }
}

// A name in another script stands in the title as it was typed, in the text a reader
// copies or searches.
TEST_F(ReportPdfTest, ANameInAnotherScriptStandsInTheTitle) {
  from_ = date(2026, 11, 1);
  to_ = date(2026, 11, 21);
  name_ = "山田 花子";
  entries_ = {noted(pain_entry(at_hour(from_, 9), 6, unrated({Region::kLowerBack})),
                    "腰痛 after the flight from 日本")};
  const std::string text = pdf_text(render());
  EXPECT_NE(text.find("Back pain diary of 山田 花子"), std::string::npos) << text;
  EXPECT_NE(text.find("腰痛 after the flight from 日本"), std::string::npos) << text;
}

// One rating draws the chart's axes and a single dot: ink, but less than twelve weeks'.
TEST_F(ReportPdfTest, AChartWithOneRatingHasLessInkThanTwelveWeeks) {
  from_ = date(2026, 11, 1);
  to_ = date(2026, 11, 21);
  entries_ = {pain_entry(at_hour(from_, 9), 6, unrated({Region::kLowerBack}))};
  const int one = chart_ink(render());
  EXPECT_GT(one, 0) << "the axes are drawn (-1: no chart legend on page 1)";
  entries_.clear();
  fill_twelve_weeks();
  EXPECT_GT(chart_ink(render()), one) << "83 days of dots and a 7-day line add ink";
}

}  // namespace
}  // namespace limber::testing
