// limber report and the exports that travel, in process against a real diary file; the PDF
// is read back with poppler's pdftotext, as a person's PDF reader would show it.
#include <fstream>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include "cli/cli_fixture.h"
#include "support/poppler.h"

namespace limber::testing {
namespace {

class ReportCommandTest : public CliTest {
 protected:
  // Three weeks since the back locked, as a person would log them.
  void fill_diary() {
    const std::vector<std::vector<std::string>> commands = {
        {"check", "--answers", "none"},
        {"muscles", "--weak", "deep-abs,glutes", "--tight", "hip-flexors"},
        {"log", "8", "lower-back", "right-buttock:6", "--mobility", "lie", "--at",
         "2026-11-01T09:00", "--note", "could not get out of bed"},
        {"log", "relief", "heat", "hot water bottle", "--at", "2026-11-01T10:00"},
        {"log", "relief", "medication", "ibuprofen", "--at", "2026-11-02T08:00"},
        {"log", "7", "lower-back", "--mobility", "stand", "--at", "2026-11-04T09:00"},
        {"log", "walk", "12", "--at", "2026-11-08T11:00"},
        {"log", "5", "lower-back", "neck:3", "--mobility", "walk", "--at", "2026-11-09T09:00"},
        {"log", "session", "--exercises", "yoga-cat-cow", "--pain-before", "4", "--pain-after", "3",
         "--at", "2026-11-12T18:00"},
        {"log", "3", "lower-back", "--mobility", "move", "--at", "2026-11-18T09:00", "--note",
         "gardening for an hour"},
        {"log", "walk", "25", "--at", "2026-11-19T11:00"},
    };
    for (const auto& command : commands) {
      const CliResult result = run(command);
      ASSERT_EQ(result.code, 0) << command.front() << ": " << result.err;
    }
  }

