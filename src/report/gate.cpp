#include "report/gate.h"

#include "checks/config_schema.h"

#include <fstream>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

namespace doisoat {
namespace {

using json = nlohmann::json;

Result<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{path, "cannot read file"};
  std::ostringstream s;
  s << in.rdbuf();
  if (in.bad()) return Error{path, "cannot read file"};
  return s.str();
}

Result<json> parse_json(const std::string& text, const std::string& path) {
  try {
    return json::parse(text);
  } catch (const json::exception& e) {  // parse_error, and out_of_range for a number too large (issue 14)
    // nlohmann's message starts with "[json.exception.parse_error.101] parse error at line 1, ...".
    std::string what = e.what();
    if (auto p = what.find("] "); p != std::string::npos) what = what.substr(p + 2);
    return Error{path, "invalid JSON: " + what};
  }
}

std::optional<Severity> parse_severity(const std::string& s) {
  if (s == "error") return Severity::Error;
  if (s == "warning") return Severity::Warning;
  if (s == "info") return Severity::Info;
  return std::nullopt;
}

}  // namespace

Result<Config> parse_config(const std::string& text, const std::string& path, const std::set<std::string>& known_checks) {
  // Validated against the one schema the documentation's examples are generated from.
  const ConfigSchema& schema = config_schema();
  auto parsed = parse_json(text, path);
  if (!parsed) return parsed.error();
  const json& j = *parsed;
  if (!j.is_object()) return Error{path, "config must be a JSON object"};
  Config config;
  for (auto it = j.begin(); it != j.end(); ++it) {
    if (it.key() != schema.section)
      return Error{path, "unknown key '" + it.key() + "' (expected \"" + schema.section + "\")"};
  }
  if (!j.contains(schema.section)) return config;
  const json& checks = j[schema.section];
  if (!checks.is_object()) return Error{path, "\"" + schema.section + "\" must be an object of check ids"};
  std::string expected_fields;
  for (size_t i = 0; i < schema.fields.size(); ++i)
    expected_fields += (i == 0 ? "" : i + 1 == schema.fields.size() ? " or " : ", ") + ("\"" + schema.fields[i].name + "\"");
  for (auto it = checks.begin(); it != checks.end(); ++it) {
    const std::string& id = it.key();
    if (!known_checks.count(id)) return Error{path, "unknown check '" + id + "' (see 'doisoat checks')"};
    if (!it->is_object()) return Error{path, schema.section + "." + id + " must be an object"};
    CheckSettings s;
    for (auto f = it->begin(); f != it->end(); ++f) {
      const ConfigField* field = nullptr;
      for (const auto& candidate : schema.fields)
        if (candidate.name == f.key()) field = &candidate;
      if (!field)
        return Error{path, schema.section + "." + id + ": unknown key '" + f.key() + "' (expected " + expected_fields + ")"};
      std::string where = schema.section + "." + id + "." + field->name;
      if (field->type == ConfigField::Type::Boolean) {
        if (!f->is_boolean()) return Error{path, where + " must be true or false"};
      } else {
        bool accepted = false;
        std::string listed;
        for (size_t i = 0; i < field->values.size(); ++i) {
          if (f->is_string() && f->get<std::string>() == field->values[i]) accepted = true;
          listed += (i == 0 ? "" : i + 1 == field->values.size() ? " or " : ", ") + ("\"" + field->values[i] + "\"");
        }
        if (!accepted) return Error{path, where + " must be " + listed};
      }
      if (field->name == "enabled") s.enabled = f->get<bool>();
      else if (field->name == "severity") s.severity = parse_severity(f->get<std::string>());
    }
    config.checks[id] = s;
  }
  return config;
}

Result<Config> load_config(const std::string& path, const std::set<std::string>& known_checks) {
  auto text = read_file(path);
  if (!text) return text.error();
  return parse_config(*text, path, known_checks);
}

void apply_config(const Config& config, RunOptions& options) {
  for (const auto& [id, s] : config.checks) {
    if (s.severity && !options.severity_override.count(id)) options.severity_override[id] = *s.severity;
    if (!s.enabled) continue;
    bool named_on_command_line = options.enabled.count(id) || options.disabled.count(id);
    if (named_on_command_line) continue;
    if (!*s.enabled) options.disabled.insert(id);
  }
}

