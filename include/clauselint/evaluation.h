// Measuring rules against documents whose right answers are known.
//
// Annotated fixtures: comments in a policy say what must be reported.
//   <!-- expect: RULE[,RULE] -->    a finding of RULE starts on the next non-blank line
//   <!-- expect-missing: RULE -->   RULE reports its clause missing (anywhere)
//   <!-- expect-ok: RULE -->        RULE reports nothing
// For every rule a document annotates, its findings must be exactly those.
//
// Labelled corpora: a folder of NAME.labels.yaml files, each naming a policy
// and listing every rule under `fire:` (must report at least one finding) or
// `ok:` (must report none); or a folder with EXPECTED.md in the seeds' table
// format (rule columns, "missing"/"ok" cells). Per rule: true/false
// positives/negatives over the documents, precision and recall.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "clauselint/diagnostic.h"
#include "clauselint/document.h"
#include "clauselint/finding.h"
#include "clauselint/rule_set.h"

namespace clauselint {

// Failures of the annotations in `doc` ("path:line: ..."); `checked` counts
// the annotated rules.
std::vector<std::string> check_annotations(const Document& doc, const std::vector<Finding>& findings,
                                           const RuleSet& rules, int& checked);

struct RuleScore {
  int tp = 0, fp = 0, fn = 0, tn = 0;
  std::vector<std::string> misses;  // "doc: expected fire, got ok" ...
  double precision() const { return tp + fp == 0 ? 1.0 : static_cast<double>(tp) / (tp + fp); }
  double recall() const { return tp + fn == 0 ? 1.0 : static_cast<double>(tp) / (tp + fn); }
};

struct Evaluation {
  std::map<std::string, RuleScore> rules;  // by rule id
  int documents = 0;
  int corrections_applied = 0;
  std::vector<Diagnostic> diagnostics;  // unreadable labels, unknown or unlabelled rules
  RuleScore micro() const;              // the sum over every scored rule
};

// A label changed on reading the policy: `policy` is the file name, `fire`
// the corrected label, `reason` one line in the corrector's own words.
struct LabelCorrection {
  std::string policy, rule, reason, file;
  bool fire = false;
  int line = 0;
};

struct EvaluateOptions {
  // Rules in neither fire: nor ok: are not scored (a labels file can also say
  // `partial: true`); otherwise every loaded rule must be labelled.
  bool partial = false;
  std::vector<LabelCorrection> corrections;
};

// Reads a corrections file: a YAML list of {policy, rule, label: fire|ok, reason}.
std::vector<LabelCorrection> read_corrections(const std::string& path, std::vector<Diagnostic>& diagnostics);

// Lints every labelled document in `dirs` with `rules` and scores each rule.
Evaluation evaluate(const std::vector<std::string>& dirs, const RuleSet& rules, const EvaluateOptions& options = {});

}  // namespace clauselint
