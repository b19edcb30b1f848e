// The pilot trains the trainers in hybrid delivery, in a browser on the demo académie: the demo
// trainer asks from her space (an empty request refused field by field, then a real one), the
// pilot finds it among the requests, with the one another trainer sent, and enrols her in the
// next session of the trainers' training; the register shows the trainer whom the autumn
// session validated, with that session as evidence. Every page is checked with axe-core.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  checkPage, clickAndLoad, failed, launchBrowser, login, newContext, newPage, startServer,
} from './harness.mjs';

let server;
let browser;

before(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const main = (page) => page.getByRole('main');

describe('Se former à l’hybride', () => {
  test('la formatrice demande à être formée, le pilote l’inscrit à la session des formateurs', async () => {
    const context = await newContext(browser, server);
    const page = await newPage(context);
    try {
      await login(page, 'trainer');
      await clickAndLoad(page, page.getByRole('link', { name: 'Me former à l’hybride' }));
      await main(page).getByRole('heading', { name: 'Ma formation à l’hybridation' }).waitFor();
      await checkPage(page, 'qualification-mine');
      await clickAndLoad(page, main(page).getByRole('button', { name: 'Envoyer ma demande' }), { status: 422 });
      const summary = main(page).getByRole('alert');
      await summary.getByRole('link').first().waitFor();
      assert.equal(await summary.getByRole('link').count(), 2);
      await checkPage(page, 'qualification-ask-refused');
      await page.getByLabel(/^Pourquoi/).fill('Je renouvelle ma formation avant ma session de mars.');
      await page.getByLabel(/^Disponibilités/).fill('Le mardi matin.');
      await clickAndLoad(page, main(page).getByRole('button', { name: 'Envoyer ma demande' }));
      await page.getByText('Votre demande a été envoyée aux pilotes de vos formations.').waitFor();
      await main(page).getByText('en attente de réponse').waitFor();
      await clickAndLoad(page, page.getByRole('button', { name: 'Se déconnecter' }));

      await login(page, 'pilot');
      await clickAndLoad(page, page.getByRole('link', { name: 'Formateurs qualifiés' }));
      await checkPage(page, 'qualifications-register');
      // The trainer validated by the autumn session, with the session as evidence.
      const byTraining = main(page).getByRole('row').filter({ has: page.getByRole('link', { name: 'session suivie' }) });
      assert.equal(await byTraining.count(), 1);
      await clickAndLoad(page, main(page).getByRole('link', { name: /Demandes de formation des formateurs \(2 en attente\)/ }));
      await checkPage(page, 'qualification-requests');
      const mine = main(page).getByRole('listitem').filter({ hasText: 'Je renouvelle ma formation' });
      const session = mine.getByLabel('Inscrire à la session');
      await session.selectOption(await session.locator('option', { hasText: 'session d’hiver' }).getAttribute('value'));
      await clickAndLoad(page, mine.getByRole('button', { name: /^Inscrire/ }));
      await page.getByText('Le formateur a été inscrit à la session et en a été prévenu.').waitFor();
      await main(page).getByRole('link', { name: /Formateurs : concevoir et animer une formation hybride — Formateurs — session d’hiver/ }).first().waitFor();
      await checkPage(page, 'qualification-requests-answered');
    } catch (e) {
      await failed(page, e);
    } finally {
      await context.close();
    }
  });
});
