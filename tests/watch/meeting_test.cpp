#include "watch/meeting.h"

#include <array>
#include <csignal>
#include <fstream>

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include "support/temp_dir.h"

namespace limber::watch {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;

// The camera: a real process holding a device file open, seen through the real /proc. The
// device is a plain file in a folder of the test's, given to the probe as its /dev.
TEST(MeetingTest, ACameraHeldOpenByAnyProcessIsACall) {
  const TempDir dir;
  const fs::path video = dir.path() / "video0";
  std::ofstream(video) << "";
  const MeetingProbe probe{.proc = "/proc", .dev = dir.path()};
  EXPECT_EQ(meeting_in_progress(probe), std::nullopt);

  std::array<int, 2> ready{};
  ASSERT_EQ(pipe(ready.data()), 0);
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    std::ifstream held(video);  // the "video call"
    close(ready[0]);
    (void)write(ready[1], "x", 1);
    pause();
    _exit(0);
  }
  close(ready[1]);
  char byte = 0;
  ASSERT_EQ(read(ready[0], &byte, 1), 1);
  close(ready[0]);
  const auto call = meeting_in_progress(probe);
  kill(child, SIGKILL);
  waitpid(child, nullptr, 0);
  ASSERT_TRUE(call.has_value());
  EXPECT_EQ(*call, "the camera is in use (" + video.string() + ")");
  EXPECT_EQ(meeting_in_progress(probe), std::nullopt);  // the call ended
}

void write_status(const fs::path& sub, const std::string& state) {
  fs::create_directories(sub);
  std::ofstream(sub / "status") << "state: " << state << "\nowner_pid   : 1234\n";
}

// The microphone: /proc/asound as ALSA writes it (this machine has no sound card, so the
// tree is written by the test). Only a capture substream that runs counts.
TEST(MeetingTest, AMicrophoneRecordingIsACallAndPlaybackIsNot) {
  const TempDir dir;
  const fs::path proc = dir.path() / "proc";
  const fs::path card = proc / "asound" / "card1";
  write_status(card / "pcm0p" / "sub0", "RUNNING");  // music playing: not a call
  write_status(card / "pcm0c" / "sub0", "SETUP");    // a microphone opened, not recording
  const MeetingProbe probe{.proc = proc, .dev = dir.path() / "dev"};
  EXPECT_EQ(meeting_in_progress(probe), std::nullopt);

  write_status(card / "pcm0c" / "sub0", "RUNNING");
  EXPECT_EQ(meeting_in_progress(probe), "the microphone is in use (card1)");
}

TEST(MeetingTest, NoSoundCardsAndNoCamerasIsNoCall) {
  const TempDir dir;
  EXPECT_EQ(meeting_in_progress({.proc = dir.path() / "missing", .dev = dir.path()}), std::nullopt);
}

}  // namespace
}  // namespace limber::watch
