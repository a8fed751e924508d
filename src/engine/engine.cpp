#include "clauselint/engine.h"
#include "clauselint/suppressions.h"
#include "engine/match_failures.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <optional>

#include <fmt/format.h>

namespace clauselint {
namespace {

// Evaluates conditions over one document. Each matcher runs at most once.
class Evaluator {
 public:
  Evaluator(const Document& doc, const RuleSet& set, std::vector<Diagnostic>& diagnostics)
      : doc_(doc), set_(set), diagnostics_(diagnostics), cache_(set.matchers().size()) {
    if (const Prefilter* prefilter = set.prefilter()) scan_ = prefilter->scan(doc.text);
  }

  using Excluded = std::vector<bool>;  // per sentence: an `unless` matched there

  const std::vector<Match>& matches(int id) {
    auto& slot = cache_[static_cast<std::size_t>(id)];
    if (!slot) {
      slot.emplace();
      const Matcher& m = set_.matchers()[static_cast<std::size_t>(id)];
      // A match never spans two blocks (blocks are joined by "\n"), and
      // passes the matcher's own check (an extractor's).
      const Pattern::Accept accept = [](std::string_view text, const void* context) {
        const auto* matcher = static_cast<const Matcher*>(context);
        return text.find('\n') == std::string_view::npos && (!matcher->accept || matcher->accept(text));
      };
      // Only the blocks that hold the words the pattern needs (prefilter.h).
      const auto blocks = scan_ ? scan_->blocks_for(id) : std::nullopt;
      if (const auto problem = m.pattern->find_in_blocks(doc_.text, *slot, accept, &m, blocks ? &*blocks : nullptr))
        failures.record(id, m.pattern->source(), problem);
    }
    failures.touch(id);  // a rule that used a failed matcher is skipped (match_failures.h)
    return *slot;
  }

  bool holds(const Condition& c, TextRange range, const Excluded& excluded) {
    Excluded merged;
    const Excluded* ex = with_unless(c, excluded, merged);
    switch (c.kind) {
      case Condition::Kind::term: {
        const auto m = first_match(c.matcher, range, *ex);
        if (m) {
          witness = *m;
          witness_matcher = c.matcher;
        }
        return m.has_value();
      }
      case Condition::Kind::negate: return !holds(c.children.front(), range, *ex);
      case Condition::Kind::front_matter:
        return c.front_matter == "policy-date" ? !doc_.policy_dates.empty() : doc_.front_matter.count(c.front_matter) > 0;
      case Condition::Kind::any:
      case Condition::Kind::all:
        if (!c.within) return group_holds(c, range, *ex);
        return for_each_unit(*c.within, range, [&](TextRange unit) { return group_holds(c, unit, *ex); });
    }
    return false;
  }

  // Matches of a term inside `range` whose sentence no `unless` disqualifies.
  std::vector<Match> qualifying(int matcher, TextRange range, const Excluded& excluded) {
    std::vector<Match> out;
    const auto& all = matches(matcher);
    auto it = std::lower_bound(all.begin(), all.end(), range.begin, [](const Match& m, std::uint32_t o) { return m.begin < o; });
    for (; it != all.end() && it->begin < range.end; ++it)
      if (it->end <= range.end && !is_excluded(*it, excluded)) out.push_back(*it);
    return out;
  }

  // The sentences `c`'s own `unless` rules out, added to `base` (in `storage`).
  const Excluded* with_unless(const Condition& c, const Excluded& base, Excluded& storage) {
    if (c.unless.empty()) return &base;
    storage = exclude(c.unless, base);
    return &storage;
  }

  Excluded exclude(const std::vector<int>& unless, const Excluded& base) {
    Excluded out = base.empty() ? Excluded(doc_.sentences.size(), false) : base;
    for (const int id : unless)
      for (const Match& m : matches(id))
        if (const int s = doc_.sentence_at(m.begin); s >= 0) out[static_cast<std::size_t>(s)] = true;
    return out;
  }

  TextRange whole() const { return {0, static_cast<std::uint32_t>(doc_.text.size())}; }

  Match witness;  // the last term match that made a condition hold
  int witness_matcher = -1;  // ... and its matcher

