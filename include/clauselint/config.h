// The configuration file, .clauselint.yaml: which packs apply to which
// policies, rule severities, and which files to skip. Found by walking up
// from each linted file (the nearest one wins), or named with --config.
//
//   packs: [core, ./packs/company.yaml]   # built-in names, or files relative to this file
//   rules:                                # per-rule severity: error | warning | note | off
//     cookie-opt-out: warning
//   include: ["policies/**"]              # globs relative to this file (default: every policy)
//   exclude: ["policies/drafts/**"]
//   overrides:                            # later entries win
//     - files: ["policies/kids/**"]
//       packs: [coppa]                    # added to the packs above
//       rules: {children-under-13: error}
//
// Errors (unknown keys, wrong types, unknown rule ids) name file:line:col.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "clauselint/diagnostic.h"
#include "clauselint/rule_set.h"
#include "clauselint/severity.h"

namespace clauselint {

using RuleSettings = std::map<std::string, std::optional<Severity>>;  // nullopt: off

struct ConfigOverride {
  std::vector<std::string> files;  // globs
  std::vector<std::string> packs;
  RuleSettings rules;
};

struct Config {
  std::string file;                // "" for the defaults (no config file)
  std::string dir;                 // the folder globs and pack paths are relative to
  std::vector<std::string> packs;  // as resolved: built-in names or paths
  RuleSettings rules;
  std::vector<std::string> include;
  std::vector<std::string> exclude;
  std::vector<ConfigOverride> overrides;
  std::map<std::string, Position> rule_positions;  // where each rule id is named, for errors
};

// Reads and validates a config file; nullopt (with errors) when it is invalid.
std::optional<Config> load_config(const std::string& path, std::vector<Diagnostic>& diagnostics);
// The same for config text already read (`path` names it and sets its folder).
std::optional<Config> parse_config(const std::string& text, const std::string& path,
                                   std::vector<Diagnostic>& diagnostics);

// The nearest .clauselint.yaml in the folder of `file` or above it; "" if none.
std::string find_config(const std::string& file);

// What applies to one file.
struct EffectiveConfig {
  std::string config_file;         // "" when none
  std::vector<std::string> packs;  // empty: clauselint's default packs
  RuleSettings rules;
  bool excluded = false;  // skipped by include/exclude
};

// `cli_packs` (from --rules), when given, replace the config's own packs;
// overrides still add theirs.
EffectiveConfig effective_config(const Config& config, const std::string& file,
                                 const std::vector<std::string>& cli_packs);

// The packs a run uses before overrides: `cli_packs` (from --rules) replace
// `configured` (a config's packs; empty: the default packs), except items
// written "+NAME", which are added to them (--rules +gdpr: the defaults and
// gdpr). An empty result means the default packs.
std::vector<std::string> select_packs(const std::vector<std::string>& cli_packs,
                                      const std::vector<std::string>& configured);

// Every pack `config` may use: its packs (or `cli_packs`, or the defaults)
// and those of all its overrides.
std::vector<std::string> all_packs(const Config& config, const std::vector<std::string>& cli_packs);

// Unknown rule ids named in `config`, checked against the rules of
// all_packs() and clauselint's own rule (invalid-suppression): errors at
// the ids.
std::vector<Diagnostic> check_rule_ids(const Config& config, const RuleSet& rules);

// Glob matching on "/"-separated relative paths: "*" and "?" stay within a
// folder, "**" spans folders ("docs/**" matches everything under docs/).
bool glob_match(std::string_view pattern, std::string_view path);

// YAML for --print-config.
std::string describe(const EffectiveConfig& config);

}  // namespace clauselint
