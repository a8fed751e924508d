// Prints what each matcher of the loaded packs costs on a set of policies:
// the patterns a pack author should simplify first.
//   pattern_cost [--rules PACK]... FILE...
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "clauselint/builtin_packs.h"
#include "clauselint/input.h"
#include "clauselint/parse.h"

using namespace clauselint;

int main(int argc, char** argv) {
  std::vector<std::string> packs, files;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--rules" && i + 1 < argc) packs.push_back(argv[++i]);
    else files.push_back(arg);
  }
  RuleSet rules;
  for (const auto& d : load_packs(rules, packs)) std::fprintf(stderr, "%s\n", format_diagnostic(d).c_str());
  std::vector<Document> docs;
  std::size_t bytes = 0;
  for (const auto& f : files) {
    auto loaded = read_source(f, f);
    if (!loaded.source) continue;
    std::vector<Diagnostic> d;
    docs.push_back(parse_document(loaded.source, input_format_for(f), d));
    bytes += docs.back().text.size();
  }
  struct Cost {
    double ms;
    std::size_t matches;
    const Matcher* m;
  };
  std::vector<Cost> costs;
  for (const auto& m : rules.matchers()) {
    std::size_t count = 0;
    const auto start = std::chrono::steady_clock::now();
    for (const auto& doc : docs) {
      std::vector<Match> out;
      m.pattern->find_in_blocks(doc.text, out);  // as the engine runs it
      count += out.size();
    }
    costs.push_back({std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count(), count, &m});
  }
  std::sort(costs.begin(), costs.end(), [](const Cost& a, const Cost& b) { return a.ms > b.ms; });
  double total = 0;
  for (const auto& c : costs) total += c.ms;
  std::printf("%zu documents, %zu KiB of text, %zu matchers, %.1f ms in all\n", docs.size(), bytes / 1024, costs.size(), total);
  for (const auto& c : costs)
    std::printf("%8.2f ms %5.1f%% %6zu matches  %.90s\n", c.ms, 100 * c.ms / total, c.matches, c.m->label().c_str());
}
