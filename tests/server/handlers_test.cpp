// The HTTP edge's own answers: a handler that throws is a bug, so the client gets a generic
// 500 and the log gets the details, never the other way round; a request no route takes
// gets a body that says why, JSON under /api/.
#include "server/handlers.h"

#include <sstream>
#include <stdexcept>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace limber::server {
namespace {

TEST(HandlersTest, AnExceptionIsLoggedAndAnsweredWithAGeneric500) {
  std::ostringstream log;
  std::mutex log_mutex;
  const HttpAnswer answer = answer_or_500(log, log_mutex, "GET", "/api/boom", []() -> HttpAnswer {
    throw std::runtime_error("secret detail: /home/someone/limber.db");
  });
  EXPECT_EQ(answer.status, 500);
  EXPECT_EQ(answer.body.find("secret detail"), std::string::npos);
  for (const auto& [name, value] : answer.headers)
    EXPECT_EQ(value.find("secret detail"), std::string::npos) << name;
  EXPECT_TRUE(nlohmann::json::parse(answer.body).contains("error"));
  EXPECT_NE(log.str().find("secret detail"), std::string::npos);
  EXPECT_NE(log.str().find("GET /api/boom"), std::string::npos);
}

TEST(HandlersTest, AnAnswerPassesThroughUntouched) {
  std::ostringstream log;
  std::mutex log_mutex;
  const HttpAnswer answer = answer_or_500(log, log_mutex, "GET", "/", [] {
    return HttpAnswer{201, "text/plain", "made", {}};
  });
  EXPECT_EQ(answer.status, 201);
  EXPECT_EQ(answer.body, "made");
  EXPECT_TRUE(log.str().empty());
}

TEST(HandlersTest, ErrorsAreJsonUnderApiAndTextElsewhere) {
  const HttpAnswer api = error_answer(404, "GET", "/api/missing");
  EXPECT_EQ(api.type, "application/json");
  EXPECT_NE(nlohmann::json::parse(api.body)["error"].get<std::string>().find("docs/api.md"),
            std::string::npos);
  const HttpAnswer page = error_answer(404, "GET", "/missing.png");
  EXPECT_EQ(page.type, "text/plain; charset=utf-8");
  EXPECT_NE(page.body.find("/missing.png"), std::string::npos);
  const HttpAnswer method = error_answer(405, "PATCH", "/api/entries", "GET, POST");
  ASSERT_EQ(method.headers.size(), 1U);
  EXPECT_EQ(method.headers[0].first, "Allow");
  EXPECT_EQ(method.headers[0].second, "GET, POST");
}

}  // namespace
}  // namespace limber::server
