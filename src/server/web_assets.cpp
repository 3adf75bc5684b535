#include "server/web_assets.h"

#include <algorithm>

namespace limber::server {

const WebAsset* find_web_asset(std::string_view path) {
  if (path == "/")
    path = "/index.html";
  const auto files = web_asset_files();
  const auto found = std::find_if(files.begin(), files.end(),
                                  [&](const WebAsset& asset) { return asset.path == path; });
  return found == files.end() ? nullptr : &*found;
}

}  // namespace limber::server
