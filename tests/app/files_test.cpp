// Exports, reports and other files limber writes hold diary data: for the owner only.
#include "app/files.h"

#include <fstream>

#include <gtest/gtest.h>
#include <sys/stat.h>

#include "support/file_mode.h"
#include "support/temp_dir.h"

namespace limber::app {
namespace {

using testing::mode_of;

TEST(FilesTest, WritesAFileOnlyItsOwnerCanReadWhateverTheUmask) {
  const mode_t old_mask = ::umask(022);
  testing::TempDir dir;
  const auto fresh = dir.path() / "diary.csv";
  ASSERT_TRUE(write_file_atomically(fresh, "id,at\n").has_value());
  EXPECT_EQ(mode_of(fresh), 0600U);
  const auto existing = dir.path() / "report.pdf";
  std::ofstream(existing) << "old";
  ASSERT_EQ(mode_of(existing), 0644U);
  ASSERT_TRUE(write_file_atomically(existing, "new").has_value());
  EXPECT_EQ(mode_of(existing), 0600U);
  ::umask(old_mask);
}

}  // namespace
}  // namespace limber::app
