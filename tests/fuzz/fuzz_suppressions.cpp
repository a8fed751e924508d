// libFuzzer target: suppression comments. The input is the text of one
// comment: parsed on its own, then inside a policy linted with a small pack,
// so that applying suppressions (rule lookups, line ranges, messages) runs too.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "clauselint/engine.h"
#include "clauselint/input.h"
#include "clauselint/parse.h"
#include "clauselint/suppression_syntax.h"

namespace {

const clauselint::RuleSet& rules() {
  static const clauselint::RuleSet set = [] {
    clauselint::RuleSet r;
    (void)r.load_pack(R"(clauselint-pack: 1
name: fuzz
rules:
  - id: contact
    title: Contact
    severity: error
    message: no contact
    citation: none
    help: none
    require: 'contact\s+us'
  - id: secure
    title: Secure
    severity: warning
    message: absolute security
    citation: none
    help: none
    forbid: '100%\s+secure'
)",
                      "fuzz.yaml");
    return r;
  }();
  return set;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string comment(reinterpret_cast<const char*>(data), size);
  (void)clauselint::parse_directive(comment);
  const std::string policy =
      "# Privacy\n\n<!-- " + comment + " -->\n\nOur site is 100% secure.\n\n<!--" + comment + "-->\n";
  clauselint::LoadedSource loaded = clauselint::decode_source("fuzz.md", policy);
  if (!loaded.source) return 0;
  std::vector<clauselint::Diagnostic> diagnostics;
  const clauselint::Document doc =
      clauselint::parse_document(loaded.source, clauselint::InputFormat::markdown, diagnostics);
  (void)clauselint::lint_document(doc, rules());
  return 0;
}
