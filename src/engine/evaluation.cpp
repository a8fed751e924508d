#include "clauselint/evaluation.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "clauselint/engine.h"
#include "clauselint/input.h"
#include "clauselint/parse.h"

namespace fs = std::filesystem;

namespace clauselint {
namespace {

// Lints one document with `rules`; the set of rule ids that reported.
std::set<std::string> fired(const std::string& path, const RuleSet& rules, std::vector<Diagnostic>& diagnostics) {
  std::set<std::string> out;
  LoadedSource loaded = read_source(path, path);
  diagnostics.insert(diagnostics.end(), loaded.diagnostics.begin(), loaded.diagnostics.end());
  if (!loaded.source) return out;
  std::vector<Diagnostic> ignored;
  const Document doc = parse_document(loaded.source, input_format_for(path), ignored);
  for (const Finding& f : lint_document(doc, rules).findings)
    if (!f.suppressed) out.insert(f.rule_id);
  return out;
}

void score(Evaluation& e, const std::string& doc, const std::string& rule, bool expected, bool got) {
  RuleScore& s = e.rules[rule];
  if (expected && got)
    ++s.tp;
  else if (!expected && got) {
    ++s.fp;
    s.misses.push_back(fmt::format("{}: reported, but labelled ok", doc));
  } else if (expected && !got) {
    ++s.fn;
    s.misses.push_back(fmt::format("{}: labelled fire, but not reported", doc));
  } else
    ++s.tn;
}

// A folder with the seeds' EXPECTED.md table.
void evaluate_expected_md(Evaluation& e, const fs::path& dir, const RuleSet& rules) {
  std::ifstream in(dir / "EXPECTED.md");
  std::vector<std::string> columns;
  for (std::string line; std::getline(in, line);) {
    if (!line.starts_with("|")) continue;
    std::vector<std::string> cells;
    std::stringstream row(line);
    for (std::string cell; std::getline(row, cell, '|');) {
      const auto b = cell.find_first_not_of(' ');
      const auto t = cell.find_last_not_of(' ');
      cells.push_back(b == std::string::npos ? "" : cell.substr(b, t - b + 1));
    }
    if (cells.size() < 3) continue;
    if (cells[1] == "seed") {
      columns.assign(cells.begin() + 2, cells.end());
      continue;
    }
    if (cells[1].starts_with("---") || columns.empty()) continue;
    const std::string name = cells[1].substr(0, cells[1].find(' '));
    const auto got = fired((dir / name).string(), rules, e.diagnostics);
    ++e.documents;
    for (std::size_t i = 0; i < columns.size() && i + 2 < cells.size(); ++i)
      if (rules.find_rule(columns[i])) score(e, name, columns[i], cells[i + 2] == "missing", got.count(columns[i]) > 0);
  }
}

void evaluate_labels(Evaluation& e, const fs::path& labels_file, const RuleSet& rules, const EvaluateOptions& options,
                     std::vector<bool>& used) {
  const std::string shown = labels_file.string();
  YAML::Node root;
  try {
    root = YAML::LoadFile(shown);
  } catch (const YAML::Exception& ex) {
    e.diagnostics.push_back({shown, {ex.mark.line + 1, ex.mark.column + 1}, Severity::error, ex.msg});
    return;
  }
  if (!root.IsMap() || !root["policy"] || !root["fire"] || !root["ok"]) {
    e.diagnostics.push_back({shown, {}, Severity::error, "a labels file needs policy:, fire: and ok:"});
    return;
  }
  std::map<std::string, bool> label;  // rule -> must fire
  for (const char* key : {"fire", "ok"})
    for (const auto& item : root[key]) {
      const std::string id = item.as<std::string>("");
      if (!rules.find_rule(id))
        e.diagnostics.push_back({shown,
                                 {item.Mark().line + 1, item.Mark().column + 1},
                                 Severity::error,
                                 fmt::format("unknown rule '{}'", id)});
      else if (!label.emplace(id, std::string(key) == "fire").second)
        e.diagnostics.push_back({shown,
                                 {item.Mark().line + 1, item.Mark().column + 1},
                                 Severity::error,
                                 fmt::format("rule '{}' is labelled twice", id)});
    }
  const bool partial = options.partial || (root["partial"] && root["partial"].as<bool>(false));
  if (!partial)
    for (const Rule& r : rules.rules())
      if (!label.count(r.id))
        e.diagnostics.push_back(
            {shown,
             {},
             Severity::error,
             fmt::format("rule '{}' has no label: add it to fire: or ok: (or score with --partial)", r.id)});
  const fs::path policy = labels_file.parent_path() / root["policy"].as<std::string>("");
  for (std::size_t i = 0; i < options.corrections.size(); ++i) {
    const LabelCorrection& c = options.corrections[i];
    if (c.policy != policy.filename().string() || !rules.find_rule(c.rule)) continue;
    label[c.rule] = c.fire;
    used[i] = true;
    ++e.corrections_applied;
  }
  const auto got = fired(policy.string(), rules, e.diagnostics);
  ++e.documents;
  for (const auto& [id, must_fire] : label) score(e, policy.filename().string(), id, must_fire, got.count(id) > 0);
}

}  // namespace

std::vector<std::string> check_annotations(const Document& doc, const std::vector<Finding>& findings,
                                           const RuleSet& rules, int& checked) {
  struct Expect {
    std::map<int, bool> lines;  // line -> seen
    bool missing = false;
    bool ok = false;
    bool saw_missing = false;
  };
  std::map<std::string, Expect> expects;
  std::vector<std::string> failures;
  const std::string& path = doc.source->path();
  for (const Comment& c : doc.comments) {
    const Position at = doc.source->locate(c.end);
    for (const std::string_view key : {"expect:", "expect-missing:", "expect-ok:"}) {
      if (!c.text.starts_with(key)) continue;
      for (const auto& id : split_rule_ids(std::string_view(c.text).substr(key.size()))) {
        if (!rules.find_rule(id)) {
          failures.push_back(fmt::format("{}:{}: unknown rule '{}'{} in {} (no loaded pack defines it)", path, at.line,
                                         id, rules.suggest_rule(id), key.substr(0, key.size() - 1)));
          continue;
        }
        Expect& x = expects[id];
        if (key == "expect:")
          x.lines[doc.source->next_non_blank_line(at.line)] = false;
        else if (key == "expect-missing:")
          x.missing = true;
        else
          x.ok = true;
      }
    }
  }
  for (const Finding& f : findings) {
    const auto it = expects.find(f.rule_id);
    if (it == expects.end() || f.suppressed) continue;
    Expect& x = it->second;
    if (f.kind == Finding::Kind::missing && x.missing) {
      x.saw_missing = true;
    } else if (const auto line = x.lines.find(f.range.start.line); line != x.lines.end()) {
      line->second = true;
    } else {
      failures.push_back(
          fmt::format("{}:{}: unexpected {} finding: {}", path, f.range.start.line, f.rule_id, f.message));
    }
  }
  for (const auto& [id, x] : expects) {
    for (const auto& [line, seen] : x.lines)
      if (!seen) failures.push_back(fmt::format("{}:{}: expected a {} finding here, got none", path, line, id));
    if (x.missing && !x.saw_missing)
      failures.push_back(fmt::format("{}: expected {} to report its clause missing", path, id));
  }
  checked += static_cast<int>(expects.size());
  return failures;
}

RuleScore Evaluation::micro() const {
  RuleScore sum;
  for (const auto& [id, s] : rules) {
    sum.tp += s.tp;
    sum.fp += s.fp;
    sum.fn += s.fn;
    sum.tn += s.tn;
  }
  return sum;
}

std::vector<LabelCorrection> read_corrections(const std::string& path, std::vector<Diagnostic>& diagnostics) {
  std::vector<LabelCorrection> out;
  YAML::Node root;
  try {
    root = YAML::LoadFile(path);
  } catch (const YAML::Exception& ex) {
    diagnostics.push_back(
        {path, {ex.mark.line + 1, ex.mark.column + 1}, Severity::error, "cannot read corrections: " + ex.msg});
    return out;
  }
  if (!root.IsSequence()) {
    if (!root.IsNull())
      diagnostics.push_back(
          {path, {}, Severity::error, "a corrections file is a list of {policy, rule, label, reason}"});
    return out;
  }
  for (const auto& item : root) {
    const Position at{item.Mark().line + 1, item.Mark().column + 1};
    LabelCorrection c;
    c.file = path;
    c.line = at.line;
    const bool shaped = item.IsMap() && item["policy"] && item["rule"] && item["label"] && item["reason"];
    const std::string label = shaped ? item["label"].as<std::string>("") : "";
    if (!shaped || (label != "fire" && label != "ok") || item["reason"].as<std::string>("").empty()) {
      diagnostics.push_back(
          {path, at, Severity::error, "each correction needs policy:, rule:, label: fire|ok and a one-line reason:"});
      continue;
    }
    c.policy = item["policy"].as<std::string>("");
    c.rule = item["rule"].as<std::string>("");
    c.reason = item["reason"].as<std::string>("");
    c.fire = label == "fire";
    out.push_back(std::move(c));
  }
  return out;
}

Evaluation evaluate(const std::vector<std::string>& dirs, const RuleSet& rules, const EvaluateOptions& options) {
  Evaluation e;
  std::vector<bool> used(options.corrections.size(), false);
  for (const auto& d : dirs) {
    const fs::path dir(d);
    std::error_code ec;
    if (fs::exists(dir / "EXPECTED.md", ec)) {
      evaluate_expected_md(e, dir, rules);
      continue;
    }
    std::vector<fs::path> labels;
    for (const auto& entry : fs::directory_iterator(dir, ec))
      if (entry.path().filename().string().ends_with(".labels.yaml")) labels.push_back(entry.path());
    if (ec || labels.empty()) {
      e.diagnostics.push_back({d, {}, Severity::error, "no *.labels.yaml files or EXPECTED.md here"});
      continue;
    }
    std::sort(labels.begin(), labels.end());
    for (const auto& l : labels) evaluate_labels(e, l, rules, options, used);
  }
  for (std::size_t i = 0; i < used.size(); ++i)
    if (!used[i] && rules.find_rule(options.corrections[i].rule))
      e.diagnostics.push_back({options.corrections[i].file,
                               {options.corrections[i].line, 1},
                               Severity::warning,
                               fmt::format("correction for {} / {} matched no labelled policy here",
                                           options.corrections[i].policy, options.corrections[i].rule)});
  return e;
}

}  // namespace clauselint
