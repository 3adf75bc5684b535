#include "core/csv.h"

#include <gtest/gtest.h>

namespace limber::core {
namespace {

TEST(CsvTest, ReadsQuotedFieldsWithCommasQuotesAndNewlines) {
  auto records = parse_csv("a,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\nnext line\"\r\n2,,\r\n");
  ASSERT_TRUE(records.has_value()) << records.error().message;
  ASSERT_EQ(records->size(), 3U);
  EXPECT_EQ((*records)[1].fields, (std::vector<std::string>{"1", "x, y", "say \"hi\"\nnext line"}));
  EXPECT_EQ((*records)[2].fields, (std::vector<std::string>{"2", "", ""}));
  EXPECT_EQ((*records)[2].line, 4U);
}

TEST(CsvTest, SkipsABomAndBlankLines) {
  auto records = parse_csv("\xEF\xBB\xBFh\n\n1\n");
  ASSERT_TRUE(records.has_value());
  ASSERT_EQ(records->size(), 2U);
  EXPECT_EQ((*records)[0].fields.front(), "h");
  EXPECT_EQ((*records)[1].line, 3U);
}

TEST(CsvTest, ReportsTheLineOfAnUnclosedQuote) {
  auto records = parse_csv("h\nok\n\"never closed\n");
  ASSERT_FALSE(records.has_value());
  EXPECT_EQ(records.error().code, ErrorCode::kBadFile);
  EXPECT_NE(records.error().message.find("line 3"), std::string::npos) << records.error().message;
}

TEST(CsvTest, RejectsAQuoteInsideAnUnquotedField) {
  auto records = parse_csv("h\nab\"c\n");
  ASSERT_FALSE(records.has_value());
  EXPECT_NE(records.error().message.find("line 2"), std::string::npos);
}

TEST(CsvTest, QuotesOnlyWhatNeedsIt) {
  EXPECT_EQ(csv_field("plain"), "plain");
  EXPECT_EQ(csv_field("a,b"), "\"a,b\"");
  EXPECT_EQ(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(csv_record({"a", "b,c"}), "a,\"b,c\"\r\n");
}

TEST(CsvTest, WhatItWritesItReadsBack) {
  const std::vector<std::string> fields = {"", "x", "a,b", "\"q\"", "line\nbreak", "tab\there"};
  auto records = parse_csv(csv_record(fields));
  ASSERT_TRUE(records.has_value());
  ASSERT_EQ(records->size(), 1U);
  EXPECT_EQ(records->front().fields, fields);
}

}  // namespace
}  // namespace limber::core
