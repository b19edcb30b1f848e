// Questions to the pilot, in a browser on the demo académie: the demo trainer asks the pilot of
// a training she delivers from that training's page (an empty question refused field by field,
// then a real one); the pilot finds it in the inbox, answers it and publishes it in the
// training's FAQ, which the training's page then shows. Every page is checked with axe-core.

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

describe('Questions au pilote', () => {
  test('la formatrice pose une question, le pilote y répond et la publie dans la FAQ', async () => {
    const context = await newContext(browser, server);
    const page = await newPage(context);
    try {
      await login(page, 'trainer');
      await clickAndLoad(page, page.getByRole('link', { name: 'Formations', exact: true }));
      const training = main(page).getByRole('link').filter({ hasText: 'numérique éducatif' }).first();
      const trainingPath = new URL(await training.evaluate((a) => a.href)).pathname;
      await clickAndLoad(page, training);
      await clickAndLoad(page, main(page).getByRole('link', { name: 'Poser une question au pilote' }));
      await checkPage(page, 'questions-trainer');
      await clickAndLoad(page, main(page).getByRole('button', { name: 'Envoyer la question' }), { status: 422 });
      assert.equal(await main(page).getByRole('alert').getByRole('link').count(), 2);
      await checkPage(page, 'questions-refused');
      await page.getByLabel(/^Objet/).fill('Signature du travail à distance');
      await page.getByLabel(/^Votre question/).fill('Les stagiaires doivent-ils signer pour le travail asynchrone ?');
      await clickAndLoad(page, main(page).getByRole('button', { name: 'Envoyer la question' }));
      await page.getByText('Votre question a été envoyée au pilote.').waitFor();
      const questionPath = new URL(page.url()).pathname;
      await checkPage(page, 'question-asked');
      await clickAndLoad(page, page.getByRole('button', { name: 'Se déconnecter' }));

      await login(page, 'pilot');
      await main(page).getByRole('link', { name: /question de formateur attend votre réponse/ }).waitFor();
      await clickAndLoad(page, page.getByRole('link', { name: 'Questions au pilote' }));
      await checkPage(page, 'questions-pilot');
      await clickAndLoad(page, main(page).getByRole('link', { name: 'Signature du travail à distance' }));
      assert.equal(new URL(page.url()).pathname, questionPath);
      await page.getByLabel(/^Message/).fill('Non : la déclaration validée par le formateur suffit, elle figure sur la feuille.');
      await clickAndLoad(page, main(page).getByRole('button', { name: 'Envoyer la réponse' }));
      await page.getByText('Le message a été envoyé.').waitFor();
      await clickAndLoad(page, main(page).getByRole('button', { name: 'Publier dans la FAQ' }));
      await page.getByText('La question est publiée dans la FAQ de la formation.').waitFor();
      await checkPage(page, 'question-published');
      await page.goto(trainingPath);
      const faq = main(page).getByRole('region', { name: 'Foire aux questions' });
      await faq.getByText('Signature du travail à distance').click();
      await faq.getByText('la déclaration validée par le formateur suffit').waitFor();
      await checkPage(page, 'training-faq');
    } catch (e) {
      await failed(page, e);
    } finally {
      await context.close();
    }
  });
});
