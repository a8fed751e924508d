#include "clauselint/rule_set.h"

#include <mutex>

#include "rules/spelling.h"

namespace clauselint {

std::string_view to_string(Scope s) {
  switch (s) {
    case Scope::sentence: return "sentence";
    case Scope::paragraph: return "paragraph";
    case Scope::section: return "section";
    case Scope::document: return "document";
  }
  return "document";
}

std::vector<std::string> split_rule_ids(std::string_view list) {
  std::vector<std::string> out;
  std::string current;
  for (const char c : std::string(list) + ",") {
    if (c == ',' || c == ' ' || c == '\t' || c == '\n') {
      if (!current.empty()) out.push_back(current);
      current.clear();
    } else {
      current += c;
    }
  }
  return out;
}

std::string Matcher::label() const {
  if (!name.empty()) return name;
  std::string out = source.substr(0, source.find('\n'));
  if (out.size() > 60) out = out.substr(0, 57) + "...";
  return out;
}

struct RuleSet::LazyPrefilter {
  std::once_flag once;
  std::unique_ptr<Prefilter> prefilter;
};

int RuleSet::add_matcher(Matcher m) {
  const auto [it, added] = matcher_index_.emplace(m.source, static_cast<int>(matchers_.size()));
  if (added) {
    matchers_.push_back(std::move(m));
    prefilter_ = std::make_shared<LazyPrefilter>();  // built again, over every matcher, on first use
  }
  return it->second;
}

const Prefilter* RuleSet::prefilter() const {
  if (!prefilter_ || !Prefilter::enabled()) return nullptr;
  std::call_once(prefilter_->once, [this] { prefilter_->prefilter = std::make_unique<Prefilter>(matchers_); });
  return prefilter_->prefilter.get();
}

const Rule* RuleSet::find_rule(std::string_view id) const {
  for (const auto& r : rules_)
    if (r.id == id) return &r;
  return nullptr;
}

std::string RuleSet::suggest_rule(std::string_view id) const {
  std::vector<std::string_view> ids;
  for (const auto& r : rules_) ids.push_back(r.id);
  return did_you_mean(id, ids);
}

const Pack* RuleSet::find_pack(std::string_view name) const {
  for (const auto& p : packs_)
    if (p.name == name) return &p;
  return nullptr;
}

}  // namespace clauselint
