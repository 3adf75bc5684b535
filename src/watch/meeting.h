// Is the person in a call? (issue #18, "meeting-aware"). Asked only when a reminder falls
// due, never polled while nothing is due: a camera that some program holds open, or a
// microphone that is recording, means a call or a recording, and the reminder waits.
//
//   camera      /proc/PID/fd/* pointing at /dev/video* (the processes this user may read:
//               browsers, video-call programs, PipeWire's camera portal)
//   microphone  /proc/asound/card*/pcm*c/sub*/status saying "state: RUNNING" (a capture
//               stream open; PipeWire and PulseAudio hold ALSA capture devices this way
//               only while something records)
//
// The folders are parameters so tests can give a tree of their own.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace limber::watch {

struct MeetingProbe {
  std::filesystem::path proc = "/proc";
  std::filesystem::path dev = "/dev";
};

// "the camera is in use (/dev/video0)" or "the microphone is in use (card 0)", or nullopt
// when neither is.
std::optional<std::string> meeting_in_progress(const MeetingProbe& probe = {});

}  // namespace limber::watch
