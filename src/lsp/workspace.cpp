#include "lsp/workspace.h"

#include <sys/stat.h>

#include <filesystem>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "clauselint/builtin_packs.h"
#include "clauselint/load_packs.h"
#include "clauselint/suppressions.h"

namespace clauselint::lsp {
namespace {

std::string absolute(const std::string& path) {
  std::error_code ec;
  auto out = std::filesystem::absolute(path, ec).lexically_normal().string();
  return ec ? path : out;
}

// The default packs are the same for every server in the process: loaded once.
const RuleSet& default_rules() {
  static const RuleSet* rules = [] {
    auto* set = new RuleSet;
    (void)load_packs(*set, {});  // the built-in packs load (a test checks them)
    return set;
  }();
  return *rules;
}

}  // namespace

Workspace::Stamp Workspace::stamp(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return {path, -1, -1};
  return {path, static_cast<long long>(st.st_mtim.tv_sec) * 1000000000LL + st.st_mtim.tv_nsec,
          static_cast<long long>(st.st_size)};
}

Workspace::Entry& Workspace::entry_for(const std::string& config_file) {
  auto it = entries_.find(config_file);
  if (it != entries_.end()) {
    bool current = true;
    for (const Stamp& s : it->second.stamps) current = current && stamp(s.path) == s;
    if (current) return it->second;
    entries_.erase(it);  // the config or a pack changed: load again
  }
  Entry entry;
  if (config_file.empty()) {
    entry.config.emplace();
    std::error_code ec;
    entry.config->dir = std::filesystem::current_path(ec).string();
  } else {
    entry.stamps.push_back(stamp(config_file));
    entry.config = load_config(config_file, entry.problems);
    if (entry.config) {
      for (const auto& pack : all_packs(*entry.config, {}))
        if (!find_builtin_pack(pack)) entry.stamps.push_back(stamp(pack));
    }
  }
  it = entries_.emplace(config_file, std::move(entry)).first;
  Entry& e = it->second;
  if (e.config && !e.config->file.empty() && !e.config->rule_positions.empty()) {
    if (const RuleSet* every = rules_for(e, all_packs(*e.config, {}))) {
      auto unknown = check_rule_ids(*e.config, *every);
      std::erase_if(unknown, [](const Diagnostic& d) {
        return d.message.find("'" + invalid_suppression_rule().id + "'") != std::string::npos;
      });
      e.problems.insert(e.problems.end(), unknown.begin(), unknown.end());
    }
  }
  return e;
}

const RuleSet* Workspace::rules_for(Entry& entry, const std::vector<std::string>& packs) {
  if (packs.empty()) return &default_rules();
  const std::string key = fmt::format("{}", fmt::join(packs, "\n"));
  auto it = entry.rule_sets.find(key);
  if (it == entry.rule_sets.end()) {
    auto rules = std::make_unique<RuleSet>();
    const auto problems = load_packs(*rules, packs);
    entry.problems.insert(entry.problems.end(), problems.begin(), problems.end());
    if (has_errors(problems)) rules.reset();
    it = entry.rule_sets.emplace(key, std::move(rules)).first;
  }
  return it->second.get();
}

LintSetup Workspace::setup_for(const std::string& path) {
  const std::string config_file = path.empty() ? "" : find_config(path);
  Entry& entry = entry_for(config_file);
  LintSetup setup;
  setup.config_file = config_file;
  if (!entry.config) return setup;
  const EffectiveConfig effective = effective_config(*entry.config, path.empty() ? "untitled" : path, {});
  setup.excluded = effective.excluded && !path.empty();
  setup.severities = effective.rules;
  setup.rules = rules_for(entry, effective.packs);
  return setup;
}

std::map<std::string, std::vector<Diagnostic>> Workspace::take_problem_changes() {
  std::map<std::string, std::vector<Diagnostic>> now;
  for (const auto& [config_file, entry] : entries_)
    for (const Diagnostic& d : entry.problems) {
      // A problem without a file (an unknown pack name) belongs to the config.
      const std::string file = !d.file.empty() ? d.file : config_file;
      if (file.empty() || find_builtin_pack(file)) continue;
      auto& list = now[absolute(file)];
      bool duplicate = false;
      for (const Diagnostic& seen : list)
        duplicate = duplicate || (seen.message == d.message && seen.position == d.position);
      if (!duplicate) list.push_back(d);
    }
  std::map<std::string, std::vector<Diagnostic>> changes = now;
  for (const auto& file : published_)
    if (!now.count(file)) changes[file];  // cleared
  published_.clear();
  for (const auto& [file, list] : now) published_.insert(file);
  return changes;
}

}  // namespace clauselint::lsp
