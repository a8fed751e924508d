#include "clauselint/block_memo.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <string>
#include <unordered_map>

#include "engine/block_memo.h"

namespace clauselint {

class BlockMemo {
 public:
  struct Key {
    std::uint32_t block;
    std::uint64_t pattern;
    std::uintptr_t check;
    bool operator==(const Key&) const = default;
  };
  struct Result {
    std::string lead;            // the characters before the block that the pattern could see
    std::vector<Match> matches;  // offsets from the block's start
  };

  void make_room() {
    if (bytes_ <= kMemoBytes) return;
    blocks_.clear();
    results_.clear();
    bytes_ = 0;
  }
  std::uint32_t block_id(std::string_view text) {
    if (const auto it = blocks_.find(text); it != blocks_.end()) return it->second;
    bytes_ += text.size() + kEntryBytes;
    return blocks_.emplace(std::string(text), static_cast<std::uint32_t>(blocks_.size())).first->second;
  }
  const Result* find(const Key& key) const {
    const auto it = results_.find(key);
    return it == results_.end() ? nullptr : &it->second;
  }
  void store(const Key& key, std::string_view lead, std::vector<Match> matches) {
    bytes_ += lead.size() + matches.size() * sizeof(Match) + kEntryBytes;
    Result& r = results_[key];
    r.lead.assign(lead);
    r.matches = std::move(matches);
  }

 private:
  static constexpr std::size_t kEntryBytes = 64;  // a table entry's own cost, roughly
  struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
  };
  struct KeyHash {
    std::size_t operator()(const Key& k) const {
      std::uint64_t h = (k.pattern * 0x9E3779B97F4A7C15ull) ^ k.block;
      h ^= k.check + 0x9E3779B9u + (h << 6) + (h >> 2);
      return static_cast<std::size_t>(h);
    }
  };
  std::unordered_map<std::string, std::uint32_t, TextHash, std::equal_to<>> blocks_;  // block text -> id
  std::unordered_map<Key, Result, KeyHash> results_;
  std::size_t bytes_ = 0;
};

namespace {

thread_local bool memo_on = false;

bool memo_turned_off() {
  static const bool off = [] {
    const char* value = std::getenv("CLAUSELINT_NO_MEMO");
    return value && *value && std::strcmp(value, "0") != 0;
  }();
  return off;
}

}  // namespace

MemoScope::MemoScope(bool on) : previous_(memo_on) { memo_on = on; }

MemoScope::~MemoScope() { memo_on = previous_; }

BlockMemo* RememberedSearch::active() {
  if (!memo_on || memo_turned_off()) return nullptr;
  thread_local BlockMemo memo;
  memo.make_room();
  return &memo;
}

RememberedSearch::RememberedSearch(BlockMemo& memo, std::string_view text)
    : memo_(memo), text_(text), starts_(block_starts(text)), ids_(starts_.size(), -1) {}

std::uint32_t RememberedSearch::block_id(std::size_t block) {
  if (ids_[block] < 0) {
    const std::size_t begin = starts_[block];
    const std::size_t end = block + 1 < starts_.size() ? starts_[block + 1] - 1 : text_.size();
    ids_[block] = memo_.block_id(text_.substr(begin, end - begin));
  }
  return static_cast<std::uint32_t>(ids_[block]);
}

// The `characters` code points before `start` (fewer at the document's start).
std::string_view RememberedSearch::lead(std::uint32_t start, int characters) const {
  std::size_t begin = start;
  for (int i = 0; i < characters && begin > 0; ++i) {
    --begin;
    while (begin > 0 && (static_cast<unsigned char>(text_[begin]) & 0xC0) == 0x80) --begin;
  }
  return text_.substr(begin, start - begin);
}

Pattern::Problem RememberedSearch::find_in_blocks(const Pattern& pattern, std::uintptr_t check, std::vector<Match>& out,
                                                  Pattern::Accept accept, const void* context,
                                                  const std::vector<std::uint32_t>* only) {
  const int reach = pattern.reach_back();
  if (reach < 0) return pattern.find_in_blocks(text_, out, accept, context, only);
  // The blocks the memo knows give their matches; the others are searched.
  std::vector<Match> known;
  std::vector<std::uint32_t> searched;
  std::vector<std::size_t> searched_blocks;
  const std::size_t count = only ? only->size() : starts_.size();
  for (std::size_t i = 0; i < count; ++i) {
    const std::size_t block =
        only ? static_cast<std::size_t>(std::lower_bound(starts_.begin(), starts_.end(), (*only)[i]) - starts_.begin())
             : i;
    const std::uint32_t start = starts_[block];
    const BlockMemo::Result* r = memo_.find({block_id(block), pattern.id(), check});
    if (r && r->lead == lead(start, reach)) {
      for (const Match& m : r->matches) known.push_back({m.begin + start, m.end + start});
    } else {
      searched.push_back(start);
      searched_blocks.push_back(block);
    }
  }
  std::vector<Match> found;
  std::vector<std::uint32_t> rejecting;
  Pattern::Problem problem;
  if (!searched.empty()) problem = pattern.find_in_blocks(text_, found, accept, context, &searched, &rejecting);
  if (!problem) {  // remember each searched block's matches, unless one was rejected there
    auto next = found.begin();
    for (std::size_t i = 0; i < searched.size(); ++i) {
      const std::uint32_t start = searched[i];
      const std::size_t block = searched_blocks[i];
      const std::uint32_t end = block + 1 < starts_.size() ? starts_[block + 1] : static_cast<std::uint32_t>(-1);
      std::vector<Match> own;
      for (; next != found.end() && next->begin < end; ++next) own.push_back({next->begin - start, next->end - start});
      if (!std::binary_search(rejecting.begin(), rejecting.end(), start))
        memo_.store({block_id(block), pattern.id(), check}, lead(start, reach), std::move(own));
    }
  }
  out.reserve(out.size() + known.size() + found.size());
  std::merge(known.begin(), known.end(), found.begin(), found.end(), std::back_inserter(out),
             [](const Match& a, const Match& b) { return a.begin < b.begin; });
  return problem;
}

}  // namespace clauselint
