// The command line described as data, from the one definition in
// parse_args.cpp, and rendered as the man page clauselint(1) and as bash, zsh
// and fish completions (`clauselint --generate man|bash|zsh|fish`, run by the
// build). --help, the man page and the completions cannot drift apart: they
// all come from the same CLI11 options.
#pragma once

#include <string>
#include <vector>

namespace clauselint::cli {

struct OptionSpec {
  std::vector<std::string> names;    // "-o", "--output"
  std::string value;                 // "" for a flag, else CLI11's type name ("TEXT", "UINT", ...)
  std::vector<std::string> choices;  // IsMember choices, or empty
  std::string help;
};

struct CommandSpec {
  std::string name;  // "rules"
  std::string help;
  std::vector<OptionSpec> options;
  std::vector<std::string> arguments;  // positional arguments, as CLI11 names them
  std::string footer;
};

struct ManualSpec {
  std::string version;
  std::vector<std::string> usage;   // the synopsis lines (also in --help and the README)
  std::vector<OptionSpec> options;  // the lint command's options
  std::vector<CommandSpec> commands;
  std::string footer;                 // exit status
  std::vector<std::string> packs;     // built-in pack names
  std::vector<std::string> rule_ids;  // every built-in rule id
};

// The synopsis lines: "clauselint [options] PATH...   lint files ...".
const std::vector<std::string>& usage_lines();

std::string render_man(const ManualSpec& spec);
std::string render_bash(const ManualSpec& spec);
std::string render_zsh(const ManualSpec& spec);
std::string render_fish(const ManualSpec& spec);

}  // namespace clauselint::cli
