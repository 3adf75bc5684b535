#include "core/remedy.h"

#include <cctype>

namespace limber::core {

std::string with_remedy(std::string_view message, std::string_view words) {
  std::string out(message);
  if (words.empty())
    return out;
  const char last = out.empty() ? '\0' : out.back();
  if (last == '.' || last == '?' || last == '!') {
    std::string sentence(words);
    sentence.front() =
        static_cast<char>(std::toupper(static_cast<unsigned char>(sentence.front())));
    out += ' ';
    out += sentence;
    out += '.';
  } else {
    out += out.empty() ? "" : ": ";
    out += words;
  }
  return out;
}

}  // namespace limber::core
