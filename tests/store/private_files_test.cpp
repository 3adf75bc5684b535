// Issue #11, defect 5: the diary is for its owner only, whatever the umask.
#include "store/private_files.h"

#include <fstream>

#include <gtest/gtest.h>
#include <sys/stat.h>

#include "store/database.h"
#include "support/file_mode.h"
#include "support/temp_dir.h"

namespace limber::store {
namespace {

using testing::mode_of;

using testing::TempDir;

std::filesystem::path with(const std::filesystem::path& path, const char* suffix) {
  return path.string() + suffix;
}

// The usual umask, whatever the test runner has: 022 gives 0755 folders and 0644 files.
class PrivateFilesTest : public ::testing::Test {
 protected:
  void SetUp() override { old_mask_ = ::umask(022); }
  void TearDown() override { ::umask(old_mask_); }

  TempDir dir_;
  mode_t old_mask_ = 0;
};

TEST_F(PrivateFilesTest, ANewDiaryAndItsFolderAreForTheOwnerOnly) {
  const auto folder = dir_.path() / "share" / "limber";
  const auto path = folder / "limber.db";
  auto db = Database::open(path, {});
  ASSERT_TRUE(db.has_value()) << db.error().message;
  // While it is open, SQLite's companions exist: they hold the latest entries too.
  ASSERT_TRUE(std::filesystem::exists(with(path, "-wal")));
  ASSERT_TRUE(std::filesystem::exists(with(path, "-shm")));
  EXPECT_EQ(mode_of(dir_.path() / "share"), 0700U);
  EXPECT_EQ(mode_of(folder), 0700U);
  EXPECT_EQ(mode_of(path), 0600U);
  EXPECT_EQ(mode_of(with(path, "-wal")), 0600U);
  EXPECT_EQ(mode_of(with(path, "-shm")), 0600U);
  EXPECT_TRUE(db->report().tightened.empty());  // nothing to tell: it was made private
}

TEST_F(PrivateFilesTest, ADiaryOthersCouldReadIsTightenedAndReported) {
  const auto folder = dir_.path() / "limber";
  const auto path = folder / "limber.db";
  { ASSERT_TRUE(Database::open(path, {}).has_value()); }
  std::filesystem::permissions(folder, std::filesystem::perms(0755));
  std::filesystem::permissions(path, std::filesystem::perms(0644));
  auto db = Database::open(path, {});
  ASSERT_TRUE(db.has_value()) << db.error().message;
  EXPECT_EQ(mode_of(folder), 0700U);
  EXPECT_EQ(mode_of(path), 0600U);
  EXPECT_EQ(mode_of(with(path, "-wal")), 0600U);
  EXPECT_EQ(mode_of(with(path, "-shm")), 0600U);
  const Tightened expected{folder, path};
  EXPECT_EQ(db->report().tightened, expected);
  // Said once: the next open finds nothing to tighten.
  db = Database::open(path, {});
  ASSERT_TRUE(db.has_value());
  EXPECT_TRUE(db->report().tightened.empty());
}

TEST_F(PrivateFilesTest, AFileThatIsNotADiaryKeepsItsMode) {
  const auto path = dir_.path() / "limber.db";
  std::ofstream(path) << "my shopping list, not a diary\n" << std::string(200, 'x');
  std::filesystem::permissions(path, std::filesystem::perms(0644));
  auto db = Database::open(path, {});
  ASSERT_FALSE(db.has_value());
  EXPECT_EQ(mode_of(path), 0644U);
}

TEST_F(PrivateFilesTest, CreatesAPrivateFileOnceAndLeavesAnExistingOneAlone) {
  const auto path = dir_.path() / "file";
  ASSERT_TRUE(create_private_file(path).has_value());
  EXPECT_EQ(mode_of(path), 0600U);
  std::ofstream(path) << "content";
  ASSERT_TRUE(create_private_file(path).has_value());
  EXPECT_EQ(std::filesystem::file_size(path), 7U);
}

}  // namespace
}  // namespace limber::store
