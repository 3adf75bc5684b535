#include "app/builtin_catalog.h"

namespace limber::app {

core::Result<core::Catalog> builtin_catalog() {
  return core::Catalog::parse(builtin_catalog_files());
}

}  // namespace limber::app
