// The payload of a compiled pack image (pack_image.h): what PackLoader has
// after parsing a pack and before adding it to a set. Private to src/rules/.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clauselint/rule_set.h"

namespace clauselint {

struct ImageSharedRef {
  std::string id;
  std::vector<std::string> citations;
  std::vector<std::string> tags;
  int line = -1, column = -1;  // 0-based, as YAML::Mark
};

struct PackImage {
  Pack pack;  // its rules empty; file as compiled
  int name_line = -1, name_column = -1;
  bool vocabulary = false;  // a vocabulary pack: `fragments` only
  Vocabulary fragments;
  std::vector<Matcher> matchers;  // the table the rules' matcher indexes point into
  std::vector<Rule> rules;        // own rules, in pack order
  std::vector<ImageSharedRef> shared;
  std::vector<bool> order;  // per entry: true for a shared reference
};

// The whole image (header and payload); `with_code` adds each regex's
// compiled PCRE2 code (Pattern::serialize), compiling it now.
std::string encode_pack_image(const PackImage& image, bool with_code = false);
// nullopt when the image is not intact or its payload does not decode.
// `keep_code`: the bytes outlive the process (the built-in images), so the
// patterns may decode their serialized code from them instead of compiling.
std::optional<PackImage> decode_pack_image(std::string_view image, bool keep_code = false);

}  // namespace clauselint
