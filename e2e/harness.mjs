// The browser-test harness: starts the real `hybride` binary on a fresh SQLite database with the
// demo académie, drives Debian's Chromium through playwright-core, checks every page with axe-core
// (WCAG 2.1 AA) and saves a screenshot of it.
//
// Environment: HYBRIDE_BIN (the binary; default TARGET/debug/hybride), CARGO_TARGET_DIR (TARGET,
// default target/ in the repository), E2E_SCREENSHOTS (default TARGET/e2e-screenshots),
// CHROMIUM (default /usr/bin/chromium).

import { spawn } from 'node:child_process';
import { readFileSync, mkdirSync, mkdtempSync, rmSync, existsSync, openSync, closeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TARGET = path.resolve(REPO, process.env.CARGO_TARGET_DIR || 'target');
export const BIN = process.env.HYBRIDE_BIN || path.join(TARGET, 'debug', 'hybride');
export const SHOTS = path.resolve(REPO, process.env.E2E_SCREENSHOTS || path.join(TARGET, 'e2e-screenshots'));

export const PASSWORD = 'demo';
export const ROLES = {
  admin: { email: 'admin@demo.hybride.test', fr: 'gestionnaire EAFC', en: 'EAFC administrator' },
  pilot: { email: 'pilote@demo.hybride.test', fr: 'pilote', en: 'pilot' },
  trainer: { email: 'formateur@demo.hybride.test', fr: 'formateur', en: 'trainer' },
  trainee: { email: 'stagiaire@demo.hybride.test', fr: 'stagiaire', en: 'trainee' },
};

// ---- The server ------------------------------------------------------------------------------

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts `hybride serve --demo` on a free port with a fresh database in a temporary directory;
 * answers once /readyz says yes. A port taken in the meantime (the server exits) means another try.
 */
export async function startServer() {
  if (!existsSync(BIN)) {
    throw new Error(`${BIN} is missing: run \`cargo build -p hybride\` (or bash .ci/e2e.sh) first`);
  }
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce();
    } catch (e) {
      if (!e.exitedEarly || attempt === 3) throw e;
    }
  }
}

async function startOnce() {
  const dir = mkdtempSync(path.join(tmpdir(), 'hybride-e2e-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const logFile = path.join(dir, 'server.log');
  const log = openSync(logFile, 'a');
  const child = spawn(
    BIN,
    [
      'serve', '--demo',
      '--addr', `127.0.0.1:${port}`,
      '--database-url', `sqlite:${path.join(dir, 'e2e.sqlite')}`,
      '--mail-dir', path.join(dir, 'mail'),
    ],
    {
      cwd: dir,
      stdio: ['ignore', log, log],
      env: { ...process.env, HYBRIDE_LOG: process.env.HYBRIDE_LOG || 'warn' },
    },
  );
  closeSync(log);
  // Never outlive the tests, whatever ends them.
  const orphanGuard = () => child.kill('SIGKILL');
  process.on('exit', orphanGuard);
  let exited = null;
  const exit = new Promise((resolve) => child.on('exit', (code, signal) => {
    exited = { code, signal };
    process.off('exit', orphanGuard);
    resolve(exited);
  }));
  const logTail = () => readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n');

  // Seeding the demo académie takes a few seconds on a debug build.
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (exited) {
      const e = new Error(`hybride exited (${JSON.stringify(exited)}) before it was ready:\n${logTail()}`);
      e.exitedEarly = true;
      rmSync(dir, { recursive: true, force: true });
      throw e;
    }
    try {
      const r = await fetch(`${base}/readyz`, { signal: AbortSignal.timeout(2000) });
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`hybride did not answer /readyz within 90 s:\n${logTail()}`);
    }
    // Poll again once the process had a chance to progress (or exit).
    await Promise.race([exit, new Promise((r) => setTimeout(r, 100))]);
  }

  return {
    base,
    dir,
    logTail,
    async stop() {
      const early = exited;
      if (!exited) {
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exit;
        clearTimeout(killer);
      }
      const tail = logTail();
      rmSync(dir, { recursive: true, force: true });
      // A server that died during the tests (or never bound its port, another answering in its
      // place) must not go unnoticed.
      if (early) throw new Error(`hybride exited during the tests (${JSON.stringify(early)}):\n${tail}`);
    },
  };
}

