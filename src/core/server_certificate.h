// What limber's HTTPS certificate for the phone should say, and when to make a new one
// (issue 14). Pure: the TLS module (src/tls/) reads and writes the certificates; this
// decides from their facts and a given time.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"

namespace limber::core {

// A server certificate is valid for at most this long (the CA/Browser Forum's limit that
// Apple's devices enforce), and is made anew when less than kRenewBefore is left.
inline constexpr std::chrono::days kServerCertificateLifetime{397};
inline constexpr std::chrono::days kRenewBefore{30};
// Made once per install; a phone that trusts it keeps trusting it.
inline constexpr std::chrono::days kAuthorityLifetime{3650};
// Valid from a little before it is made, for a phone whose clock is behind.
inline constexpr std::chrono::hours kBackdate{1};

// What limber reads from a certificate it made.
struct CertificateFacts {
  std::vector<std::string> names;  // its subject alternative names: addresses and DNS names
  Instant not_before;
  Instant not_after;
  bool signed_by_authority = false;  // verified against this install's CA
};

// The names the server certificate carries: each listening address, then
// "HOSTNAME.local" (the host name's first label, lowercase) when it is a valid DNS label.
std::vector<std::string> certificate_names(std::string_view hostname,
                                           const std::vector<std::string>& addresses);

// "limber on HOSTNAME": the CA's common name, as the phone lists it.
std::string authority_name(std::string_view hostname);

enum class Renewal {
  kKeep,            // the certificate is good
  kMissing,         // none yet, or unreadable
  kOtherAuthority,  // not signed by this install's CA (a new CA was made)
  kNamesChanged,    // the addresses it listens on changed
  kExpiring,        // less than kRenewBefore left (or not valid yet: a clock that jumped)
};

// Whether the server certificate must be made anew for `wanted` names at `now`.
Renewal renewal(const std::optional<CertificateFacts>& current,
                const std::vector<std::string>& wanted, Instant now);

// Why, in a few plain words, for the start-up lines ("the addresses changed"); empty for kKeep.
std::string_view renewal_reason(Renewal renewal);

}  // namespace limber::core
