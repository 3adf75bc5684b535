#include "cli/remedy_text.h"

#include <string_view>

namespace limber::cli {
namespace {

std::string_view words(core::Remedy remedy) {
  switch (remedy) {
    case core::Remedy::kNone:
      return "";
    case core::Remedy::kListEntries:
      return "'limber history' lists the entry numbers";
    case core::Remedy::kAddActivity:
      return "name it first with limber function add \"NAME\"";
    case core::Remedy::kRemoveActivity:
      return "remove one first with limber function remove \"NAME\"";
    case core::Remedy::kListExercises:
      return "'limber exercises' lists them all";
    case core::Remedy::kCheckDiary:
      return "run 'limber doctor' to see what can be saved";
    case core::Remedy::kChooseDataDir:
      return "choose another place with --data-dir or LIMBER_HOME, or move this file away";
    case core::Remedy::kLogFirst:
      return "log how you are first, for example limber log 5 lower-back";
    case core::Remedy::kChooseDays:
      return "choose days in that span with --from and --to";
    case core::Remedy::kSeePlan:
      return "'limber today' shows your plan";
    case core::Remedy::kListDevices:
      return "'limber devices' lists the paired phones";
    case core::Remedy::kReachClinic:
      return "check the address your therapist gave you and this computer's connection, then "
             "run limber share again; nothing is lost, what was not sent waits for it";
    case core::Remedy::kTrustClinic:
      return "if your therapist gave you the clinic's CA file, run limber share again with "
             "--clinic-ca FILE; otherwise ask them how their clinic is reached";
  }
  return "";
}

}  // namespace

std::string explain(const core::Error& error) {
  return core::with_remedy(error.message, words(error.remedy));
}

}  // namespace limber::cli
