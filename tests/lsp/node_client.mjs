// A real LSP client library (vscode-languageserver-protocol, vscode-jsonrpc)
// drives `clauselint lsp`: initialize, didOpen, incremental didChange (a
// clause removed -> its diagnostic; restored -> gone), UTF-16 positions,
// hover, both code actions (the insert-clause edit applied clears the
// diagnostic), config reload and a broken config, unknown methods, bad
// framing and JSON, shutdown and exit. Run by node_client_test.sh.
//
//   node node_client.mjs CLAUSELINT TOOLS_DIR FIXTURE
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [clauselint, toolsDir, fixture] = process.argv.slice(2).map((p) => path.resolve(p));
const require = createRequire(path.join(path.resolve(toolsDir), 'node_modules', '_'));
const lsp = require('vscode-languageserver-protocol/node');

let failures = 0;
function check(ok, what, detail) {
  if (ok) console.log(`ok: ${what}`);
  else { failures++; console.log(`FAIL: ${what}${detail === undefined ? '' : ': ' + JSON.stringify(detail).slice(0, 800)}`); }
}
const timeout = (ms, what) => new Promise((_, reject) => setTimeout(() => reject(new Error(`timed out: ${what}`)), ms));

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'clauselint-lsp-'));
const policyPath = path.join(work, 'policy.md');
const configPath = path.join(work, '.clauselint.yaml');
const original = fs.readFileSync(fixture, 'utf8');
fs.writeFileSync(policyPath, original);
const uri = pathToFileURL(policyPath).href;

// --- A session through the client library ---------------------------------
const child = spawn(clauselint, ['lsp'], { cwd: work, stdio: ['pipe', 'pipe', 'inherit'] });
const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
const connection = lsp.createProtocolConnection(new lsp.StreamMessageReader(child.stdout), new lsp.StreamMessageWriter(child.stdin));
const published = [];
let waiters = [];
connection.onNotification(lsp.PublishDiagnosticsNotification.type, (params) => {
  published.push(params);
  waiters = waiters.filter((w) => !w(params));
});
const logs = [];
connection.onNotification(lsp.LogMessageNotification.type, (params) => logs.push(params.message));
connection.listen();

// Resolves with the next diagnostics for `forUri` that satisfy `pred`.
function diagnosticsWhere(pred, what, forUri = uri) {
  return Promise.race([
    new Promise((resolve) => waiters.push((p) => (p.uri === forUri && pred(p.diagnostics) ? (resolve(p.diagnostics), true) : false))),
    timeout(15000, what),
  ]);
}

const lines = original.split('\n');
const noticeLine = lines.findIndex((l) => l.startsWith('If we make a material change'));
const headingLine = lines.findIndex((l) => l.startsWith('## Changes to this policy'));
const noticeText = lines.slice(noticeLine, noticeLine + 2).join('\n') + '\n';
const changeNotification = (ds) => ds.find((d) => d.code === 'change-notification');

