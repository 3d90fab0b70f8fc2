#include "checks/config_schema.h"

namespace doisoat {

const ConfigSchema& config_schema() {
  static const ConfigSchema schema{
      "checks",
      {ConfigField{"enabled", ConfigField::Type::Boolean, {}, "turn it off"},
       ConfigField{"severity", ConfigField::Type::OneOf, {"error", "warning", "info"}, "re-grade it"}}};
  return schema;
}

std::string config_example(const std::string& check_id, Severity default_severity, const ConfigField& field) {
  std::string value;
  if (field.type == ConfigField::Type::Boolean) {
    value = "false";  // every check is on unless the config says otherwise
  } else {
    // The first accepted value that differs from the default: an example that changes something.
    std::string current = to_string(default_severity);
    std::string pick = field.values.empty() ? std::string() : field.values.back();
    for (auto it = field.values.rbegin(); it != field.values.rend(); ++it)
      if (*it != current) { pick = *it; break; }
    value = "\"" + pick + "\"";
  }
  return "{\"" + config_schema().section + "\": {\"" + check_id + "\": {\"" + field.name + "\": " + value + "}}}";
}

std::string config_example_markdown(const std::string& check_id, Severity default_severity) {
  std::string out = "- in the config file (`--config FILE`):";
  bool first = true;
  for (const auto& field : config_schema().fields) {
    out += std::string(first ? " " : ", or ") + field.describe_en + ": `" +
           config_example(check_id, default_severity, field) + "`";
    first = false;
  }
  return out + ";";
}

}  // namespace doisoat
