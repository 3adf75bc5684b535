// Where random bytes come from: the kernel in the program, a fixed sequence in unit tests.
#pragma once

#include <cstdint>
#include <functional>
#include <span>

#include "core/result.h"

namespace limber::app {

// Fills the span with random bytes; kIo when there are none to be had.
using RandomBytes = std::function<core::Result<void>(std::span<std::uint8_t>)>;

// The kernel's random source (getrandom(2)).
core::Result<void> system_random_bytes(std::span<std::uint8_t> out);

}  // namespace limber::app