Result<std::vector<Suppression>> parse_suppressions(const std::string& text, const std::string& path) {
  auto parsed = parse_json(text, path);
  if (!parsed) return parsed.error();
  const json* list = &*parsed;
  if (parsed->is_object()) {
    if (!parsed->contains("suppressions")) return Error{path, "expected {\"suppressions\": [...]}"};
    list = &(*parsed)["suppressions"];
  }
  if (!list->is_array()) return Error{path, "\"suppressions\" must be an array"};
  std::vector<Suppression> out;
  for (size_t i = 0; i < list->size(); ++i) {
    const json& e = (*list)[i];
    std::string where = "suppression " + std::to_string(i + 1);
    if (!e.is_object()) return Error{path, where + " must be an object"};
    Suppression s;
    for (auto [key, field] : {std::pair{"id", &s.id}, std::pair{"justification", &s.justification},
                              std::pair{"accepted_by", &s.accepted_by}}) {
      if (!e.contains(key) || !e[key].is_string() || e[key].get<std::string>().empty())
        return Error{path, where + ": missing or empty \"" + key + "\" (id, justification and accepted_by are required)"};
      *field = e[key].get<std::string>();
    }
    out.push_back(std::move(s));
  }
  return out;
}

Result<std::vector<Suppression>> load_suppressions(const std::string& path) {
  auto text = read_file(path);
  if (!text) return text.error();
  return parse_suppressions(*text, path);
}

size_t apply_suppressions(RunReport& report, const std::vector<Suppression>& suppressions) {
  std::map<std::string, const Suppression*> by_id;
  for (const auto& s : suppressions) by_id.emplace(s.id, &s);
  size_t n = 0;
  auto apply = [&](Finding& f) {
    auto it = by_id.find(f.id);
    if (it == by_id.end() || (f.suppressed && !f.baselined)) return false;
    f.suppressed = true;
    f.baselined = false;  // an explicit acceptance says more than "it was there before"
    f.suppression_justification = it->second->justification;
    f.suppression_accepted_by = it->second->accepted_by;
    return true;
  };
  for (auto& f : report.findings) n += apply(f);
  for (auto& d : report.documents)
    for (auto& f : d.findings) apply(f);
  recount(report);
  return n;
}

std::string baseline_json(const RunReport& report, const std::string& version) {
  nlohmann::ordered_json fs = nlohmann::ordered_json::array();
  std::vector<const Finding*> sorted;
  for (const auto& f : report.findings) sorted.push_back(&f);
  std::stable_sort(sorted.begin(), sorted.end(), [](const Finding* a, const Finding* b) {
    if (a->path != b->path) return a->path < b->path;
    if (a->begin.line != b->begin.line) return a->begin.line < b->begin.line;
    if (a->check != b->check) return a->check < b->check;
    return a->id < b->id;
  });
  for (const Finding* f : sorted)
    fs.push_back({{"id", f->id}, {"check", f->check}, {"path", f->path}, {"line", f->begin.line}, {"quote", f->quote}});
  nlohmann::ordered_json j = {{"schema", "doisoat/baseline/v1"},
                              {"tool", {{"name", "doisoat"}, {"version", version}}},
                              {"findings", fs}};
  return j.dump(2) + "\n";
}

Result<std::set<std::string>> parse_baseline(const std::string& text, const std::string& path) {
  auto parsed = parse_json(text, path);
  if (!parsed) return parsed.error();
  const json& j = *parsed;
  if (!j.is_object() || !j.contains("schema") || !j["schema"].is_string())
    return Error{path, "not a doisoat baseline (expected \"schema\": \"doisoat/baseline/v1\")"};
  std::string schema = j["schema"].get<std::string>();
  if (schema != "doisoat/baseline/v1" && schema != "doisoat/findings/v1")
    return Error{path, "not a doisoat baseline (schema is '" + schema + "')"};
  if (!j.contains("findings") || !j["findings"].is_array()) return Error{path, "\"findings\" must be an array"};
  std::set<std::string> ids;
  for (size_t i = 0; i < j["findings"].size(); ++i) {
    const json& f = j["findings"][i];
    if (!f.is_object() || !f.contains("id") || !f["id"].is_string())
      return Error{path, "finding " + std::to_string(i + 1) + " has no \"id\""};
    ids.insert(f["id"].get<std::string>());
  }
  return ids;
}

Result<std::set<std::string>> load_baseline(const std::string& path) {
  auto text = read_file(path);
  if (!text) return text.error();
  return parse_baseline(*text, path);
}

size_t apply_baseline(RunReport& report, const std::set<std::string>& known_ids) {
  size_t n = 0;
  auto apply = [&](Finding& f) {
    if (f.suppressed || !known_ids.count(f.id)) return false;
    f.suppressed = true;
    f.baselined = true;
    return true;
  };
  for (auto& f : report.findings) n += apply(f);
  for (auto& d : report.documents)
    for (auto& f : d.findings) apply(f);
  recount(report);
  return n;
}

std::optional<Severity> fail_threshold(const std::string& fail_on) {
  if (fail_on == "never") return std::nullopt;
  return parse_severity(fail_on).value_or(Severity::Error);
}

bool gate_fails(const RunReport& report, std::optional<Severity> threshold) {
  if (!threshold) return false;
  for (const auto& f : report.findings)
    if (!f.suppressed && static_cast<int>(f.severity) >= static_cast<int>(*threshold)) return true;
  return false;
}

}  // namespace doisoat
