#include "clinic/page_files.h"

#include <string>

#include "clinic/answers.h"

namespace limber::clinic {

server::HttpAnswer page_file(std::string_view path) {
  if (path == "/")
    path = "/index.html";
  for (const auto& file : web_asset_files()) {
    if (file.path == path) {
      return {200,
              std::string(file.type),
              std::string(file.body),
              {{"Content-Security-Policy", std::string(kPagePolicy)},
               {"Referrer-Policy", "no-referrer"}}};
    }
  }
  return error_answer(404, "There is nothing at this address.");
}

}  // namespace limber::clinic