try {
  // A request before initialize: -32002.
  await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } }).then(
    () => check(false, 'a request before initialize is refused'),
    (e) => check(e.code === -32002, 'a request before initialize gets -32002 ServerNotInitialized', e.code));

  const init = await connection.sendRequest(lsp.InitializeRequest.type, {
    processId: process.pid, rootUri: pathToFileURL(work).href, workspaceFolders: null,
    capabilities: { general: { positionEncodings: ['utf-16'] }, workspace: { didChangeWatchedFiles: { dynamicRegistration: false } } },
  });
  check(init.capabilities.textDocumentSync.change === lsp.TextDocumentSyncKind.Incremental, 'incremental sync offered', init.capabilities);
  check(init.capabilities.positionEncoding === 'utf-16', 'positions in UTF-16', init.capabilities);
  check(init.capabilities.hoverProvider === true && init.capabilities.codeActionProvider, 'hover and code actions offered', init.capabilities);
  connection.sendNotification(lsp.InitializedNotification.type, {});

  // Open: the fixture is clean.
  let got = diagnosticsWhere(() => true, 'diagnostics after didOpen');
  connection.sendNotification(lsp.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text: original } });
  let ds = await got;
  check(ds.length === 0, 'the fixture has no findings on open', ds);

  // Remove the change-notice paragraph (incremental change): the error appears at the heading.
  got = diagnosticsWhere((d) => changeNotification(d), 'change-notification after the paragraph was removed');
  connection.sendNotification(lsp.DidChangeTextDocumentNotification.type, {
    textDocument: { uri, version: 2 },
    contentChanges: [{ range: { start: { line: noticeLine, character: 0 }, end: { line: noticeLine + 2, character: 0 } }, text: '' }],
  });
  ds = await got;
  const diag = changeNotification(ds);
  check(diag.severity === lsp.DiagnosticSeverity.Error, 'severity error', diag);
  check(diag.source === 'clauselint', 'source clauselint', diag);
  check(diag.range.start.line === headingLine && diag.range.start.character === 0, 'range: the Changes heading', diag.range);
  check(diag.range.end.line === headingLine && diag.range.end.character === lines[headingLine].length, 'range ends at the heading line end', diag.range);
  check(diag.codeDescription?.href?.endsWith('/docs/rules/change-notification.md'), 'codeDescription links the rule page', diag);
  check(/told about changes/.test(diag.message) && /CalOPPA/.test(diag.message), 'message with the citation', diag.message);

  // Hover: explain text and the sample clause.
  const hover = await connection.sendRequest(lsp.HoverRequest.type, { textDocument: { uri }, position: { line: headingLine, character: 3 } });
  const hoverText = hover?.contents?.value ?? '';
  check(hoverText.includes('change-notification') && hoverText.includes('Citation:') && hoverText.includes('Sample clause'),
        'hover shows the rule explanation and the sample clause', hoverText);
  const nothing = await connection.sendRequest(lsp.HoverRequest.type, { textDocument: { uri }, position: { line: 4, character: 2 } });
  check(nothing === null, 'hover elsewhere is null', nothing);

  // Code actions: insert the sample clause, or suppress with a reason.
  const actions = await connection.sendRequest(lsp.CodeActionRequest.type, {
    textDocument: { uri }, range: diag.range, context: { diagnostics: [diag] },
  });
  const insert = actions.find((a) => a.title.startsWith('Insert a sample clause'));
  const suppress = actions.find((a) => a.title.startsWith('Suppress change-notification'));
  check(insert && insert.kind === 'quickfix' && insert.edit.changes[uri]?.length === 1, 'an insert-clause action', actions);
  const suppressText = suppress?.edit.changes[uri]?.[0]?.newText ?? '';
  check(/<!-- clauselint-disable-file change-notification -- reason[^>]*-->/.test(suppressText), 'a suppression action with a reason placeholder', suppressText);
  const insertEdit = insert.edit.changes[uri][0];
  check(insertEdit.range.start.line === headingLine + 1, 'the clause goes under the Changes heading', insertEdit);

  // Apply the insert edit as an editor would: the diagnostic goes away.
  got = diagnosticsWhere(() => true, 'diagnostics after the sample clause was inserted');
  connection.sendNotification(lsp.DidChangeTextDocumentNotification.type, {
    textDocument: { uri, version: 3 }, contentChanges: [{ range: insertEdit.range, text: insertEdit.newText }],
  });
  ds = await got;
  check(!changeNotification(ds), 'the inserted sample clause satisfies change-notification', ds);

  // Back to the original text (full sync), then the suppression edit.
  got = diagnosticsWhere(() => true, 'diagnostics after a full change');
  connection.sendNotification(lsp.DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 4 }, contentChanges: [{ text: original }] });
  ds = await got;
  check(ds.length === 0, 'a full-text change back to the fixture: no findings', ds);

  got = diagnosticsWhere((d) => changeNotification(d), 'removed again');
  connection.sendNotification(lsp.DidChangeTextDocumentNotification.type, {
    textDocument: { uri, version: 5 },
    contentChanges: [{ range: { start: { line: noticeLine, character: 0 }, end: { line: noticeLine + 2, character: 0 } }, text: '' }],
  });
  await got;
  got = diagnosticsWhere(() => true, 'the paragraph restored');
  connection.sendNotification(lsp.DidChangeTextDocumentNotification.type, {
    textDocument: { uri, version: 6 },
    contentChanges: [{ range: { start: { line: noticeLine, character: 0 }, end: { line: noticeLine, character: 0 } }, text: noticeText }],
  });
  ds = await got;
  check(ds.length === 0, 'restoring the paragraph clears the diagnostic', ds);

  // UTF-16: a forbidden phrase after two emoji (surrogate pairs) on a new line.
  const emojiLine = '🔒🔒 Our servers are 100% secure.';
  got = diagnosticsWhere((d) => d.some((x) => x.range.start.line === 3), 'a match after emoji');
  connection.sendNotification(lsp.DidChangeTextDocumentNotification.type, {
    textDocument: { uri, version: 7 },
    contentChanges: [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: emojiLine + '\n\n' }],
  });
  ds = await got;
  const match = ds.find((x) => x.range.start.line === 3);
  check(match && match.range.start.character === emojiLine.indexOf('100%'), 'a match range counts UTF-16 code units', { match, expect: emojiLine.indexOf('100%') });
  // An edit addressed in UTF-16 units after the emoji: "100%" -> "very" (no longer a finding).
  got = diagnosticsWhere(() => true, 'after editing behind the emoji');
  const at = emojiLine.indexOf('100% secure');
  connection.sendNotification(lsp.DidChangeTextDocumentNotification.type, {
    textDocument: { uri, version: 8 },
    contentChanges: [{ range: { start: { line: 3, character: at }, end: { line: 3, character: at + 4 } }, text: 'well' }],
  });
  ds = await got;
  check(!ds.some((x) => x.range.start.line === 3), 'an incremental edit after surrogate pairs lands in the right place', ds);

  // The nearest .clauselint.yaml applies and is reloaded when it changes.
  fs.writeFileSync(configPath, 'rules:\n  change-notification: warning\n');
  got = diagnosticsWhere((d) => changeNotification(d), 'change-notification under the new config');
  connection.sendNotification(lsp.DidChangeTextDocumentNotification.type, {
    textDocument: { uri, version: 9 },
    contentChanges: [{ range: { start: { line: noticeLine + 2, character: 0 }, end: { line: noticeLine + 4, character: 0 } }, text: '' }],  // 2 lines were added above
  });
  ds = await got;
  check(changeNotification(ds).severity === lsp.DiagnosticSeverity.Warning, 'the config sets change-notification to warning', ds);
  // A broken config: a diagnostic on the config file; the server goes on.
  fs.writeFileSync(configPath, 'rules:\n  change-notification: warning\npacks: [core, ./missing-pack.yaml]\nbogus: 1\n');
  const configUri = pathToFileURL(configPath).href;
  got = diagnosticsWhere((d) => d.length > 0, 'diagnostics on the broken config', configUri);
  connection.sendNotification(lsp.DidChangeWatchedFilesNotification.type, { changes: [{ uri: configUri, type: lsp.FileChangeType.Changed }] });
  ds = await got;
  check(ds.some((d) => d.severity === 1 && /bogus/.test(d.message)), 'the config error is shown on the config file', ds);
  // A pack that does not load: its error is shown on the pack file, at the
  // regex (line 3, column 29 in code points: UTF-16 position 2:28), and the
  // policy says why it is not linted.
  const packPath = path.join(work, 'my-pack.yaml');
  fs.writeFileSync(packPath, [
    'clauselint-pack: 1', 'name: my-pack', 'rules: [{id: contact, title: t, severity: error, message: m, citation: c, help: h,',
    '          require: {any: [\'(unbalanced\']}}]', ''].join('\n'));
  fs.writeFileSync(configPath, 'packs: [core, ./my-pack.yaml]\n');
  const packUri = pathToFileURL(packPath).href;
  const packProblems = diagnosticsWhere((d) => d.length > 0, 'diagnostics on the broken pack', packUri);
  const configCleared = diagnosticsWhere((d) => d.length === 0, 'the fixed config: its diagnostics cleared', configUri);
  got = diagnosticsWhere((d) => d.some((x) => /does not load/.test(x.message)), 'the policy names the broken config');
  connection.sendNotification(lsp.DidChangeWatchedFilesNotification.type, { changes: [{ uri: packUri, type: lsp.FileChangeType.Created }] });
  ds = await packProblems;
  check(ds.some((d) => d.severity === 1 && /invalid regex/.test(d.message) && d.range.start.line === 3), 'a pack error is shown on the pack file, at its line', ds);
  ds = await got;
  check(ds.length === 1, 'the policy gets one diagnostic saying its config does not load', ds);
  await configCleared;
  check(true, 'the config fixed: its diagnostics cleared');
  fs.unlinkSync(packPath);
  fs.unlinkSync(configPath);
  const packCleared = diagnosticsWhere((d) => d.length === 0, 'pack diagnostics cleared', packUri);
  got = diagnosticsWhere((d) => changeNotification(d)?.severity === 1, 'back to the defaults');
  connection.sendNotification(lsp.DidChangeWatchedFilesNotification.type, { changes: [{ uri: configUri, type: lsp.FileChangeType.Deleted }] });
  await Promise.all([packCleared, got]);
  check(true, 'config and pack removed: the pack diagnostics cleared, the defaults apply again');

  // Unknown request: -32601; unknown notification: ignored.
  connection.sendNotification('clauselint/unknownNotification', {});
  await connection.sendRequest('clauselint/unknownMethod', {}).then(
    () => check(false, 'an unknown method is refused'),
    (e) => check(e.code === -32601, 'an unknown method gets -32601 MethodNotFound', e.code));
  await connection.sendRequest(lsp.HoverRequest.type, { textDocument: { uri: 'file:///not/open.md' }, position: { line: 0, character: 0 } }).then(
    () => check(false, 'hover on a closed document is refused'),
    (e) => check(e.code === -32602, 'hover on a document that is not open gets -32602 InvalidParams', e.code));

  await connection.sendRequest(lsp.ShutdownRequest.type);
  await connection.sendRequest(lsp.HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 0 } }).then(
    () => check(false, 'a request after shutdown is refused'),
    (e) => check(e.code === -32600, 'a request after shutdown gets -32600 InvalidRequest', e.code));
  connection.sendNotification(lsp.ExitNotification.type);
  const code = await Promise.race([exited, timeout(10000, 'exit')]);
  check(code === 0, 'exit after shutdown: status 0', code);
} catch (e) {
  check(false, `session: ${e.message}`);
  child.kill();
}
connection.dispose();

