// The API's routes are one table (server/routes.h): docs/api.md lists exactly its rows,
// with the query parameters each reads; a path finds its row by whole segments; and the
// routes answer a request made by hand, with no HTTP library in between, which is all a
// second adapter (a TLS listener on another library, issue 14) needs.
#include "server/routes.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "app/builtin_catalog.h"
#include "server/router.h"
#include "store/database.h"
#include "support/clock.h"
#include "support/time_zone.h"

namespace limber::server {
namespace {

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// "GET /api/entries/{id} ?days" : a route as the table and the docs can both write it.
std::string describe(std::string_view method, std::string_view path,
                     std::vector<std::string> query) {
  std::sort(query.begin(), query.end());
  std::string text = std::string(method) + " " + std::string(path);
  for (const std::string& name : query)
    text += " ?" + name;
  return text;
}

// The rows of the table under "## Routes" in docs/api.md, each from its first cell:
// "`GET /api/exercises/ID`" or "`GET /api/report?from=DAY&to=DAY&name=NAME`". A segment in
// capitals (ID, NAME) is the table's placeholder ({id}, {name}).
std::set<std::string> documented_routes() {
  std::istringstream doc(read_file(std::filesystem::path(LIMBER_SOURCE_DIR) / "docs/api.md"));
  std::set<std::string> routes;
  bool in_routes = false;
  for (std::string line; std::getline(doc, line);) {
    if (line.starts_with("#")) {
      in_routes = line == "## Routes";
      continue;
    }
    if (!in_routes || !line.starts_with("| `"))
      continue;
    const std::size_t end = line.find('`', 3);
    const std::string cell = line.substr(3, end - 3);
    const std::size_t space = cell.find(' ');
    const std::string method = cell.substr(0, space);
    std::string target = cell.substr(space + 1);
    std::vector<std::string> query;
    if (const std::size_t mark = target.find('?'); mark != std::string::npos) {
      std::istringstream pairs(target.substr(mark + 1));
      for (std::string pair; std::getline(pairs, pair, '&');)
        query.push_back(pair.substr(0, pair.find('=')));
      target.resize(mark);
    }
    std::string path;
    std::istringstream segments(target.substr(1));
    for (std::string segment; std::getline(segments, segment, '/');) {
      const bool capitals =
          !segment.empty() &&
          std::all_of(segment.begin(), segment.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
      if (capitals) {
        std::transform(segment.begin(), segment.end(), segment.begin(),
                       [](char c) { return static_cast<char>(c - 'A' + 'a'); });
        segment.insert(0, "{");
        segment += '}';
      }
      path += "/" + segment;
    }
    routes.insert(describe(method, path, query));
  }
  return routes;
}

std::set<std::string> table_routes() {
  std::set<std::string> routes;
  for (const Route& route : api_routes()) {
    std::vector<std::string> query;
    for (const std::string_view name : route.query) {
      if (!name.empty())
        query.emplace_back(name);
    }
    routes.insert(describe(route.method, route.path, query));
  }
  return routes;
}

TEST(RoutesTest, DocsListEveryRouteAndNoOther) {
  const std::set<std::string> documented = documented_routes();
  const std::set<std::string> table = table_routes();
  ASSERT_GE(documented.size(), 20U) << "the Routes table of docs/api.md was not found";
  for (const std::string& route : table)
    EXPECT_TRUE(documented.contains(route)) << "docs/api.md does not list: " << route;
  for (const std::string& route : documented)
    EXPECT_TRUE(table.contains(route)) << "docs/api.md lists a route limber lacks: " << route;
  EXPECT_EQ(table.size(), api_routes().size()) << "a route is in the table twice";
}

TEST(RoutesTest, ReadsAreGetsAndEverythingElseIsAWrite) {
  for (const Route& route : api_routes()) {
    SCOPED_TRACE(std::string(route.method) + " " + std::string(route.path));
    // The one route a phone calls before it has any key (server/access.h, kPair).
    const Access expected = route.path == "/api/pair" ? Access::kPair
                            : route.method == "GET"   ? Access::kRead
                                                      : Access::kWrite;
    EXPECT_EQ(route.access, expected);
    EXPECT_TRUE(route.path.starts_with("/api/"));
    EXPECT_NE(route.handle, nullptr);
  }
}

// The row whose path is `pattern` (the first, whatever its method).
const Route& route_for(std::string_view pattern) {
  const auto routes = api_routes();
  const auto found = std::find_if(routes.begin(), routes.end(),
                                  [&](const Route& route) { return route.path == pattern; });
  if (found == routes.end())
    throw std::logic_error("no route " + std::string(pattern));
  return *found;
}

TEST(RoutesTest, APathFindsItsRouteByWholeSegments) {
  struct Case {
    std::string_view pattern;
    std::string_view path;
    std::optional<std::string_view> id;
  };
  const std::vector<Case> cases = {
      {"/api/entries", "/api/entries", ""},
      {"/api/entries", "/api/entries/", std::nullopt},
      {"/api/entries", "/api/entriesx", std::nullopt},
      {"/api/entries/{id}", "/api/entries/12", "12"},
      {"/api/entries/{id}", "/api/entries/", std::nullopt},
      {"/api/entries/{id}", "/api/entries", std::nullopt},
      {"/api/entries/{id}", "/api/entries/1/2", std::nullopt},
      {"/api/function/activities/{name}", "/api/function/activities/put on socks", "put on socks"},
      {"/api/report", "/api/report/period", std::nullopt},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(c.pattern) + " against " + std::string(c.path));
    EXPECT_EQ(route_for(c.pattern).match(c.path), c.id);
  }
}

// No server, no socket: the request an adapter would fill, made by hand.
class HandMadeRequestTest : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::use_suite_time_zone();
    auto db = store::Database::open_in_memory();
    ASSERT_TRUE(db) << db.error().message;
    db_ = std::make_unique<store::Database>(std::move(*db));
    auto catalog = app::builtin_catalog();
    ASSERT_TRUE(catalog) << catalog.error().message;
    catalog_ = std::make_unique<core::Catalog>(std::move(*catalog));
    api_ = std::make_unique<Api>(*db_, *catalog_);
  }