  // --explain: where a condition that does not hold came closest. Each near
  // miss is a unit (sentence, paragraph, ...) where some parts held, with
  // what held and the first part that did not.
  struct NearMiss {
    double score = 0;  // parts held / parts
    std::uint32_t at = 0;
    std::string text;
  };
  void near_misses(const Condition& c, TextRange range, const Excluded& excluded, std::vector<NearMiss>& out) {
    Excluded merged;
    const Excluded* ex = with_unless(c, excluded, merged);
    switch (c.kind) {
      case Condition::Kind::term: {
        // Matches that an `unless` ruled out.
        if (!ex->empty())
          for (const Match& m : matches(c.matcher))
            if (m.begin >= range.begin && m.end <= range.end && is_excluded(m, *ex)) {
              out.push_back({0.9, m.begin, fmt::format("found {} here, but an 'unless' pattern rules this sentence out",
                                                        describe(c))});
              break;
            }
        return;
      }
      case Condition::Kind::negate:
        if (holds(c.children.front(), range, *ex))
          out.push_back({0.5, witness.begin, fmt::format("found {} here, which rules the clause out", describe(c.children.front()))});
        return;
      case Condition::Kind::front_matter: return;
      case Condition::Kind::any:
        if (c.at_least > 1) {
          partial_units(c, range, *ex, out);
          return;
        }
        for (const Condition& k : c.children) near_misses(k, range, *ex, out);
        return;
      case Condition::Kind::all: partial_units(c, range, *ex, out); return;
    }
  }

  std::string describe(const Condition& c) const {
    switch (c.kind) {
      case Condition::Kind::term: return "'" + set_.matchers()[static_cast<std::size_t>(c.matcher)].label() + "'";
      case Condition::Kind::negate: return "no " + describe(c.children.front());
      case Condition::Kind::front_matter: return "front matter '" + c.front_matter + "'";
      case Condition::Kind::any:
      case Condition::Kind::all: {
        std::string out = c.kind == Condition::Kind::any ? "one of (" : "all of (";
        for (std::size_t i = 0; i < c.children.size() && i < 4; ++i) out += (i ? ", " : "") + describe(c.children[i]);
        if (c.children.size() > 4) out += ", ...";
        return out + ")";
      }
    }
    return "?";
  }

 private:
  // `all` (or `any` with at-least): the units where some but not enough parts held.
  void partial_units(const Condition& c, TextRange range, const Excluded& ex, std::vector<NearMiss>& out) {
    const std::size_t need = c.kind == Condition::Kind::all ? c.children.size() : static_cast<std::size_t>(c.at_least);
    auto visit = [&](TextRange unit) {
      std::vector<std::string> held, failed;
      std::uint32_t at = unit.begin;
      bool located = false;
      for (const Condition& k : c.children) {
        if (holds(k, unit, ex)) {
          held.push_back(describe(k));
          if (!located && k.kind == Condition::Kind::term) {
            at = witness.begin;
            located = true;
          }
        } else {
          failed.push_back(describe(k));
        }
      }
      if (!held.empty() && held.size() < need) {
        const std::string where = c.within ? std::string(to_string(*c.within)) : std::string("document");
        out.push_back({static_cast<double>(held.size()) / static_cast<double>(need), at,
                       fmt::format("found {} in this {}, but not {}", join(held), where,
                                   c.kind == Condition::Kind::all ? failed.front() : "enough of " + join(failed))});
      }
      return false;
    };
    if (c.within) for_each_unit(*c.within, range, visit);
    else visit(range);
    if (c.kind == Condition::Kind::all)
      for (const Condition& k : c.children)
        if (!holds(k, range, ex)) near_misses(k, range, ex, out);
  }

  static std::string join(const std::vector<std::string>& parts) {
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) out += (i == 0 ? "" : i + 1 == parts.size() ? " and " : ", ") + parts[i];
    return out;
  }

 public:
  MatchFailures failures;

 private:
  bool is_excluded(const Match& m, const Excluded& excluded) const {
    if (excluded.empty()) return false;
    const int s = doc_.sentence_at(m.begin);
    return s >= 0 && excluded[static_cast<std::size_t>(s)];
  }

  std::optional<Match> first_match(int matcher, TextRange range, const Excluded& excluded) {
    const auto& all = matches(matcher);
    auto it = std::lower_bound(all.begin(), all.end(), range.begin, [](const Match& m, std::uint32_t o) { return m.begin < o; });
    for (; it != all.end() && it->begin < range.end; ++it)
      if (it->end <= range.end && !is_excluded(*it, excluded)) return *it;
    return std::nullopt;
  }

  bool group_holds(const Condition& c, TextRange unit, const Excluded& ex) {
    if (c.kind == Condition::Kind::any) {
      int held = 0;
      for (const Condition& k : c.children)
        if (holds(k, unit, ex) && ++held >= c.at_least) return true;
      return false;
    }
    if (!std::all_of(c.children.begin(), c.children.end(), [&](const Condition& k) { return holds(k, unit, ex); }))
      return false;
    return c.near == 0 || near_enough(c, unit, ex);
  }

