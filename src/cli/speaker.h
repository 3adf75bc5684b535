// Spoken cues for the terminal session (issue #15, `limber session --speak`), as the web
// page's speech switch does: each cue is spoken by espeak-ng (Debian's speech engine) in a
// child process, so the session's keys and countdown never wait for speech. A new cue
// stops the one still being spoken, as the page's speechSynthesis.cancel() does.
// Internal to cli/.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <sys/types.h>

#include "app/data_dir.h"
#include "core/result.h"

namespace limber::cli {

// The engine's program, looked up on PATH.
inline constexpr const char* kSpeechEngine = "espeak-ng";
// When set, each cue is written as a WAV file into this folder (cue-1.wav, cue-2.wav, ...)
// instead of being played: for tests, and machines without a sound card.
inline constexpr const char* kSpeechFolderVariable = "LIMBER_SPEECH_DIR";

class Speaker {
 public:
  // kNotFound, saying how to install it, when espeak-ng is not on PATH.
  static core::Result<Speaker> find(const app::GetEnv& env);

  Speaker(Speaker&& other) noexcept;
  Speaker& operator=(Speaker&&) = delete;
  Speaker(const Speaker&) = delete;
  Speaker& operator=(const Speaker&) = delete;
  // Lets the last cue finish (the session's end is said in full).
  ~Speaker();

  // Starts speaking `text`, stopping the cue before it (into a folder, each is kept whole);
  // returns at once. A cue that cannot
  // start is skipped: the session goes on silently.
  void say(std::string_view text);

 private:
  Speaker(std::string engine, std::string folder)
      : engine_(std::move(engine)), folder_(std::move(folder)) {}
  void stop_current();

  std::string engine_;  // the program's path
  std::string folder_;  // kSpeechFolderVariable, or empty: play
  pid_t current_ = -1;
  std::vector<pid_t> writing_;  // into the folder: each cue is written in full
  int spoken_ = 0;
};

}  // namespace limber::cli