// --- Raw bytes: bad framing and bad JSON get errors, never a crash ---------
async function raw(chunks, expectCount) {
  const p = spawn(clauselint, ['lsp'], { cwd: work, stdio: ['pipe', 'pipe', 'inherit'] });
  const exit = new Promise((resolve) => p.on('exit', (c) => resolve(c)));
  const reader = new lsp.StreamMessageReader(p.stdout);
  const messages = [];
  let done;
  const enough = new Promise((resolve) => (done = resolve));
  reader.listen((m) => { messages.push(m); if (messages.length >= expectCount) done(); });
  for (const c of chunks) p.stdin.write(c);
  await Promise.race([enough, timeout(10000, 'raw replies')]).catch(() => {});
  p.stdin.end();
  const code = await Promise.race([exit, timeout(10000, 'raw exit')]).catch(() => 'hang');
  reader.dispose();
  return { messages, code };
}
const framed = (s) => `Content-Length: ${Buffer.byteLength(s)}\r\n\r\n${s}`;
{
  const { messages, code } = await raw([
    framed('{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}'),
    framed('{not json'),
    framed('[1,2]'),
    'Content-Length: nope\r\n\r\n',
    'Content-Length: 99999999999\r\n\r\n',
    framed('{"jsonrpc":"2.0","id":2,"method":"shutdown"}'),
  ], 6);
  const errors = messages.filter((m) => m.error).map((m) => m.error.code);
  check(errors.filter((c) => c === -32700).length === 3 && errors.includes(-32600), 'bad JSON and bad headers: -32700 (x3), a batch: -32600', messages);
  check(messages.some((m) => m.id === 2 && m.result === null), 'the server resynchronises: shutdown after bad frames is answered', messages);
  check(code === 1, 'end of input without exit: status 1', code);
}
{
  const body = Buffer.from('{"jsonrpc":"2.0","id":1,"method":"x\xff\xfe"}', 'latin1');
  const bad = Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body]);
  const { messages } = await raw([framed('{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}'), bad], 2);
  check(messages.some((m) => m.error?.code === -32700), 'invalid UTF-8 in a message: -32700', messages);
}
{
  const { code } = await raw([framed('{"jsonrpc":"2.0","method":"exit"}')], 0);
  check(code === 1, 'exit without shutdown: status 1', code);
}

fs.rmSync(work, { recursive: true, force: true });
console.log(failures === 0 ? 'PASS' : `${failures} FAILED`);
process.exit(failures === 0 ? 0 : 1);
