// A program's man page (man(7) macros) from its command line.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "clidoc/command_doc.h"

namespace limber::clidoc {

struct ManPage {
  std::string version;  // "0.1.0"
  // Sections after the commands, in order: a title ("ENVIRONMENT") and its text, whose
  // indented lines stay as they are and whose "  NAME  what" lines become a list.
  std::vector<std::pair<std::string, std::string>> sections;
};

// The page: NAME, SYNOPSIS, DESCRIPTION, OPTIONS, then a section per command (its use,
// options, notes and examples), then `page.sections`.
std::string man_page(const CommandDoc& program, const ManPage& page);

}  // namespace limber::clidoc
