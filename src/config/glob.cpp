// glob_match (declared in config.h), by dynamic programming over (pattern
// position, path position): O(pattern x path) time and memory, whatever the
// pattern ("*a*a*a*a*a*a*a*a*b" backtracked exponentially when it recursed).
// The rules are exactly those of the old recursive matcher:
//   - a leading "./" of the remaining pattern is skipped;
//   - "**" (then an optional "/") matches any run of folders: the rest must
//     match from the start, after a "/", or anywhere when nothing follows;
//   - "*" matches within one folder (never across "/") but not an empty rest
//     of the path; "?" matches one character other than "/".
#include <vector>

#include "clauselint/config.h"

namespace clauselint {

bool glob_match(std::string_view pattern, std::string_view path) {
  const std::size_t n = pattern.size(), m = path.size();
  // row[i][j]: pattern.substr(i) matches path.substr(j).
  std::vector<std::vector<char>> row(n + 1);
  for (std::size_t i = n + 1; i-- > 0;) {
    std::vector<char>& cur = row[i];
    cur.assign(m + 1, 0);
    std::size_t p = i;
    if (pattern.substr(p).starts_with("./")) p += 2;
    if (p >= n) {  // empty pattern: only the empty path
      cur[m] = 1;
      continue;
    }
    if (pattern.substr(p).starts_with("**")) {
      std::size_t r = p + 2;
      if (r < n && pattern[r] == '/') ++r;
      const std::vector<char>& rest = row[r];
      const bool rest_empty = r >= n;
      // after_slash[t]: some t' >= t with path[t'-1] == '/' (or rest empty) and rest matching path.substr(t').
      bool any_later = false;
      for (std::size_t j = m + 1; j-- > 0;) {
        // Candidates t in [j, m]: t == j always allowed; t > j when path[t-1] == '/' or the rest is empty.
        cur[j] = rest[j] || any_later;
        if (j > 0 && (path[j - 1] == '/' || rest_empty) && rest[j]) any_later = true;
      }
      continue;
    }
    const std::vector<char>& next = row[p + 1];
    if (pattern[p] == '*') {
      // any[j]: next matches some path.substr(t) with t in [j, first "/" at or after j].
      std::vector<char> any(m + 1, 0);
      any[m] = next[m];
      for (std::size_t j = m; j-- > 0;) any[j] = next[j] || (path[j] != '/' && any[j + 1]);
      for (std::size_t j = 0; j < m; ++j) cur[j] = any[j];  // cur[m] stays 0: "*" needs a non-empty path
      continue;
    }
    for (std::size_t j = 0; j < m; ++j)
      cur[j] = (pattern[p] == '?' ? path[j] != '/' : pattern[p] == path[j]) && next[j + 1];
  }
  return row[0][0] != 0;
}

}  // namespace clauselint
