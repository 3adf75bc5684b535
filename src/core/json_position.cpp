#include "core/json_position.h"

#include <algorithm>
#include <charconv>

#include <nlohmann/json.hpp>

#include "core/utf8.h"

namespace limber::core {
namespace {

// Records where the parser gave up; accepts every event otherwise.
class ErrorOffset : public nlohmann::json_sax<nlohmann::json> {
 public:
  std::optional<std::size_t> offset;

  bool null() override { return true; }
  bool boolean(bool /*value*/) override { return true; }
  bool number_integer(number_integer_t /*value*/) override { return true; }
  bool number_unsigned(number_unsigned_t /*value*/) override { return true; }
  bool number_float(number_float_t /*value*/, const string_t& /*text*/) override { return true; }
  bool string(string_t& /*value*/) override { return true; }
  bool binary(binary_t& /*value*/) override { return true; }
  bool start_object(std::size_t /*size*/) override { return true; }
  bool key(string_t& /*value*/) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t /*size*/) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t position, const std::string& last_token,
                   const nlohmann::detail::exception& /*error*/) override {
    // nlohmann counts the bytes read up to the end of the token it could not take: the
    // token starts its length before that.
    offset = position >= last_token.size() ? position - last_token.size() : 0;
    return false;
  }
};

// Walks a valid JSON text without building it.
class Walker {
 public:
  explicit Walker(std::string_view text) : text_(text) {}

  std::optional<std::size_t> find(std::span<const std::string> path) {
    space();
    if (path.empty())
      return at_;
    if (peek() == '{')
      return in_object(path);
    if (peek() == '[')
      return in_array(path);
    return std::nullopt;
  }

 private:
  [[nodiscard]] char peek() const { return at_ < text_.size() ? text_[at_] : '\0'; }

  void space() {
    while (at_ < text_.size() &&
           (text_[at_] == ' ' || text_[at_] == '\n' || text_[at_] == '\r' || text_[at_] == '\t'))
      ++at_;
  }

  // At a '"': returns the string's raw text (escapes left as they are) and moves past it.
  std::string_view string() {
    const std::size_t start = ++at_;
    while (at_ < text_.size() && text_[at_] != '"')
      at_ += text_[at_] == '\\' ? 2U : 1U;
    const std::string_view raw = text_.substr(start, std::min(at_, text_.size()) - start);
    ++at_;
    return raw;
  }

  void value() {
    space();
    const char c = peek();
    if (c == '"') {
      string();
    } else if (c == '{' || c == '[') {
      const char close = c == '{' ? '}' : ']';
      ++at_;
      space();
      while (at_ < text_.size() && peek() != close) {
        if (c == '{') {
          string();
          space();
          ++at_;  // ':'
        }
        value();
        space();
        if (peek() == ',')
          ++at_;
        space();
      }
      ++at_;
    } else {
      while (at_ < text_.size() &&
             std::string_view(",}] \n\r\t").find(peek()) == std::string_view::npos)
        ++at_;
    }
  }

  std::optional<std::size_t> in_object(std::span<const std::string> path) {
    ++at_;
    space();
    while (at_ < text_.size() && peek() != '}') {
      const std::size_t key_at = at_;
      const std::string_view key = string();
      space();
      ++at_;  // ':'
      if (key == path.front()) {
        if (path.size() == 1)
          return key_at;
        return find(path.subspan(1));
      }
      value();
      space();
      if (peek() == ',')
        ++at_;
      space();
    }
    return std::nullopt;
  }

  std::optional<std::size_t> in_array(std::span<const std::string> path) {
    std::size_t wanted = 0;
    const std::string& step = path.front();
    const auto [end, error] = std::from_chars(step.data(), step.data() + step.size(), wanted);
    if (error != std::errc() || end != step.data() + step.size())
      return std::nullopt;
    ++at_;
    for (std::size_t index = 0;; ++index) {
      space();
      if (at_ >= text_.size() || peek() == ']')
        return std::nullopt;
      if (index == wanted)
        return find(path.subspan(1));
      value();
      space();
      if (peek() == ',')
        ++at_;
    }
  }

  std::string_view text_;
  std::size_t at_ = 0;
};

}  // namespace

TextPosition text_position(std::string_view text, std::size_t offset) {
  const std::string_view before = text.substr(0, std::min(offset, text.size()));
  const std::size_t newline = before.rfind('\n');
  TextPosition position;
  position.line = 1 + static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n'));
  position.column =
      1 + utf8::count(newline == std::string_view::npos ? before : before.substr(newline + 1));
  return position;
}

std::optional<std::size_t> json_error_offset(std::string_view text) {
  ErrorOffset handler;
  nlohmann::json::sax_parse(text, &handler);
  return handler.offset;
}

std::optional<std::size_t> json_member_offset(std::string_view text,
                                              std::span<const std::string> path) {
  return Walker(text).find(path);
}

}  // namespace limber::core