  HttpAnswer answer(HttpRequest request) {
    const ApiContext context{*api_, guard_, diary_, clock_, log_, log_mutex_};
    return answer_api(request, context);
  }

  static HttpRequest request(std::string method, std::string path, std::string body = "") {
    HttpRequest made;
    made.method = std::move(method);
    made.path = std::move(path);
    made.headers = {{"host", "127.0.0.1:5462"}, {"authorization", "Bearer token"}};
    made.headers.emplace_back("Content-Type", "application/json");
    made.read_body = [body = std::move(body)](std::size_t limit) -> std::optional<std::string> {
      if (body.size() > limit)
        return std::nullopt;
      return body;
    };
    return made;
  }

  std::unique_ptr<store::Database> db_;
  std::unique_ptr<core::Catalog> catalog_;
  std::unique_ptr<Api> api_;
  Guard guard_{"127.0.0.1", 5462, "token", "login"};
  DiaryExecutor diary_;
  std::function<core::Instant()> clock_ = [] {
    return testing::kNoon;
  };
  std::ostringstream log_;
  std::mutex log_mutex_;
};

TEST_F(HandMadeRequestTest, TheRoutesAnswerWithoutAnyHttpLibrary) {
  const HttpAnswer saved =
      answer(request("POST", "/api/entries", R"({"pain": 4, "regions": ["lower-back"]})"));
  ASSERT_EQ(saved.status, 201) << saved.body;
  EXPECT_EQ(saved.type, "application/json");
  HttpRequest listing = request("GET", "/api/entries");
  listing.query = {{"DAYS", "3"}};  // names are compared as HTTP compares them
  const HttpAnswer listed = answer(listing);
  ASSERT_EQ(listed.status, 200) << listed.body;
  const auto body = nlohmann::json::parse(listed.body);
  EXPECT_EQ(body["days"], 3);
  EXPECT_EQ(body["entries"].size(), 1U);
}

TEST_F(HandMadeRequestTest, RefusalsAndWrongMethodsComeFromTheTable) {
  HttpRequest no_key = request("GET", "/api/today");
  no_key.headers = {{"Host", "127.0.0.1:5462"}};
  EXPECT_EQ(answer(no_key).status, 401);
  const HttpAnswer wrong = answer(request("PATCH", "/api/entries"));
  EXPECT_EQ(wrong.status, 405);
  EXPECT_NE(std::find(wrong.headers.begin(), wrong.headers.end(),
                      std::pair<std::string, std::string>("Allow", "GET, POST")),
            wrong.headers.end());
  EXPECT_EQ(answer(request("GET", "/api/nothing")).status, 404);
  EXPECT_EQ(answer(request("POST", "/api/entries", std::string(kMaxBodyBytes + 1, ' '))).status,
            413);
}

// Only the adapter knows which library serves HTTP (issue 13, finding 5; issue 14 adds a
// second one).
TEST(RoutesTest, OnlyTheAdapterIncludesCivetWeb) {
  std::vector<std::string> including;
  const std::filesystem::path src = std::filesystem::path(LIMBER_SOURCE_DIR) / "src";
  for (const auto& file : std::filesystem::recursive_directory_iterator(src)) {
    const auto extension = file.path().extension();
    if (extension != ".h" && extension != ".cpp")
      continue;
    std::istringstream text(read_file(file.path()));
    for (std::string line; std::getline(text, line);) {
      if (line.starts_with("#include") && line.find("civetweb.h") != std::string::npos &&
          line.find("civetweb_adapter.h") == std::string::npos)
        including.push_back(std::filesystem::relative(file.path(), src).string());
    }
  }
  EXPECT_EQ(including, std::vector<std::string>{"server/civetweb_adapter.cpp"});
}

}  // namespace
}  // namespace limber::server
