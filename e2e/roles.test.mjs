// Each demo account logs in and visits every page reachable by links from its dashboard: each
// is checked with axe-core (WCAG 2.1 AA) and photographed. In French for all four, and in
// English too for the pilot (switched with the header's language button; the choice is saved
// with the account, so that crawl runs after the French ones).

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ROLES, crawl, launchBrowser, login, newContext, newPage, startServer, switchLanguage } from './harness.mjs';

const CAP = 60;
let server;
let browser;

before(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

// Pages every role must reach from its dashboard (a crawl that stops early fails here).
const EXPECTED = {
  admin: ['/', '/trainings', '/plans', '/qualifications', '/equipment', '/settings', '/holidays', '/accounts', '/outbox'],
  pilot: ['/', '/trainings', '/plans', '/qualifications', '/equipment'],
  trainer: ['/', '/trainings', '/equipment'],
  trainee: ['/', '/equipment'],
};

// The four crawls only read, each in its own browser profile: they run side by side.
describe('chaque rôle, chaque page, en français', { concurrency: true, timeout: 300_000 }, () => {
  for (const role of Object.keys(ROLES)) {
    test(`${role} : pages accessibles depuis le tableau de bord`, async (t) => {
      const context = await newContext(browser, server);
      try {
        const page = await newPage(context);
        await login(page, role);
        const visited = await crawl(page, { prefix: `${role}-fr`, cap: CAP });
        t.diagnostic(`${role} (fr): ${visited.length} pages — ${visited.join(' ')}`);
        t.diagnostic(`${role} (fr): left out by the cap: ${visited.moreOfVisitedKinds} more pages of kinds visited; kinds never visited: ${visited.unvisitedKinds.join(' ') || 'none'}`);
        for (const p of EXPECTED[role]) assert.ok(visited.includes(p), `${role} did not reach ${p}`);
        // Another role's pages are not offered.
        if (role !== 'admin') assert.ok(!visited.includes('/accounts'), `${role} reached /accounts`);
        if (role === 'trainee') assert.ok(!visited.includes('/trainings'), 'trainee reached /trainings');
      } finally {
        await context.close();
      }
    });
  }
});

describe('in English', { timeout: 300_000 }, () => {
  test('pilot: the dashboard’s pages after switching to English', async (t) => {
    const context = await newContext(browser, server);
    try {
      const page = await newPage(context);
      await login(page, 'pilot');
      await switchLanguage(page, 'en');
      await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Trainings' }).waitFor();
      assert.match(await page.locator('.who').innerText(), new RegExp(ROLES.pilot.en));
      const visited = await crawl(page, { prefix: 'pilot-en', lang: 'en', cap: CAP });
      t.diagnostic(`pilot (en): ${visited.length} pages; kinds never visited: ${visited.unvisitedKinds.join(' ') || 'none'}`);
      for (const p of EXPECTED.pilot) assert.ok(visited.includes(p), `pilot did not reach ${p}`);
      // And back to French, with the same button.
      await page.goto('/');
      await switchLanguage(page, 'fr');
      await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Formations' }).waitFor();
    } finally {
      await context.close();
    }
  });
});
