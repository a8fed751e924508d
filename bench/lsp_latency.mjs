// Latency of `clauselint lsp`: time from sending a didChange to receiving
// the publishDiagnostics for that version, over the real stdio pipes. No
// dependencies (plain Node). Used by bench/lsp-latency.sh.
//
//   node bench/lsp_latency.mjs CLAUSELINT POLICY [CHANGES]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [bin, policy, changesArg] = process.argv.slice(2);
const changes = Number(changesArg ?? 200);
const text = fs.readFileSync(policy, 'utf8');
const uri = pathToFileURL(path.resolve(policy)).href;
const child = spawn(bin, ['lsp'], { stdio: ['pipe', 'pipe', 'inherit'] });

let buffer = Buffer.alloc(0);
const waiting = new Map();  // version or id -> resolve
child.stdout.on('data', (chunk) => {
  buffer = Buffer.concat([buffer, chunk]);
  for (;;) {
    const end = buffer.indexOf('\r\n\r\n');
    if (end < 0) return;
    const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, end).toString())[1]);
    if (buffer.length < end + 4 + length) return;
    const message = JSON.parse(buffer.subarray(end + 4, end + 4 + length).toString());
    buffer = buffer.subarray(end + 4 + length);
    const key = message.method === 'textDocument/publishDiagnostics' ? `v${message.params.version}` : `id${message.id}`;
    const resolve = waiting.get(key);
    if (resolve) { waiting.delete(key); resolve(message); }
  }
});
const send = (m) => { const body = JSON.stringify(m); child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`); };
const wait = (key) => new Promise((resolve) => waiting.set(key, resolve));

await (send({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { capabilities: {} } }), wait('id1'));
send({ jsonrpc: '2.0', method: 'initialized', params: {} });
let t = process.hrtime.bigint();
let opened = wait('v1');
send({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'markdown', version: 1, text } } });
const first = await opened;
const openMs = Number(process.hrtime.bigint() - t) / 1e6;

// Alternate: type a word at the end of line 3, then delete it.
const lines = text.split('\n');
const line = 2, at = lines[line].length;
const times = [];
for (let v = 2; v < changes + 2; v++) {
  const add = v % 2 === 0;
  const change = add
    ? { range: { start: { line, character: at }, end: { line, character: at } }, text: ' word' }
    : { range: { start: { line, character: at }, end: { line, character: at + 5 } }, text: '' };
  const got = wait(`v${v}`);
  t = process.hrtime.bigint();
  send({ jsonrpc: '2.0', method: 'textDocument/didChange', params: { textDocument: { uri, version: v }, contentChanges: [change] } });
  await got;
  times.push(Number(process.hrtime.bigint() - t) / 1e6);
}
send({ jsonrpc: '2.0', id: 2, method: 'shutdown' });
await wait('id2');
send({ jsonrpc: '2.0', method: 'exit' });

times.sort((a, b) => a - b);
const q = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))];
console.log(`policy: ${Buffer.byteLength(text)} bytes, ${first.params.diagnostics.length} diagnostics; didOpen -> diagnostics ${openMs.toFixed(1)} ms (first lint, packs loaded)`);
console.log(`didChange -> publishDiagnostics over ${times.length} changes: median ${q(0.5).toFixed(2)} ms, p95 ${q(0.95).toFixed(2)} ms, max ${times[times.length - 1].toFixed(2)} ms`);
