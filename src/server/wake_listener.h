// The shutdown wake-up: a server library whose accept loop looks at its stop flag only
// between polls of the listening socket (CivetWeb's, up to 2 s) stops at once when a
// connection of our own arrives.
#pragma once

#include <string>

namespace limber::server {

// Opens and closes a TCP connection to `bind`:`port` (127.0.0.1 for the wildcard
// 0.0.0.0). Whether it connects does not matter: the caller knocks again until the
// server has stopped.
void knock(const std::string& bind, int port);

}  // namespace limber::server
