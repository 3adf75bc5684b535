// Text in the diary (issue 11, defects 2 and 9): what comes in is UTF-8 or is refused with
// what to fix; what an older limber stored without checking still shows and exports.
#include <fstream>
#include <iterator>

#include <nlohmann/json.hpp>

#include "cli/cli_fixture.h"
#include "store/database.h"

namespace limber::testing {
namespace {

std::string read_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

class TextTest : public CliTest {
 protected:
  // What `history --json` prints, parsed as strictly as a script would (invalid UTF-8 throws).
  nlohmann::json history() {
    const CliResult listed = run({"history", "--days", "30", "--json"});
    EXPECT_EQ(listed.code, 0) << listed.err;
    return nlohmann::json::parse(listed.out);
  }

  // Writes text straight into the diary file, as a limber without the checks did.
  void store_raw(const std::string& sql) {
    auto db = store::Database::open(db_path(), {});
    ASSERT_TRUE(db.has_value()) << db.error().message;
    auto done = db->exec(sql);
    ASSERT_TRUE(done.has_value()) << done.error().message;
  }
};

TEST_F(TextTest, RefusesTypedTextThatIsNotUtf8AndSaysToSetTheTerminal) {
  ASSERT_EQ(run({"log", "4"}).code, 0);
  struct Case {
    std::vector<std::string> args;
    std::string says;
  };
  const Case cases[] = {
      {{"log", "5", "--note", "caf\xE9"},
       "--note is not UTF-8 text: byte 4 (0xE9, 'é' in Latin-1 or Windows-1252) cannot be read. "
       "Set your terminal to UTF-8"},
      {{"log", "relief", "cream", "cr\xE8me"}, "the name is not UTF-8 text: byte 3 (0xE8"},
      {{"edit", "1", "--note", "\x93quoted\x94"}, "--note is not UTF-8 text: byte 1 (0x93, '“'"},
      {{"edit", "1", "--name", "x\xFF"}, "--name is not UTF-8 text: byte 2 (0xFF"},
      {{"function", "add", "Schuhe anziehen \xFC"}, "the activity is not UTF-8 text"},
      {{"log", "5", "--note", "red \x1B[31m"}, "control character (code 27) at character 5"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.says);
    const CliResult result = run(c.args);
    EXPECT_EQ(result.code, 2);
    EXPECT_NE(result.err.find(c.says), std::string::npos) << result.err;
  }
  const nlohmann::json entries = history();
  ASSERT_EQ(entries.size(), 1U);
  EXPECT_EQ(entries[0]["note"], "");
}

TEST_F(TextTest, LogJsonReportsTheSavedEntryWhateverItsText) {
  const std::string note = "café, über, 腰痛 😀 \"quoted\" \\ back\ttab\nnew line";
  const CliResult logged = run({"log", "5", "--note", note, "--json"});
  ASSERT_EQ(logged.code, 0) << logged.err;
  EXPECT_EQ(nlohmann::json::parse(logged.out)["note"], note);
  const nlohmann::json entries = history();
  ASSERT_EQ(entries.size(), 1U);
  EXPECT_EQ(entries[0]["note"], note);
}

// Defect 9: the limit is 2000 characters, not 2000 bytes.
TEST_F(TextTest, ANoteOf2000CharactersFitsInAnyLanguage) {
  std::string note;
  for (int i = 0; i < 2000; ++i)
    note += "ü";
  const CliResult fits = run({"log", "5", "--note", note});
  EXPECT_EQ(fits.code, 0) << fits.err;
  const CliResult over = run({"log", "5", "--note", note + "!"});
  EXPECT_EQ(over.code, 2);
  EXPECT_NE(over.err.find("the note is 2001 characters long: keep it to 2000 or fewer"),
            std::string::npos)
      << over.err;
  EXPECT_EQ(history().size(), 1U);
}

TEST_F(TextTest, ADiaryHoldingTextThatIsNotUtf8StillShowsAndExportsEverything) {
  ASSERT_EQ(run({"check", "--answers", "none"}).code, 0);
  ASSERT_EQ(run({"log", "5", "lower-back", "--at", "2026-11-20T09:00", "--note", "x"}).code, 0);
  ASSERT_EQ(run({"log", "relief", "cream", "y", "--at", "2026-11-20T10:00"}).code, 0);
  store_raw("UPDATE entries SET note = CAST(X'636166E920F09F' AS TEXT) WHERE id = 1");
  store_raw("UPDATE entries SET name = CAST(X'6372E86D65' AS TEXT) WHERE id = 2");

  const nlohmann::json entries = history();
  ASSERT_EQ(entries.size(), 2U);
  EXPECT_EQ(entries[1]["note"], "caf\uFFFD \uFFFD");
  EXPECT_EQ(entries[0]["name"], "cr\uFFFDme");
  const CliResult text = run({"history"});
  ASSERT_EQ(text.code, 0) << text.err;
  EXPECT_NE(text.out.find("\"caf\uFFFD \uFFFD\""), std::string::npos) << text.out;

  // A new entry still saves, and says so.
  const CliResult logged = run({"log", "3", "--json"});
  ASSERT_EQ(logged.code, 0) << logged.err;
  EXPECT_EQ(nlohmann::json::parse(logged.out)["pain"], 3);

  const CliResult fhir = run({"export", "--format", "fhir"});
  ASSERT_EQ(fhir.code, 0) << fhir.err;
  EXPECT_NE(nlohmann::json::parse(fhir.out).dump().find("caf\uFFFD"), std::string::npos);

  const CliResult report =
      run({"report", "--from", "2026-11-01", "-o", (dir_.path() / "r.pdf").string()});
  ASSERT_EQ(report.code, 0) << report.err;
  EXPECT_TRUE(read_bytes(dir_.path() / "r.pdf").starts_with("%PDF-"));

  // The CSV export shows the same, and imports again into another diary.
  const auto file = dir_.path() / "diary.csv";
  ASSERT_EQ(run({"export", "-o", file.string()}).code, 0);
  EXPECT_NE(read_bytes(file).find("caf\uFFFD \uFFFD"), std::string::npos);
  home_ = dir_.path() / "copy";
  const CliResult imported = run({"import", file.string()});
  ASSERT_EQ(imported.code, 0) << imported.err;
  EXPECT_NE(imported.out.find("Imported 3 entries"), std::string::npos) << imported.out;
}

TEST_F(TextTest, ImportRefusesAFileSavedAsWindows1252NamingTheLineAndTheFix) {
  ASSERT_EQ(run({"log", "4"}).code, 0);
  const auto file = dir_.path() / "excel.csv";
  {
    std::ofstream(file, std::ios::binary)
        << "id,kind,date,time,utc_offset,pain,regions,mobility,relief,name,minutes,note\r\n"
        << ",pain,2026-11-01,10:00:00,+00:00,5,,,,,,\r\n"
        << ",pain,2026-11-02,10:00:00,+00:00,5,,,,,,R\xFC"
           "cken\r\n";
  }
  const CliResult imported = run({"import", file.string()});
  EXPECT_EQ(imported.code, 1);
  EXPECT_NE(imported.err.find("line 3, character 42 is not UTF-8 text (byte 0xFC, 'ü' in Latin-1 "
                              "or Windows-1252); the file looks like it was saved as "
                              "Windows-1252 or Latin-1: save it as UTF-8"),
            std::string::npos)
      << imported.err;
  EXPECT_NE(imported.err.find("nothing was imported"), std::string::npos) << imported.err;
  EXPECT_EQ(history().size(), 1U);
}

// Defect 9: a session naming an exercise limber does not know, and a trailing '|'.
TEST_F(TextTest, ImportRefusesUnknownExercisesAndEmptyRegionsWithTheLine) {
  const std::string header =
      "id,kind,date,time,utc_offset,pain,regions,mobility,relief,name,minutes,note,exercises,"
      "pain_before\n";
  struct Case {
    std::string row;
    std::string says;
  };
  const Case cases[] = {
      {",session,2026-11-02,10:00:00,+00:00,3,,,,,10,,yoga-cat-cow|basics-lie-flatt,4\n",
       "line 2, column exercises: there is no exercise 'basics-lie-flatt'. Did you mean "
       "'basics-lie-flat'?"},
      {",session,2026-11-02,10:00:00,+00:00,3,,,,,10,,no-such-thing,4\n",
       "there is no exercise 'no-such-thing'"},
      {",pain,2026-11-02,10:00:00,+00:00,5,lower-back|,,,,,,,\n",
       "line 2, column regions: an empty item"},
  };
  const auto file = dir_.path() / "rows.csv";
  for (const Case& c : cases) {
    SCOPED_TRACE(c.row);
    { std::ofstream(file) << header << c.row; }
    const CliResult imported = run({"import", file.string()});
    EXPECT_EQ(imported.code, 1);
    EXPECT_NE(imported.err.find(c.says), std::string::npos) << imported.err;
  }
  EXPECT_EQ(history().size(), 0U);
}

}  // namespace
}  // namespace limber::testing
