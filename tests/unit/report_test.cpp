// Reporters: SARIF, JSON, JSON Lines and GitHub annotations, parsed back and
// checked field by field; fingerprints across edits; columns after non-ASCII.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "clauselint/load_packs.h"
#include "clauselint/precision.h"
#include "clauselint/report.h"
#include "helpers.h"

using namespace clauselint;
using nlohmann::json;

namespace {

const std::string kPack = test::pack(
    test::rule("cookie-rule", "    require: {all: ['cookies', 'refuse'], within: sentence}\n",
               "    belongs-under: ['cookies']\n    tags: [cookies, GDPR]\n") +
    "  - id: absolute-claim\n    title: Absolute claim\n    severity: warning\n    message: absolute security claim\n"
    "    citation: [FTC Act 5]\n    help: Do not promise perfect security.\n    forbid: '100% secure'\n"
    "    examples: {pass: ['p'], fail: ['100% secure']}\n");

struct Run {
  RuleSet rules;
  Report report;
};

// Lints `markdown` (shown as `path`) with kPack into a Report.
std::unique_ptr<Run> run(const std::string& markdown, const std::string& path = "docs/policy.md") {
  auto r = std::make_unique<Run>();
  REQUIRE(r->rules.load_pack(kPack, "pack.yaml").empty());
  std::vector<Diagnostic> diagnostics;
  const Document doc = parse_markdown(std::make_shared<const SourceFile>(path, markdown), diagnostics);
  r->report.rule_sets = {&r->rules};
  r->report.findings = lint_document(doc, r->rules).findings;
  r->report.files = {path};
  r->report.root = std::filesystem::current_path().string();
  return r;
}

json sarif(const Report& report) {
  std::ostringstream out;
  write_sarif(out, report);
  return json::parse(out.str());
}

const std::string kPolicy =
    "# Privacy Policy\n\n## Cookies\n\nWe use cookies.\n\nYour data is 100% secure. Really 100% secure.\n";

}  // namespace

TEST_CASE("SARIF: log, tool and rules metadata", "[report][sarif]") {
  const auto r = run(kPolicy);
  const json log = sarif(r->report);
  CHECK(log["version"] == "2.1.0");
  CHECK(log["$schema"].get<std::string>().find("sarif-2.1.0") != std::string::npos);
  REQUIRE(log["runs"].size() == 1);
  const json& run = log["runs"][0];
  const json& driver = run["tool"]["driver"];
  CHECK(driver["name"] == "clauselint");
  CHECK(driver["semanticVersion"] == CLAUSELINT_VERSION);
  REQUIRE(driver["rules"].size() == 3);  // the pack's two, and invalid-suppression
  CHECK(driver["rules"][2]["id"] == "invalid-suppression");
  const json& first = driver["rules"][0];  // sorted by id
  CHECK(first["id"] == "absolute-claim");
  CHECK(first["name"] == "AbsoluteClaim");
  CHECK(first["shortDescription"]["text"] == "Absolute claim.");
  CHECK(first["fullDescription"]["text"] == "Absolute security claim.");
  CHECK(first["help"]["markdown"].get<std::string>().find("FTC Act 5") != std::string::npos);
  CHECK(first["defaultConfiguration"]["level"] == "warning");
  CHECK(first["properties"]["problem.severity"] == "warning");
  const json& second = driver["rules"][1];
  CHECK(second["properties"]["tags"] == json({"privacy", "compliance", "cookies", "GDPR"}));
  CHECK(second["helpUri"].get<std::string>().find("cookie-rule") != std::string::npos);
  for (const json& rule : driver["rules"])  // measured precision, as GitHub code scanning reads it
    CHECK(std::set<std::string>{"low", "medium", "high", "very-high"}.count(
              rule["properties"]["precision"].get<std::string>()) == 1);
  CHECK(first["properties"]["precision"] == "low");  // a rule nobody measured
  CHECK(run["columnKind"] == "unicodeCodePoints");
  CHECK(run["invocations"][0]["executionSuccessful"] == true);
}

