#include "clauselint/rule_docs.h"

#include <filesystem>
#include <map>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "clauselint/precision.h"
#include "clauselint/report.h"

namespace clauselint {
namespace {

// A snippet as a Markdown block quote.
std::string quote(const std::string& text) {
  std::string out;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) out += line.empty() ? ">\n" : "> " + line + "\n";
  return out;
}

std::string applicability(const Rule& rule) {
  if (!rule.when) return "always";
  return "only when its condition holds (see the `when:` of the rule in the pack)";
}

}  // namespace

// How the precision level was measured, for the rule's page.
static std::string precision_note(const Rule& rule) {
  const auto& measured = builtin_precision();
  const auto it = measured.find(rule.id);
  if (it == measured.end() || it->second.findings == 0) return "not yet measured on labelled policies";
  return fmt::format("{:.2f} of {} findings right on labelled real and blind policies", it->second.precision,
                     it->second.findings);
}

std::string rule_page(const Rule& rule) {
  std::string out = fmt::format("# {}\n\n{}.\n\n", rule.id, rule.title);
  out += "<!-- Generated from the rule packs by `clauselint rules --all --markdown docs/rules`. Do not edit. -->\n\n";
  out += "| | |\n| --- | --- |\n";
  out += fmt::format("| Pack | {} |\n", rule.pack);
  out += fmt::format("| Severity | {} |\n", to_string(rule.severity));
  out += fmt::format("| Precision | {} ({}) |\n", to_string(rule.precision), precision_note(rule));
  if (!rule.weak_of.empty())
    out += fmt::format(
        "| Tier | the weak-wording warning of [{}]({}.md): the clause is there, but not as the law wants it |\n",
        rule.weak_of, rule.weak_of);
  out +=
      fmt::format("| Check | {} |\n",
                  rule.kind == Rule::Kind::require
                      ? "requires a clause (a missing clause is reported at the heading where it belongs, or the title)"
                      : "flags each matching phrase");
  out += fmt::format("| Applies | {} |\n", applicability(rule));
  out += fmt::format("| Message | {} |\n\n", rule.message);
  out += "## Citations\n\n";
  for (const auto& c : rule.citations) out += fmt::format("- {}\n", c);
  out += "\n## Why it matters and how to fix it\n\n" + rule.help;
  if (!rule.help.empty() && rule.help.back() != '\n') out += '\n';
  out += "\n## Examples\n\nPasses (no finding):\n\n";
  for (const auto& e : rule.pass_examples) out += quote(e) + "\n";
  out += "Fails (a finding):\n\n";
  for (const auto& e : rule.fail_examples) out += quote(e) + "\n";
  while (out.size() > 1 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') out.pop_back();
  return out;
}

std::string rules_index(const RuleSet& rules) {
  std::string out = "# Rules\n\n";
  out += "<!-- Generated from the rule packs by `clauselint rules --all --markdown docs/rules`. Do not edit. -->\n\n";
  out += fmt::format("{} rules in {} packs. The default packs (used when no pack is chosen) are marked *default*.\n",
                     rules.rules().size(), rules.packs().size());
  for (const Pack& pack : rules.packs()) {
    out += fmt::format("\n## {}{}\n\n{}\n\n| rule | severity | precision | title |\n| --- | --- | --- | --- |\n",
                       pack.name, pack.is_default ? " (default)" : "", pack.description);
    for (const int index : pack.rules) {
      const Rule& r = rules.rules()[static_cast<std::size_t>(index)];
      out += fmt::format("| [{}]({}.md) | {} | {} | {} |\n", r.id, r.id, to_string(r.severity), to_string(r.precision),
                         r.title);
    }
  }
  return out;
}

std::string write_rule_pages(const RuleSet& rules, const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return fmt::format("cannot create {}: {}", dir, ec.message());
  std::set<std::string> written = {"README.md"};
  for (const Rule& rule : rules.rules()) {
    const std::string name = rule.id + ".md";
    if (std::string error = write_file_atomically((fs::path(dir) / name).string(), rule_page(rule)); !error.empty())
      return error;
    written.insert(name);
  }
  if (std::string error = write_file_atomically((fs::path(dir) / "README.md").string(), rules_index(rules));
      !error.empty())
    return error;
  for (const auto& entry : fs::directory_iterator(dir, ec))
    if (entry.path().extension() == ".md" && !written.count(entry.path().filename().string()))
      fs::remove(entry.path(), ec);
  return {};
}

}  // namespace clauselint
