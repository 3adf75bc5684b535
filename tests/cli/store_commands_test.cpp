// Issue #11: a private diary (defect 5), damaged rows (defect 7), read-only diaries
// (defect 8), and limber backup, restore and doctor, through the command line.
#include <fstream>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <sys/stat.h>

#include "cli/cli_fixture.h"
#include "store/backup.h"
#include "support/damage.h"
#include "support/file_mode.h"
#include "support/read_only_mount.h"

namespace limber::testing {
namespace {

std::size_t count_lines(const std::string& text, const std::string& needle) {
  std::size_t count = 0;
  for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1))
    ++count;
  return count;
}

std::set<std::string> names_in(const std::filesystem::path& folder) {
  std::set<std::string> names;
  for (const auto& item : std::filesystem::recursive_directory_iterator(folder))
    names.insert(std::filesystem::relative(item.path(), folder).string());
  return names;
}

class StoreCommandsTest : public CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    old_mask_ = ::umask(022);  // the usual one, whatever the runner's
  }
  void TearDown() override { ::umask(old_mask_); }

  mode_t old_mask_ = 0;
};

TEST_F(StoreCommandsTest, TheDiaryItsCompanionsAndItsBackupsAreForTheOwnerOnly) {
  home_ = dir_.path() / "data";
  ASSERT_EQ(run({"log", "5", "lower-back"}).code, 0);
  EXPECT_EQ(mode_of(home_), 0700U);
  EXPECT_EQ(mode_of(db_path()), 0600U);
  EXPECT_EQ(mode_of(home_ / "backups"), 0700U);
  EXPECT_EQ(mode_of(home_ / "backups" / "limber-2026-11-21.db"), 0600U);
  const auto exported = dir_.path() / "diary.csv";
  ASSERT_EQ(run({"export", "-o", exported.string()}).code, 0);
  EXPECT_EQ(mode_of(exported), 0600U);
  const auto copy = dir_.path() / "copy.db";
  ASSERT_EQ(run({"backup", "-o", copy.string()}).code, 0);
  EXPECT_EQ(mode_of(copy), 0600U);
}

TEST_F(StoreCommandsTest, ADiaryOthersCouldReadIsMadePrivateAndThatIsSaidOnce) {
  ASSERT_EQ(run({"log", "5"}).code, 0);
  std::filesystem::permissions(home_, std::filesystem::perms(0755));
  std::filesystem::permissions(db_path(), std::filesystem::perms(0644));
  auto first = run({"history"});
  ASSERT_EQ(first.code, 0) << first.err;
  EXPECT_EQ(count_lines(first.err, "\n"), 1U) << first.err;
  EXPECT_NE(first.err.find("now readable by you only"), std::string::npos) << first.err;
  EXPECT_NE(first.err.find(db_path().string()), std::string::npos) << first.err;
  EXPECT_EQ(mode_of(db_path()), 0600U);
  EXPECT_EQ(mode_of(home_), 0700U);
  auto second = run({"history"});
  EXPECT_EQ(second.err, "");
}

TEST_F(StoreCommandsTest, ADamagedEntryIsLeftOutAndTheRestIsReadAndExported) {
  for (const char* pain : {"3", "4", "5", "6"})
    ASSERT_EQ(run({"log", pain, "lower-back"}).code, 0);
  damage(db_path(),
         "UPDATE entries SET pain = -3 WHERE id = 2;"
         "UPDATE entry_regions SET region = 'lower-bacj' WHERE entry_id = 3;");
  auto history = run({"history", "--json"});
  ASSERT_EQ(history.code, 0) << history.err;
  EXPECT_EQ(nlohmann::json::parse(history.out).size(), 2U);
  EXPECT_NE(history.err.find("2 entries could not be read"), std::string::npos) << history.err;
  EXPECT_NE(history.err.find("limber doctor"), std::string::npos) << history.err;

  auto exported = run({"export"});
  ASSERT_EQ(exported.code, 0) << exported.err;
  EXPECT_EQ(count_lines(exported.out, "\n"), 3U) << exported.out;  // header and two rows

  auto fhir = run({"export", "--format", "fhir"});
  EXPECT_EQ(fhir.code, 0) << fhir.err;
  auto status = run({"status"});
  EXPECT_EQ(status.code, 0) << status.err;
}

TEST_F(StoreCommandsTest, DoctorNamesTheDamageAndWhatToDo) {
  ASSERT_EQ(run({"log", "3"}).code, 0);
  ASSERT_EQ(run({"log", "4"}).code, 0);
  auto healthy = run({"doctor"});
  EXPECT_EQ(healthy.code, 0) << healthy.err;
  EXPECT_NE(healthy.out.find("All 2 entries can be read"), std::string::npos) << healthy.out;

  damage(db_path(), "UPDATE entries SET pain = -3 WHERE id = 2;");
  auto sick = run({"doctor"});
  EXPECT_EQ(sick.code, 1);
  EXPECT_NE(sick.out.find("#2"), std::string::npos) << sick.out;
  EXPECT_NE(sick.out.find("pain=-3"), std::string::npos) << sick.out;
  EXPECT_NE(sick.out.find("limber export -o limber.csv (1 entry)"), std::string::npos) << sick.out;
  EXPECT_NE(sick.out.find("limber restore " + (home_ / "backups").string()), std::string::npos)
      << sick.out;
  EXPECT_EQ(sick.err.find("could not be read"), std::string::npos) << sick.err;  // said above
}

