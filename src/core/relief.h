// What eased the pain. A log, never advice: limber records what the person took or used
// and says nothing about doses (product brief, safety rules).
#pragma once

#include <span>
#include <string_view>

#include "core/result.h"

namespace limber::core {

enum class ReliefKind { kMedication, kCream, kHeat, kCold, kOther };

std::string_view to_string(ReliefKind kind);
std::span<const std::string_view> relief_ids();
Result<ReliefKind> parse_relief(std::string_view text);

}  // namespace limber::core
