// The satisfaction surveys, through the real server: the demo trainee finds the « à chaud »
// survey of her finished cohort on her home page, sends it empty (refused question by question),
// then answers it with the keyboard only; the pilot follows the dashboard's satisfaction figure
// to the training's and the cohort's results and finds her comment there; an admin edits the
// académie's questions (a bad delay refused, then saved). Every page is checked with axe-core
// (WCAG 2.1 AA) and photographed.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  checkPage, clickAndLoad, launchBrowser, loadAfter, login, startServer,
  withPage as harnessWithPage,
} from './harness.mjs';

let server;
let browser;
const main = (page) => page.getByRole('main');
const COMMENT = 'Les capsules vidéo m’ont servi dès la semaine suivante.';
const SURVEY = {};

const withPage = (fn) => harnessWithPage(browser, server, fn);

before(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('la stagiaire répond à l’évaluation à chaud, au clavier', async () => {
  await withPage(async (page) => {
    await login(page, 'trainee');
    const region = main(page).getByRole('region', { name: 'Évaluations à remplir' });
    const link = region.getByRole('link').filter({ hasText: 'Évaluation à chaud' }).first();
    SURVEY.path = await link.getAttribute('href');
    assert.match(SURVEY.path, /^\/cohorts\/\d+\/surveys\/hot$/);
    SURVEY.cohort = SURVEY.path.replace(/\/surveys\/hot$/, '');
    await clickAndLoad(page, link);
    await checkPage(page, 'surveys-01-form');

    // Sent empty: every rated question is named, in the summary and beside it.
    const submit = main(page).getByRole('button', { name: 'Envoyer mes réponses' });
    await submit.focus();
    await loadAfter(page, () => page.keyboard.press('Enter'), { status: 422 });
    const summary = main(page).getByRole('alert');
    const errors = await summary.getByRole('listitem').count();
    assert.ok(errors >= 1, 'the questions left unanswered are listed');
    await checkPage(page, 'surveys-02-errors');

    // With the keyboard: each group reached by its first option, moved with the arrows.
    const groups = main(page).locator('fieldset.scale');
    const count = await groups.count();
    assert.equal(count, errors, 'one error per rated question');
    for (let i = 0; i < count; i += 1) {
      await groups.nth(i).getByRole('radio').first().focus();
      await page.keyboard.press('Space');
      for (let step = 0; step < 3 + (i % 2); step += 1) await page.keyboard.press('ArrowRight');
    }
    for (let i = 0; i < count; i += 1) {
      assert.ok(await groups.nth(i).getByRole('radio').nth(3 + (i % 2)).isChecked(), `question ${i + 1} answered`);
    }
    await main(page).getByRole('textbox').first().focus();
    await page.keyboard.type(COMMENT);
    await main(page).getByRole('button', { name: 'Envoyer mes réponses' }).focus();
    await loadAfter(page, () => page.keyboard.press('Enter'));
    await main(page).getByText('Merci, vos réponses sont enregistrées.').waitFor();
    assert.equal(await main(page).getByRole('radio').count(), 0, 'the form is gone once answered');
    await checkPage(page, 'surveys-03-thanks');
  });
});

test('le pilote lit les résultats, de son tableau de bord à la session', async () => {
  assert.ok(SURVEY.cohort, 'the trainee answered first');
  await withPage(async (page) => {
    await login(page, 'pilot');
    await page.goto('/pilotage');
    const figure = main(page).getByRole('table').getByRole('link', { name: /\/ 5$/ }).first();
    await clickAndLoad(page, figure);
    assert.match(new URL(page.url()).pathname, /^\/trainings\/\d+\/surveys$/);
    await main(page).getByRole('heading', { name: 'Évaluation à chaud' }).first().waitFor();
    await checkPage(page, 'surveys-04-training');

    await page.goto(`${SURVEY.cohort}/surveys`);
    await main(page).getByText(COMMENT).waitFor();
    const table = main(page).getByRole('table', { name: 'Réponses aux questions notées de 1 à 5' }).first();
    assert.ok((await table.getByRole('row').count()) >= 2, 'one row per rated question');
    await checkPage(page, 'surveys-05-cohort');

    // What the trainees were asked, as they saw it.
    await page.goto(`${SURVEY.cohort}/surveys/hot`);
    await main(page).getByText('Aperçu').waitFor();
    await checkPage(page, 'surveys-06-preview');
  });
});

test('un gestionnaire règle les questions des évaluations', async () => {
  await withPage(async (page) => {
    await login(page, 'admin');
    // The académie's settings sit behind one entry of the menu.
    await clickAndLoad(page, page.getByRole('navigation').getByRole('link', { name: 'Gestion' }));
    await checkPage(page, 'surveys-07a-settings-hub');
    await clickAndLoad(page, main(page).getByRole('link', { name: 'Évaluations de satisfaction' }));
    assert.equal(await page.getByRole('navigation').getByRole('link', { name: 'Gestion' }).getAttribute('aria-current'), 'page');
    await checkPage(page, 'surveys-07-settings');
    const delay = main(page).getByLabel('Délai de l’évaluation à froid (jours)');
    await delay.fill('3');
    await clickAndLoad(page, main(page).getByRole('button', { name: 'Enregistrer' }), { status: 422 });
    await main(page).getByRole('alert').getByText('entre 7 et 365').waitFor();
    await checkPage(page, 'surveys-08-settings-error');
    await main(page).getByLabel('Délai de l’évaluation à froid (jours)').fill('56');
    await main(page).getByLabel('Question 6', { exact: true }).first().fill('Le rythme des séances m’a convenu.');
    await clickAndLoad(page, main(page).getByRole('button', { name: 'Enregistrer' }));
    await main(page).getByText('Questions des évaluations enregistrées.').waitFor();
    assert.equal(await main(page).getByLabel('Délai de l’évaluation à froid (jours)').inputValue(), '56');
    assert.equal(await main(page).getByLabel('Question 6', { exact: true }).first().inputValue(), 'Le rythme des séances m’a convenu.');
  });
});
