#include "core/csv.h"

#include <fmt/core.h>

namespace limber::core {

Result<std::vector<CsvRecord>> parse_csv(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF"))
    text.remove_prefix(3);
  std::vector<CsvRecord> records;
  CsvRecord record;
  std::string field;
  std::size_t line = 1;
  bool quoted = false;         // inside a quoted field
  bool field_started = false;  // the current record has content
  bool after_quote = false;    // a quoted field just closed
  record.line = 1;

  auto end_field = [&] {
    record.fields.push_back(std::move(field));
    field.clear();
    after_quote = false;
  };
  auto end_record = [&] {
    if (field_started) {
      end_field();
      records.push_back(std::move(record));
    }
    record = CsvRecord{};
    field_started = false;
  };

  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field.push_back('"');
          ++i;
        } else {
          quoted = false;
          after_quote = true;
        }
      } else {
        if (c == '\n')
          ++line;
        field.push_back(c);
      }
      continue;
    }
    if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n')
      continue;
    if (c == '\n' || c == '\r') {
      end_record();
      ++line;
      record.line = line;
      continue;
    }
    if (!field_started) {
      field_started = true;
      record.line = line;
    }
    if (c == ',') {
      end_field();
    } else if (after_quote) {
      return fail(ErrorCode::kBadFile,
                  fmt::format("line {}: text after a closing quote: quote the whole field", line));
    } else if (c == '"') {
      if (!field.empty()) {
        return fail(ErrorCode::kBadFile,
                    fmt::format("line {}: a quote inside an unquoted field: put the field in "
                                "quotes and double the quote (\"\")",
                                line));
      }
      quoted = true;
    } else {
      field.push_back(c);
    }
  }
  if (quoted) {
    return fail(
        ErrorCode::kBadFile,
        fmt::format("line {}: a quoted field is never closed: add the closing quote", record.line));
  }
  end_record();
  return records;
}

std::string csv_field(std::string_view value) {
  if (value.find_first_of(",\"\r\n") == std::string_view::npos)
    return std::string(value);
  std::string out = "\"";
  for (char c : value) {
    if (c == '"')
      out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

std::string csv_record(const std::vector<std::string>& fields) {
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0)
      out.push_back(',');
    out += csv_field(fields[i]);
  }
  out += "\r\n";
  return out;
}

}  // namespace limber::core
