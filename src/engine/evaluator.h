// The Evaluator: decides whether a rule's conditions hold in one document,
// for lint_document (engine.cpp) and --explain (explain.cpp). Private to
// src/engine/. Cost: each matcher runs at most once per document (cached;
// the prefilter's scan picks the blocks it searches). Errors: a matcher that
// fails (a PCRE2 limit) is recorded in `failures` and its rule is skipped;
// nothing throws.
#pragma once

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <optional>
#include <string>
#include <system_error>
#include <vector>

#include "clauselint/engine.h"
#include "engine/block_memo.h"
#include "engine/jit_ahead.h"
#include "engine/match_failures.h"

namespace clauselint {

// Evaluates conditions over one document. Each matcher runs at most once.
class Evaluator {
 public:
  Evaluator(const Document& doc, const RuleSet& set, std::vector<Diagnostic>& diagnostics)
      : doc_(doc), set_(set), diagnostics_(diagnostics), cache_(set.matchers().size()) {
    if (const Prefilter* prefilter = set.prefilter()) scan_ = prefilter->scan(doc.text);
    if (BlockMemo* memo = RememberedSearch::active()) memo_.emplace(*memo, doc.text);
  }

  using Excluded = std::vector<bool>;  // per sentence: an `unless` matched there

  // Starts JIT-compiling, on another thread, the patterns the prefilter lets
  // search somewhere (jit_ahead.h). Without a thread to do it, nothing happens.
  void jit_ahead() {
    std::vector<const Pattern*> patterns;
    for (std::size_t id = 0; id < set_.matchers().size(); ++id) {
      const auto blocks = scan_ ? scan_->blocks_for(static_cast<int>(id)) : std::nullopt;
      const Pattern* pattern = set_.matchers()[id].pattern.get();
      if (pattern && (!blocks || !blocks->empty())) patterns.push_back(pattern);
    }
    try {
      jit_ahead_.emplace(std::move(patterns));
    } catch (const std::system_error&) {  // (no thread could be started)
    }
  }

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
      const auto* only = blocks ? &*blocks : nullptr;
      // Blocks searched before, in this document or an earlier one (block_memo.h).
      const auto check = reinterpret_cast<std::uintptr_t>(m.accept);
      if (const auto problem = memo_ ? memo_->find_in_blocks(*m.pattern, check, *slot, accept, &m, only)
                                     : m.pattern->find_in_blocks(doc_.text, *slot, accept, &m, only))
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
        return c.front_matter == "policy-date" ? !doc_.policy_dates.empty()
                                               : doc_.front_matter.count(c.front_matter) > 0;
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
    auto it = std::lower_bound(all.begin(), all.end(), range.begin,
                               [](const Match& m, std::uint32_t o) { return m.begin < o; });
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

  Match witness;             // the last term match that made a condition hold
  int witness_matcher = -1;  // ... and its matcher

  // --explain (explain.cpp): where a condition that does not hold came
  // closest. Each near miss is a unit (sentence, paragraph, ...) where some
  // parts held, with what held and the first part that did not.
  struct NearMiss {
    double score = 0;  // parts held / parts
    std::uint32_t at = 0;
    std::string text;
  };
  void near_misses(const Condition& c, TextRange range, const Excluded& excluded, std::vector<NearMiss>& out);
  std::string describe(const Condition& c) const;

 private:
  void partial_units(const Condition& c, TextRange range, const Excluded& ex, std::vector<NearMiss>& out);
  static std::string join(const std::vector<std::string>& parts);

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
    auto it = std::lower_bound(all.begin(), all.end(), range.begin,
                               [](const Match& m, std::uint32_t o) { return m.begin < o; });
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
        return std::any_of(other.begin(), other.end(),
                           [&](const Match& m) { return words_between(anchor, m) <= c.near; });
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
  std::optional<RememberedSearch> memo_;
  std::optional<JitAhead> jit_ahead_;  // last: stops before the rest goes
};

// --explain: the sentences that came closest to satisfying a missing
// clause, best first, each with what was found and what was not.
std::vector<std::string> explain_missing(const Document& doc, const Rule& rule, Evaluator& ev);

}  // namespace clauselint
