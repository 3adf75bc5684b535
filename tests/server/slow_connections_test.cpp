// Connections that never finish a request, on raw sockets against the real server: a dozen
// that trickle one byte a second, and a few that send nothing. Issue 11, defect 6: with
// CivetWeb's 8 threads each waiting 30 s for a head, eight of them took the page down.
// And CivetWeb's own answers (a malformed request) carry limber's security headers.
#include <array>
#include <cerrno>
#include <chrono>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include "server/server_fixture.h"

namespace limber::testing {
namespace {

// A TCP connection to the server that the test drives byte by byte.
class RawConnection {
 public:
  explicit RawConnection(int port) : fd_(socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0)) {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    // A bounded wait for every read: a server that never answers fails the test.
    const timeval limit{20, 0};
    setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &limit, sizeof(limit));
    // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): the sockets API
    connected_ = connect(fd_, reinterpret_cast<const sockaddr*>(&address), sizeof(address)) == 0;
  }
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;
  RawConnection(RawConnection&& other) noexcept
      : fd_(std::exchange(other.fd_, -1)),
        connected_(other.connected_),
        received_(std::move(other.received_)) {}
  RawConnection& operator=(RawConnection&&) = delete;
  ~RawConnection() {
    if (fd_ >= 0)
      close(fd_);
  }

  [[nodiscard]] bool connected() const { return connected_; }

  // False when the server has closed the connection (the write is refused).
  bool write(std::string_view bytes) const {
    return ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL) ==
           static_cast<ssize_t>(bytes.size());
  }

  // Whether the server has closed its side, without waiting: what it sent before is read
  // and kept.
  bool closed_by_server() {
    std::array<char, 4096> buffer{};
    for (;;) {
      const ssize_t got = recv(fd_, buffer.data(), buffer.size(), MSG_DONTWAIT);
      if (got > 0) {
        received_.append(buffer.data(), static_cast<std::size_t>(got));
        continue;
      }
      if (got == 0)
        return true;
      return errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR;
    }
  }

  // Everything the server sends until it closes the connection (or 20 s pass).
  std::string read_to_end() {
    std::array<char, 4096> buffer{};
    for (;;) {
      const ssize_t got = recv(fd_, buffer.data(), buffer.size(), 0);
      if (got <= 0)
        return received_;
      received_.append(buffer.data(), static_cast<std::size_t>(got));
    }
  }

 private:
  int fd_;
  bool connected_ = false;
  std::string received_;
};

using SlowConnectionsTest = ServerTest;

TEST_F(SlowConnectionsTest, TricklingHeadsNeitherStopThePageNorStayOpen) {
  // The start of a head that never ends: one more byte of a header value each second.
  const std::string head = "GET /api/today HTTP/1.1\r\nHost: " + host() + "\r\nX-Slow: ";
  std::vector<RawConnection> trickling;
  std::vector<RawConnection> silent;
  for (int i = 0; i < 12; ++i) {
    trickling.emplace_back(port_);
    ASSERT_TRUE(trickling.back().connected());
    ASSERT_TRUE(trickling.back().write(head.substr(0, 1)));
  }
  for (int i = 0; i < 4; ++i) {
    silent.emplace_back(port_);
    ASSERT_TRUE(silent.back().connected());
  }

  // The page answers while every one of them still hangs.
  const Answer today = get("/api/today");
  EXPECT_EQ(today.status, 200) << today.text;
  for (RawConnection& connection : trickling)
    EXPECT_FALSE(connection.closed_by_server()) << "closed before the page answered";

  // Then the server closes each of them: the loop limit is a bound for the test, far above
  // the 2 x kRequestArrivalLimit it takes.
  const auto limit = std::chrono::duration_cast<std::chrono::seconds>(
      server::kRequestArrivalLimit * 4 + std::chrono::seconds{10});
  std::size_t sent = 1;
  std::size_t open = trickling.size() + silent.size();
  for (auto second = std::chrono::seconds{0}; open > 0 && second < limit; ++second) {
    std::this_thread::sleep_for(std::chrono::seconds{1});
    open = 0;
    const char next = sent < head.size() ? head[sent] : 'a';
    for (RawConnection& connection : trickling) {
      if (!connection.closed_by_server() && connection.write(std::string(1, next)))
        ++open;
    }
    for (RawConnection& connection : silent)
      open += connection.closed_by_server() ? 0U : 1U;
    ++sent;
  }
  EXPECT_EQ(open, 0U) << "connections still open after " << sent << " bytes each";

  // And the server goes on answering.
  EXPECT_EQ(get("/api/today").status, 200);
}

TEST_F(SlowConnectionsTest, CivetWebsOwnAnswersCarryTheSecurityHeaders) {
  const std::string kRequests[] = {
      "NONSENSE\r\n\r\n",                                                   // no request line
      "GET / HTTP/1.1\r\nHost: " + host() + "\r\nBad header line\r\n\r\n",  // a header without ':'
      // A head as large as CivetWeb takes (16 KiB) and not yet ended: exactly that much, so
      // nothing is left unread when it closes (which would reset the connection).
      "GET /" + std::string(16384 - 5, 'a'),
  };
  for (const std::string& request : kRequests) {
    SCOPED_TRACE(request.substr(0, 40));
    RawConnection connection(port_);
    ASSERT_TRUE(connection.connected());
    ASSERT_TRUE(connection.write(request));
    const std::string answer = connection.read_to_end();
    const std::string head = answer.substr(0, answer.find("\r\n\r\n"));
    EXPECT_EQ(head.rfind("HTTP/1.", 0), 0U) << answer;  // 1.0 when the version was unreadable
    EXPECT_EQ(head.substr(8, 5), " 400 ") << answer;
    for (const char* header :
         {"\r\nContent-Security-Policy: default-src 'none'; script-src 'self';",
          "\r\nX-Content-Type-Options: nosniff\r\n", "\r\nReferrer-Policy: no-referrer\r\n",
          "\r\nX-Frame-Options: DENY\r\n", "\r\nCross-Origin-Resource-Policy: same-origin\r\n",
          "\r\nCache-Control: no-cache, no-store"}) {
      EXPECT_NE((head + "\r\n").find(header), std::string::npos) << header << " missing in\n"
                                                                 << head;
    }
  }
}

}  // namespace
}  // namespace limber::testing
