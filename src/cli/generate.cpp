// clauselint --generate man|bash|zsh|fish: the man page or a completion
// script, from the command-line definition (parse_args.cpp) and the built-in
// packs' names and rule ids. The build runs it (cmake/install.cmake).
#include <iostream>

#include "clauselint/builtin_packs.h"
#include "clauselint/load_packs.h"
#include "clauselint/planner.h"
#include "cli/commands.h"
#include "cli/manual.h"

namespace clauselint::cli {

int run_generate(const Options& o) {
  ManualSpec spec = o.manual;
  RuleSet rules;
  std::vector<std::string> packs;
  for (const auto name : selectable_builtin_packs()) packs.emplace_back(name);
  if (const auto problems = load_packs(rules, packs); has_errors(problems)) {
    std::cerr << "clauselint: error: the built-in packs do not load\n";
    return 2;
  }
  spec.packs = packs;
  for (const Rule& r : rules.rules()) spec.rule_ids.push_back(r.id);
  if (o.generate == "man")
    std::cout << render_man(spec);
  else if (o.generate == "bash")
    std::cout << render_bash(spec);
  else if (o.generate == "zsh")
    std::cout << render_zsh(spec);
  else
    std::cout << render_fish(spec);
  return std::cout.flush() ? 0 : 2;
}

}  // namespace clauselint::cli
