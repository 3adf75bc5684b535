#include "server/remedy_text.h"

#include <string_view>

namespace limber::server {
namespace {

std::string_view words(core::Remedy remedy) {
  switch (remedy) {
    case core::Remedy::kNone:
      return "";
    case core::Remedy::kListEntries:
      return "the list on the Log page shows your entries";
    case core::Remedy::kAddActivity:
      return "add it first under \u201cThings the pain makes hard\u201d on the Progress page";
    case core::Remedy::kRemoveActivity:
      return "remove one first on the Progress page";
    case core::Remedy::kListExercises:
      return "today's plan names the exercises to use";
    case core::Remedy::kCheckDiary:
      return "the diary needs a look on the computer that keeps it, where the doctor command "
             "shows what can be saved";
    case core::Remedy::kChooseDataDir:
      return "the diary needs another place on the computer that keeps it";
    case core::Remedy::kLogFirst:
      return "log how you are first, on the Log page";
    case core::Remedy::kChooseDays:
      return "choose days in that span";
    case core::Remedy::kSeePlan:
      return "the Today page shows your plan";
    case core::Remedy::kListDevices:
      return "More, then Phone, lists the paired phones";
    case core::Remedy::kReachClinic:
      return "limber tries again by itself in a little while; nothing is lost, what was not "
             "sent waits for it";
    case core::Remedy::kTrustClinic:
      return "the clinic's CA file, from your therapist, is given on the computer that keeps "
             "the diary, when sharing starts";
  }
  return "";
}

}  // namespace

std::string explain(const core::Error& error) {
  return core::with_remedy(error.message, words(error.remedy));
}

}  // namespace limber::server
