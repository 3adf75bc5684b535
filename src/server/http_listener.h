// What the server needs from the library that serves HTTP: a listening socket with
// threads that turn each request into an HttpRequest and send back the HttpAnswer the
// handler gives. server/civetweb_adapter.h makes one with CivetWeb; a TLS listener on
// another library would be a second adapter behind this same interface.
#pragma once

#include <chrono>
#include <functional>
#include <string>

#include "server/http.h"

namespace limber::server {

// Answers one request, on one of the listener's threads; never throws (answer_or_500).
using HttpHandler = std::function<HttpAnswer(HttpRequest&)>;

struct ListenOptions {
  std::string bind = "127.0.0.1";  // the address to listen on
  int port = 0;                    // 0: any free port
  int threads = 1;                 // connections served at once
  // A request's head must arrive within this of the connection's turn; the same bounds
  // each wait to read a body or send an answer (server.h, kRequestArrivalLimit).
  std::chrono::milliseconds request_arrival_limit{5000};
  // The next request on a kept-alive connection must arrive within this.
  std::chrono::milliseconds keep_alive_limit{500};
};

class HttpListener {
 public:
  HttpListener() = default;
  HttpListener(const HttpListener&) = delete;
  HttpListener& operator=(const HttpListener&) = delete;
  HttpListener(HttpListener&&) = delete;
  HttpListener& operator=(HttpListener&&) = delete;
  // Stops, as stop() does.
  virtual ~HttpListener() = default;

  // The port it listens on (the chosen one for port 0).
  [[nodiscard]] virtual int port() const = 0;
  // From now on every request goes to `handler`; until then none reaches limber (the
  // library answers 404 by itself). Call once.
  virtual void serve(HttpHandler handler) = 0;
  // Stops listening and waits for the requests in flight. Call once, from any thread.
  virtual void stop() = 0;
};

}  // namespace limber::server