TEST_F(StoreCommandsTest, BackupAndRestoreBringBackTheDiaryAndKeepTheOneReplaced) {
  ASSERT_EQ(run({"log", "3"}).code, 0);
  ASSERT_EQ(run({"log", "4"}).code, 0);
  const auto copy = dir_.path() / "copy.db";
  auto backup = run({"backup", "-o", copy.string()});
  ASSERT_EQ(backup.code, 0) << backup.err;
  EXPECT_NE(backup.out.find("Backed up 2 entries"), std::string::npos) << backup.out;
  ASSERT_EQ(run({"log", "9"}).code, 0);

  auto restored = run({"restore", copy.string()});
  ASSERT_EQ(restored.code, 0) << restored.err;
  EXPECT_NE(restored.out.find("Restored 2 entries"), std::string::npos) << restored.out;
  EXPECT_EQ(nlohmann::json::parse(run({"history", "--json"}).out).size(), 2U);
  const auto kept = home_ / "limber.db.before-restore-2026-11-21";
  auto facts = store::check_diary_file(kept);
  ASSERT_TRUE(facts.has_value()) << facts.error().message;
  EXPECT_EQ(facts->entries, 3);
  EXPECT_EQ(mode_of(kept), 0600U);
}

// Issue 15: a backup copy holds the entries' tags, and a restore brings them back.
TEST_F(StoreCommandsTest, BackupAndRestoreKeepTheTags) {
  ASSERT_EQ(run({"log", "6", "lower-back", "--tag", "lifting", "--tag", "long-drive"}).code, 0);
  const auto copy = dir_.path() / "copy.db";
  ASSERT_EQ(run({"backup", "-o", copy.string()}).code, 0);
  ASSERT_EQ(run({"edit", "1", "--tags", "none"}).code, 0);
  ASSERT_EQ(run({"restore", copy.string()}).code, 0);
  const auto entries = nlohmann::json::parse(run({"history", "--json"}).out);
  ASSERT_EQ(entries.size(), 1U);
  EXPECT_EQ(entries[0]["tags"], nlohmann::json({"lifting", "long-drive"}));
}

TEST_F(StoreCommandsTest, RestoreRefusesAFileThatIsNotADiaryAndChangesNothing) {
  ASSERT_EQ(run({"log", "3"}).code, 0);
  const auto notes = dir_.path() / "notes.db";
  std::ofstream(notes) << "shopping: milk, bread" << std::string(4096, ' ');
  const auto before = names_in(home_);
  auto restored = run({"restore", notes.string()});
  EXPECT_EQ(restored.code, 1);
  EXPECT_NE(restored.err.find("nothing was changed"), std::string::npos) << restored.err;
  EXPECT_EQ(names_in(home_), before);
  EXPECT_EQ(nlohmann::json::parse(run({"history", "--json"}).out).size(), 1U);
}

TEST_F(StoreCommandsTest, KeepsOneCopyADayAndTheLastSeven) {
  std::filesystem::create_directories(home_ / "backups");
  for (int day = 1; day <= 9; ++day) {
    std::ofstream(home_ / "backups" / fmt::format("limber-2026-11-{:02}.db", day)) << "old";
  }
  std::ofstream(home_ / "backups" / "limber-before-schema-4.db") << "kept";
  ASSERT_EQ(run({"log", "3"}).code, 0);
  ASSERT_EQ(run({"log", "4"}).code, 0);
  const std::set<std::string> expected = {
      "backups",
      "backups/limber-2026-11-04.db",
      "backups/limber-2026-11-05.db",
      "backups/limber-2026-11-06.db",
      "backups/limber-2026-11-07.db",
      "backups/limber-2026-11-08.db",
      "backups/limber-2026-11-09.db",
      "backups/limber-2026-11-21.db",
      "backups/limber-before-schema-4.db",
      "limber.db",
  };
  EXPECT_EQ(names_in(home_), expected);
  // Today's copy was made before the first write of the day.
  auto facts = store::check_diary_file(home_ / "backups" / "limber-2026-11-21.db");
  ASSERT_TRUE(facts.has_value()) << facts.error().message;
  EXPECT_EQ(facts->entries, 0);
}

TEST_F(StoreCommandsTest, ADiaryOnReadOnlyMediaCanBeReadByEveryCommandThatReads) {
  ReadOnlyMount media;
  ASSERT_TRUE(media.available()) << media.why();
  home_ = media.path() / "limber";
  ASSERT_EQ(run({"log", "5", "lower-back"}).code, 0);
  ASSERT_EQ(run({"check", "--answers", "none"}).code, 0);
  ASSERT_EQ(run({"log", "walk", "20"}).code, 0);
  ASSERT_TRUE(media.make_read_only());
  const auto before = names_in(home_);
  const auto pdf = dir_.path() / "report.pdf";
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"history"},
        {"status"},
        {"today"},
        {"progress"},
        {"export"},
        {"export", "--format", "fhir"},
        {"report", "-o", pdf.string()},
        {"doctor"},
        {"backup", "-o", (dir_.path() / "copy.db").string()}}) {
    SCOPED_TRACE(args.front());
    auto result = run(args);
    EXPECT_EQ(result.code, 0) << result.err;
  }
  EXPECT_EQ(names_in(home_), before);
  auto write = run({"log", "4"});
  EXPECT_EQ(write.code, 1);
  EXPECT_NE(write.err.find(db_path().string()), std::string::npos) << write.err;
}

}  // namespace
}  // namespace limber::testing
