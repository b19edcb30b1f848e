// The recordings of a real Moodle 4.5's web service (crates/connect/tests/fixtures/moodle/ws,
// each answer beside the request it answered), replayed on loopback for the browser tests, as
// the Rust tests replay them (hybride_connect::moodle_replay): a request gets the recorded answer
// whose function and parameters it repeats (501 when none does); a token other than TOKEN gets
// Moodle's recorded « invalid token » answer.

import { readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { REPO } from './harness.mjs';

const DIR = path.join(REPO, 'crates/connect/tests/fixtures/moodle/ws');
/** The token the replay accepts (the recordings write theirs `TOKEN`). */
export const TOKEN = '5f0c3b9a1d7e4c2b8a6f0e9d3c1b7a54';

const key = (params) => JSON.stringify([...params].filter(([k]) => k !== 'moodlewsrestformat').sort());

function recordings() {
  const out = new Map();
  for (const f of readdirSync(DIR).filter((n) => n.endsWith('.url'))) {
    const url = new URL(readFileSync(path.join(DIR, f), 'utf8').trim());
    out.set(key(url.searchParams), readFileSync(path.join(DIR, f.replace(/\.url$/, '.json')), 'utf8'));
  }
  return out;
}

/** Starts the replay; `{ url, stop }`. */
export async function startMoodle() {
  const recorded = recordings();
  const invalidToken = readFileSync(path.join(DIR, 'error__invalid_token.json'), 'utf8');
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => { body += chunk; });
    req.on('end', () => {
      if (req.method !== 'POST' || new URL(req.url, 'http://x').pathname !== '/webservice/rest/server.php') {
        res.writeHead(404, { 'content-type': 'text/html' }).end('<html>Autre chose</html>');
        return;
      }
      const params = new URLSearchParams(body);
      if (params.get('wstoken') !== TOKEN) {
        res.writeHead(200, { 'content-type': 'application/json' }).end(invalidToken);
        return;
      }
      params.set('wstoken', 'TOKEN');
      const answer = recorded.get(key(params));
      if (answer === undefined) {
        res.writeHead(501, { 'content-type': 'text/plain' }).end(`no recording answers ${body}`);
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(answer);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}`, stop: () => server.close() };
}
