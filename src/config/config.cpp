#include "clauselint/config.h"

#include <algorithm>
#include <filesystem>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <yaml-cpp/yaml.h>

#include "clauselint/bounded_read.h"
#include "clauselint/builtin_packs.h"
#include "clauselint/limits.h"
#include "clauselint/suppressions.h"
#include "clauselint/yaml_limits.h"
#include "yaml/checked_keys.h"

namespace fs = std::filesystem;

namespace clauselint {
namespace {

constexpr const char* kConfigName = ".clauselint.yaml";
constexpr std::size_t kMaxConfigString = 4096;

// `path` as shown to users: relative to the current folder when inside it.
std::string display_path(const fs::path& path) {
  std::error_code ec;
  const fs::path absolute = fs::absolute(path, ec).lexically_normal();
  const fs::path relative = absolute.lexically_relative(fs::current_path(ec));
  if (!relative.empty() && *relative.begin() != "..") return relative.string();
  return absolute.string();
}

class ConfigReader {
 public:
  ConfigReader(Config& config, std::vector<Diagnostic>& diagnostics) : config_(config), diagnostics_(diagnostics) {}

  bool read(const YAML::Node& root) {
    if (root.IsNull()) return true;  // an empty file: defaults
    if (!root.IsMap()) {
      error(root.Mark(), "a config file must be a mapping (packs:, rules:, include:, exclude:, overrides:)");
      return false;
    }
    keys(root, {"packs", "rules", "include", "exclude", "overrides"}, "the config");
    if (root["packs"]) config_.packs = packs(root["packs"]);
    if (root["rules"]) config_.rules = rules(root["rules"]);
    if (root["include"]) config_.include = strings(root["include"], "'include'");
    if (root["exclude"]) config_.exclude = strings(root["exclude"], "'exclude'");
    if (const YAML::Node list = root["overrides"]) {
      if (!list.IsSequence())
        error(list.Mark(), "'overrides' must be a list of {files:, packs:, rules:}");
      else
        for (const auto& item : list) config_.overrides.push_back(override_of(item));
    }
    return ok_;
  }

 private:
  void error(const YAML::Mark& mark, std::string message) {
    ok_ = false;
    diagnostics_.push_back({config_.file, mark.line >= 0 ? Position{mark.line + 1, mark.column + 1} : Position{},
                            Severity::error, std::move(message)});
  }

  void keys(const YAML::Node& map, std::initializer_list<std::string_view> allowed, const std::string& where) {
    for (auto& problem : check_keys(map, allowed, where)) error(problem.mark, std::move(problem.message));
  }

  std::vector<std::string> strings(const YAML::Node& node, const std::string& what) {
    std::vector<std::string> out;
    // A glob or path longer than any real one: refused, since glob matching
    // costs pattern x path length.
    auto take = [&](const YAML::Node& item) {
      if (item.Scalar().size() > kMaxConfigString)
        error(item.Mark(), fmt::format("an item of {} is {} bytes long; the limit is {}", what, item.Scalar().size(),
                                       kMaxConfigString));
      else
        out.push_back(item.Scalar());
    };
    if (node.IsScalar()) {
      take(node);
    } else if (node.IsSequence()) {
      for (const auto& item : node) {
        if (item.IsScalar())
          take(item);
        else
          error(item.Mark(), fmt::format("every item of {} must be a string", what));
      }
    } else {
      error(node.Mark(), fmt::format("{} must be a list of strings", what));
    }
    return out;
  }

  // Built-in names stay names; anything else is a file relative to the config.
  std::vector<std::string> packs(const YAML::Node& node) {
    std::vector<std::string> out;
    for (auto& p : strings(node, "'packs'"))
      out.push_back(find_builtin_pack(p) ? p : display_path(fs::path(config_.dir) / p));
    return out;
  }

  RuleSettings rules(const YAML::Node& node) {
    RuleSettings out;
    if (!node.IsMap()) {
      error(node.Mark(), "'rules' must map rule ids to error, warning, note or off");
      return out;
    }
    for (const auto& kv : node) {
      const std::string id = kv.first.Scalar();
      const std::string value = kv.second.IsScalar() ? kv.second.Scalar() : "(not a word)";
      config_.rule_positions.emplace(id, Position{kv.first.Mark().line + 1, kv.first.Mark().column + 1});
      if (value == "off")
        out[id] = std::nullopt;
      else if (const auto s = parse_severity(value))
        out[id] = *s;
      else
        error(kv.second.Mark(), fmt::format("rule '{}': '{}' must be error, warning, note or off", id, value));
    }
    return out;
  }

  ConfigOverride override_of(const YAML::Node& node) {
    ConfigOverride o;
    if (!node.IsMap()) {
      error(node.Mark(), "each override must be a mapping with files: and packs: or rules:");
      return o;
    }
    keys(node, {"files", "packs", "rules"}, "an override");
    if (!node["files"])
      error(node.Mark(), "an override needs 'files': the globs it applies to");
    else
      o.files = strings(node["files"], "'files'");
    if (node["packs"]) o.packs = packs(node["packs"]);
    if (node["rules"]) o.rules = rules(node["rules"]);
    return o;
  }