  // `all` with `near`: some match of the first term has a match of every
  // other term within `near` words of it.
  bool near_enough(const Condition& c, TextRange unit, const Excluded& ex) {
    std::vector<std::vector<Match>> sets;
    for (const auto& k : c.children)
      if (k.kind == Condition::Kind::term) sets.push_back(qualifying(k.matcher, unit, ex));
    if (sets.size() < 2) return true;
    for (const Match& anchor : sets.front()) {
      const bool ok = std::all_of(sets.begin() + 1, sets.end(), [&](const std::vector<Match>& other) {
        return std::any_of(other.begin(), other.end(), [&](const Match& m) { return words_between(anchor, m) <= c.near; });
      });
      if (ok) return true;
    }
    return false;
  }

  // Words (runs of letters and digits) between two matches.
  int words_between(const Match& a, const Match& b) const {
    const Match& first = a.begin <= b.begin ? a : b;
    const Match& second = a.begin <= b.begin ? b : a;
    if (second.begin <= first.end) return 0;
    int words = 0;
    bool in_word = false;
    for (const char c : std::string_view(doc_.text).substr(first.end, second.begin - first.end)) {
      const bool word_char = std::isalnum(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) & 0x80);
      words += word_char && !in_word;
      in_word = word_char;
    }
    return words;
  }

  template <typename F>
  bool for_each_unit(Scope scope, TextRange range, F&& f) {
    auto scan = [&](const auto& units, auto range_of) {
      for (const auto& u : units)
        if (range.contains(range_of(u)) && f(range_of(u))) return true;
      return false;
    };
    switch (scope) {
      case Scope::sentence: return scan(doc_.sentences, [](const Sentence& s) { return s.range; });
      case Scope::paragraph: return scan(doc_.paragraphs, [](const TextRange& r) { return r; });
      case Scope::section: return scan(doc_.sections, [](const Section& s) { return s.range; });
      case Scope::document: return f(range);
    }
    return false;
  }

  const Document& doc_;
  const RuleSet& set_;
  std::vector<Diagnostic>& diagnostics_;
  std::vector<std::optional<std::vector<Match>>> cache_;
  std::optional<Prefilter::Scan> scan_;
};

std::size_t utf8_length(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// The source range of a heading line: from its first non-blank character
// (the "#" of an ATX heading) to the end of its text.
SourceRange heading_range(const Document& doc, const Block& block) {
  SourceRange range = doc.source_range(block.range);
  const std::string_view line = doc.source->line_text(range.start.line);
  const auto lead = line.find_first_not_of(" \t");
  range.start.column = lead == std::string_view::npos ? 1 : static_cast<int>(lead) + 1;
  if (range.end.line != range.start.line || range.end.column < range.start.column) {
    // A paragraph standing in for a title: point at its first line.
    range.end = {range.start.line, static_cast<int>(utf8_length(line)) + 1};
  }
  return range;
}

// Where a missing clause belongs: the first heading matching the rule's
// belongs-under patterns, else the title.
int anchor_block(const Document& doc, const Rule& rule, Evaluator& ev) {
  for (const int matcher : rule.belongs_under)
    for (std::size_t b = 0; b < doc.blocks.size(); ++b)
      if (doc.blocks[b].kind == BlockKind::heading && !ev.qualifying(matcher, doc.blocks[b].range, {}).empty())
        return static_cast<int>(b);
  return doc.title_block();
}

// The names of a list rule's elements that hold nowhere in the document.
std::vector<std::string> missing_elements(const Rule& rule, Evaluator& ev, TextRange whole) {
  std::vector<std::string> out;
  for (const auto& [name, condition] : rule.elements)
    if (!ev.holds(condition, whole, {})) out.push_back(name);
  return out;
}

// "{missing}" -> "restriction", "restriction and portability", "a, b and c".
void replace_missing(std::string& message, const std::vector<std::string>& names) {
  std::string list;
  for (std::size_t i = 0; i < names.size(); ++i)
    list += (i == 0 ? "" : i + 1 == names.size() ? " and " : ", ") + names[i];
  if (list.empty()) list = "some elements";
  for (std::size_t at = message.find("{missing}"); at != std::string::npos; at = message.find("{missing}", at + list.size()))
    message.replace(at, 9, list);
}

Finding make_finding(const Document& doc, const Rule& rule, Finding::Kind kind) {
  Finding f;
  f.file = doc.source->path();
  f.rule_id = rule.id;
  f.pack = rule.pack;
  f.severity = rule.severity;
  f.message = rule.message;
  f.kind = kind;
  return f;
}

}  // namespace

