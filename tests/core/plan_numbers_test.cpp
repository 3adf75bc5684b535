// The plan's numbers live in src/core/plan_rules.h and are listed for clinicians in
// docs/clinical-basis.md, "The plan's numbers". These tests read both files, so the page
// cannot say one number while the code uses another.
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/plan_rules.h"

namespace limber::core {
namespace {

std::string read_file(const std::string& path) {
  std::ifstream file(path);
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

// The cells of each table row ("| a | b |") in the section headed `heading`, up to the next
// heading; the header and separator rows are left out.
std::vector<std::vector<std::string>> table_rows(const std::string& page,
                                                 const std::string& heading) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream lines(page);
  std::string line;
  bool inside = false;
  bool header_next = true;
  while (std::getline(lines, line)) {
    if (line.starts_with("#")) {
      inside = line == heading;
      continue;
    }
    if (!inside || !line.starts_with("|")) {
      header_next = true;
      continue;
    }
    if (header_next || line.starts_with("| ---")) {
      header_next = false;
      continue;
    }
    std::vector<std::string> cells;
    std::istringstream parts(line.substr(1));
    std::string cell;
    while (std::getline(parts, cell, '|')) {
      const auto first = cell.find_first_not_of(" `");
      const auto last = cell.find_last_not_of(" `");
      cells.push_back(first == std::string::npos ? "" : cell.substr(first, last - first + 1));
    }
    rows.push_back(std::move(cells));
  }
  return rows;
}

const std::string kHeading = "## The plan's numbers";

std::string page() {
  return read_file(LIMBER_SOURCE_DIR "/docs/clinical-basis.md");
}

TEST(PlanNumbersTest, ThePagesPhaseTableIsTheCodes) {
  std::vector<std::vector<std::string>> phases;
  for (auto& row : table_rows(page(), kHeading)) {
    if (row.size() == 7)
      phases.push_back(std::move(row));
  }
  ASSERT_EQ(phases.size(), kPhaseRules.size());
  for (std::size_t i = 0; i < kPhaseRules.size(); ++i) {
    const PhaseRules& rules = kPhaseRules.at(i);
    SCOPED_TRACE(to_string(rules.phase));
    EXPECT_EQ(static_cast<std::size_t>(rules.phase), i);
    const std::vector<std::string> expected = {
        std::string(to_string(rules.phase)),         std::to_string(rules.max_level),
        std::to_string(rules.sitting_limit_minutes), std::to_string(rules.walk_minutes),
        std::to_string(rules.walk_step_minutes),     std::to_string(rules.session_minutes),
        std::to_string(rules.session_step_minutes)};
    EXPECT_EQ(phases.at(i), expected);
  }
}

TEST(PlanNumbersTest, ThePagesNumbersAreTheCodes) {
  std::map<std::string, std::string> on_page;
  for (const auto& row : table_rows(page(), kHeading)) {
    if (row.size() == 3) {
      EXPECT_TRUE(on_page.emplace(row.at(0), row.at(1)).second) << "twice: " << row.at(0);
    }
  }
  std::map<std::string, std::string> in_code;
  for (const PlanNumber& number : kPlanNumbers)
    in_code.emplace(std::string(number.name), std::to_string(number.value));
  EXPECT_EQ(on_page, in_code);
}

// A number added to plan_rules.h but not to kPlanNumbers would escape the check above.
TEST(PlanNumbersTest, EveryNumberInTheHeaderIsListed) {
  const std::string header = read_file(LIMBER_SOURCE_DIR "/src/core/plan_rules.h");
  const std::regex constant(R"(inline constexpr int (k\w+) =)");
  std::set<std::string> declared;
  for (auto it = std::sregex_iterator(header.begin(), header.end(), constant);
       it != std::sregex_iterator(); ++it) {
    declared.insert((*it)[1]);
  }
  std::set<std::string> listed;
  for (const PlanNumber& number : kPlanNumbers)
    listed.emplace(number.name);
  EXPECT_GE(declared.size(), 20U);
  EXPECT_EQ(declared, listed);
}

TEST(PlanNumbersTest, TheTableParserFindsRowsAndSkipsHeaders) {
  const std::string text =
      "# Other\n| a | b | c |\n| --- | --- | --- |\n| `x` | 1 | no |\n"
      "## The plan's numbers\n\nText.\n\n| name | value | what |\n| --- | --- | --- |\n"
      "| `kOne` | 1 | one |\n| `kTwo` | 2 | two |\n\n## Next\n| `kThree` | 3 | three |\n";
  const auto rows = table_rows(text, kHeading);
  const std::vector<std::vector<std::string>> expected = {{"kOne", "1", "one"},
                                                          {"kTwo", "2", "two"}};
  EXPECT_EQ(rows, expected);
}

}  // namespace
}  // namespace limber::core
