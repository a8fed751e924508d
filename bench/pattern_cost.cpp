// Prints what each matcher of the loaded packs costs on a set of policies:
// the patterns a pack author should simplify first.
//   pattern_cost [--rules PACK]... FILE...
//   pattern_cost [--rules PACK]... --atoms   the prefilter's words, one per line (bench/peers.sh)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "clauselint/input.h"
#include "clauselint/load_packs.h"
#include "clauselint/parse.h"
#include "rules/required_words.h"

using namespace clauselint;

int main(int argc, char** argv) {
  std::vector<std::string> packs, files;
  bool atoms = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--rules" && i + 1 < argc)
      packs.push_back(argv[++i]);
    else if (arg == "--atoms")
      atoms = true;
    else
      files.push_back(arg);
  }
  RuleSet rules;
  for (const auto& d : load_packs(rules, packs)) std::fprintf(stderr, "%s\n", format_diagnostic(d).c_str());
  if (atoms) {  // the words of every pattern's tree, without the spaces that stand for word boundaries
    std::vector<std::string> words;
    std::vector<const AtomTree*> todo;
    std::vector<AtomTree> trees;
    for (const auto& m : rules.matchers()) trees.push_back(required_atoms(m.pattern->source()));
    for (const auto& t : trees) todo.push_back(&t);
    while (!todo.empty()) {
      const AtomTree* t = todo.back();
      todo.pop_back();
      if (t->kind == AtomTree::Kind::atom) {
        const auto first = t->atom.find_first_not_of(' '), last = t->atom.find_last_not_of(' ');
        if (first != std::string::npos) words.push_back(t->atom.substr(first, last - first + 1));
      }
      for (const auto& p : t->parts) todo.push_back(&p);
    }
    std::sort(words.begin(), words.end());
    words.erase(std::unique(words.begin(), words.end()), words.end());
    for (const auto& w : words) std::printf("%s\n", w.c_str());
    return 0;
  }
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
    double searched;  // share of the blocks the prefilter let through
    int id;
  };
  // The prefilter's pass over each document, as the engine makes it.
  const Prefilter* prefilter = rules.prefilter();
  std::vector<Prefilter::Scan> scans;
  std::size_t blocks = 0;
  const auto scan_start = std::chrono::steady_clock::now();
  if (prefilter)
    for (const auto& doc : docs) scans.push_back(prefilter->scan(doc.text));
  const double scan_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - scan_start).count();
  for (const auto& doc : docs)
    blocks += static_cast<std::size_t>(std::count(doc.text.begin(), doc.text.end(), '\n')) + 1;
  std::vector<Cost> costs;
  for (const auto& m : rules.matchers()) {
    const int id = static_cast<int>(&m - rules.matchers().data());
    std::size_t count = 0, searched = 0;
    const auto start = std::chrono::steady_clock::now();
    for (std::size_t d = 0; d < docs.size(); ++d) {
      std::vector<Match> out;
      const auto only = prefilter ? scans[d].blocks_for(id) : std::nullopt;
      m.pattern->find_in_blocks(docs[d].text, out, nullptr, nullptr, only ? &*only : nullptr);  // as the engine runs it
      count += out.size();
      searched += only ? only->size()
                       : static_cast<std::size_t>(std::count(docs[d].text.begin(), docs[d].text.end(), '\n')) + 1;
    }
    costs.push_back({std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count(), count,
                     &m, static_cast<double>(searched) / static_cast<double>(blocks ? blocks : 1), id});
  }
  std::sort(costs.begin(), costs.end(), [](const Cost& a, const Cost& b) { return a.ms > b.ms; });
  double total = 0;
  for (const auto& c : costs) total += c.ms;
  std::printf("%zu documents, %zu KiB of text, %zu blocks, %zu matchers, %.1f ms in all\n", docs.size(), bytes / 1024,
              blocks, costs.size(), total);
  if (prefilter)
    std::printf("prefilter: %zu of %zu matchers filtered, %zu atoms, scan %.1f ms\n", prefilter->filtered_matchers(),
                costs.size(), prefilter->atoms(), scan_ms);
  std::printf("      ms  share matches searched  matcher\n");
  for (const auto& c : costs) {
    std::printf("%8.2f %5.1f%% %7zu %7.1f%%  %.90s\n", c.ms, 100 * c.ms / total, c.matches, 100 * c.searched,
                c.m->label().c_str());
    if (prefilter && std::getenv("PATTERN_COST_TREES"))
      std::printf("          %.300s\n", prefilter->describe(c.id).c_str());
    if (std::getenv("PATTERN_COST_SOURCES")) std::printf("          %s\n", c.m->pattern->source().c_str());
  }
}
