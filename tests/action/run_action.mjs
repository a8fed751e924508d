// Runs action.yml's steps locally, in order, as GitHub's runner would:
//   node run_action.mjs ACTION_DIR WORKSPACE OUTPUT_JSON [input=value...]
// `${{ inputs.* }}`, `${{ steps.*.outputs.* }}`, `${{ github.action_path }}`
// and `${{ runner.os }}` are substituted; `run:` steps go to
// `bash --noprofile --norc -eo pipefail` with GITHUB_OUTPUT, GITHUB_ACTION_PATH,
// RUNNER_TEMP and the step's env; `uses:` steps (actions/cache) are skipped
// with a note (a local run is a cache miss, or a hit when the build exists).
// The `yaml` package (npm) parses action.yml. Writes the action's outputs to
// OUTPUT_JSON and exits with the first failing step's status.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";

const require = createRequire(process.env.YAML_MODULE_DIR ? path.join(process.env.YAML_MODULE_DIR, "x.js") : import.meta.url);
const YAML = require("yaml");
const [actionDir, workspace, outputJson, ...pairs] = process.argv.slice(2);
const action = YAML.parse(fs.readFileSync(path.join(actionDir, "action.yml"), "utf8"));
if (action.runs?.using !== "composite") throw new Error("action.yml: runs.using is not composite");

const inputs = {};
for (const [name, spec] of Object.entries(action.inputs ?? {})) inputs[name] = String(spec.default ?? "");
for (const pair of pairs) {
  const eq = pair.indexOf("=");
  const name = pair.slice(0, eq);
  if (!(name in inputs)) throw new Error(`action.yml has no input '${name}'`);
  inputs[name] = pair.slice(eq + 1);
}
const steps = {};
const temp = fs.mkdtempSync(path.join(os.tmpdir(), "clauselint-action-"));
const expand = (text) =>
  String(text).replace(/\$\{\{\s*([^}]*?)\s*\}\}/g, (_, expr) => {
    let m;
    if ((m = expr.match(/^inputs\.([\w-]+)$/))) return inputs[m[1]] ?? "";
    if ((m = expr.match(/^steps\.([\w-]+)\.outputs\.([\w-]+)$/))) return steps[m[1]]?.[m[2]] ?? "";
    if (expr === "github.action_path") return actionDir;
    if (expr === "runner.os") return "Linux";
    throw new Error(`run_action.mjs does not know the expression '${expr}'`);
  });

let index = 0;
for (const step of action.runs.steps) {
  index++;
  const name = step.name ?? step.id ?? `step ${index}`;
  if (step.uses) {
    console.log(`--- step ${index}: ${name}: skipped locally (uses: ${step.uses})`);
    continue;
  }
  if (step.shell !== "bash") throw new Error(`step ${index}: shell '${step.shell}' (composite steps must say shell: bash)`);
  console.log(`--- step ${index}: ${name}`);
  const outputFile = path.join(temp, `output-${index}`);
  fs.writeFileSync(outputFile, "");
  const script = path.join(temp, `step-${index}.sh`);
  fs.writeFileSync(script, expand(step.run));
  // A runner's environment, not the test harness's: scripts/test.sh exports
  // BUILD_DIR, CMAKE_ARGS and EXTRA_PACKAGES, which a GitHub runner never has.
  const base = {};
  for (const k of ["PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "USER"]) if (process.env[k] !== undefined) base[k] = process.env[k];
  const env = { ...base, GITHUB_ACTION_PATH: actionDir, GITHUB_WORKSPACE: workspace, GITHUB_OUTPUT: outputFile,
                RUNNER_TEMP: temp, RUNNER_OS: "Linux", CI: "true" };
  for (const [k, v] of Object.entries(step.env ?? {})) env[k] = expand(v);
  try {
    execFileSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", script], { cwd: workspace, env, stdio: "inherit" });
  } catch (e) {
    console.error(`step ${index} (${name}) failed with exit status ${e.status}`);
    process.exit(e.status || 1);
  }
  const outputs = {};
  for (const line of fs.readFileSync(outputFile, "utf8").split("\n")) {
    const eq = line.indexOf("=");
    if (eq > 0) outputs[line.slice(0, eq)] = line.slice(eq + 1);
  }
  if (step.id) steps[step.id] = outputs;
}
const result = {};
for (const [name, spec] of Object.entries(action.outputs ?? {})) result[name] = expand(spec.value);
fs.writeFileSync(outputJson, JSON.stringify(result, null, 2));
fs.rmSync(temp, { recursive: true, force: true });
