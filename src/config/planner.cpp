#include "clauselint/planner.h"

#include <filesystem>
#include <map>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "clauselint/load_packs.h"

namespace clauselint {
namespace {

class ConfigCache {
 public:
  explicit ConfigCache(std::string forced) : forced_(std::move(forced)) {}

  // The config for `file` (the defaults when there is none), or null when it is invalid.
  const Config* get(const std::string& file, std::vector<Diagnostic>& diagnostics) {
    const std::string path = forced_.empty() ? find_config(file) : forced_;
    auto it = cache_.find(path);
    if (it == cache_.end()) {
      std::optional<Config> config;
      if (path.empty()) {
        config.emplace();
        config->dir = std::filesystem::current_path().string();
      } else {
        config = load_config(path, diagnostics);
      }
      it = cache_.emplace(path, std::move(config)).first;
    }
    return it->second ? &*it->second : nullptr;
  }

 private:
  std::string forced_;
  std::map<std::string, std::optional<Config>> cache_;
};

}  // namespace

EffectiveConfig config_for(const std::string& file, const std::vector<std::string>& cli_packs,
                           const std::string& config_file, std::vector<Diagnostic>& diagnostics) {
  ConfigCache configs(config_file);
  const Config* config = configs.get(file, diagnostics);
  return config ? effective_config(*config, file, cli_packs) : EffectiveConfig{};
}

RunPlan plan_run(const std::vector<std::string>& files, const std::vector<std::string>& cli_packs,
                 const std::string& config_file, const std::string& stdin_name) {
  RunPlan plan;
  ConfigCache configs(config_file);
  std::map<std::string, RuleSet*> by_packs;  // packs, joined -> rule set (null: failed to load)
  std::set<std::string> checked;             // configs whose rule ids were checked
  auto rules_for = [&](const std::vector<std::string>& packs) -> RuleSet* {
    const std::string key = fmt::format("{}", fmt::join(packs, "\n"));
    auto it = by_packs.find(key);
    if (it == by_packs.end()) {
      auto rules = std::make_unique<RuleSet>();
      const auto problems = load_packs(*rules, packs);
      plan.diagnostics.insert(plan.diagnostics.end(), problems.begin(), problems.end());
      it = by_packs.emplace(key, has_errors(problems) ? nullptr : rules.get()).first;
      plan.rule_sets.push_back(std::move(rules));
    }
    return it->second;
  };
  if (!cli_packs.empty())
    rules_for(select_packs(cli_packs, {}));  // report a broken --rules pack even when no file is read
  for (const auto& path : files) {
    // Standard input without --stdin-filename has no path: the nearest config
    // still gives its packs and severities, but its include/exclude globs,
    // which are about paths, do not leave it out.
    const bool unnamed_stdin = path == "-" && stdin_name.empty();
    const std::string shown = path != "-" ? path : unnamed_stdin ? "<stdin>" : stdin_name;
    const Config* config = configs.get(shown, plan.diagnostics);
    if (!config) continue;
    if (!config->file.empty() && checked.insert(config->file).second && !config->rule_positions.empty()) {
      if (const RuleSet* every = rules_for(all_packs(*config, cli_packs))) {
        const auto problems = check_rule_ids(*config, *every);
        plan.diagnostics.insert(plan.diagnostics.end(), problems.begin(), problems.end());
      }
    }
    const EffectiveConfig effective = effective_config(*config, shown, cli_packs);
    if (effective.excluded && !unnamed_stdin) {
      ++plan.excluded;
      continue;
    }
    if (const RuleSet* rules = rules_for(effective.packs)) plan.jobs.push_back({path, rules, effective.rules, nullptr});
  }
  return plan;
}

}  // namespace clauselint
