// Many requests at once, as a phone and a desktop tab (or a script) send them: CivetWeb's
// request threads hand every diary job to the one diary thread. Under ThreadSanitizer
// (make tsan-check) this is the test that would show a race in that hand-over; here it
// also shows nothing is lost or answered twice.
#include <algorithm>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>

#include "server_fixture.h"

namespace limber::testing {
namespace {

class ConcurrentRequestsTest : public ServerTest {};

TEST_F(ConcurrentRequestsTest, EveryWriteFromManyClientsAtOnceIsSavedOnce) {
  pass_check();
  constexpr int kClients = 8;
  constexpr int kWrites = 6;
  std::vector<std::thread> clients;
  clients.reserve(kClients);
  std::vector<int> saved(kClients, 0);
  std::vector<int> read(kClients, 0);
  for (int client = 0; client < kClients; ++client) {
    clients.emplace_back([&, client] {
      for (int i = 0; i < kWrites; ++i) {
        const std::string body = fmt::format(
            R"({{"pain": {}, "regions": ["lower-back"], "note": "client {} write {}"}})",
            (client + i) % 11, client, i);
        if (post("/api/entries", body).status == 201)
          ++saved[static_cast<std::size_t>(client)];
        // Reads interleave with the other clients' writes.
        const std::string path = i % 2 == 0 ? "/api/entries?days=7" : "/api/today";
        if (get(path).status == 200)
          ++read[static_cast<std::size_t>(client)];
      }
    });
  }
  for (std::thread& client : clients)
    client.join();
  for (int client = 0; client < kClients; ++client) {
    SCOPED_TRACE(fmt::format("client {}", client));
    EXPECT_EQ(saved[static_cast<std::size_t>(client)], kWrites);
    EXPECT_EQ(read[static_cast<std::size_t>(client)], kWrites);
  }
  EXPECT_EQ(entry_count(), kClients * kWrites);
  // Each write is there once, with its own note.
  const Answer listed = get("/api/entries?days=7");
  ASSERT_EQ(listed.status, 200) << listed.text;
  std::vector<std::string> notes;
  for (const auto& entry : listed.body["entries"])
    notes.push_back(entry.value("note", ""));
  std::sort(notes.begin(), notes.end());
  EXPECT_EQ(std::adjacent_find(notes.begin(), notes.end()), notes.end());
  EXPECT_EQ(notes.size(), static_cast<std::size_t>(kClients * kWrites));
}

}  // namespace
}  // namespace limber::testing