// --explain: the sentences that came closest to satisfying a missing
// clause, best first, each with what was found and what was not.
std::vector<std::string> explain_missing(const Document& doc, const Rule& rule, Evaluator& ev) {
  std::vector<Evaluator::NearMiss> misses;
  ev.near_misses(rule.check, ev.whole(), {}, misses);
  std::stable_sort(misses.begin(), misses.end(), [](const auto& a, const auto& b) { return a.score > b.score; });
  std::vector<std::string> out;
  for (const auto& m : misses) {
    if (out.size() == 3) break;
    const Position p = doc.source_range({m.at, m.at}).start;
    const int s = doc.sentence_at(m.at);
    std::string sentence(s >= 0 ? doc.slice(doc.sentences[static_cast<std::size_t>(s)].range) : std::string_view());
    if (sentence.size() > 100) sentence = sentence.substr(0, 97) + "...";
    std::string line = fmt::format("{}:{}: {}: \"{}\"", p.line, p.column, m.text, sentence);
    if (std::find(out.begin(), out.end(), line) == out.end()) out.push_back(std::move(line));
  }
  if (out.empty()) out.push_back(fmt::format("nothing came close: no part of {} was found", ev.describe(rule.check)));
  return out;
}

LintResult lint_document(const Document& doc, const RuleSet& rules, const Rule* only, const LintOptions& options) {
  LintResult result;
  Evaluator ev(doc, rules, result.diagnostics);
  const TextRange whole = ev.whole();
  for (const Rule& rule : rules.rules()) {
    if (only && &rule != only) continue;
    ev.failures.start_rule(&rule);
    if (rule.when && !ev.holds(*rule.when, whole, {})) continue;

    if (rule.kind == Rule::Kind::require) {
      if (ev.holds(rule.check, whole, {})) {
        if (std::getenv("CLAUSELINT_TRACE"))
          fmt::print(stderr, "{}: [{}] satisfied by '{}': {}\n", doc.source->path(), rule.id,
                     ev.witness_matcher >= 0 ? rules.matchers()[static_cast<std::size_t>(ev.witness_matcher)].label() : "",
                     doc.sentence_at(ev.witness.begin) >= 0
                         ? doc.slice(doc.sentences[static_cast<std::size_t>(doc.sentence_at(ev.witness.begin))].range)
                         : doc.slice({ev.witness.begin, ev.witness.end}));
        continue;
      }
      Finding f = make_finding(doc, rule, Finding::Kind::missing);
      if (rule.topic && !ev.holds(*rule.topic, whole, {})) f.message = rule.topic_message;
      if (!rule.elements.empty()) replace_missing(f.message, missing_elements(rule, ev, whole));
      if (rule.locate && ev.holds(*rule.locate, whole, {})) {
        // Weak wording: point at the sentence that says it.
        const int s = doc.sentence_at(ev.witness.begin);
        const TextRange at = s >= 0 ? doc.sentences[static_cast<std::size_t>(s)].range : TextRange{ev.witness.begin, ev.witness.end};
        f.kind = Finding::Kind::match;
        f.range = doc.source_range({ev.witness.begin, ev.witness.end});
        f.evidence = std::string(doc.slice(at));
      } else if (const int b = anchor_block(doc, rule, ev); b >= 0) {
        const Block& block = doc.blocks[static_cast<std::size_t>(b)];
        f.range = heading_range(doc, block);
        f.evidence = std::string(doc.slice(block.range));
      } else {
        f.range = {{1, 1}, {1, 1}};
      }
      if (options.explain && f.kind == Finding::Kind::missing) f.explanation = explain_missing(doc, rule, ev);
      result.findings.push_back(std::move(f));
      continue;
    }

    // forbid: one finding per match (overlapping matches of several patterns count once).
    const auto excluded = ev.exclude(rule.check.unless, {});
    std::vector<Match> hits;
    auto collect = [&](const Condition& term) {
      const auto found = ev.qualifying(term.matcher, whole, excluded);
      hits.insert(hits.end(), found.begin(), found.end());
    };
    if (rule.check.kind == Condition::Kind::term) collect(rule.check);
    for (const auto& child : rule.check.children) collect(child);
    std::sort(hits.begin(), hits.end(), [](const Match& a, const Match& b) { return a.begin < b.begin || (a.begin == b.begin && a.end > b.end); });
    std::uint32_t covered = 0;
    for (const Match& m : hits) {
      if (m.begin < covered) continue;
      covered = m.end;
      Finding f = make_finding(doc, rule, Finding::Kind::match);
      f.range = doc.source_range({m.begin, m.end});
      const int s = doc.sentence_at(m.begin);
      f.evidence = std::string(s >= 0 ? doc.slice(doc.sentences[static_cast<std::size_t>(s)].range) : doc.slice({m.begin, m.end}));
      result.findings.push_back(std::move(f));
    }
  }
  ev.failures.finish(doc, rules, result);
  if (!only) apply_suppressions(doc, rules, result.findings);
  sort_findings(result.findings);
  assign_fingerprints(result.findings);
  for (Finding& f : result.findings) f.snippet = std::string(doc.source->text_between(f.range.start, f.range.end));
  return result;
}

}  // namespace clauselint
