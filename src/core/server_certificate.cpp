#include "core/server_certificate.h"

#include <algorithm>

#include "core/text.h"

namespace limber::core {
namespace {

// RFC 1123: letters, digits and inner hyphens, 1 to 63 characters.
bool is_dns_label(std::string_view label) {
  if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-')
    return false;
  return std::all_of(label.begin(), label.end(),
                     [](unsigned char c) { return std::isalnum(c) != 0 || c == '-'; });
}

std::vector<std::string> sorted_lower(const std::vector<std::string>& names) {
  std::vector<std::string> out;
  out.reserve(names.size());
  for (const auto& name : names)
    out.push_back(ascii_lower(name));
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace

std::vector<std::string> certificate_names(std::string_view hostname,
                                           const std::vector<std::string>& addresses) {
  std::vector<std::string> names;
  for (const auto& address : addresses) {
    if (std::find(names.begin(), names.end(), address) == names.end())
      names.push_back(address);
  }
  const std::string label = ascii_lower(hostname.substr(0, hostname.find('.')));
  if (is_dns_label(label))
    names.push_back(label + ".local");
  return names;
}

std::string authority_name(std::string_view hostname) {
  return "limber on " + std::string(hostname.empty() ? "this computer" : hostname);
}

Renewal renewal(const std::optional<CertificateFacts>& current,
                const std::vector<std::string>& wanted, Instant now) {
  if (!current)
    return Renewal::kMissing;
  if (!current->signed_by_authority)
    return Renewal::kOtherAuthority;
  if (sorted_lower(current->names) != sorted_lower(wanted))
    return Renewal::kNamesChanged;
  if (current->not_before > now || current->not_after - now < kRenewBefore)
    return Renewal::kExpiring;
  return Renewal::kKeep;
}

std::string_view renewal_reason(Renewal renewal) {
  switch (renewal) {
    case Renewal::kKeep:
      return "";
    case Renewal::kMissing:
      return "there was none yet";
    case Renewal::kOtherAuthority:
      return "the certificate authority is new";
    case Renewal::kNamesChanged:
      return "the addresses changed";
    case Renewal::kExpiring:
      return "the old one was about to expire";
  }
  return "";
}

}  // namespace limber::core
