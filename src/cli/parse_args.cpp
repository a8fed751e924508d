// The only file that includes CLI11 (it is slow to compile): keep it small.
#include <filesystem>
#include <iostream>
#include <map>

#include <CLI/CLI.hpp>

#include "clauselint/builtin_packs.h"
#include "clauselint/input.h"
#include "clauselint/safe_text.h"
#include "cli/manual.h"
#include "cli/options.h"
#include "rules/spelling.h"

namespace clauselint::cli {
namespace {

// One option as data, for the man page and the completions (manual.h).
OptionSpec describe(const CLI::Option& option) {
  OptionSpec spec;
  for (const auto& s : option.get_snames()) spec.names.push_back("-" + s);
  for (const auto& l : option.get_lnames()) spec.names.push_back("--" + l);
  spec.help = option.get_description();
  if (option.get_type_size_max() == 0) return spec;  // a flag
  const std::string type = option.get_type_name();   // "TEXT:{text,json}" with an IsMember check
  spec.value = type.substr(0, type.find(':'));
  if (const auto open = type.find(":{"); open != std::string::npos) {
    std::string list = type.substr(open + 2, type.find('}', open) - open - 2);
    for (std::size_t start = 0; start <= list.size();) {
      const std::size_t comma = std::min(list.find(',', start), list.size());
      spec.choices.push_back(list.substr(start, comma - start));
      start = comma + 1;
    }
  }
  return spec;
}

std::vector<OptionSpec> describe_options(const CLI::App& app, std::vector<std::string>* positionals = nullptr) {
  std::vector<OptionSpec> out;
  for (const CLI::Option* option : app.get_options()) {
    if (option->get_group().empty()) continue;  // hidden
    if (option->get_positional()) {
      if (positionals) positionals->push_back(option->get_name());
      continue;
    }
    out.push_back(describe(*option));
  }
  return out;
}

ManualSpec describe_app(const CLI::App& app) {
  ManualSpec spec;
  spec.version = CLAUSELINT_VERSION;
  spec.usage = usage_lines();
  spec.options = describe_options(app);
  spec.footer = app.get_footer();
  for (const CLI::App* sub : app.get_subcommands({})) {
    if (sub->get_group().empty()) continue;
    CommandSpec command{sub->get_name(), sub->get_description(), {}, {}, sub->get_footer()};
    command.options = describe_options(*sub, &command.arguments);
    std::erase_if(command.options, [](const OptionSpec& o) {
      return o.names == std::vector<std::string>{"-h", "--help"};
    });
    spec.commands.push_back(std::move(command));
  }
  return spec;
}

std::string default_packs() {
  std::string out;
  for (const auto& p : builtin_packs())
    if (p.is_default) out += (out.empty() ? "" : ", ") + std::string(p.name);
  return out;
}

}  // namespace

int parse_args(int argc, char** argv, Options& o) {
  std::string description = "clauselint: a compliance linter for privacy policies\n";
  for (const auto& line : usage_lines()) description += "\n  " + line;
  description += "\n";
  CLI::App app{description, "clauselint"};
  app.set_version_flag("--version", std::string("clauselint ") + CLAUSELINT_VERSION);
  app.footer(
      "Exit status: 0 when no finding is at or above --fail-on, 1 when one is,\n"
      "2 for usage, rule-pack and input errors (the other files are still linted).");
  app.add_option("paths", o.paths, "Policy files and directories to lint ('-' reads standard input)");
  app.add_option("--rules", o.rules,
                 "Rule packs: built-in names or YAML files, repeatable or comma-separated. Plain --rules REPLACES "
                 "the default packs (" +
                     default_packs() +
                     ") or the config file's packs; +NAME ADDS a pack to them "
                     "(--rules +gdpr)")
      ->allow_extra_args(false)
      ->delimiter(',');
  app.add_option("--format", o.format, "Output format: text (default), json, jsonl, sarif or github")
      ->check(CLI::IsMember({"text", "json", "jsonl", "sarif", "github"}));
  app.add_option("-o,--output", o.output, "Write the report to FILE (through a temporary file and a rename)");
  app.add_option(
      "--root", o.root,
      "Folder that SARIF file URIs are relative to (default: the enclosing git repository, else the current folder)");
  app.add_flag("--include-suppressed", o.include_suppressed,
               "SARIF: include suppressed findings, marked with suppressions[] (GitHub would open them as alerts)");
  app.add_option("--sarif-category", o.sarif_category, "SARIF automationDetails.id, to tell several uploads apart");
  std::string fail_on = "error";
  app.add_option("--fail-on", fail_on,
                 "Lowest severity that makes the exit status 1: error (default), warning, note or never")
      ->check(CLI::IsMember({"error", "warning", "note", "never"}));
  app.add_option(
      "--stdin-filename", o.stdin_filename,
      "Name to show for '-' (standard input); the config's include/exclude apply to '-' only when it is named");
  std::string generate;  // hidden: the build writes the man page and completions with it
  app.add_option("--generate", generate)->group("")->check(CLI::IsMember({"man", "bash", "zsh", "fish"}));
  app.add_option("--input-format", o.input_format,
                 "Read inputs as markdown or html (default: by extension; .html and .htm are HTML)")
      ->check(CLI::IsMember({"markdown", "html"}));

  app.add_option("--config", o.config, "Use this config file for every input (default: the nearest .clauselint.yaml)");
  app.add_option("--print-config", o.print_config, "Print the effective configuration for FILE and exit");
  app.add_option("--baseline", o.baseline, "Report only findings that are not in this baseline file");
  app.add_option("--write-baseline", o.write_baseline, "Record today's findings in FILE (exit 0) for --baseline");
  app.add_option("--since", o.since,
                 "Report only findings that are new since git revision REV (a clause lost, wording introduced); "
                 "a renamed file is compared with its old name, a file absent at REV is all new (docs/diff.md)");
  app.add_option("--color", o.color,
                 "Colour and source excerpts: auto (on a terminal, unless NO_COLOR is set), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  app.add_flag("--explain", o.explain,
               "For each missing clause, show the sentences that came closest and which part of the rule failed there");
  app.add_option("--min-precision", o.min_precision,
                 "Run only rules whose measured precision is at least: low, medium, high or very-high "
                 "('clauselint rules' shows each rule's level)")
      ->check(CLI::IsMember({"low", "medium", "high", "very-high"}));
  app.add_flag("-q,--quiet", o.quiet, "Print findings only: no summary line, no notes");
  app.add_flag("--stats", o.stats, "Print per-rule finding counts and timing to standard error");
  app.add_option("--progress", o.progress,
                 "A progress line on standard error (files, MB/s, time left): auto (when standard error is a terminal "
                 "and the report is not), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  app.add_option("-j,--jobs", o.jobs, "Lint N files in parallel (default: one per core); output order never changes")
      ->check(CLI::Range(1u, 256u));
  auto* rules = app.add_subcommand(
      "rules", "List rules (id, severity, pack, title): every built-in pack, or those chosen with --rules/--pack");
  rules->add_option("--pack", o.list_pack, "List the rules of this pack (a built-in name or a file)");
  rules->add_flag("--all", o.list_all, "List the rules of every built-in pack (the default without --rules)");
  rules->add_flag("--vocabulary", o.list_vocabulary,
                  "List the shared vocabulary: the fragments every pack can use as {name} or use: name");
  rules->add_option("--markdown", o.markdown_dir,
                    "Write one Markdown page per rule, and an index, to DIR (docs/rules/)");
  auto* explain = app.add_subcommand("explain", "Print a rule's full help: why, citation, how to fix");
  explain->add_option("rule", o.rule_id, "Rule id")->required();
  explain->add_option("file", o.explain_file, "A policy: also show why the rule reports on it (the closest sentences)");
  auto* test = app.add_subcommand(
      "test", "Run the packs' pass/fail examples, or check annotated policies (<!-- expect: RULE -->)");
  test->add_option("packs", o.test_packs, "Built-in pack names, YAML files, or annotated policy files/folders");
  auto* accuracy = app.add_subcommand("accuracy", "Score each rule on labelled folders (*.labels.yaml or EXPECTED.md)");
  accuracy->add_option("dirs", o.test_packs, "Folders of labelled policies")->required();
  accuracy->add_option("--min", o.min_score, "Lowest acceptable precision and recall of each rule (default 0.95)")
      ->check(CLI::Range(0.0, 1.0));
  accuracy
      ->add_option("--min-rule-precision", o.min_rule_precision,
                   "Lowest acceptable precision of each rule, when it differs from --min")
      ->check(CLI::Range(0.0, 1.0));
  accuracy
      ->add_option("--micro", o.min_micro, "Lowest acceptable micro-averaged precision and recall (all rules pooled)")
      ->check(CLI::Range(0.0, 1.0));
  accuracy->add_flag("--partial", o.partial_labels,
                     "Partial labels: a rule in neither fire: nor ok: is not scored for that policy");
  accuracy->add_option("--corrections", o.corrections,
                       "Label corrections to apply: a YAML list of {policy, rule, label: fire|ok, reason}");
  accuracy->add_option("--write-precision", o.write_precision,
                       "Write each scored rule's measured precision level to FILE (rules/measured/precision.yaml)");
  auto* stats = app.add_subcommand("stats", "How many policies of a corpus have each finding, overall or per group");
  stats->add_option("paths", o.stats_paths, "The corpus: files and directories")->required();
  stats->add_option("--from", o.stats_from, "Count the findings of an earlier '--format jsonl' run instead of linting");
  stats->add_option(
      "--group-by", o.group_by,
      "Group the policies by front-matter:KEY, or by path:REGEX (its first group, e.g. path:'(\\d{4})/')");
  stats->add_option("--csv", o.stats_csv,
                    "Also write the table as CSV (group,rule,policies,with_finding,share) to FILE ('-': standard "
                    "output, instead of the table)");
  stats->add_option("--svg", o.stats_svg,
                    "Also write a chart of each rule's share over the groups, as SVG, to FILE ('-': standard output, "
                    "instead of the table)");
  auto* diff = app.add_subcommand(
      "diff",
      "What a change lost and brought: clauses lost and gained, findings introduced and resolved (docs/diff.md)");
  diff->add_option("old", o.diff_old, "The old version: a file, or REV:path (git; path from the top of the repository)")
      ->required();
  diff->add_option("new", o.diff_new, "The new version: a file, or REV:path")->required();
  auto* history = app.add_subcommand(
      "history", "When each clause of a policy appeared and disappeared in its git history (docs/diff.md)");
  history->add_option("path", o.history_path, "The policy file (followed across renames; it may be deleted now)")
      ->required();
  history->add_option(
      "--svg", o.history_svg,
      "Also write a timeline, one row per rule, as SVG to FILE ('-': standard output, instead of the text)");
  auto* lsp =
      app.add_subcommand("lsp", "Run the language server on standard input and output, for editors (docs/editor.md)");
  for (auto* sub : {rules, explain, test, accuracy, stats, diff, history, lsp}) sub->fallthrough();
  stats->footer("Exit status: 0, or 2 for input, pack or --from errors.");
  rules->footer("Exit status: 0, or 2 when a rule pack cannot be loaded.");
  explain->footer("Exit status: 0, or 2 for an unknown rule id or a pack error.");
  test->footer("Exit status: 0 when every example and annotation holds, 1 on any miss, 2 for pack or input errors.");
  diff->footer(
      "Exit status: 0, 1 when the change loses a clause or introduces a finding at or above --fail-on,\n"
      "2 for usage, git, pack or input errors.");
  history->footer("Exit status: 0, or 2 for git, pack or input errors.");
  lsp->footer(
      "Exit status: 0 after the client's shutdown and exit, 1 when the input ends or exit comes without shutdown.");
  accuracy->footer(
      "Exit status: 0 when every scored rule reaches --min (and --min-rule-precision, --micro), 1 when one\n"
      "is below (its misses are listed), 2 for pack, label or input errors.");
  app.require_subcommand(0, 1);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e, std::cout, std::cerr);
    return code == 0 ? 0 : 2;
  }
  const std::map<std::string, FailOn> levels = {
      {"error", FailOn::error}, {"warning", FailOn::warning}, {"note", FailOn::note}, {"never", FailOn::never}};
  o.fail_on = levels.at(fail_on);
  if (rules->parsed()) o.command = "rules";
  if (explain->parsed()) o.command = "explain";
  if (test->parsed()) o.command = "test";
  if (accuracy->parsed()) o.command = "accuracy";
  if (stats->parsed()) o.command = "stats";
  if (lsp->parsed()) o.command = "lsp";
  if (diff->parsed()) o.command = "diff";
  if (history->parsed()) o.command = "history";
  if (!o.print_config.empty()) o.command = "print-config";
  if (!generate.empty()) {
    o.command = "generate";
    o.generate = generate;
    o.manual = describe_app(app);
    return -1;
  }
  // --rules takes pack names and .yaml files: an empty item ("--rules ,") or a
  // policy means a value went missing and CLI11 took the next argument.
  for (const auto& item : o.rules) {
    const std::string pack = item.starts_with('+') ? item.substr(1) : item;  // +NAME adds to the defaults
    if (pack.empty() || is_policy_extension(pack)) {
      std::cerr << "clauselint: error: --rules got "
                << (pack.empty() ? "an empty pack name" : "'" + printable(pack) + "', a policy,")
                << ": give built-in pack names or .yaml files, e.g. --rules core,gdpr policy.md\n";
      return 2;
    }
  }
  std::error_code no_throw;  // a symlink loop or a 5,000-character name is not a crash
  if (o.command == "lint" && !o.paths.empty() && !std::filesystem::exists(o.paths.front(), no_throw)) {
    // "clauselint rule" meant the command, not a file.
    const std::string hint = did_you_mean(o.paths.front(), {"rules", "explain", "test", "accuracy", "diff", "history"});
    if (!hint.empty()) {
      std::cerr << "clauselint: error: no command or file '" << printable(o.paths.front()) << "'" << hint << "\n";
      return 2;
    }
  }
  if (!o.since.empty() && o.command != "lint") {
    std::cerr << "clauselint: error: --since applies to a lint run (clauselint --since REV PATH...); "
                 "'clauselint diff REV:path path' compares one file\n";
    return 2;
  }
  if (o.command == "lint" && o.paths.empty() && o.since.empty()) {
    std::cerr << "clauselint: error: no input: name policy files or directories to lint (or '-' for standard input)\n"
              << "Run with --help for more information.\n";
    return 2;
  }
  return -1;
}

}  // namespace clauselint::cli
