#include "model/sentences.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <memory>
#include <string>

#include <unicode/brkiter.h>
#include <unicode/utext.h>

namespace clauselint {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }

// Abbreviations after which a sentence does not end.
constexpr std::array<std::string_view, 40> kAlways = {
    "e.g.", "i.e.",  "eg.",     "ie.",  "mr.",  "mrs.",  "ms.",  "dr.",  "prof.", "st.",
    "vs.",  "cf.",   "approx.", "art.", "sec.", "para.", "fig.", "ave.", "blvd.", "rd.",
    "ste.", "dept.", "apt.",    "jan.", "feb.", "mar.",  "apr.", "jun.", "jul.",  "aug.",
    "sep.", "sept.", "oct.",    "nov.", "dec.", "viz.",  "al.",  "ref.", "tel.",  "ph."};
// Company suffixes: no boundary unless a typical sentence opening follows.
constexpr std::array<std::string_view, 9> kCompany = {"inc.", "ltd.",  "llc.",   "corp.", "co.",
                                                      "plc.", "gmbh.", "l.l.c.", "s.a."};
constexpr std::array<std::string_view, 24> kOpeners = {
    "we", "you",  "our",  "your", "this", "these", "if", "the", "for", "in", "to", "please",
    "it", "they", "when", "any",  "all",  "by",    "as", "a",   "an",  "on", "at", "unless"};

// The whitespace-delimited token that ends just before `end`.
std::string_view last_token(std::string_view text, std::size_t end) {
  while (end > 0 && text[end - 1] == ' ') --end;
  std::size_t start = end;
  while (start > 0 && text[start - 1] != ' ') --start;
  std::string_view token = text.substr(start, end - start);
  while (!token.empty() && (token.front() == '(' || token.front() == '"' || token.front() == '\''))
    token.remove_prefix(1);
  return token;
}

std::string_view first_word(std::string_view text, std::size_t start) {
  while (start < text.size() && text[start] == ' ') ++start;
  std::size_t end = start;
  while (end < text.size() && std::isalpha(static_cast<unsigned char>(text[end]))) ++end;
  return text.substr(start, end - start);
}

bool keeps_sentence_open(std::string_view text, std::size_t boundary) {
  const std::string token = lower(last_token(text, boundary));
  if (token.empty() || token.back() != '.') return false;
  std::size_t next = boundary;
  while (next < text.size() && text[next] == ' ') ++next;
  const char following = next < text.size() ? text[next] : '\0';
  if (token == "no." || token == "nos." || token == "p." || token == "pp.")
    return std::isdigit(static_cast<unsigned char>(following)) != 0;
  if (std::find(kAlways.begin(), kAlways.end(), token) != kAlways.end()) return true;
  // Initials and dotted abbreviations: "J.", "U.S.", "E.U."
  const bool dotted = token.size() >= 2 &&
                      std::all_of(token.begin(), token.end(), [&](char c) { return c == '.' || is_lower(c); }) && [&] {
                        for (std::size_t i = 0; i < token.size(); i += 2)
                          if (!is_lower(token[i]) || i + 1 >= token.size() || token[i + 1] != '.') return false;
                        return true;
                      }();
  if (dotted) return true;
  if (std::find(kCompany.begin(), kCompany.end(), token) != kCompany.end()) {
    const std::string word = lower(first_word(text, boundary));
    return std::find(kOpeners.begin(), kOpeners.end(), word) == kOpeners.end();
  }
  return false;
}

// "form.We": a period between a lower-case word and a capitalised one, in a
// token that is not an address (no "@", "/", second "." or "www").
bool missed_boundary(std::string_view text, std::size_t dot) {
  if (dot < 2 || dot + 2 >= text.size()) return false;
  if (!is_lower(text[dot - 1]) || !is_lower(text[dot - 2]) || !is_upper(text[dot + 1]) || !is_lower(text[dot + 2]))
    return false;
  std::size_t start = dot;
  while (start > 0 && text[start - 1] != ' ') --start;
  std::size_t end = dot;
  while (end < text.size() && text[end] != ' ') ++end;
  const std::string_view token = text.substr(start, end - start);
  return token.find_first_of("@/") == std::string_view::npos && std::count(token.begin(), token.end(), '.') == 1 &&
         !lower(token).starts_with("www");
}

// "We have appointed a DPO. For questions ...": an all-capital acronym ends
// the sentence when a capitalised word follows (ICU keeps them together).
bool acronym_end(std::string_view text, std::size_t dot) {
  std::size_t start = dot;
  while (start > 0 && is_upper(text[start - 1])) --start;
  const std::size_t letters = dot - start;
  if (letters < 2 || letters > 6 || (start > 0 && text[start - 1] != ' ' && text[start - 1] != '(')) return false;
  if (dot + 3 >= text.size() || text[dot + 1] != ' ' || !is_upper(text[dot + 2]) || !is_lower(text[dot + 3]))
    return false;
  const std::string token = lower(text.substr(start, letters + 1));
  return std::find(kCompany.begin(), kCompany.end(), token) == kCompany.end();
}

icu::BreakIterator* sentence_iterator() {
  thread_local std::unique_ptr<icu::BreakIterator> iterator = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it(
        icu::BreakIterator::createSentenceInstance(icu::Locale("en@ss=standard"), status));
    if (U_FAILURE(status)) it.reset();
    return it;
  }();
  return iterator.get();
}

}  // namespace

std::vector<TextRange> split_sentences(std::string_view text) {
  std::vector<std::size_t> cuts;  // boundaries strictly inside the text
  if (icu::BreakIterator* it = sentence_iterator()) {
    UErrorCode status = U_ZERO_ERROR;
    UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
    if (U_SUCCESS(status)) {
      it->setText(ut, status);
      for (int32_t b = it->next(); b != icu::BreakIterator::DONE; b = it->next())
        if (static_cast<std::size_t>(b) < text.size()) cuts.push_back(static_cast<std::size_t>(b));
      it->setText(icu::UnicodeString());  // drop the reference to `ut`
    }
    utext_close(ut);
  }
  std::erase_if(cuts, [&](std::size_t b) { return keeps_sentence_open(text, b); });
  for (std::size_t i = 0; i < text.size(); ++i)
    if (text[i] == '.' && (missed_boundary(text, i) || acronym_end(text, i))) cuts.push_back(i + 1);
  std::sort(cuts.begin(), cuts.end());
  cuts.push_back(text.size());

  std::vector<TextRange> out;
  std::size_t start = 0;
  for (const std::size_t cut : cuts) {
    std::size_t b = start;
    std::size_t e = cut;
    while (b < e && text[b] == ' ') ++b;
    while (e > b && text[e - 1] == ' ') --e;
    if (b < e) out.push_back({static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e)});
    start = cut;
  }
  return out;
}

}  // namespace clauselint