TEST_CASE("SARIF: a built-in rule carries the precision measured for it", "[report][sarif]") {
  RuleSet rules;
  REQUIRE(load_packs(rules, {"core"}).empty());
  Report report;
  report.rule_sets = {&rules};
  const json log = sarif(report);
  bool found = false;
  for (const json& rule : log["runs"][0]["tool"]["driver"]["rules"])
    if (rule["id"] == "change-notification") {
      found = true;
      CHECK(rule["properties"]["precision"] == std::string(to_string(builtin_precision_of("change-notification"))));
    }
  CHECK(found);
}

TEST_CASE("SARIF: results carry rule, level, message, region and fingerprint", "[report][sarif]") {
  const auto r = run(kPolicy);
  const json results = sarif(r->report)["runs"][0]["results"];
  REQUIRE(results.size() == 3);

  const json& missing = results[0];
  CHECK(missing["ruleId"] == "cookie-rule");
  CHECK(missing["ruleIndex"] == 1);
  CHECK(missing["level"] == "error");
  CHECK(missing["message"]["text"] == "M.");
  const json& loc = missing["locations"][0]["physicalLocation"];
  CHECK(loc["artifactLocation"]["uri"] == "docs/policy.md");
  CHECK(loc["artifactLocation"]["uriBaseId"] == "%SRCROOT%");
  CHECK(loc["region"] == json({{"startLine", 3},
                               {"startColumn", 1},
                               {"endLine", 3},
                               {"endColumn", 11},
                               {"snippet", {{"text", "## Cookies"}}}}));

  const json& match = results[1];
  CHECK(match["ruleId"] == "absolute-claim");
  CHECK(match["ruleIndex"] == 0);
  CHECK(match["locations"][0]["physicalLocation"]["region"]["snippet"]["text"] == "100% secure");
  for (const json& result : results) {
    CHECK(result["locations"].size() == 1);
    CHECK(result["message"]["text"].get<std::string>().back() == '.');
    CHECK_FALSE(result["partialFingerprints"]["primaryLocationLineHash"].get<std::string>().empty());
  }
  CHECK(results[1]["partialFingerprints"] != results[2]["partialFingerprints"]);
}

TEST_CASE("fingerprints survive a paragraph inserted above; lines shift", "[report][fingerprint]") {
  const auto before = run(kPolicy);
  const auto after = run("# Privacy Policy\n\nA new introduction,\nover two lines.\n\n" + kPolicy.substr(18));
  const auto& a = before->report.findings;
  const auto& b = after->report.findings;
  REQUIRE(a.size() == 3);
  REQUIRE(b.size() == a.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    CHECK(a[i].fingerprint == b[i].fingerprint);
    CHECK(b[i].range.start.line == a[i].range.start.line + 3);
  }
  std::set<std::string> distinct;
  for (const auto& f : a) distinct.insert(f.fingerprint);
  CHECK(distinct.size() == a.size());
}

TEST_CASE("fingerprints change when the evidence changes", "[report][fingerprint]") {
  const auto one = run("# P\n\nIt is 100% secure.\n");
  const auto two = run("# P\n\nThe vault is 100% secure.\n");
  CHECK(one->report.findings.back().fingerprint != two->report.findings.back().fingerprint);
}

TEST_CASE("columns count code points after non-ASCII text", "[report][columns]") {
  // "“Süß” is " before the match: 9 code points, 15 bytes.
  const auto r = run("# P\n\n\xE2\x80\x9CS\xC3\xBC\xC3\x9F\xE2\x80\x9D is 100% secure.\n");
  const json region = sarif(r->report)["runs"][0]["results"].back()["locations"][0]["physicalLocation"]["region"];
  CHECK(region["startColumn"] == 10);
  CHECK(region["endColumn"] == 21);
}

TEST_CASE("SARIF: unreadable inputs become notifications", "[report][sarif]") {
  auto r = run(kPolicy);
  r->report.diagnostics.push_back({"missing.md", {}, Severity::error, "no such file or directory"});
  r->report.successful = false;
  r->report.category = "policies";
  const json run = sarif(r->report)["runs"][0];
  CHECK(run["invocations"][0]["executionSuccessful"] == false);
  const json& n = run["invocations"][0]["toolExecutionNotifications"][0];
  CHECK(n["level"] == "error");
  CHECK(n["message"]["text"] == "No such file or directory.");
  CHECK(n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "missing.md");
  CHECK(run["automationDetails"]["id"] == "policies/");
}

