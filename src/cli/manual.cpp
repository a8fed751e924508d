#include "cli/manual.h"

#include <algorithm>
#include <string_view>

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace clauselint::cli {
namespace {

enum class Completes { flag, nothing, file, choice, pack };  // nothing: a number

Completes completes(const OptionSpec& o) {
  if (o.value.empty()) return Completes::flag;
  if (!o.choices.empty()) return Completes::choice;
  for (const auto& n : o.names)
    if (n == "--rules" || n == "--pack") return Completes::pack;
  if (o.value == "UINT" || o.value == "INT" || o.value == "FLOAT" || o.value == "NUMBER") return Completes::nothing;
  return Completes::file;
}

// The first sentence of a help text, for completion menus.
std::string brief(const std::string& help) {
  std::string s = help.substr(0, help.find_first_of(".:;(\n"));
  while (!s.empty() && s.back() == ' ') s.pop_back();
  return s.size() > 70 ? s.substr(0, 67) + "..." : s;
}

std::string join(const std::vector<std::string>& words) { return fmt::format("{}", fmt::join(words, " ")); }

std::vector<std::string> names_of(const std::vector<OptionSpec>& options) {
  std::vector<std::string> out;
  for (const auto& o : options) out.insert(out.end(), o.names.begin(), o.names.end());
  return out;
}

std::vector<std::string> command_names(const ManualSpec& spec) {
  std::vector<std::string> out;
  for (const auto& c : spec.commands) out.push_back(c.name);
  return out;
}

std::vector<std::string> plus(const std::vector<std::string>& packs) {
  std::vector<std::string> out;
  for (const auto& p : packs) out.push_back("+" + p);
  return out;
}

// Options whose value is completed with `kind`, as "a|b|c" for a shell case.
std::string option_pattern(const ManualSpec& spec, Completes kind, const std::vector<std::string>& choices = {}) {
  std::vector<std::string> names;
  auto add = [&](const std::vector<OptionSpec>& options) {
    for (const auto& o : options)
      if (completes(o) == kind && (kind != Completes::choice || o.choices == choices))
        for (const auto& n : o.names)
          if (std::find(names.begin(), names.end(), n) == names.end()) names.push_back(n);
  };
  add(spec.options);
  for (const auto& c : spec.commands) add(c.options);
  return fmt::format("{}", fmt::join(names, "|"));
}

std::vector<std::vector<std::string>> choice_sets(const ManualSpec& spec) {
  std::vector<std::vector<std::string>> out;
  auto add = [&](const std::vector<OptionSpec>& options) {
    for (const auto& o : options)
      if (completes(o) == Completes::choice && std::find(out.begin(), out.end(), o.choices) == out.end())
        out.push_back(o.choices);
  };
  add(spec.options);
  for (const auto& c : spec.commands) add(c.options);
  return out;
}

// roff: escape backslashes and hyphens; a line must not start with . or '.
std::string roff(const std::string& text) {
  std::string out;
  bool line_start = true;
  for (const char c : text) {
    if (line_start && (c == '.' || c == '\'')) out += "\\&";
    if (c == '\\')
      out += "\\e";
    else if (c == '-')
      out += "\\-";
    else
      out += c;
    line_start = c == '\n';
  }
  return out;
}

std::string man_options(const std::vector<OptionSpec>& options) {
  std::string out;
  for (const auto& o : options) {
    std::vector<std::string> bold;
    for (const auto& n : o.names) bold.push_back("\\fB" + roff(n) + "\\fR");
    std::string value;
    if (!o.choices.empty())
      value = " \\fI" + roff(fmt::format("{}", fmt::join(o.choices, "|"))) + "\\fR";
    else if (!o.value.empty())
      value = " \\fI" + roff(o.value) + "\\fR";
    out += fmt::format(".TP\n{}{}\n{}\n", fmt::join(bold, ", "), value, roff(o.help));
  }
  return out;
}

}  // namespace

const std::vector<std::string>& usage_lines() {
  static const std::vector<std::string> lines = {
      R"(clauselint [options] PATH...          lint files and directories ("-" reads stdin))",
      R"(clauselint rules                      list the rules loaded (id, severity, measured precision, pack, title))",
      R"(clauselint rules --vocabulary         list the shared fragments packs can use ({we}, {notify-verb}, ...))",
      R"(clauselint explain RULE               print a rule's help: why, citation, how to fix)",
      R"(clauselint explain RULE FILE          ... and why RULE reports on FILE (the sentences that came closest))",
      R"(clauselint test [PACK_OR_FILE...]     run the packs' pass/fail examples, or check annotated policies)",
      R"(clauselint accuracy DIR...            per-rule precision and recall on labelled policies)",
      R"(clauselint stats PATH...              how many policies of a corpus have each finding, per group (docs/corpus.md))",
      R"(clauselint --since REV [PATH...]      lint, but report only what is new since git revision REV)",
      R"(clauselint diff OLD NEW               clauses lost and gained, findings introduced and resolved (file or REV:path))",
      R"(clauselint history PATH               when each clause appeared and disappeared in git (--svg: a timeline))",
      R"(clauselint --print-config FILE        show the configuration that applies to FILE)",
      R"(clauselint lsp                        language server for editors, on stdin/stdout (docs/editor.md))",
  };
  return lines;
}

std::string render_man(const ManualSpec& spec) {
  // Appended piece by piece: GCC 12 warns (-Wrestrict, a false positive) on "literal" + std::string at -O2.
  std::string out;
  auto add = [&out](std::string_view piece) { out.append(piece); };
  auto text = [&out](const std::string& plain) { out.append(roff(plain)).append("\n"); };
  add(
      fmt::format(".\\\" Generated by 'clauselint --generate man' from its command-line definition.\n"
                  ".TH CLAUSELINT 1 \"\" \"clauselint {}\" \"User Commands\"\n",
                  spec.version));
  add(".SH NAME\nclauselint \\- a compliance linter for privacy policies\n.SH SYNOPSIS\n.nf\n");
  for (const auto& line : spec.usage) text(line);
  add(".fi\n.SH DESCRIPTION\n");
  text(
      "clauselint reads privacy policies (Markdown, plain text, HTML), runs YAML rule packs over them and "
      "reports each missing or problematic clause as path:line:column: severity: message [rule-id], or as "
      "JSON, SARIF or GitHub annotations. Directories are walked for .md, .markdown, .txt, .html and .htm files.");
  add(".SH OPTIONS\n");
  add(man_options(spec.options));
  add(".SH COMMANDS\n");
  for (const auto& c : spec.commands) {
    add(".SS ");
    text(c.arguments.empty() ? c.name : fmt::format("{} {}", c.name, join(c.arguments)));
    text(c.help);
    add(man_options(c.options));
    if (c.footer.empty()) continue;
    add(".PP\n");
    text(c.footer);
  }
  add(".SH BUILT-IN PACKS\n");
  text(join(spec.packs));
  add(".PP\n");
  text("'clauselint rules' lists their rules and 'clauselint explain RULE' prints a rule's help.");
  add(".SH EXIT STATUS\n");
  text(spec.footer);
  add(".SH FILES\n.TP\n.B .clauselint.yaml\n");
  text("The nearest one above each linted file chooses packs, severities and which files are linted.");
  add(".SH ENVIRONMENT\n.TP\n.B NO_COLOR\n");
  text("When set and not empty, no colour.");
  add(".TP\n.B CLAUSELINT_CACHE_DIR\n");
  text(
      "Where compiled user packs are cached (default $XDG_CACHE_HOME/clauselint/packs, else "
      "~/.cache/clauselint/packs). Entries are named by a hash of the pack and of the clauselint build; "
      "a damaged entry is rebuilt. The folder can be deleted at any time.");
  add(".TP\n.B CLAUSELINT_NO_CACHE\n");
  text("When 1, user packs are compiled on each run and nothing is cached.");
  return out;
}

std::string render_bash(const ManualSpec& spec) {
  std::string out = "# bash completion for clauselint (generated by 'clauselint --generate bash')\n";
  out += "_clauselint() {\n";
  out += "  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}\n";
  out += fmt::format("  local packs=\"{} {}\"\n", join(spec.packs), join(plus(spec.packs)));
  out += fmt::format("  local rule_ids=\"{}\"\n", join(spec.rule_ids));
  out += "  local command='' i args=0\n";
  out += "  for ((i = 1; i < COMP_CWORD; i++)); do\n    case ${COMP_WORDS[i]} in\n";
  out += fmt::format("      {}) command=${{COMP_WORDS[i]}} ;;\n", fmt::join(command_names(spec), "|"));
  out += "      -*) ;;\n      *) [ -n \"$command\" ] && args=$((args + 1)) ;;\n    esac\n  done\n";
  out += "  case $prev in\n";
  for (const auto& set : choice_sets(spec))
    out += fmt::format("    {}) COMPREPLY=($(compgen -W \"{}\" -- \"$cur\")); return ;;\n",
                       option_pattern(spec, Completes::choice, set), join(set));
  out += fmt::format("    {}) COMPREPLY=($(compgen -W \"$packs\" -- \"$cur\") $(compgen -f -- \"$cur\")); return ;;\n",
                     option_pattern(spec, Completes::pack));
  out +=
      fmt::format("    {}) COMPREPLY=($(compgen -f -- \"$cur\")); return ;;\n", option_pattern(spec, Completes::file));
  if (const auto numbers = option_pattern(spec, Completes::nothing); !numbers.empty())
    out += fmt::format("    {}) return ;;\n", numbers);
  out += "  esac\n";
  out += "  if [[ $cur == -* ]]; then\n    local options\n    case $command in\n";
  const std::string global = join(names_of(spec.options));
  for (const auto& c : spec.commands)
    out += fmt::format("      {}) options=\"{} {}\" ;;\n", c.name, join(names_of(c.options)), global);
  out += fmt::format("      *) options=\"{}\" ;;\n    esac\n", global);
  out += "    COMPREPLY=($(compgen -W \"$options\" -- \"$cur\"))\n    return\n  fi\n";
  out += "  case $command in\n";
  out +=
      "    explain) if [ $args -eq 0 ]; then COMPREPLY=($(compgen -W \"$rule_ids\" -- \"$cur\")); else "
      "COMPREPLY=($(compgen -f -- \"$cur\")); fi ;;\n";
  out += "    test) COMPREPLY=($(compgen -W \"$packs\" -- \"$cur\") $(compgen -f -- \"$cur\")) ;;\n";
  out += fmt::format("    '') COMPREPLY=($(compgen -W \"{}\" -- \"$cur\") $(compgen -f -- \"$cur\")) ;;\n",
                     join(command_names(spec)));
  out += "    *) COMPREPLY=($(compgen -f -- \"$cur\")) ;;\n  esac\n}\n";
  out += "complete -o filenames -F _clauselint clauselint\n";
  return out;
}

std::string render_zsh(const ManualSpec& spec) {
  // Autoloaded from $fpath as the body of the function _clauselint.
  std::string out = "#compdef clauselint\n# zsh completion for clauselint (generated by 'clauselint --generate zsh')\n";
  out += fmt::format("local -a packs=({}) rule_ids=({}) commands=({})\n", join(spec.packs), join(spec.rule_ids),
                     join(command_names(spec)));
  out += "local command='' prev=${words[CURRENT-1]} cur=${words[CURRENT]}\ninteger i args=0\n";
  out += "for (( i = 2; i < CURRENT; i++ )); do\n  case ${words[i]} in\n";
  out += fmt::format("    ({}) command=${{words[i]}} ;;\n", fmt::join(command_names(spec), "|"));
  out += "    (-*) ;;\n    (*) [[ -n $command ]] && (( args++ )) ;;\n  esac\ndone\n";
  out += "case $prev in\n";
  for (const auto& set : choice_sets(spec))
    out += fmt::format("  ({}) compadd -- {}; return ;;\n", option_pattern(spec, Completes::choice, set), join(set));
  out += fmt::format("  ({}) compadd -- $packs ${{packs/#/+}}; _files; return ;;\n",
                     option_pattern(spec, Completes::pack));
  out += fmt::format("  ({}) _files; return ;;\n", option_pattern(spec, Completes::file));
  if (const auto numbers = option_pattern(spec, Completes::nothing); !numbers.empty())
    out += fmt::format("  ({}) return ;;\n", numbers);
  out += "esac\n";
  out += "if [[ $cur == -* ]]; then\n  case $command in\n";
  const std::string global = join(names_of(spec.options));
  for (const auto& c : spec.commands)
    out += fmt::format("    ({}) compadd -- {} {} ;;\n", c.name, join(names_of(c.options)), global);
  out += fmt::format("    (*) compadd -- {} ;;\n  esac\n  return\nfi\n", global);
  out += "case $command in\n";
  out += "  (explain) if (( args == 0 )); then compadd -- $rule_ids; else _files; fi ;;\n";
  out += "  (test) compadd -- $packs; _files ;;\n";
  out += "  ('') compadd -- $commands; _files ;;\n";
  out += "  (*) _files ;;\nesac\n";
  return out;
}

std::string render_fish(const ManualSpec& spec) {
  auto quote = [](const std::string& s) {
    std::string out = "'";
    for (const char c : s) {
      if (c == '\'' || c == '\\') out += '\\';
      out += c;
    }
    return out + "'";
  };
  auto option_line = [&](const OptionSpec& o, const std::string& condition) {
    std::string line = "complete -c clauselint" + condition;
    for (const auto& n : o.names) line += n.starts_with("--") ? " -l " + n.substr(2) : " -s " + n.substr(1);
    switch (completes(o)) {
      case Completes::flag: break;
      case Completes::nothing: line += " -x"; break;
      case Completes::file: line += " -r -F"; break;
      case Completes::choice: line += " -x -a " + quote(join(o.choices)); break;
      case Completes::pack: line += " -r -F -a " + quote(join(spec.packs) + " " + join(plus(spec.packs))); break;
    }
    return line + " -d " + quote(brief(o.help)) + "\n";
  };
  const std::string commands = join(command_names(spec));
  std::string out = "# fish completion for clauselint (generated by 'clauselint --generate fish')\n";
  for (const auto& o : spec.options) out += option_line(o, "");
  for (const auto& c : spec.commands) {
    out += fmt::format("complete -c clauselint -n {} -a {} -d {}\n",
                       quote("not __fish_seen_subcommand_from " + commands), c.name, quote(brief(c.help)));
    for (const auto& o : c.options) out += option_line(o, " -n " + quote("__fish_seen_subcommand_from " + c.name));
  }
  out += fmt::format("complete -c clauselint -n {} -f -a {}\n", quote("__fish_seen_subcommand_from explain"),
                     quote(join(spec.rule_ids)));
  out += fmt::format("complete -c clauselint -n {} -a {}\n", quote("__fish_seen_subcommand_from test"),
                     quote(join(spec.packs)));
  return out;
}

}  // namespace clauselint::cli
