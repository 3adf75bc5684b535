#include "watch/meeting.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <string_view>

#include <fmt/format.h>

namespace limber::watch {
namespace {

namespace fs = std::filesystem;

bool all_digits(std::string_view name) {
  return !name.empty() && std::ranges::all_of(name, [](char c) {
    return std::isdigit(static_cast<unsigned char>(c)) != 0;
  });
}

// The capture substreams of every sound card: pcmNc/subM/status.
std::optional<std::string> recording(const fs::path& proc) {
  std::error_code error;
  const fs::path asound = proc / "asound";
  for (fs::directory_iterator card(asound, error), end; !error && card != end;
       card.increment(error)) {
    const std::string card_name = card->path().filename().string();
    if (!card_name.starts_with("card"))
      continue;
    std::error_code inner;
    for (fs::directory_iterator pcm(card->path(), inner), pcm_end; !inner && pcm != pcm_end;
         pcm.increment(inner)) {
      const std::string pcm_name = pcm->path().filename().string();
      if (!pcm_name.starts_with("pcm") || !pcm_name.ends_with("c"))
        continue;
      std::error_code sub_error;
      for (fs::directory_iterator sub(pcm->path(), sub_error), sub_end;
           !sub_error && sub != sub_end; sub.increment(sub_error)) {
        std::ifstream status(sub->path() / "status");
        std::string line;
        while (std::getline(status, line)) {
          if (line.starts_with("state:") && line.find("RUNNING") != std::string::npos)
            return fmt::format("the microphone is in use ({})", card_name);
        }
      }
    }
  }
  return std::nullopt;
}

// Any readable process holding a video device open.
std::optional<std::string> filming(const fs::path& proc, const fs::path& dev) {
  const std::string video_prefix = (dev / "video").string();
  std::error_code error;
  for (fs::directory_iterator process(proc, error), end; !error && process != end;
       process.increment(error)) {
    if (!all_digits(process->path().filename().string()))
      continue;
    std::error_code inner;  // another user's process, or one that has just ended
    for (fs::directory_iterator fd(process->path() / "fd", inner), fd_end; !inner && fd != fd_end;
         fd.increment(inner)) {
      std::error_code link_error;
      const fs::path target = fs::read_symlink(fd->path(), link_error);
      if (!link_error && target.string().starts_with(video_prefix))
        return fmt::format("the camera is in use ({})", target.string());
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> meeting_in_progress(const MeetingProbe& probe) {
  if (auto camera = filming(probe.proc, probe.dev))
    return camera;
  return recording(probe.proc);
}

}  // namespace limber::watch
