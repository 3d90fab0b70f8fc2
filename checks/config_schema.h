// The schema of the `--config` file, in one place: the parser (report/gate.cpp) validates
// against it, and every check's documentation shows examples generated from it, so a documented
// example cannot drift from what the parser accepts (issue 16).
//   {"checks": {"ratio-recompute": {"severity": "warning"}, "share": {"enabled": false}}}
#pragma once

#include <string>
#include <vector>

#include "core/model.h"

namespace doisoat {

/// One setting a check may have in the config file.
struct ConfigField {
  std::string name;                 // "enabled"
  enum class Type { Boolean, OneOf } type = Type::Boolean;
  std::vector<std::string> values;  // OneOf: the accepted strings
  std::string describe_en;          // "turns the check off"
};

struct ConfigSchema {
  std::string section;              // the one top-level key: "checks"
  std::vector<ConfigField> fields;  // per check id
};

const ConfigSchema& config_schema();

/// One config file that sets one field of a check to a value other than its default:
/// {"checks": {"share": {"enabled": false}}}, {"checks": {"share": {"severity": "info"}}}.
std::string config_example(const std::string& check_id, Severity default_severity, const ConfigField& field);

/// The Markdown bullet of a check's "How to silence it" that names the config file, generated
/// from the schema. Replaces the line `<!-- config-example -->` in checks/*.md.
std::string config_example_markdown(const std::string& check_id, Severity default_severity);

}  // namespace doisoat
