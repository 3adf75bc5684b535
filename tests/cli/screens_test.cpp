// Issue #12, items 12 to 14, as a person meets them in the terminal: one vocabulary for the
// phases, the report with its name, setbacks and functional scale, charts on one scale,
// and clear words for a time in the future. In process against a real diary file; the PDF
// read back with poppler's pdftotext.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/cli_fixture.h"
#include "support/poppler.h"

namespace limber::testing {
namespace {

// The bars of one region's row in `limber progress`: what is between its brackets.
std::string row_bars(const std::string& out, std::string_view region) {
  const auto at = out.find(std::string("  ") + std::string(region));
  if (at == std::string::npos)
    return "";
  const auto open = out.find('[', at);
  const auto close = out.find(']', open);
  return out.substr(open + 1, close - open - 1);
}

class ScreensTest : public CliTest {};

// Issue #12, item 14: 3 neck entries drew as tall a bar as 8 lower-back ones.
TEST_F(ScreensTest, ProgressDrawsEveryRegionOnOneScale) {
  for (int i = 0; i < 8; ++i) {
    const std::vector<std::string> regions = i < 3 ? std::vector<std::string>{"lower-back", "neck"}
                                                   : std::vector<std::string>{"lower-back"};
    std::vector<std::string> args = {"log", "5"};
    args.insert(args.end(), regions.begin(), regions.end());
    args.insert(args.end(), {"--at", fmt::format("{} hours ago", 1 + i)});
    ASSERT_EQ(run(args).code, 0);
  }
  const CliResult result = run({"progress", "--days", "7"});
  ASSERT_EQ(result.code, 0) << result.err;
  const std::string back = row_bars(result.out, "Lower back");
  const std::string neck = row_bars(result.out, "Neck");
  ASSERT_FALSE(back.empty()) << result.out;
  ASSERT_FALSE(neck.empty()) << result.out;
  EXPECT_NE(back.find("█"), std::string::npos) << result.out;
  EXPECT_EQ(neck.find("█"), std::string::npos) << "3 of 8 is no full bar\n" << result.out;
  EXPECT_NE(result.out.find("a full bar is 8"), std::string::npos) << result.out;
}

// Issue #12, item 13: "rest (level 1)" in the terminal, "Rest and realign" on the page.
TEST_F(ScreensTest, TodayNamesThePhaseAsThePageDoesAndSaysWhatALevelIs) {
  ASSERT_EQ(run({"check", "--answers", "none"}).code, 0);
  ASSERT_EQ(run({"log", "8", "lower-back", "--mobility", "lie"}).code, 0);
  const CliResult today = run({"today"});
  ASSERT_EQ(today.code, 0) << today.err;
  EXPECT_NE(today.out.find("Phase: Rest and realign (1 of 4) · level 1"), std::string::npos)
      << today.out;
  EXPECT_NE(today.out.find("Level 1 of 5: how demanding the exercises are."), std::string::npos)
      << today.out;
  EXPECT_EQ(today.out.find("rest (level"), std::string::npos) << today.out;
  const auto plan = nlohmann::json::parse(run({"today", "--json"}).out);
  EXPECT_EQ(plan["phase"], "rest");
  EXPECT_EQ(plan["phase_name"], "Rest and realign");
  EXPECT_EQ(plan["phase_title"], "Rest and realign (1 of 4)");
}

// Issue #12, item 13: the catalog said `rest` where `limber log --mobility` takes `lie`.
TEST_F(ScreensTest, TheCatalogUsesTheWordsLogTakes) {
  const CliResult lie = run({"exercises", "--phase", "lie"});
  ASSERT_EQ(lie.code, 0) << lie.err;
  const CliResult rest = run({"exercises", "--phase", "rest"});
  EXPECT_EQ(rest.out, lie.out) << "both words name the first phase";
  EXPECT_NE(lie.out.find("lie (Rest and realign)"), std::string::npos) << lie.out;
  for (const char* phase_word : {" rest,", ",rest ", ",rest,", " rest "})
    EXPECT_EQ(lie.out.find(phase_word), std::string::npos) << phase_word << lie.out;
  ASSERT_EQ(run({"log", "7", "--mobility", "rest"}).code, 0) << "rest is taken for lie";
  const CliResult shown = run({"exercises", "show", "basics-lie-flat"});
  EXPECT_NE(shown.out.find("Phases: Rest and realign (lie)"), std::string::npos) << shown.out;
}

// Issue #12, item 14: a generic format error for a time in the future.
TEST_F(ScreensTest, ATimeInTheFutureIsNamedAsSuch) {
  for (std::string_view at : {"tomorrow 09:00", "Tomorrow at 9:00", "in 2 hours", "23:30"}) {
    SCOPED_TRACE(at);
    const CliResult result = run({"log", "5", "--at", std::string(at)});
    EXPECT_EQ(result.code, 2);
    EXPECT_NE(result.err.find("times in the future cannot be logged"), std::string::npos)
        << result.err;
  }
}

class ReportScreensTest : public CliTest {
 protected:
  // Eleven days of a back spasm with a flare on day 5 and two activities rated.
  void fill_diary() {
    const std::vector<std::vector<std::string>> commands = {
        {"check", "--answers", "none"},
        {"log", "8", "lower-back", "--mobility", "lie", "--at", "2026-11-11T09:00"},
        {"log", "6", "lower-back", "--mobility", "stand", "--at", "2026-11-13T09:00"},
        {"log", "5", "lower-back", "--mobility", "walk", "--at", "2026-11-14T09:00"},
        {"log", "7", "lower-back", "--mobility", "stand", "--at", "2026-11-15T15:00"},
        {"log", "4", "lower-back", "neck", "--mobility", "walk", "--at", "2026-11-17T09:00"},
        {"log", "2", "lower-back", "--mobility", "move", "--at", "2026-11-21T06:00"},  // NY: 07:00
        {"function", "add", "put on socks"},
        {"function", "add", "carry the shopping"},
    };
    for (const auto& command : commands) {
      const CliResult result = run(command);
      ASSERT_EQ(result.code, 0) << command.front() << ": " << result.err;
    }
    now_ -= std::chrono::days{9};
    ASSERT_EQ(run({"function", "rate", "put on socks", "2"}).code, 0);
    now_ += std::chrono::days{4};
    ASSERT_EQ(run({"function", "rate", "put on socks", "4"}).code, 0);
    now_ += std::chrono::days{5};
    ASSERT_EQ(run({"function", "rate", "put on socks", "7"}).code, 0);
  }
  std::filesystem::path out(std::string_view name) const { return dir_.path() / name; }
};

// Issue #12, item 12: the report shows setbacks, a short first week, a name and the
// functional scale.
TEST_F(ReportScreensTest, TheReportCarriesTheNameSetbacksAndTheFunctionalScale) {
  fill_diary();
  const CliResult result = run({"report", "--name", "Ada Lovelace", "-o", out("r.pdf").string()});
  ASSERT_EQ(result.code, 0) << result.err;
  const std::string text = pdf_text(out("r.pdf"));
  for (std::string_view want : {
           "Back pain diary of Ada Lovelace",
           "11 Nov 2026 to 21 Nov 2026 (11 days, 2 weeks)",
           "setback: slid back to could stand up straight",
           "phase 2 of 4, Stand tall",
           "11 Nov (4 days)",
           "Activities the person finds hard",
           "put on socks",
           "2/10 on 12 Nov 2026, 7/10 on 21 Nov 2026",
           "(+5 points, better)",
           "carry the shopping",
           "not rated in this period",
       }) {
    EXPECT_NE(text.find(want), std::string::npos) << "missing: " << want << "\n" << text;
  }
}

TEST_F(ReportScreensTest, ANameOnTwoLinesIsRefused) {
  fill_diary();
  const CliResult result = run({"report", "--name", "Ada\nLovelace", "-o", out("r.pdf").string()});
  EXPECT_EQ(result.code, 2);
  EXPECT_NE(result.err.find("one line"), std::string::npos) << result.err;
  EXPECT_FALSE(std::filesystem::exists(out("r.pdf")));
}

}  // namespace
}  // namespace limber::testing
