#include "watch/install.h"

#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "support/temp_dir.h"

namespace limber::watch {
namespace {

std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(InstallTest, TheUnitFollowsTheGraphicalSession) {
  const std::string unit = unit_text(exec_line("/usr/bin/limber", {}));
  EXPECT_NE(unit.find("PartOf=graphical-session.target\n"), std::string::npos);
  EXPECT_NE(unit.find("After=graphical-session.target\n"), std::string::npos);
  EXPECT_NE(unit.find("WantedBy=graphical-session.target\n"), std::string::npos);
  EXPECT_NE(unit.find("ExecStart=/usr/bin/limber watch\n"), std::string::npos);
}

TEST(InstallTest, TheAutostartEntryStepsAsideForSystemd) {
  const std::string desktop = desktop_text(exec_line("/usr/bin/limber", {"--limit", "45"}));
  EXPECT_EQ(desktop.rfind("[Desktop Entry]\nType=Application\n", 0), 0U);
  EXPECT_NE(desktop.find("Exec=/usr/bin/limber watch --limit 45\n"), std::string::npos);
  EXPECT_NE(desktop.find("X-GNOME-HiddenUnderSystemd=true\n"), std::string::npos);
  EXPECT_NE(desktop.find("X-systemd-skip=true\n"), std::string::npos);
}

TEST(InstallTest, QuotesAPathWithSpaces) {
  EXPECT_EQ(exec_line("/home/a b/limber", {"--pause", "x\"y"}),
            R"("/home/a b/limber" watch --pause "x\"y")");
}

TEST(InstallTest, WritesBothFilesUnderXdgConfigHome) {
  const testing::TempDir dir;
  const auto env = [&](const char* name) -> std::optional<std::string> {
    if (std::string_view(name) == "XDG_CONFIG_HOME")
      return dir.path().string();
    return std::nullopt;
  };
  auto files = install_files(exec_line("/usr/bin/limber", {}), env);
  ASSERT_TRUE(files) << files.error().message;
  EXPECT_EQ(files->unit, dir.path() / "systemd/user/limber-watch.service");
  EXPECT_EQ(files->desktop, dir.path() / "autostart/limber-watch.desktop");
  EXPECT_EQ(slurp(files->unit), unit_text(exec_line("/usr/bin/limber", {})));
}

TEST(InstallTest, FallsBackToHomeAndIgnoresARelativeXdgPath) {
  const testing::TempDir dir;
  const auto env = [&](const char* name) -> std::optional<std::string> {
    if (std::string_view(name) == "XDG_CONFIG_HOME")
      return std::string("relative/config");
    if (std::string_view(name) == "HOME")
      return dir.path().string();
    return std::nullopt;
  };
  auto files = install_files("limber watch", env);
  ASSERT_TRUE(files) << files.error().message;
  EXPECT_EQ(files->unit, dir.path() / ".config/systemd/user/limber-watch.service");
}

TEST(InstallTest, DoublesPercentSignsForSystemdAndTheExecKey) {
  EXPECT_EQ(exec_line("/usr/bin/limber", {"--data-dir", "/home/a/100%"}),
            "/usr/bin/limber watch --data-dir /home/a/100%%");
}

// Issue 11, defect 9: the installed timer must record into the diary the installer used.
TEST(InstallTest, BothFilesNameTheDiaryFolderAbsolutely) {
  const std::string exec = exec_line(
      "/usr/bin/limber", watch_args("/home/a/my diary", {{"--limit", std::string("45")}}));
  EXPECT_NE(unit_text(exec).find("ExecStart=/usr/bin/limber watch --data-dir \"/home/a/my "
                                 "diary\" --limit 45\n"),
            std::string::npos)
      << unit_text(exec);
  EXPECT_NE(desktop_text(exec).find("Exec=/usr/bin/limber watch --data-dir \"/home/a/my "
                                    "diary\" --limit 45\n"),
            std::string::npos)
      << desktop_text(exec);
}

TEST(InstallTest, MakesARelativeDiaryFolderAbsolute) {
  const auto args = watch_args("diary/../limber", {{"--break", std::string("90s")}});
  const std::vector<std::string> expected{
      "--data-dir", (std::filesystem::current_path() / "limber").string(), "--break", "90s"};
  EXPECT_EQ(args, expected);
}

}  // namespace
}  // namespace limber::watch
