// Every resource limit clauselint applies to its inputs, in one place
// (docs/limits.md lists them, with how to raise each). A limit that is hit
// always produces a diagnostic naming the file and the limit: never a crash,
// a hang or a silent partial result.
#pragma once

#include <cstddef>
#include <cstdint>

namespace clauselint {

// Bytes read from a rule pack, a config file and a baseline file (a policy:
// kMaxInputBytes in input.h). Reads stop at the limit + 1 byte.
inline constexpr std::size_t kMaxPackBytes = 4u * 1024u * 1024u;
inline constexpr std::size_t kMaxConfigBytes = 1u * 1024u * 1024u;
inline constexpr std::size_t kMaxBaselineBytes = 16u * 1024u * 1024u;

// YAML (packs and config): nesting depth, and nodes after alias expansion
// (an "alias bomb" of a few lines can stand for billions of nodes).
inline constexpr int kMaxYamlDepth = 64;
inline constexpr std::size_t kMaxYamlNodes = 100'000;

// HTML (and HTML blocks in Markdown): element nesting read as structure;
// deeper elements' text is still read, as part of the enclosing block.
inline constexpr int kMaxHtmlDepth = 256;

// Matching: wall-clock time all patterns together may spend on one file
// before the remaining patterns are skipped for it (environment variable
// CLAUSELINT_MATCH_BUDGET_MS overrides), and how many rejected matches one
// pattern may retry (a match crossing a block boundary is retried from its
// next character) before it stops.
inline constexpr std::uint32_t kMatchBudgetMs = 5000;
inline constexpr std::size_t kMaxRejectedMatches = 100'000;

// Shown text: a pattern, comment or name echoed in a message is cut to this
// many code points.
inline constexpr std::size_t kMaxEchoedChars = 120;

}  // namespace clauselint
