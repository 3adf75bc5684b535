#include "cli/screen_prompt.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <istream>
#include <string>

#include <fmt/format.h>
#include <fmt/ostream.h>

#include "core/text.h"

namespace limber::cli {
namespace {

enum class Reply { kYes, kNo, kUnclear };

std::string squeeze(std::string line) {
  std::erase_if(line, [](unsigned char c) { return std::isspace(c) != 0; });
  return core::ascii_lower(line);
}

Reply read_reply(const std::string& line) {
  const std::string word = squeeze(line);
  if (word == "y" || word == "yes")
    return Reply::kYes;
  if (word == "n" || word == "no")
    return Reply::kNo;
  return Reply::kUnclear;
}

core::Unexpected stopped(const Io& io) {
  fmt::print(io.err, "\n");
  return core::fail(core::ErrorCode::kInvalidInput,
                    "the safety check stopped before the last question, so nothing was "
                    "saved: run 'limber check' again, or answer in one go with --answers");
}

// Asks the questions from `answers.size()` on, in order, until the last one or until a "yes"
// that already means an emergency.
core::Result<void> ask_from(const Io& io, std::vector<core::Answer>& answers) {
  const auto asked = core::asked_flags();
  for (std::size_t index = answers.size(); index < asked.size(); ++index) {
    const core::Flag flag = asked[index];
    for (;;) {
      fmt::print(io.err, "{}/{}  {} [y/n] ", index + 1, asked.size(), core::info(flag).question);
      io.err.flush();
      std::string line;
      if (!std::getline(io.in, line))
        return stopped(io);
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
  return {};
}

// Before a "yes" turns into advice, the person sees each "yes" again and may change one
// (a wrong key on a phone-sized terminal, a question read too fast). Returns the number of
// the answer to change to "no", or nullopt when the answers stand.
core::Result<std::optional<std::size_t>> review(const Io& io,
                                                const std::vector<core::Answer>& answers) {
  fmt::print(io.err, "\nYou answered yes to:\n");
  for (std::size_t index = 0; index < answers.size(); ++index) {
    if (answers[index].yes)
      fmt::print(io.err, "  {}. {}\n", index + 1, core::info(answers[index].flag).question);
  }
  for (;;) {
    fmt::print(
        io.err,
        "Is that right? Enter y if it is. If you pressed the wrong key, enter the "
        "question's number to change it to no. If you are not sure, keep the yes. [y/NUMBER] ");
    io.err.flush();
    std::string line;
    if (!std::getline(io.in, line))
      return stopped(io);
    const std::string word = squeeze(line);
    if (word == "y" || word == "yes")
      return std::optional<std::size_t>{};
    std::size_t number = 0;
    const auto [end, ec] = std::from_chars(word.data(), word.data() + word.size(), number);
    if (ec == std::errc() && end == word.data() + word.size() && number >= 1 &&
        number <= answers.size() && answers[number - 1].yes) {
      return std::optional<std::size_t>{number - 1};
    }
    fmt::print(io.err, "Please enter y, or the number of one of the questions above.\n");
  }
}

}  // namespace

core::Result<std::vector<core::Answer>> ask_questions(const Io& io) {
  const auto asked = core::asked_flags();
  fmt::print(io.err,
             "Safety check: {} short questions about warning signs.\n"
             "Answer y (yes) or n (no). If you are not sure, answer y.\n\n",
             asked.size());
  std::vector<core::Answer> answers;
  LIMBER_TRY(ask_from(io, answers));
  while (std::any_of(answers.begin(), answers.end(),
                     [](const core::Answer& answer) { return answer.yes; })) {
    LIMBER_TRY_ASSIGN(auto change, review(io, answers));
    if (!change)
      break;
    answers[*change].yes = false;
    fmt::print(io.err, "Changed {} to no.\n", *change + 1);
    // An emergency "yes" ended the questions early: the rest are asked now.
    LIMBER_TRY(ask_from(io, answers));
  }
  fmt::print(io.err, "\n");
  return answers;
}

}  // namespace limber::cli