// ---- The browser -----------------------------------------------------------------------------

export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
}

/** A fresh browser profile (no cookies) in French, desktop-sized unless told otherwise. */
export async function newContext(browser, server, options = {}) {
  const context = await browser.newContext({
    baseURL: server.base,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    viewport: { width: 1280, height: 900 },
    ...options,
  });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(20_000);
  return context;
}

/**
 * Runs `fn` with a fresh page of its own profile (`options` as for `newContext`) that reaches
 * nothing but the server under test: a redirection to another site (a virtual classroom, a
 * course) is not followed. A failure is photographed and reported; the profile is closed.
 */
export async function withPage(browser, server, fn, options) {
  const context = await newContext(browser, server, options);
  await context.route((url) => url.origin !== server.base, (route) => route.abort('blockedbyclient'));
  const page = await newPage(context);
  try {
    return await fn(page);
  } catch (e) {
    await failed(page, e);
  } finally {
    await context.close();
  }
}

/**
 * Opens a page that records what goes wrong in it: uncaught script errors, console errors
 * (Content-Security-Policy refusals among them) and failed same-origin requests.
 */
export async function newPage(context) {
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(`script error: ${e.message}`));
  page.on('console', (m) => {
    // An HTTP error is judged below, by the request it answers (a form shown again with its
    // errors is a 422 page, and that is right).
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) {
      page.problems.push(`console error: ${m.text()}`);
    }
  });
  page.on('response', (r) => {
    if (r.status() >= 400 && r.request().resourceType() !== 'document') {
      page.problems.push(`HTTP ${r.status()}: ${r.request().method()} ${r.url()}`);
    }
  });
  page.on('requestfailed', (r) => {
    // A navigation superseded by the next one is not a failure of the page.
    if (r.failure()?.errorText !== 'net::ERR_ABORTED') {
      page.problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`);
    }
  });
  return page;
}

/** Logs in through the form at /login and answers once the dashboard is shown. */
export async function login(page, role) {
  const { email } = ROLES[role];
  await page.goto('/login');
  await page.getByLabel('Adresse électronique').fill(email);
  await page.getByLabel('Mot de passe').fill(PASSWORD);
  await Promise.all([
    page.waitForURL((u) => u.pathname === '/'),
    page.getByRole('button', { name: 'Se connecter' }).click(),
  ]);
  await page.locator('.who').filter({ hasText: ROLES[role].fr }).waitFor();
}

/**
 * Clicks what submits a form or follows a link, waits for the page it leads to and checks its
 * HTTP status (200 unless told otherwise, e.g. 422 for a form shown again with its errors).
 */
export async function clickAndLoad(page, locator, { status = 200 } = {}) {
  const [response] = await Promise.all([
    // The page's own answer, after any redirection (a form posted, then 303 to a page).
    page.waitForResponse((r) => r.request().isNavigationRequest()
      && r.frame() === page.mainFrame() && (r.status() < 300 || r.status() >= 400)),
    page.waitForEvent('load'),
    locator.click(),
  ]);
  if (response.status() !== status) {
    throw new Error(`${response.request().method()} ${response.url()} answered ${response.status()}, expected ${status}`);
  }
  return response;
}

/** Switches the interface language with the header's button (a POST form to /language). */
export async function switchLanguage(page, lang) {
  const name = lang === 'en' ? 'English' : 'Français';
  await clickAndLoad(page, page.getByRole('banner').getByRole('button', { name, exact: true }));
  const now = await page.evaluate(() => document.documentElement.lang);
  if (now !== lang) throw new Error(`after « ${name} », <html lang="${now}">`);
}

// ---- Accessibility ---------------------------------------------------------------------------

const AXE_SOURCE = readFileSync(require.resolve('axe-core'), 'utf8');
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Violations left on purpose, in pages this suite's authors may not change: each entry is
 * `{ page: /path regexp/, rule: 'axe rule id', target: 'part of the element's selector' }` with a
 * `// TODO(…)` comment naming the page's owner and the fix. Remove an entry as soon as the page is
 * fixed: the suite then guards it. None today: every page visited is clean.
 */
export const KNOWN_VIOLATIONS = [];

function known(pathname, rule, target) {
  return KNOWN_VIOLATIONS.some(
    (k) => k.page.test(pathname) && k.rule === rule && (!k.target || target.includes(k.target)),
  );
}

/**
 * Runs axe-core on the page as it is now and answers its WCAG 2.1 A/AA violations, minus the
 * known ones, as readable text (empty when there is none).
 *
 * axe is evaluated through the DevTools protocol (`page.evaluate`), which the page's strict
 * Content-Security-Policy does not govern: the pages are tested under their real CSP, and a
 * refused script or style shows up as a console error (see newPage).
 */
export async function axeViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.evaluate(AXE_SOURCE);
  }
  const result = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
    WCAG_TAGS,
  );
  const pathname = new URL(page.url()).pathname;
  const lines = [];
  for (const v of result.violations) {
    const nodes = v.nodes.filter((n) => !known(pathname, v.id, n.target.join(' ')));
    if (nodes.length === 0) continue;
    lines.push(`${v.id} (${v.impact}): ${v.help} — ${v.helpUrl}`);
    for (const n of nodes.slice(0, 8)) {
      lines.push(`    ${n.target.join(' ')}: ${n.html.slice(0, 200)}`);
      lines.push(`      ${n.failureSummary.replace(/\n\s*/g, ' / ')}`);
    }
    if (nodes.length > 8) lines.push(`    … and ${nodes.length - 8} more`);
  }
  return lines.join('\n');
}

// ---- Screenshots -----------------------------------------------------------------------------

mkdirSync(SHOTS, { recursive: true });

export function slug(url) {
  const u = new URL(url);
  const s = `${u.pathname}${u.search}`.replace(/^\/+/, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return s || 'accueil';
}

/** Rethrows `error` after photographing the page it happened on (FAILED-….png) and naming it. */
export async function failed(page, error) {
  let file = '';
  try {
    file = await screenshot(page, `FAILED-${slug(page.url())}-${Date.now()}`);
  } catch {
    // the page may be gone
  }
  error.message += `\n  on ${page.url()}${file ? `, see ${file}` : ''}`;
  throw error;
}

export async function screenshot(page, name) {
  const file = path.join(SHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * The checks every page gets: served as HTML in the expected language, a visible title,
 * nothing broken in the browser, no axe violation; then a screenshot named NAME.
 */
export async function checkPage(page, name, { lang = 'fr' } = {}) {
  const where = `${name} (${page.url()})`;
  const htmlLang = await page.evaluate(() => document.documentElement.lang);
  if (htmlLang !== lang) throw new Error(`${where}: <html lang="${htmlLang}">, expected "${lang}"`);
  const title = await page.title();
  if (!title.endsWith('— Hybride')) throw new Error(`${where}: title "${title}"`);
  const h1 = page.locator('h1');
  if ((await h1.count()) !== 1) throw new Error(`${where}: ${await h1.count()} <h1> on the page`);
  await h1.waitFor({ state: 'visible' });
  if (!(await h1.innerText()).trim()) throw new Error(`${where}: empty <h1>`);
  const violations = await axeViolations(page);
  if (violations) throw new Error(`${where}: axe-core (WCAG 2.1 AA) violations:\n${violations}`);
  if (page.problems.length) throw new Error(`${where}: ${page.problems.join('\n')}`);
  await screenshot(page, name);
}

// ---- Crawling --------------------------------------------------------------------------------

/** Links worth visiting: same origin, HTML pages (no document, calendar or sign-out). */
function visitable(href, origin) {
  let u;
  try {
    u = new URL(href);
  } catch {
    return null;
  }
  if (u.origin !== origin) return null;
  if (/\.(pdf|ics|svg|png|css|js|csv|json|zip|xlsx)$/.test(u.pathname)) return null;
  if (/^\/(logout|assets\/|favicon|api\/|healthz|readyz)/.test(u.pathname)) return null;
  u.hash = '';
  return u.href;
}

/** The route a URL belongs to: `/cohorts/4/activities/19?ok=x` → `/cohorts/{}/activities/{}?ok`. */
function route(url) {
  const u = new URL(url);
  const keys = [...new Set(u.searchParams.keys())].sort().join('&');
  return u.pathname.replace(/\/\d+(?=\/|$)/g, '/{}') + (keys ? `?${keys}` : '');
}

/**
 * Visits the pages reachable by links from the page currently shown, at most `cap` of them,
 * checking each with checkPage. Breadth first, but a page of a route not seen yet goes before
 * one more page of a known route (the 40th account form says little the 1st did not), so the
 * cap covers every kind of page first. Answers the visited paths, with `unvisitedKinds` (routes
 * the cap left out entirely) and `moreOfVisitedKinds` (how many more pages of visited routes).
 */
export async function crawl(page, { prefix, lang = 'fr', cap = 60, onPage } = {}) {
  const origin = new URL(page.url()).origin;
  const start = visitable(page.url(), origin);
  const seen = new Set([start]);
  const routes = new Set([route(start)]);
  const fresh = [start];
  const again = [];
  const visited = [];
  while ((fresh.length || again.length) && visited.length < cap) {
    const url = fresh.length ? fresh.shift() : again.shift();
    if (url !== page.url()) {
      const response = await page.goto(url);
      if (!response || response.status() !== 200) {
        throw new Error(`${prefix}: ${url} answered ${response?.status()}`);
      }
      const type = response.headers()['content-type'] || '';
      if (!type.startsWith('text/html')) throw new Error(`${prefix}: ${url} is ${type}`);
    }
    const n = String(visited.length + 1).padStart(2, '0');
    await checkPage(page, `${prefix}-${n}-${slug(url)}`, { lang });
    if (onPage) await onPage(page);
    visited.push(new URL(url).pathname + new URL(url).search);
    const hrefs = await page.$$eval('a[href]', (as) => as.map((a) => a.href));
    for (const href of hrefs) {
      const v = visitable(href, origin);
      if (v && !seen.has(v)) {
        seen.add(v);
        const r = route(v);
        if (routes.has(r)) {
          again.push(v);
        } else {
          routes.add(r);
          fresh.push(v);
        }
      }
    }
  }
  // What the cap left out: pages of kinds not visited at all, and more pages of visited kinds.
  visited.unvisitedKinds = fresh.map((u) => route(u));
  visited.moreOfVisitedKinds = again.length;
  return visited;
}

// ---- Mail ------------------------------------------------------------------------------------

// (Imports are hoisted: these join the ones at the top.)
import { readdirSync, statSync } from 'node:fs';

/** The folder the server writes its mails to (`--mail-dir`), one `.eml` file per mail. */
export function mailDir(server) {
  return path.join(server.dir, 'mail');
}

/**
 * Quoted-printable (RFC 2045) to text: soft line breaks (`=` at a line's end) removed, `=XX`
 * turned into the byte XX, the bytes read as UTF-8.
 */
export function decodeQuotedPrintable(text) {
  const s = text.replace(/=\r?\n/g, '');
  const bytes = [];
  for (let i = 0; i < s.length; i++) {
    const hex = s[i] === '=' ? s.slice(i + 1, i + 3) : '';
    if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(s[i], 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** A header's value: unfolded, its RFC 2047 encoded words (`=?utf-8?b?…?=`) decoded. */
function headerValue(raw) {
  const unfolded = raw.replace(/\r?\n[ \t]+/g, ' ');
  // Adjacent encoded words are one text: the blank between them is not part of it, and a
  // character may be split across two of them, so their bytes are joined before decoding.
  return unfolded.replace(/(=\?[^?]+\?[bBqQ]\?[^?]*\?=)(\s+=\?[^?]+\?[bBqQ]\?[^?]*\?=)*/g, (run) => {
    const bytes = [];
    for (const [, , enc, data] of run.matchAll(/=\?([^?]+)\?([bBqQ])\?([^?]*)\?=/g)) {
      if (enc.toLowerCase() === 'b') {
        bytes.push(...Buffer.from(data, 'base64'));
      } else {
        bytes.push(...Buffer.from(decodeQuotedPrintable(data.replace(/_/g, ' ')), 'utf8'));
      }
    }
    return Buffer.from(bytes).toString('utf8');
  });
}

/** Headers (names in lower case) and body of a MIME entity. */
function entity(raw) {
  const at = raw.indexOf('\r\n\r\n');
  const head = at < 0 ? raw : raw.slice(0, at);
  const body = at < 0 ? '' : raw.slice(at + 4);
  const headers = {};
  for (const line of head.split(/\r\n(?![ \t])/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = headerValue(line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function decodeBody(headers, body) {
  const encoding = (headers['content-transfer-encoding'] || '7bit').toLowerCase();
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(body);
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  return body;
}

/**
 * A mail as the server wrote it (CRLF line ends): its headers, its text (line ends as `\n`)
 * and its attachments `{ name, type, content }`, each decoded. `complete` says whether a
 * multipart mail has its closing boundary (a mail still being written has not).
 */
export function parseMail(raw) {
  const { headers, body } = entity(raw);
  const type = headers['content-type'] || 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (!/^multipart\//i.test(type) || !boundary) {
    return { headers, text: decodeBody(headers, body).replace(/\r\n/g, '\n'), attachments: [], complete: true };
  }
  const complete = body.includes(`--${boundary}--`);
  const parts = `\r\n${body}`.split(new RegExp(`\\r\\n--${boundary.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:--)?\\r\\n`))
    .slice(1)
    .filter((p) => p.trim())
    .map(entity);
  let text = '';
  const attachments = [];
  for (const p of parts) {
    const content = decodeBody(p.headers, p.body);
    const disposition = p.headers['content-disposition'] || '';
    if (/^attachment/i.test(disposition)) {
      attachments.push({ name: /filename="?([^";]+)"?/i.exec(disposition)?.[1], type: p.headers['content-type'], content });
    } else if (/^text\/plain/i.test(p.headers['content-type'] || 'text/plain') && !text) {
      text = content.replace(/\r\n/g, '\n');
    }
  }
  return { headers, text, attachments, complete };
}

/** The mails in the server's folder now, oldest first, each with its `file` name. */
export function readMails(server) {
  const dir = mailDir(server);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.eml'))
    .sort()
    .map((file) => ({ file, ...parseMail(readFileSync(path.join(dir, file), 'utf8')) }));
}

/**
 * Waits for the server's mail worker (it delivers every 2 s) to write a mail that `matches`,
 * and answers the newest such mail. A mail counts once it is complete and its file has kept
 * its size for one round of polling (the worker writes a file in one go, but not atomically).
 */
export async function waitForMail(server, matches, { timeout = 20_000, what = 'the mail' } = {}) {
  const deadline = Date.now() + timeout;
  let sizes = new Map();
  for (;;) {
    const now = new Map();
    const dir = mailDir(server);
    const found = [];
    for (const m of readMails(server)) {
      const size = statSync(path.join(dir, m.file)).size;
      now.set(m.file, size);
      if (m.complete && sizes.get(m.file) === size && matches(m)) found.push(m);
    }
    if (found.length) return found.at(-1);
    if (Date.now() > deadline) {
      throw new Error(`${what} did not arrive in ${mailDir(server)} within ${timeout / 1000} s (${now.size} mails there)`);
    }
    sizes = now;
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * Like clickAndLoad, for a page loaded by any action (a tap, a key press): runs `act`, waits for
 * the page it leads to and checks its HTTP status.
 */
export async function loadAfter(page, act, { status = 200 } = {}) {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().isNavigationRequest()
      && r.frame() === page.mainFrame() && (r.status() < 300 || r.status() >= 400)),
    page.waitForEvent('load'),
    act(),
  ]);
  if (response.status() !== status) {
    throw new Error(`${response.request().method()} ${response.url()} answered ${response.status()}, expected ${status}`);
  }
  return response;
}
