// The trainee on a phone (390 × 844, touch): the login page and every page reachable from the
// dashboard, each checked with axe-core (WCAG 2.1 AA), without horizontal scrolling of the page
// (WCAG 1.4.10, reflow: a wide table may scroll inside itself), and photographed.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { checkPage, crawl, failed, launchBrowser, login, newContext, newPage, startServer } from './harness.mjs';

let server;
let browser;

before(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

/** The page fits the phone's width: nothing makes the whole page scroll sideways. */
async function fitsWidth(page) {
  const { scroll, width, wide } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    width: window.innerWidth,
    // What sticks out, to say where to look.
    wide: [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
      .filter((el) => !el.closest('table') && !el.closest('.sr-only, .skip'))
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className ? `.${String(el.className).replace(/ /g, '.')}` : ''}`),
  }));
  assert.ok(scroll <= width, `${page.url()} is ${scroll}px wide on a ${width}px screen: ${wide.join(', ')}`);
}

test('stagiaire sur téléphone : connexion et pages du tableau de bord', { timeout: 240_000 }, async (t) => {
  const context = await newContext(browser, server, PHONE);
  const page = await newPage(context);
  try {
    await page.goto('/login');
    await checkPage(page, 'phone-trainee-00-connexion');
    await fitsWidth(page);
    await login(page, 'trainee');
    // The main navigation stays usable: every link in it is on screen, none hidden off the side.
    for (const link of await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link').all()) {
      const box = await link.boundingBox();
      assert.ok(box && box.x >= 0 && box.x + box.width <= 390, `${await link.innerText()} is off screen`);
    }
    const visited = await crawl(page, { prefix: 'phone-trainee', onPage: fitsWidth });
    t.diagnostic(`trainee (phone): ${visited.length} pages — ${visited.join(' ')}`);
    assert.ok(visited.includes('/equipment'));
    assert.ok(visited.some((p) => p.startsWith('/cohorts/')), 'the trainee reaches a cohort page');
  } catch (e) {
    await failed(page, e);
  } finally {
    await context.close();
  }
});