TEST_CASE("JSON: one versioned object per run, stable key order", "[report][json]") {
  const auto r = run(kPolicy);
  std::ostringstream out;
  write_json(out, r->report);
  const auto doc = nlohmann::ordered_json::parse(out.str());
  std::vector<std::string> keys;
  for (const auto& item : doc.items()) keys.push_back(item.key());
  CHECK(keys == std::vector<std::string>{"schema_version", "tool", "files", "findings", "diagnostics", "summary"});
  CHECK(doc["schema_version"] == 1);
  const auto& f = doc["findings"][0];
  std::vector<std::string> finding_keys;
  for (const auto& item : f.items()) finding_keys.push_back(item.key());
  CHECK(finding_keys == std::vector<std::string>{"rule", "pack", "severity", "kind", "message", "file", "start", "end",
                                                 "fingerprint", "suppressed", "justification"});
  CHECK(f["kind"] == "missing");
  CHECK(f["start"]["line"] == 3);
  CHECK(f["start"]["column"] == 1);
  CHECK(doc["summary"]["errors"] == 1);
  CHECK(doc["summary"]["warnings"] == 2);
}

TEST_CASE("JSON Lines: one finding per line", "[report][json]") {
  const auto r = run(kPolicy);
  std::ostringstream out;
  write_jsonl(out, r->report);
  std::istringstream lines(out.str());
  int n = 0;
  for (std::string line; std::getline(lines, line); ++n) CHECK(json::parse(line)["file"] == "docs/policy.md");
  CHECK(n == 3);
}

TEST_CASE("GitHub annotations escape data and properties", "[report][github]") {
  auto r = run(kPolicy, "docs/a,b:c%.md");
  r->report.findings[0].message = "50% done\nnext\rline";
  std::ostringstream out;
  write_github(out, r->report);
  const std::string first = out.str().substr(0, out.str().find('\n'));
  CHECK(first ==
        "::error file=docs/a%2Cb%3Ac%25.md,line=3,col=1,endLine=3,endColumn=11,"
        "title=T [cookie-rule]::50%25 done%0Anext%0Dline");
}

TEST_CASE("formats are parsed by name", "[report]") {
  CHECK(parse_format("sarif") == Format::sarif);
  CHECK(parse_format("jsonl") == Format::jsonl);
  CHECK_FALSE(parse_format("xml"));
}

TEST_CASE("output files are written through a rename", "[report]") {
  const auto dir = std::filesystem::temp_directory_path() / "clauselint-report-test";
  std::filesystem::create_directories(dir);
  const auto path = (dir / "out.sarif").string();
  CHECK(write_file_atomically(path, "one").empty());
  CHECK(write_file_atomically(path, "two").empty());
  std::ifstream in(path);
  std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(content == "two");
  CHECK(std::distance(std::filesystem::directory_iterator(dir), std::filesystem::directory_iterator()) == 1);
  CHECK_FALSE(write_file_atomically((dir / "no-such-dir" / "x").string(), "x").empty());
  std::filesystem::remove_all(dir);
}

TEST_CASE("SARIF: suppressed findings are left out unless asked for", "[report][sarif]") {
  auto r =
      run("# Privacy Policy\n\n<!-- clauselint-disable-next-line absolute-claim -- quoting a court ruling -->\n"
          "It was 100% secure.\n\nWe use cookies; refuse them in settings.\n");
  CHECK(sarif(r->report)["runs"][0]["results"].empty());
  r->report.include_suppressed = true;
  const json results = sarif(r->report)["runs"][0]["results"];
  REQUIRE(results.size() == 1);
  CHECK(results[0]["suppressions"] ==
        json::array({{{"kind", "inSource"}, {"justification", "quoting a court ruling"}}}));
  std::ostringstream out;
  write_json(out, r->report);
  const json doc = json::parse(out.str());
  CHECK(doc["findings"][0]["suppressed"] == true);
  CHECK(doc["summary"]["suppressed"] == 1);
  CHECK(doc["summary"]["findings"] == 0);
}
