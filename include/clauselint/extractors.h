// Built-in extractors: vetted patterns for things that are hard to match with
// a one-line regex. Packs name them (`extract: email`) instead of re-writing
// them. Each is a PCRE2 pattern plus, for some, a check on the matched text
// (a phone number has 7 to 15 digits, for example).
//
//   email           an e-mail address (user@example.com, or a mailto: link)
//   phone           a telephone number (+1 (555) 010-0199, 0800 123 4567, ...)
//   url             a web address (https://..., www.example.com/...)
//   contact-url     a URL whose path or name offers contact (a contact form)
//   postal-address  a street address (number + street type, PO Box, or
//                   "City, ST 12345"), in US, UK and EU shapes
//   date            a calendar date (March 1, 2025 / 1 March 2025 / 2025-03-01 / 03/01/2025)
//   policy-date     a date introduced as the effective or last-updated date
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace clauselint {

struct Extractor {
  std::string_view name;
  std::string_view regex;
  bool (*accept)(std::string_view match) = nullptr;  // null: every match counts
  std::string_view summary;
};

const std::vector<Extractor>& extractors();
const Extractor* find_extractor(std::string_view name);

}  // namespace clauselint
