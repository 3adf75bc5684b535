// The computer's addresses on the home network, for the phone's listener when
// --phone-bind does not name one: IPv4 private addresses (10/8, 172.16/12, 192.168/16) of
// interfaces that are up. IPv6 is left out on purpose: a home router gives phones an IPv4
// address, a link-local IPv6 address needs a zone a phone's browser cannot type, and a
// global IPv6 address would reach the computer from outside the home.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace limber::server {

// True for an IPv4 literal in 10/8, 172.16/12 or 192.168/16.
bool is_home_address(std::string_view address);

// This computer's home-network addresses (getifaddrs), each once, in interface order.
std::vector<std::string> home_addresses();

}  // namespace limber::server
