#include "clauselint/yaml_limits.h"

#include <sstream>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include "clauselint/limits.h"

namespace clauselint {
namespace {

struct LimitHit {
  YamlLimitError error;
};

// Counts nodes as the parser streams them; an alias counts as the whole
// subtree of its anchor.
class LimitChecker : public YAML::EventHandler {
 public:
  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override { leaf(mark, anchor); }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    // yaml-cpp lets an alias refer to the collection it sits in: a cycle that
    // any walk of the tree follows forever (found by fuzzing the pack loader).
    for (const Frame& open : stack_)
      if (open.anchor == anchor)
        throw LimitHit{{at(mark),
                        "this alias refers to a list or mapping that contains it (a cycle): "
                        "use an anchor defined before and outside it"}};
    const auto it = sizes_.find(anchor);
    add(mark, it == sizes_.end() ? 1 : it->second);
  }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor, const std::string&) override {
    leaf(mark, anchor);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(mark, anchor);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(mark, anchor);
  }
  void OnMapEnd() override { close(); }

 private:
  struct Frame {
    YAML::anchor_t anchor;
    std::size_t size;
    YAML::Mark mark;
  };

  static Position at(const YAML::Mark& mark) { return {mark.line + 1, mark.column + 1}; }

  void add(const YAML::Mark& mark, std::size_t n) {
    std::size_t& target = stack_.empty() ? total_ : stack_.back().size;
    target = target + n < target ? kMaxYamlNodes + 1 : target + n;
    total_nodes_ = total_nodes_ + n < total_nodes_ ? kMaxYamlNodes + 1 : total_nodes_ + n;
    if (total_nodes_ > kMaxYamlNodes)
      throw LimitHit{
          {at(mark), fmt::format("the YAML stands for more than {} nodes once its aliases (*name) are expanded: "
                                 "an alias bomb? Repeat less through aliases",
                                 kMaxYamlNodes)}};
  }
  void leaf(const YAML::Mark& mark, YAML::anchor_t anchor) {
    if (anchor != YAML::NullAnchor) sizes_[anchor] = 1;
    add(mark, 1);
  }
  void open(const YAML::Mark& mark, YAML::anchor_t anchor) {
    if (static_cast<int>(stack_.size()) >= kMaxYamlDepth)
      throw LimitHit{
          {at(mark), fmt::format("YAML nesting is too deep here (more than {} levels of lists and mappings): "
                                 "flatten the structure",
                                 kMaxYamlDepth)}};
    stack_.push_back({anchor, 1, mark});
  }
  void close() {
    if (stack_.empty()) return;
    const Frame frame = stack_.back();
    stack_.pop_back();
    if (frame.anchor != YAML::NullAnchor) sizes_[frame.anchor] = frame.size;
    // The collection's own node was counted in total_nodes_ when it closed.
    add(frame.mark, 0);
    std::size_t& target = stack_.empty() ? total_ : stack_.back().size;
    target += frame.size;
    total_nodes_ += 1;
  }

  std::vector<Frame> stack_;
  std::unordered_map<YAML::anchor_t, std::size_t> sizes_;
  std::size_t total_ = 0;
  std::size_t total_nodes_ = 0;  // expanded nodes met so far
};

}  // namespace

std::optional<YamlLimitError> check_yaml_limits(std::string_view yaml) {
  std::istringstream in{std::string(yaml)};
  try {
    YAML::Parser parser(in);
    LimitChecker checker;
    parser.HandleNextDocument(checker);
  } catch (const LimitHit& hit) {
    return hit.error;
  } catch (const YAML::DeepRecursion& e) {
    return YamlLimitError{{e.mark.line + 1, e.mark.column + 1}, "YAML nesting is too deep here: flatten the structure"};
  } catch (const YAML::Exception&) {
    return std::nullopt;  // a syntax error: the loader reports it with its own message
  }
  return std::nullopt;
}

}  // namespace clauselint

namespace clauselint {

bool is_kebab_case(std::string_view s) {
  if (s.empty() || s.front() == '-' || s.back() == '-') return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '-') {
      if (s[i - 1] == '-') return false;
    } else if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
      return false;
    }
  }
  return true;
}

}  // namespace clauselint
