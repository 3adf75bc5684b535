#include "core/time_parse.h"

#include <array>
#include <cctype>
#include <charconv>
#include <optional>
#include <string>
#include <vector>

#include <fmt/core.h>

#include "core/typed_day.h"

namespace limber::core {
namespace {

using std::chrono::days;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

constexpr std::string_view kForms =
    "use 'now', '21:00', 'yesterday 21:00', 'monday 9am', '2 hours ago' or "
    "2026-11-20T21:00 (ISO 8601)";

Unexpected unreadable(std::string_view text) {
  return fail(ErrorCode::kInvalidInput, fmt::format("cannot read the time '{}': {}", text, kForms));
}

// A date and time whose offset is wrong: say what is wrong with the offset.
Unexpected unreadable_offset(std::string_view text, const Error& offset) {
  return fail(ErrorCode::kInvalidInput,
              fmt::format("cannot read the time '{}': {}", text, offset.message));
}

// A small cursor over the text, for the fixed-width ISO fields.
class Cursor {
 public:
  explicit Cursor(std::string_view text) : text_(text) {}

  // Exactly `count` ASCII digits: no sign, no space (from_chars alone would take "-1").
  std::optional<int> digits(std::size_t count) {
    if (text_.size() - pos_ < count)
      return std::nullopt;
    int value = 0;
    for (std::size_t i = 0; i < count; ++i) {
      const char c = text_[pos_ + i];
      if (c < '0' || c > '9')
        return std::nullopt;
      value = value * 10 + (c - '0');
    }
    pos_ += count;
    return value;
  }
  bool take(char c) {
    if (pos_ < text_.size() && text_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }
  [[nodiscard]] bool done() const { return pos_ == text_.size(); }
  [[nodiscard]] std::string_view rest() const { return text_.substr(pos_); }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
};

std::optional<std::chrono::year_month_day> read_date(Cursor& in) {
  const auto year = in.digits(4);
  if (!year || !in.take('-'))
    return std::nullopt;
  const auto month = in.digits(2);
  if (!month || !in.take('-'))
    return std::nullopt;
  const auto day = in.digits(2);
  if (!day)
    return std::nullopt;
  const std::chrono::year_month_day date{std::chrono::year{*year},
                                         std::chrono::month{static_cast<unsigned>(*month)},
                                         std::chrono::day{static_cast<unsigned>(*day)}};
  if (!date.ok())
    return std::nullopt;
  return date;
}

std::optional<seconds> read_clock(Cursor& in, bool allow_seconds) {
  const auto hour = in.digits(2);
  if (!hour || !in.take(':'))
    return std::nullopt;
  const auto minute = in.digits(2);
  if (!minute)
    return std::nullopt;
  int second = 0;
  if (allow_seconds && in.take(':')) {
    const auto s = in.digits(2);
    if (!s)
      return std::nullopt;
    second = *s;
  }
  if (*hour > 23 || *minute > 59 || second > 59)
    return std::nullopt;
  return hours{*hour} + minutes{*minute} + seconds{second};
}

// "21:00", "9:30", "9pm", "9:30am", "12am".
std::optional<seconds> parse_clock_word(std::string_view word) {
  bool pm = false;
  bool twelve_hour = false;
  if (word.size() > 2 && (word.ends_with("am") || word.ends_with("pm"))) {
    pm = word.ends_with("pm");
    twelve_hour = true;
    word.remove_suffix(2);
  }
  const auto colon = word.find(':');
  const std::string_view hour_text = word.substr(0, colon);
  const std::string_view minute_text =
      colon == std::string_view::npos ? std::string_view{} : word.substr(colon + 1);
  if (colon == std::string_view::npos && !twelve_hour)
    return std::nullopt;
  if (colon != std::string_view::npos && minute_text.size() != 2)
    return std::nullopt;
  int hour = 0;
  int minute = 0;
  auto number = [](std::string_view text, int& out) {
    if (text.empty() || text.size() > 2 ||
        text.find_first_not_of("0123456789") != std::string_view::npos)
      return false;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc() && ptr == text.data() + text.size();
  };
  if (!number(hour_text, hour))
    return std::nullopt;
  if (!minute_text.empty() && !number(minute_text, minute))
    return std::nullopt;
  if (twelve_hour) {
    if (hour < 1 || hour > 12)
      return std::nullopt;
    hour = hour % 12 + (pm ? 12 : 0);
  }
  if (hour > 23 || minute > 59)
    return std::nullopt;
  return hours{hour} + minutes{minute};
}

// Nothing when the text is not a date and a time; an error when only its offset is wrong.
std::optional<Result<TimeSpec>> parse_iso(std::string_view text) {
  Cursor in(text);
  const auto date = read_date(in);
  if (!date || !(in.take('T') || in.take('t') || in.take(' ')))
    return std::nullopt;
  const auto clock = read_clock(in, true);
  if (!clock)
    return std::nullopt;
  const LocalTime local{std::chrono::local_days{*date}.time_since_epoch() + *clock};
  if (in.done())
    return TimeSpec{local};
  const auto offset = parse_offset(in.rest());
  if (!offset) {
    const std::string_view rest = in.rest();
    if (rest.find_first_not_of("+-Zz:0123456789") != std::string_view::npos)
      return std::nullopt;
    return Unexpected(offset.error());
  }
  return TimeSpec{Instant{local.time_since_epoch() - *offset}};
}

std::optional<seconds> parse_ago(const std::vector<std::string>& words) {
  // "2 hours ago", "2h ago", "90 min ago"
  if (words.empty() || words.back() != "ago" || words.size() > 3)
    return std::nullopt;
  std::string amount = words[0];
  std::string unit = words.size() == 3 ? words[1] : "";
  if (words.size() == 2) {
    const auto split = amount.find_first_not_of("0123456789");
    if (split == std::string::npos || split == 0)
      return std::nullopt;
    unit = amount.substr(split);
    amount = amount.substr(0, split);
  }
  if (amount.empty() || amount.find_first_not_of("0123456789") != std::string::npos)
    return std::nullopt;  // "-2 hours ago" is two hours from now, not a time in the past
  int count = 0;
  const auto [ptr, ec] = std::from_chars(amount.data(), amount.data() + amount.size(), count);
  if (ec != std::errc() || ptr != amount.data() + amount.size() || count > 100000) {
    return std::nullopt;
  }
  static constexpr std::array<std::pair<std::string_view, int>, 11> kUnits = {{
      {"m", 60},
      {"min", 60},
      {"mins", 60},
      {"minute", 60},
      {"minutes", 60},
      {"h", 3600},
      {"hour", 3600},
      {"hours", 3600},
      {"d", 86400},
      {"day", 86400},
      {"days", 86400},
  }};
  for (const auto& [name, factor] : kUnits) {
    if (unit == name)
      return seconds{static_cast<std::int64_t>(count) * factor};
  }
  return std::nullopt;
}

std::vector<std::string> lower_words(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text) {
    if (std::isspace(static_cast<unsigned char>(c)) != 0) {
      if (!word.empty())
        words.push_back(std::move(word));
      word.clear();
    } else {
      word.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
  }
  if (!word.empty())
    words.push_back(std::move(word));
  return words;
}

}  // namespace

Result<TimeSpec> parse_time(std::string_view text, const Now& now) {
  if (auto iso = parse_iso(text)) {
    if (!*iso)
      return unreadable_offset(text, iso->error());
    return **iso;
  }
  const std::vector<std::string> words = lower_words(text);
  if (words.size() == 1 && words[0] == "now")
    return TimeSpec{now.instant};
  // "tomorrow 09:00", "in 2 hours", "next monday": a future time, named as such rather than
  // as a format limber cannot read (issue #12, item 14).
  if (!words.empty() &&
      (words[0] == "tomorrow" || words[0] == "next" || (words[0] == "in" && words.size() > 1))) {
    return fail(ErrorCode::kInvalidInput,
                fmt::format("'{}' is in the future, and times in the future cannot be logged: a "
                            "diary entry records something that has happened",
                            text));
  }
  if (auto ago = parse_ago(words))
    return TimeSpec{now.instant - *ago};
  const std::chrono::local_days today{std::chrono::floor<days>(now.local).time_since_epoch()};
  if (words.size() == 1) {
    if (auto clock = parse_clock_word(words[0]))
      return TimeSpec{LocalTime{today} + *clock};
    if (read_day(words[0], today)) {
      return fail(ErrorCode::kInvalidInput,
                  fmt::format("the time '{}' needs a time of day too, for example '{} 21:00'", text,
                              words[0]));
    }
  }
  if (words.size() == 2) {
    const auto day = read_day(words[0], today);
    const auto clock = parse_clock_word(words[1]);
    if (day && clock)
      return TimeSpec{LocalTime{*day} + *clock};
  }
  return unreadable(text);
}

Result<Instant> not_in_future(Instant at, const Now& now) {
  if (at > now.instant + minutes{5}) {
    return fail(ErrorCode::kInvalidInput,
                fmt::format("the time {} is in the future, and times in the future cannot be "
                            "logged: a diary entry records something that has happened, so give "
                            "a time up to now",
                            format_iso(at, now.utc_offset())));
  }
  return at;
}

Result<Instant> check_moment(Instant at, seconds utc_offset) {
  if (to_local(at, utc_offset) < LocalTime{kEarliestDay}) {
    return fail(ErrorCode::kInvalidInput,
                fmt::format("the date {} is before 1970-01-01, the earliest date limber keeps: "
                            "check the year",
                            format_iso(at, utc_offset).substr(0, 10)));
  }
  if (utc_offset < -kMaxUtcOffset || utc_offset > kMaxUtcOffset) {
    return fail(ErrorCode::kInvalidInput,
                fmt::format("the UTC offset {} is out of range: time zones run from -14:00 to "
                            "+14:00; check the time zone setting (TZ)",
                            format_offset(utc_offset)));
  }
  return at;
}

std::string format_offset(seconds utc_offset) {
  const auto total = utc_offset.count();
  const auto magnitude = total < 0 ? -total : total;
  return fmt::format("{}{:02}:{:02}", total < 0 ? '-' : '+', magnitude / 3600,
                     (magnitude % 3600) / 60);
}

Result<seconds> parse_offset(std::string_view text) {
  if (text == "Z" || text == "z")
    return seconds{0};
  Cursor in(text);
  int sign = 0;
  if (in.take('+')) {
    sign = 1;
  } else if (in.take('-')) {
    sign = -1;
  }
  const auto hh = in.digits(2);
  std::optional<int> mm = 0;
  if (!in.done()) {
    in.take(':');
    mm = in.digits(2);
  }
  if (sign == 0 || !hh || !mm || !in.done() || *mm > 59) {
    return fail(ErrorCode::kInvalidInput,
                fmt::format("cannot read the UTC offset '{}': use Z, +01:00 or -05:30", text));
  }
  const seconds offset{sign * (*hh * 3600 + *mm * 60)};
  if (offset < -kMaxUtcOffset || offset > kMaxUtcOffset) {
    return fail(ErrorCode::kInvalidInput,
                fmt::format("the UTC offset '{}' is out of range: time zones run from -14:00 to "
                            "+14:00, for example +01:00 or -05:30",
                            text));
  }
  return offset;
}

std::string format_date(std::chrono::year_month_day date) {
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(date.year()),
                     static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
}

std::string format_iso(Instant at, seconds utc_offset) {
  // Digits written by hand: this runs once per entry in every export and listing.
  const LocalTime local = to_local(at, utc_offset);
  const auto day = std::chrono::floor<days>(local);
  const std::chrono::year_month_day date{day};
  const auto clock = (local - day).count();
  if (date.year() < std::chrono::year{0} || date.year() > std::chrono::year{9999}) {
    // Outside four digits (only a diary from before the 1970 floor): slow, but never garbage.
    return fmt::format("{}T{:02}:{:02}:{:02}{}", format_date(date), clock / 3600,
                       (clock % 3600) / 60, clock % 60, format_offset(utc_offset));
  }
  std::string out = "0000-00-00T00:00:00+00:00";
  auto put = [&out](std::size_t at_index, long value, int width) {
    for (int i = width - 1; i >= 0; --i) {
      out[at_index + static_cast<std::size_t>(i)] = static_cast<char>('0' + value % 10);
      value /= 10;
    }
  };
  put(0, static_cast<int>(date.year()), 4);
  put(5, static_cast<unsigned>(date.month()), 2);
  put(8, static_cast<unsigned>(date.day()), 2);
  put(11, clock / 3600, 2);
  put(14, (clock % 3600) / 60, 2);
  put(17, clock % 60, 2);
  const auto offset = utc_offset.count();
  const auto magnitude = offset < 0 ? -offset : offset;
  out[19] = offset < 0 ? '-' : '+';
  put(20, magnitude / 3600, 2);
  put(23, (magnitude % 3600) / 60, 2);
  return out;
}

Result<OffsetTime> parse_iso_offset(std::string_view text) {
  Cursor in(text);
  const auto date = read_date(in);
  if (date && in.take('T')) {
    const auto clock = read_clock(in, true);
    if (clock && !in.done()) {
      const auto offset = parse_offset(in.rest());
      if (offset) {
        const LocalTime local{std::chrono::local_days{*date}.time_since_epoch() + *clock};
        return OffsetTime{Instant{local.time_since_epoch() - *offset}, *offset};
      }
    }
  }
  return fail(ErrorCode::kInvalidInput,
              fmt::format("cannot read the time '{}': use ISO 8601 with an offset, for example "
                          "2026-11-20T21:00:00+01:00",
                          text));
}

}  // namespace limber::core
