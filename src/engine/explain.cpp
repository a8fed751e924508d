// --explain: for a missing clause, the places that came closest to it and
// what was found there (evaluator.h).
#include <algorithm>

#include <fmt/format.h>

#include "engine/evaluator.h"

namespace clauselint {

void Evaluator::near_misses(const Condition& c, TextRange range, const Excluded& excluded, std::vector<NearMiss>& out) {
  Excluded merged;
  const Excluded* ex = with_unless(c, excluded, merged);
  switch (c.kind) {
    case Condition::Kind::term: {
      // Matches that an `unless` ruled out.
      if (!ex->empty())
        for (const Match& m : matches(c.matcher))
          if (m.begin >= range.begin && m.end <= range.end && is_excluded(m, *ex)) {
            out.push_back({0.9, m.begin,
                           fmt::format("found {} here, but an 'unless' pattern rules this sentence out", describe(c))});
            break;
          }
      return;
    }
    case Condition::Kind::negate:
      if (holds(c.children.front(), range, *ex))
        out.push_back({0.5, witness.begin,
                       fmt::format("found {} here, which rules the clause out", describe(c.children.front()))});
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

std::string Evaluator::describe(const Condition& c) const {
  switch (c.kind) {
    case Condition::Kind::term: {
      // Appended, not "'" + label + "'": GCC 12 warns (-Wrestrict, a false positive) on that once inlined here.
      std::string quoted = "'";
      quoted += set_.matchers()[static_cast<std::size_t>(c.matcher)].label();
      return quoted += "'";
    }
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

// `all` (or `any` with at-least): the units where some but not enough parts held.
void Evaluator::partial_units(const Condition& c, TextRange range, const Excluded& ex, std::vector<NearMiss>& out) {
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
  if (c.within)
    for_each_unit(*c.within, range, visit);
  else
    visit(range);
  if (c.kind == Condition::Kind::all)
    for (const Condition& k : c.children)
      if (!holds(k, range, ex)) near_misses(k, range, ex, out);
}

std::string Evaluator::join(const std::vector<std::string>& parts) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i)
    out += (i == 0 ? "" : i + 1 == parts.size() ? " and " : ", ") + parts[i];
  return out;
}

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

}  // namespace clauselint
