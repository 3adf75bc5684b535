// RFC 4180 CSV: quoting on the way out, a strict reader on the way in that reports the
// line where each record starts.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace limber::core {

struct CsvRecord {
  std::size_t line = 0;  // 1-based line where the record starts
  std::vector<std::string> fields;
};

// Parses the whole text (LF or CRLF line ends, an optional UTF-8 byte order mark). Blank
// lines are skipped. Returns kBadFile "line N: ..." for an unterminated quote or a quote
// inside an unquoted field.
Result<std::vector<CsvRecord>> parse_csv(std::string_view text);

// Quotes a field when it holds a comma, a quote, CR or LF.
std::string csv_field(std::string_view value);
// Joins fields into one CRLF-terminated record (RFC 4180 line ends).
std::string csv_record(const std::vector<std::string>& fields);

}  // namespace limber::core
