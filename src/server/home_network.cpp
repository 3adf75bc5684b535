#include "server/home_network.h"

#include <algorithm>
#include <array>

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>

namespace limber::server {

bool is_home_address(std::string_view address) {
  std::array<unsigned char, 4> bytes{};
  if (inet_pton(AF_INET, std::string(address).c_str(), bytes.data()) != 1)
    return false;
  return bytes[0] == 10 || (bytes[0] == 172 && (bytes[1] & 0xf0U) == 16) ||
         (bytes[0] == 192 && bytes[1] == 168);
}

std::vector<std::string> home_addresses() {
  std::vector<std::string> found;
  ifaddrs* list = nullptr;
  if (getifaddrs(&list) != 0)
    return found;
  for (const ifaddrs* each = list; each != nullptr; each = each->ifa_next) {
    if (each->ifa_addr == nullptr || each->ifa_addr->sa_family != AF_INET ||
        (each->ifa_flags & IFF_UP) == 0 || (each->ifa_flags & IFF_LOOPBACK) != 0) {
      continue;
    }
    std::array<char, INET_ADDRSTRLEN> text{};
    // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): the sockets API
    const auto* address = reinterpret_cast<const sockaddr_in*>(each->ifa_addr);
    if (inet_ntop(AF_INET, &address->sin_addr, text.data(), text.size()) == nullptr)
      continue;
    const std::string name(text.data());
    if (is_home_address(name) && std::find(found.begin(), found.end(), name) == found.end())
      found.push_back(name);
  }
  freeifaddrs(list);
  return found;
}

}  // namespace limber::server
