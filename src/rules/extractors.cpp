#include "clauselint/extractors.h"

#include <algorithm>
#include <cctype>

namespace clauselint {
namespace {

// Every pattern below runs caseless with UTF and UCP (see pattern.h);
// (?-i:...) marks the parts where capitals carry meaning.

constexpr std::string_view kEmail =
    R"((?<![\w.+-])[\w.+-]+(?:@|\s?[\[(]at[\])]\s?)[\w-]+(?:(?:\.|\s?[\[(]dot[\])]\s?)[\w-]+)*(?:\.|\s?[\[(]dot[\])]\s?)[a-z]{2,24}\b)";

constexpr std::string_view kPhone =
    R"((?<![\w.+/-])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,4}\)[\s.-]?)?\d{1,4}(?:[\s.-]\d{2,4}){1,4}(?![\w/]|[.-]\d))"
    R"(|(?<![\w.+/-])\+?\d{10,15}(?![\w/]|[.-]\d))";

// Web addresses in prose, and any link destination shown as "<...>" (see document.h).
constexpr std::string_view kUrl = R"(\b(?:https?://|www\.)[^\s<>"]*[^\s<>".,;:!?)\]']|(?<=<)(?!mailto:)[^\s<>]+(?=>))";

// Any web address or link destination; accept_contact_url() keeps those whose
// host or path has a contact word as a whole token ("/contact-us", "support.",
// "/forms/request"), not inside another word ("information", "platform").
constexpr std::string_view kContactUrl = kUrl;

constexpr std::string_view kPostal =
    // 525 W. Remington Drive / 1 Infinite Loop is not matched (no street type), 100 Main St.
    R"(\b\d{1,6}[A-Za-z]?\s+(?:(?-i:[NSEW])\.?\s+|(?-i:North|South|East|West)\s+)?(?:(?-i:[A-Z0-9][\w'.-]*)\s+){0,4}?)"
    R"((?-i:Street|St|Avenue|Ave|Road|Rd|Drive|Dr|Boulevard|Blvd|Lane|Ln|Way|Court|Ct|Place|Pl|Parkway|Pkwy|Highway|Hwy|Square|Sq|Terrace|Plaza|Circle|Cir|Suite|Floor|Loop|Row|Walk|Close|Crescent|Gardens)\b\.?)"
    // PO Box 123
    R"(|\b(?:p\.?\s?o\.?\s?box|post\s+office\s+box)\s+\d+)"
    // Sunnyvale, CA 94087
    R"(|(?-i:\b[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2},\s+[A-Z]{2}\s+\d{5}(?:-\d{4})?\b))"
    // SW1A 1AA (UK postcode)
    R"(|(?-i:\b[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}\b))"
    // Musterstraße 12 / Keizersgracht 123 is not matched; Hauptweg 5a, 10115 Berlin
    R"(|(?-i:\b\p{Lu}\p{Ll}+(?:straße|strasse|str\.|weg|platz|allee|gasse|ring|damm|laan|straat|gade|vej|gatan|gata))\s+\d{1,5}\w?\b)"
    // 12 rue de la Paix / Via Roma 5 / Calle Mayor 3, with a postcode after
    R"(|\b(?:\d{1,5},?\s+)?(?:rue|avenue|boulevard|via|viale|piazza|calle|avenida|plaza)\s+(?-i:\p{Lu}?[\p{L}' -]{2,40}?),?\s*\d{0,5},\s*\d{4,5}\s+(?-i:\p{Lu}\p{Ll}+))";

constexpr std::string_view kMonth =
    R"((?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?)";

std::string date_regex() {
  const std::string month(kMonth);
  return R"(\b(?:)" + month + R"(\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?)" + month +
         R"(,?\s+\d{4}|)" + month + R"(\s+\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})\b)";
}

std::string policy_date_regex() {
  return R"(\b(?:effective(?:\s+date)?|last\s+(?:updated|modified|revised|reviewed|amended)|updated(?:\s+on)?|revised(?:\s+on)?|date\s+of\s+last\s+revision|in\s+effect\s+(?:from|since|as\s+of)|as\s+of)\b\W{0,5}(?:on\s+|from\s+|as\s+of\s+)?)" +
         date_regex();
}

std::size_t digit_count(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); }));
}

bool accept_phone(std::string_view s) {
  const std::size_t digits = digit_count(s);
  if (digits < 7 || digits > 15) return false;
  // Not an IPv4 address or a dotted/slashed date.
  std::size_t dots = 0;
  for (char c : s) dots += (c == '.');
  if (dots == 3 && s.find(' ') == std::string_view::npos && s.find('-') == std::string_view::npos) return false;
  // Not a section number such as "1798.100": dots alone need three groups (555.010.0199).
  if (s.find_first_of(" -()+") == std::string_view::npos && dots == 1) return false;
  // Not an ISO date (2025-03-01) or a year range (2014-2015).
  if (s.size() == 10 && s[4] == '-' && s[7] == '-') return false;
  if (s.size() == 9 && s[4] == '-' && digits == 8) return false;
  return true;
}

bool accept_contact_url(std::string_view url) {
  static constexpr std::string_view words[] = {"contact",  "contactus",  "support",   "help",    "helpdesk",
                                               "feedback", "form",       "forms",     "webform", "request",
                                               "requests", "inquiry",    "inquiries", "enquiry", "enquiries",
                                               "dsar",     "getintouch", "reach",     "reachus", "privacyrequest"};
  if (url.starts_with("https://"))
    url.remove_prefix(8);
  else if (url.starts_with("http://"))
    url.remove_prefix(7);
  std::string token;
  auto matches = [&] {
    for (const auto w : words)
      if (token == w) return true;
    return false;
  };
  for (const char c : url) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      token += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      continue;
    }
    if (matches()) return true;
    token.clear();
  }
  return matches();
}

const std::vector<Extractor>& all() {
  static const std::string date = date_regex();
  static const std::string policy_date = policy_date_regex();
  static const std::vector<Extractor> list = {
      {"email", kEmail, nullptr, "an e-mail address, including mailto: links and \"name [at] example [dot] com\""},
      {"phone", kPhone, accept_phone, "a telephone number of 7 to 15 digits, with optional +country and (area) code"},
      {"url", kUrl, nullptr, "a web address starting http://, https:// or www."},
      {"contact-url", kContactUrl, accept_contact_url,
       "a web address whose path names contact, support, help, feedback, a form or a request"},
      {"postal-address", kPostal, nullptr,
       "a street address (number + street type), PO Box, \"City, ST 12345\", UK postcode, or an EU street"},
      {"date", date, nullptr, "a calendar date: March 1, 2025 / 1 March 2025 / March 2025 / 2025-03-01 / 03/01/2025"},
      {"policy-date", policy_date, nullptr, "a date introduced as effective, last updated or revised"},
  };
  return list;
}

}  // namespace

const std::vector<Extractor>& extractors() { return all(); }

const Extractor* find_extractor(std::string_view name) {
  for (const auto& e : all())
    if (e.name == name) return &e;
  return nullptr;
}

}  // namespace clauselint
