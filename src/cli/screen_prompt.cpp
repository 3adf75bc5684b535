#include "cli/screen_prompt.h"

#include <algorithm>
#include <cctype>
#include <istream>
#include <string>

#include <fmt/format.h>
#include <fmt/ostream.h>

namespace limber::cli {
namespace {

enum class Reply { kYes, kNo, kUnclear };

Reply read_reply(std::string line) {
  std::erase_if(line, [](unsigned char c) { return std::isspace(c) != 0; });
  std::transform(line.begin(), line.end(), line.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (line == "y" || line == "yes")
    return Reply::kYes;
  if (line == "n" || line == "no")
    return Reply::kNo;
  return Reply::kUnclear;
}

}  // namespace

core::Result<std::vector<core::Answer>> ask_questions(const Io& io) {
  const auto asked = core::asked_flags();
  fmt::print(io.err,
             "Safety check: {} short questions about warning signs.\n"
             "Answer y (yes) or n (no). If you are not sure, answer y.\n\n",
             asked.size());
  std::vector<core::Answer> answers;
  std::size_t number = 0;
  for (const core::Flag flag : asked) {
    ++number;
    for (;;) {
      fmt::print(io.err, "{}/{}  {} [y/n] ", number, asked.size(), core::info(flag).question);
      io.err.flush();
      std::string line;
      if (!std::getline(io.in, line)) {
        fmt::print(io.err, "\n");
        return core::fail(core::ErrorCode::kInvalidInput,
                          "the safety check stopped before the last question, so nothing was "
                          "saved: run 'limber check' again, or answer in one go with --answers");
      }
      const Reply reply = read_reply(line);
      if (reply == Reply::kUnclear) {
        fmt::print(io.err, "Please answer y or n.\n");
        continue;
      }
      answers.push_back({flag, reply == Reply::kYes});
      break;
    }
    if (answers.back().yes && core::ends_questions(flag))
      break;
  }
  fmt::print(io.err, "\n");
  return answers;
}

}  // namespace limber::cli