  std::filesystem::path out(std::string_view name) const { return dir_.path() / name; }
};

TEST_F(ReportCommandTest, WritesAPdfHoldingTheDiarysFigures) {
  fill_diary();
  const CliResult result = run({"report", "--from", "2026-11-01", "-o", out("r.pdf").string()});
  ASSERT_EQ(result.code, 0) << result.err;
  EXPECT_NE(result.err.find("Wrote the report for 1 Nov 2026 to 21 Nov 2026"), std::string::npos)
      << result.err;
  EXPECT_TRUE(read_bytes(out("r.pdf")).starts_with("%PDF-"));
  const std::string info = pdf_info(out("r.pdf"));
  EXPECT_NE(info.find("Page size:       595.276 x 841.89 pts (A4)"), std::string::npos) << info;
  EXPECT_NE(info.find("Pages:           1\n"), std::string::npos) << info;
  EXPECT_NE(info.find("Title:           Back pain diary"), std::string::npos) << info;
  const std::string text = pdf_text(out("r.pdf"));
  for (std::string_view want : {
           "1 Nov 2026 to 21 Nov 2026 (21 days, 3 weeks)",
           "not a medical record",
           "page 1 of 1",
           "4 pain ratings, from 3 to 8 out of 10",
           "Lower back",
           "Right buttock",
           "Neck",
           "first noted: could stand up straight",
           "first noted: daily life mostly back",
           "18 Nov 2026",
           "12 questions answered. Result: no warning signs.",
           "pain 4 → 3",
           "Cat and cow",
           "Weak, to strengthen: deep abs, glutes.",
           "Tight, to relax: hip flexors.",
           "Heat: hot water bottle",
           "Medication: ibuprofen",
           "could not get out of bed",
           "gardening for an hour",
       }) {
    EXPECT_NE(text.find(want), std::string::npos) << "missing: " << want << "\n" << text;
  }
}

TEST_F(ReportCommandTest, TheDefaultPeriodEndsTodayAndStartsAtMostTwelveWeeksBack) {
  fill_diary();
  ASSERT_EQ(run({"report", "-o", out("r.pdf").string()}).code, 0);
  // A diary three weeks old: from its first entry.
  EXPECT_NE(pdf_text(out("r.pdf")).find("1 Nov 2026 to 21 Nov 2026 (21 days, 3 weeks)"),
            std::string::npos);
  ASSERT_EQ(run({"log", "2", "--at", "2026-06-01T09:00"}).code, 0);
  ASSERT_EQ(run({"report", "-o", out("r.pdf").string()}).code, 0);
  EXPECT_NE(pdf_text(out("r.pdf")).find("30 Aug 2026 to 21 Nov 2026 (84 days, 12 weeks)"),
            std::string::npos);
  // A new episode starts the report with it.
  now_ += std::chrono::days{2};
  ASSERT_EQ(run({"episode", "new"}).code, 0);
  ASSERT_EQ(run({"log", "7", "--at", "2026-11-23T06:00"}).code, 0);  // before 07:00 in New York
  ASSERT_EQ(run({"report", "-o", out("r.pdf").string()}).code, 0);
  EXPECT_NE(pdf_text(out("r.pdf")).find("23 Nov 2026 to 23 Nov 2026 (1 day, 1 week)"),
            std::string::npos);
}

TEST_F(ReportCommandTest, BadInputGetsAClearErrorAndWritesNothing) {
  const std::string target = out("r.pdf").string();
  { std::ofstream(target) << "the old file"; }
  const auto expect_refused = [&](const std::vector<std::string>& args, int code,
                                  std::string_view message) {
    SCOPED_TRACE(fmt::format("{}", fmt::join(args, " ")));
    const CliResult result = run(args);
    EXPECT_EQ(result.code, code);
    EXPECT_NE(result.err.find(message), std::string::npos) << result.err;
    EXPECT_EQ(read_bytes(target), "the old file");
  };
  expect_refused({"report", "-o", target}, 2, "the diary is empty");
  fill_diary();
  expect_refused({"report", "--from", "2026-10-01", "--to", "2026-10-20", "-o", target}, 2,
                 "the diary holds nothing from 1 Oct 2026 to 20 Oct 2026; its entries run from "
                 "1 Nov 2026 to 19 Nov 2026");
  expect_refused({"report", "--from", "2026-11-10", "--to", "2026-11-02", "-o", target}, 2,
                 "start on 10 Nov 2026, after it ends on 2 Nov 2026");
  expect_refused({"report", "--from", "last week", "-o", target}, 2,
                 "--from 'last week' is not a day");
  expect_refused({"report"}, 2, "--output is required");
  expect_refused({"report", "-o", (dir_.path() / "no-such-folder" / "r.pdf").string()}, 1,
                 "cannot write");
  expect_refused({"export", "--format", "fihr", "-o", target}, 2,
                 "unknown format 'fihr'. Did you mean 'fhir'?");
  expect_refused({"export", "--format", "csv", "--patient-name", "Ada", "-o", target}, 2,
                 "--patient-name is for --format fhir only");
  expect_refused({"export", "--format", "fhir", "--walk-at", "10:00", "-o", target}, 2,
                 "--walk-at is for --format ics only");
  // No temporary file (".r.pdf.XXXXXX") is left behind beside the target.
  for (const auto& entry : std::filesystem::directory_iterator(dir_.path()))
    EXPECT_FALSE(entry.path().filename().string().starts_with(".r.pdf")) << entry.path();
}

TEST_F(ReportCommandTest, ExportsFhirThatSaysWhatItHolds) {
  ASSERT_EQ(run({"export", "--format", "fhir"}).code, 2);  // nothing to export yet
  fill_diary();
  const CliResult result = run({"export", "--format", "fhir", "-o", out("d.json").string()});
  ASSERT_EQ(result.code, 0) << result.err;
  EXPECT_NE(result.err.find("FHIR R4 Bundle: 4 pain ratings as Observations"), std::string::npos)
      << result.err;
  EXPECT_NE(result.err.find("1 check as a QuestionnaireResponse, an anonymous Patient"),
            std::string::npos)
      << result.err;
  const auto bundle = nlohmann::json::parse(read_bytes(out("d.json")));
  EXPECT_EQ(bundle["resourceType"], "Bundle");
  // 1 Patient, 4 ratings, 2 member Observations for each of the two two-region ratings,
  // 1 check.
  EXPECT_EQ(bundle["entry"].size(), 10U);
}

TEST_F(ReportCommandTest, ExportsTheWeeksPlanAsACalendarAfterTheCheck) {
  const CliResult unchecked = run({"export", "--format", "ics"});
  EXPECT_EQ(unchecked.code, 2);
  EXPECT_NE(unchecked.err.find("limber check"), std::string::npos) << unchecked.err;
  fill_diary();
  const CliResult result = run({"export", "--format", "ics", "--walk-at", "09:30"});
  ASSERT_EQ(result.code, 0) << result.err;
  EXPECT_TRUE(result.out.starts_with("BEGIN:VCALENDAR\r\n"));
  EXPECT_NE(result.out.find("DTSTART:20261121T093000"), std::string::npos);
  EXPECT_NE(result.out.find("DTSTART:20261127T093000"), std::string::npos);  // six days on
  EXPECT_EQ(result.out.find("DTSTART:20261128"), std::string::npos);
  EXPECT_NE(result.out.find("BEGIN:VALARM"), std::string::npos);
  EXPECT_EQ(run({"export", "--format", "ics", "--session-at", "25:00"}).code, 2);
}

TEST_F(ReportCommandTest, AnUrgentResultLeavesNoPlanToPutInACalendar) {
  fill_diary();
  ASSERT_EQ(run({"check", "--answers", "fever"}).code, 0);
  const CliResult result = run({"export", "--format", "ics", "-o", out("p.ics").string()});
  EXPECT_EQ(result.code, 3) << "paused for safety";
  EXPECT_NE(result.err.find("pauses the plan"), std::string::npos) << result.err;
  EXPECT_FALSE(std::filesystem::exists(out("p.ics")));
}

TEST_F(ReportCommandTest, TheCsvExportStillRoundTrips) {
  fill_diary();
  const CliResult exported = run({"export", "-o", out("d.csv").string()});
  ASSERT_EQ(exported.code, 0) << exported.err;
  EXPECT_NE(exported.err.find("limber import reads it back"), std::string::npos);
  home_ = dir_.path() / "other";
  std::filesystem::create_directories(home_);
  ASSERT_EQ(run({"import", out("d.csv").string()}).code, 0);
  EXPECT_EQ(read_bytes(out("d.csv")), run({"export"}).out);
}

// Issue 11, defect 3: a long note is shortened with "…", and the wrapping then cut inside
// that character, which failed the whole report ("input string not valid UTF-8").
TEST_F(ReportCommandTest, ALongNoteEndingInAWebAddressStillMakesTheReport) {
  const std::string note =
      "Schmerz über dem Kreuzbein, café 腰痛 😀 beim Bücken; read "
      "https://example.org/r%C3%BCcken/exercises/lower-back/very-long-path/"
      "with-many-segments/and-more-segments/so-that-the-word-is-wider-than-a-line/index.html";
  ASSERT_GT(note.size(), 160U);
  ASSERT_EQ(run({"check", "--answers", "none"}).code, 0);
  const CliResult logged = run({"log", "5", "--at", "2026-11-20T09:00", "--note", note});
  ASSERT_EQ(logged.code, 0) << logged.err;
  const CliResult result = run({"report", "--from", "2026-11-01", "-o", out("r.pdf").string()});
  ASSERT_EQ(result.code, 0) << result.err;
  EXPECT_TRUE(read_bytes(out("r.pdf")).starts_with("%PDF-"));
  const std::string text = pdf_text(out("r.pdf"));
  for (std::string_view want :
       {"Schmerz über dem Kreuzbein, café", "beim Bücken", "https://example.org/r%C3%BCcken"}) {
    EXPECT_NE(text.find(want), std::string::npos) << "missing: " << want << "\n" << text;
  }
  EXPECT_NE(text.find("…"), std::string::npos) << text;
}

}  // namespace
}  // namespace limber::testing
