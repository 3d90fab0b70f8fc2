// The one explicit, sorted registry of checks (STYLE.md: no static self-registration).
#include <algorithm>
#include <map>

#include "checks/check.h"

namespace doisoat {

const std::map<std::string, std::string>& embedded_check_docs();

const std::vector<std::unique_ptr<Check>>& check_registry() {
  static const std::vector<std::unique_ptr<Check>> checks = [] {
    std::vector<std::unique_ptr<Check>> v;
    // (checks are added here, sorted by id)
    return v;
  }();
  return checks;
}

const Check* find_check(const std::string& id) {
  for (const auto& c : check_registry())
    if (c->meta().id == id) return c.get();
  return nullptr;
}

std::string check_documentation(const std::string& id) {
  std::string file = id;
  std::replace(file.begin(), file.end(), '-', '_');
  const auto& docs = embedded_check_docs();
  auto it = docs.find(file);
  return it == docs.end() ? std::string() : it->second;
}

}  // namespace doisoat