  Config& config_;
  std::vector<Diagnostic>& diagnostics_;
  bool ok_ = true;
};

// `file` relative to the config's folder, with "/" separators.
std::string relative(const Config& config, const std::string& file) {
  std::error_code ec;
  const fs::path base = config.dir.empty() ? fs::current_path(ec) : fs::path(config.dir);
  return fs::absolute(file, ec)
      .lexically_normal()
      .lexically_relative(fs::absolute(base, ec).lexically_normal())
      .generic_string();
}

bool any_match(const std::vector<std::string>& globs, const std::string& path) {
  return std::any_of(globs.begin(), globs.end(), [&](const std::string& g) { return glob_match(g, path); });
}

}  // namespace

std::optional<Config> load_config(const std::string& path, std::vector<Diagnostic>& diagnostics) {
  const BoundedRead read = read_bounded(path, kMaxConfigBytes);
  if (!read.ok) {
    diagnostics.push_back({path,
                           {},
                           Severity::error,
                           read.too_large || read.error != "No such file or directory"
                               ? describe_read_failure(read, "the config file", kMaxConfigBytes)
                               : "cannot read the config file"});
    return std::nullopt;
  }
  return parse_config(read.bytes, path, diagnostics);
}

std::optional<Config> parse_config(const std::string& text, const std::string& path,
                                   std::vector<Diagnostic>& diagnostics) {
  Config config;
  config.file = path;
  std::error_code ec;
  config.dir = fs::absolute(path, ec).parent_path().lexically_normal().string();
  if (const auto limit = check_yaml_limits(text)) {
    diagnostics.push_back({path, limit->position, Severity::error, limit->message});
    return std::nullopt;
  }
  try {
    if (!ConfigReader(config, diagnostics).read(YAML::Load(text))) return std::nullopt;
  } catch (const YAML::Exception& e) {
    diagnostics.push_back(
        {path, {e.mark.line + 1, e.mark.column + 1}, Severity::error, fmt::format("invalid YAML: {}", e.msg)});
    return std::nullopt;
  }
  return config;
}

std::string find_config(const std::string& file) {
  std::error_code ec;
  for (fs::path dir = fs::absolute(file, ec).parent_path(); !dir.empty(); dir = dir.parent_path()) {
    if (fs::is_regular_file(dir / kConfigName, ec)) return display_path(dir / kConfigName);
    if (dir == dir.parent_path()) break;
  }
  return {};
}

std::vector<std::string> select_packs(const std::vector<std::string>& cli_packs,
                                      const std::vector<std::string>& configured) {
  std::vector<std::string> replacing, added;
  for (const auto& p : cli_packs) {
    if (p.starts_with('+'))
      added.push_back(p.substr(1));
    else
      replacing.push_back(p);
  }
  std::vector<std::string> out = replacing.empty() ? configured : replacing;
  if (out.empty() && !added.empty())
    for (const auto& p : builtin_packs())
      if (p.is_default) out.emplace_back(p.name);
  for (const auto& p : added)
    if (std::find(out.begin(), out.end(), p) == out.end()) out.push_back(p);
  return out;
}

EffectiveConfig effective_config(const Config& config, const std::string& file,
                                 const std::vector<std::string>& cli_packs) {
  EffectiveConfig out;
  out.config_file = config.file;
  out.packs = select_packs(cli_packs, config.packs);
  out.rules = config.rules;
  const std::string path = relative(config, file);
  out.excluded = (!config.include.empty() && !any_match(config.include, path)) || any_match(config.exclude, path);
  for (const auto& o : config.overrides) {
    if (!any_match(o.files, path)) continue;
    if (out.packs.empty() && !o.packs.empty())
      for (const auto& p : builtin_packs())
        if (p.is_default) out.packs.emplace_back(p.name);  // the defaults, then the override's
    for (const auto& p : o.packs)
      if (std::find(out.packs.begin(), out.packs.end(), p) == out.packs.end()) out.packs.push_back(p);
    for (const auto& [id, s] : o.rules) out.rules[id] = s;
  }
  return out;
}

std::vector<std::string> all_packs(const Config& config, const std::vector<std::string>& cli_packs) {
  std::vector<std::string> out = select_packs(cli_packs, config.packs);
  if (out.empty())
    for (const auto& p : builtin_packs())
      if (p.is_default) out.emplace_back(p.name);
  for (const auto& o : config.overrides)
    for (const auto& p : o.packs)
      if (std::find(out.begin(), out.end(), p) == out.end()) out.push_back(p);
  return out;
}

std::vector<Diagnostic> check_rule_ids(const Config& config, const RuleSet& rules) {
  std::vector<Diagnostic> out;
  for (const auto& [id, position] : config.rule_positions)
    if (!rules.find_rule(id) && id != invalid_suppression_rule().id)  // clauselint's own rule, in no pack
      out.push_back(
          {config.file, position, Severity::error,
           fmt::format("unknown rule '{}'{} (no pack this config uses defines it): 'clauselint rules' lists them", id,
                       rules.suggest_rule(id))});
  return out;
}

std::string describe(const EffectiveConfig& config) {
  std::string out = fmt::format("config: {}\n", config.config_file.empty() ? "(none: defaults)" : config.config_file);
  out += fmt::format("excluded: {}\n", config.excluded ? "true" : "false");
  if (config.packs.empty()) {
    out += "packs: [";
    std::vector<std::string> names;
    for (const auto& p : builtin_packs())
      if (p.is_default) names.emplace_back(p.name);
    out += fmt::format("{}]  # the defaults\n", fmt::join(names, ", "));
  } else {
    out += fmt::format("packs: [{}]\n", fmt::join(config.packs, ", "));
  }
  out += config.rules.empty() ? "rules: {}\n" : "rules:\n";
  for (const auto& [id, s] : config.rules) out += fmt::format("  {}: {}\n", id, s ? to_string(*s) : "off");
  return out;
}

}  // namespace clauselint
