// Rules and rule packs, as loaded from YAML (see docs/rule-packs.md for the
// schema a pack author writes).
//
// A RuleSet owns every loaded pack, its rules, and one table of matchers
// shared by all of them: a regex used by several rules is compiled and
// JIT-compiled once, and run once per document.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "clauselint/diagnostic.h"
#include "clauselint/pattern.h"
#include "clauselint/precision.h"
#include "clauselint/prefilter.h"
#include "clauselint/severity.h"

namespace clauselint {

// Where the parts of a condition must hold together.
enum class Scope { sentence, paragraph, section, document };
std::string_view to_string(Scope s);

// Rule ids from a list written by people: "a, b c" -> {"a", "b", "c"}.
std::vector<std::string> split_rule_ids(std::string_view list);

// A pattern a condition refers to: a regex, a phrase or a built-in extractor.
struct Matcher {
  std::string source;  // the regex, or as written ("extract: email", "phrase: ...")
  std::shared_ptr<const Pattern> pattern;
  bool (*accept)(std::string_view) = nullptr;  // extra check on each match
  std::string name;                            // the define it came from ("notify-verb"), or ""
  // For messages and traces: the define's name, else the source cut to a line.
  std::string label() const;
};

// Named fragments (name -> regex text) that every pack may use by `use:` or
// `{name}`: the built-in packs marked `vocabulary: true` (rules/vocabulary.yaml).
using Vocabulary = std::map<std::string, std::string, std::less<>>;
const Vocabulary& shared_vocabulary();
// Reads a vocabulary pack's defines into `out`; the problems found.
std::vector<Diagnostic> load_vocabulary(std::string_view yaml, const std::string& file, Vocabulary& out);

// A condition tree: a term holds where its matcher matches; `any` where
// `at_least` children (default one) hold (inside one unit of `within`, when
// set), `all` where every
// child holds inside one unit of `within`
// (and within `near` words of each other, when set); `negate` where its
// child does not hold. A match is disqualified when one of `unless` matches
// in the same sentence (so "we do not notify you" can cancel "notify you").
// A front_matter condition holds for the whole document when its YAML front
// matter has a policy date ("policy-date") or the named key.
struct Condition {
  enum class Kind { term, any, all, negate, front_matter };
  Kind kind = Kind::term;
  int matcher = -1;                 // Kind::term
  std::string front_matter;         // Kind::front_matter: "policy-date", or a key that must be present
  std::vector<Condition> children;  // any, all, negate
  std::optional<Scope> within;      // unset: the unit the parent looks at
  int near = 0;                     // words; 0 means no limit
  int at_least = 1;                 // any: how many children must hold
  std::vector<int> unless;          // matcher indexes
};

struct Rule {
  enum class Kind { require, forbid };
  std::string id;
  std::string pack;     // the pack(s) it came from; "caloppa+ccpa" for a shared rule
  bool shared = false;  // from the shared-rule library (see docs/rule-packs.md)
  std::string title;
  Severity severity = Severity::error;
  std::string message;
  std::vector<std::string> citations;
  std::string help;  // Markdown
  std::vector<std::string> tags;
  Kind kind = Kind::require;
  Condition check;                 // what `require` needs / what `forbid` flags
  std::optional<Condition> when;   // the rule applies only where this holds
  std::optional<Condition> topic;  // require: when this is absent too ...
  std::string topic_message;       // ... report this message instead
  std::vector<int> belongs_under;  // matchers for the headings a missing clause belongs under
  // The weak tier (`weak:` in the pack) of another rule: its id. Such a rule
  // reports weak wording or an incomplete list where the main rule is silent.
  std::string weak_of;
  std::optional<Condition> locate;  // where it holds, the finding points at its sentence
  // Named parts of a list ("restriction", "portability"); the `{missing}` in
  // the message is replaced by those that do not hold.
  std::vector<std::pair<std::string, Condition>> elements;
  Precision precision = Precision::low;  // measured on labelled policies (built-in rules), see precision.h
  std::vector<std::string> pass_examples;
  std::vector<std::string> fail_examples;
};

struct Pack {
  std::string name;
  std::string file;  // where it was loaded from
  std::string description;
  bool is_default = false;  // `default: true`: used when no pack is selected
  bool library = false;     // `library: true`: shared rules, used only by reference
  std::vector<int> rules;   // indexes into RuleSet::rules()
};

class RuleSet {
 public:
  // Parses and validates one pack and adds it. Returns the diagnostics (every
  // problem found, each with `file:line:col` in the YAML); the pack is added
  // only when there is no error. `file` is the name used in diagnostics.
  // A library pack (`library: true`) adds no rules of its own: its rules
  // become available to `shared:` references, ahead of the built-in library.
  // With `activate_library` its rules are loaded as ordinary rules instead
  // (for `clauselint test`).
  std::vector<Diagnostic> load_pack(std::string_view yaml, const std::string& file, bool activate_library = false);
  // The same for a compiled image of a pack (pack_image.h): the result is
  // what load_pack() gives for the YAML it came from. A corrupt image gives
  // an error, and nothing is added.
  std::vector<Diagnostic> load_image(std::string_view image, const std::string& file, bool activate_library = false);
  // Shared rules loaded from library pack files (null when there are none).
  const RuleSet* library() const { return library_.get(); }

  const std::vector<Pack>& packs() const { return packs_; }
  const std::vector<Rule>& rules() const { return rules_; }
  const std::vector<Matcher>& matchers() const { return matchers_; }
  const Rule* find_rule(std::string_view id) const;
  // For error messages: " (did you mean 'x'?)" when a rule id is within two
  // edits of `id`, else "".
  std::string suggest_rule(std::string_view id) const;
  const Pack* find_pack(std::string_view name) const;

  // Interns a matcher (used by the loader): the same source gives the same index.
  int add_matcher(Matcher m);

  // The prefilter over matchers(), built on first use (thread-safe; after
  // loading, which must not run at the same time); null when turned off
  // (Prefilter::enabled()).
  const Prefilter* prefilter() const;

 private:
  friend class PackLoader;
  std::vector<Pack> packs_;
  std::vector<Rule> rules_;
  std::vector<Matcher> matchers_;
  std::map<std::string, int, std::less<>> matcher_index_;  // source -> index into matchers_
  std::shared_ptr<RuleSet> library_;
  struct LazyPrefilter;
  std::shared_ptr<LazyPrefilter> prefilter_;
};

}  // namespace clauselint
