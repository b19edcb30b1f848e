// M@gistère, in a browser, against the recordings of a real Moodle 4.5 replayed on loopback
// (e2e/moodle.mjs): the administrator connects the académie's site (a wrong token said in
// French, then the right one: the site, its release and who the token is), gives a running
// demo cohort its course, and reads it from the cohort's « avant » checklist, which names the
// trainees the course lacks. Every page is checked with axe-core.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  checkPage, clickAndLoad, failed, launchBrowser, login, newContext, newPage, startServer,
} from './harness.mjs';
import { TOKEN, startMoodle } from './moodle.mjs';

let server;
let browser;
let moodle;

before(async () => {
  [server, browser, moodle] = await Promise.all([startServer(), launchBrowser(), startMoodle()]);
});

after(async () => {
  moodle?.stop();
  await browser?.close();
  await server?.stop();
});

const main = (page) => page.getByRole('main');

describe('M@gistère', () => {
  test('la gestionnaire connecte M@gistère, puis lit le parcours d’une session', async () => {
    const context = await newContext(browser, server);
    const page = await newPage(context);
    try {
      // The demo trainee's running cohort.
      await login(page, 'trainee');
      const running = main(page).getByRole('region', { name: 'Mes sessions' }).getByRole('listitem')
        .filter({ has: page.getByText('en cours', { exact: true }) });
      const cohortPath = new URL(await running.getByRole('heading').getByRole('link').evaluate((a) => a.href)).pathname;
      const trainee = (await page.locator('.who').innerText()).split('·')[0].trim();
      await clickAndLoad(page, page.getByRole('button', { name: 'Se déconnecter' }));

      await login(page, 'admin');
      await page.goto('/settings');
      await clickAndLoad(page, page.getByRole('link', { name: 'Connexion à M@gistère' }));
      await checkPage(page, 'magistere-settings');
      await page.getByLabel(/^Adresse du site M@gistère/).fill(moodle.url);
      await page.getByLabel(/^Jeton du service web/).fill('0123456789abcdef0123456789abcdef');
      await clickAndLoad(page, page.getByRole('button', { name: 'Enregistrer et tester' }));
      await page.getByRole('heading', { name: 'La connexion ne fonctionne pas' }).waitFor();
      await page.getByText('M@gistère refuse ce jeton').waitFor();
      await checkPage(page, 'magistere-settings-refused');
      await page.getByLabel(/^Jeton du service web/).fill(TOKEN);
      await clickAndLoad(page, page.getByRole('button', { name: 'Enregistrer et tester' }));
      await page.getByRole('heading', { name: 'La connexion fonctionne' }).waitFor();
      await page.getByText('Marc Pilote (manager1)').waitFor();
      await checkPage(page, 'magistere-settings-ok');

      // The cohort's course is course 3 of the site; its staff read it from the checklist.
      await page.goto(`${cohortPath}/edit`);
      await page.getByLabel(/^Parcours M@gistère/).fill(`${moodle.url}/course/view.php?id=3`);
      await clickAndLoad(page, main(page).getByRole('button', { name: 'Enregistrer' }));
      await page.goto(cohortPath);
      await clickAndLoad(page, main(page).getByRole('button', { name: 'Vérifier le parcours sur M@gistère' }));
      await page.getByText('Le parcours a été lu sur M@gistère').waitFor();
      const missing = main(page).getByText(`pour ${trainee}.`);
      await missing.waitFor();
      assert.match(await missing.innerText(), /Pas d’inscription au parcours M@gistère «\u00a0Formation hybride ATT30\u00a0»/);
      await checkPage(page, 'magistere-cohort-checked');
    } catch (e) {
      await failed(page, e);
    } finally {
      await context.close();
    }
  });
});
