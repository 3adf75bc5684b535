// A real server on an ephemeral loopback port, in process, over a diary in a temp dir, with a
// fixed clock; and an HTTP client that talks to it as a script or the page would.
#pragma once

#include <atomic>
#include <memory>
#include <sstream>
#include <string>
#include <thread>

#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include "app/builtin_catalog.h"
#include "server/server.h"
#include "store/database.h"
#include "store/diary_store.h"
#include "support/clock.h"
#include "support/temp_dir.h"
#include "support/time_zone.h"

namespace limber::testing {

// Its implicit moves go through httplib::Headers and json, which clang-tidy cannot prove
// noexcept; a test's helper, where a throw fails the test.
// NOLINTNEXTLINE(bugprone-exception-escape)
struct Answer {
  int status = 0;
  nlohmann::json body;  // null when the body is not JSON
  std::string text;
  httplib::Headers headers;

  [[nodiscard]] std::string header(const std::string& name) const {
    const auto found = headers.find(name);
    return found == headers.end() ? "" : found->second;
  }
  [[nodiscard]] std::string error() const {
    return body.is_object() ? body.value("error", "") : "";
  }
};

inline constexpr const char* kToken = "test-token-0123456789abcdef";

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    use_suite_time_zone();
    auto db = store::Database::open(db_path(), store::OpenOptions{});
    ASSERT_TRUE(db) << db.error().message;
    db_ = std::make_unique<store::Database>(std::move(*db));
    auto catalog = app::builtin_catalog();
    ASSERT_TRUE(catalog) << catalog.error().message;
    catalog_ = std::make_unique<core::Catalog>(std::move(*catalog));
    auto server = server::Server::create(*db_, *catalog_,
                                         {.bind = "127.0.0.1",
                                          .port = 0,
                                          .clock = [this] { return now_.load(); },
                                          .log = &log_,
                                          .token = kToken});
    ASSERT_TRUE(server) << server.error().message;
    server_ = std::move(*server);
    if (phone_)
      server_->serve_phones(*phone_, ca_file_);
    auto port = server_->bind();
    ASSERT_TRUE(port) << port.error().message;
    port_ = *port;
    thread_ = std::thread([this] { server_->run(); });
  }

  void TearDown() override {
    if (server_)
      server_->stop();
    if (thread_.joinable())
      thread_.join();
  }

  [[nodiscard]] std::string host() const { return "127.0.0.1:" + std::to_string(port_); }
  // "/?token=KEY": the path of the start-up address, whose key opens one browser once.
  [[nodiscard]] std::string start_path() const {
    const std::string url = server_->start_url();
    return url.substr(url.find("/?token="));
  }
  [[nodiscard]] std::string origin() const { return "http://" + host(); }

  // A request with the token as a Bearer token, unless `headers` carries its own
  // Authorization or Cookie (pass {"Authorization", ""} for none).
  Answer send(const std::string& method, const std::string& path, const std::string& body = "",
              httplib::Headers headers = {}) const {
    if (headers.find("Authorization") == headers.end() && headers.find("Cookie") == headers.end())
      headers.emplace("Authorization", std::string("Bearer ") + kToken);
    if (headers.find("Authorization") != headers.end() &&
        headers.find("Authorization")->second.empty())
      headers.erase("Authorization");
    httplib::Client client("127.0.0.1", port_);
    httplib::Result result{nullptr, httplib::Error::Unknown};
    const std::string type = headers.find("Content-Type") != headers.end()
                                 ? headers.find("Content-Type")->second
                                 : "application/json";
    headers.erase("Content-Type");
    if (method == "GET") {
      result = client.Get(path, headers);
    } else if (method == "POST") {
      result = client.Post(path, headers, body, type);
    } else if (method == "PUT") {
      result = client.Put(path, headers, body, type);
    } else {
      result = client.Delete(path, headers);
    }
    Answer answer;
    if (!result) {
      ADD_FAILURE() << method << " " << path << ": " << httplib::to_string(result.error());
      return answer;
    }
    answer.status = result->status;
    answer.text = result->body;
    answer.headers = result->headers;
    answer.body = nlohmann::json::parse(result->body, nullptr, false);
    if (answer.body.is_discarded())
      answer.body = nullptr;
    return answer;
  }

  Answer get(const std::string& path, httplib::Headers headers = {}) const {
    return send("GET", path, "", std::move(headers));
  }
  Answer post(const std::string& path, const std::string& body,
              httplib::Headers headers = {}) const {
    return send("POST", path, body, std::move(headers));
  }

  // Answers every question of the safety check "no".
  void pass_check() {
    nlohmann::json answers = nlohmann::json::object();
    const Answer questions = get("/api/check");
    for (const auto& question : questions.body["questions"])
      answers[question["id"].get<std::string>()] = false;
    nlohmann::json body = nlohmann::json::object();
    body["answers"] = answers;
    const Answer checked = post("/api/check", body.dump());
    ASSERT_EQ(checked.status, 201) << checked.text;
  }

  [[nodiscard]] std::int64_t entry_count() const { return store::DiaryStore(*db_).count().value(); }

  [[nodiscard]] std::filesystem::path db_path() const { return dir_.path() / "limber.db"; }

  TempDir dir_;
  std::atomic<core::Instant> now_{kNoon};
  std::ostringstream log_;
  std::unique_ptr<store::Database> db_;
  std::unique_ptr<core::Catalog> catalog_;
  std::unique_ptr<server::Server> server_;
  std::thread thread_;
  int port_ = 0;
  // Where phones reach the server and the CA file it serves (none unless a test sets them
  // before SetUp, in its constructor).
  std::optional<server::PhoneAddress> phone_;
  std::filesystem::path ca_file_;
};

}  // namespace limber::testing
