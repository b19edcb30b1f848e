// After the training, through the real server: the demo trainee, before her cohort's end, finds
// her progress instead of a certificate (its address refused in French), and her certificate of
// a finished cohort; the demo trainer finds the declarations of distance work awaiting a decision
// on a running cohort's page (closing it anyway, from a page left open, is refused), decides
// each from the sheet the page links to, then closes it, opens its documents (certificates signed
// by the académie's signatory), downloads the bundle (a zip of PDFs), sends the closing message
// (read back from the mail folder, with the recommended course), marks the bundle as transmitted,
// states their statut on the pay page and submits their review (first refused field by field);
// an admin reads the review among the pilots' « Bilans », adds a course to the free-access
// catalogue and names the signatory of the certificates (first refused field by field).
// Every page is checked with axe-core (WCAG 2.1 AA) and photographed.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  checkPage, clickAndLoad, launchBrowser, login, startServer, waitForMail,
  withPage as harnessWithPage,
} from './harness.mjs';

let server;
let browser;
const main = (page) => page.getByRole('main');
const words = (s) => s.replace(/\s+/g, ' ').trim();
/** The running cohort the trainer closes: `{ path, name }`. */
const COHORT = {};

const withPage = (fn) => harnessWithPage(browser, server, fn);

before(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** The cards of « Mes sessions » with the status `status` (« en cours », « close »). */
const cohortCards = (page, status) => main(page).getByRole('region', { name: 'Mes sessions' })
  .getByRole('listitem').filter({ has: page.getByText(status, { exact: true }) });

test('la stagiaire suit sa progression : son certificat n’existe qu’à la fin', async () => {
  await withPage(async (page) => {
    await login(page, 'trainee');
    const running = cohortCards(page, 'en cours');
    assert.ok((await running.count()) >= 1, 'the demo trainee follows a cohort under way');
    await clickAndLoad(page, running.first().getByRole('heading').getByRole('link'));
    const path = new URL(page.url()).pathname;

    // Before the end: no certificate, her progress instead.
    assert.equal(await main(page).getByRole('link', { name: 'Certificat de réalisation (PDF)' }).count(), 0);
    await main(page).getByText(/^Votre certificat de réalisation sera délivré à la fin de la formation/).waitFor();
    const convocation = await main(page).getByRole('link', { name: 'Ma convocation (PDF)' }).getAttribute('href');
    const me = convocation.match(/\/convocations\/(\d+)\//)[1];
    await clickAndLoad(page, main(page).getByRole('link', { name: 'Voir ma validation' }));
    assert.equal(await main(page).getByRole('link', { name: /^Certificat de réalisation/ }).count(), 0);
    await checkPage(page, 'after-00-progression');

    // Its address answers why, in French.
    const refused = await page.goto(`${path}/certificates/${me}/certificat.pdf`);
    assert.equal(refused.status(), 422);
    await main(page).getByText(/n’existe qu’à la fin de la formation/).waitFor();
    await checkPage(page, 'after-00-certificat-refuse');

    // A finished cohort's certificate is hers, as a PDF.
    await page.goto('/');
    await clickAndLoad(page, cohortCards(page, 'close').first().getByRole('heading').getByRole('link'));
    const href = await main(page).getByRole('link', { name: 'Certificat de réalisation (PDF)' }).getAttribute('href');
    const pdf = await page.request.get(href);
    assert.equal(pdf.status(), 200);
    assert.equal(pdf.headers()['content-type'], 'application/pdf');
    assert.equal((await pdf.body()).subarray(0, 5).toString('latin1'), '%PDF-');
  });
});

/** The region listing the declarations a running cohort's page asks to decide before closing. */
const toDecide = (page) => main(page).getByRole('region', { name: /^Avant de clore/ });

test('le formateur décide les déclarations en attente, clôt une session, remet ses documents et son bilan', async () => {
  await withPage(async (page) => {
    await login(page, 'trainer');
    // Running, or ended and waiting to be closed.
    const running = cohortCards(page, /^(en cours|terminée)$/);
    assert.ok((await running.count()) >= 1, 'the demo trainer has a cohort under way');
    // A running cohort with distance work declared and not yet decided (the demo has some).
    for (let i = 0; i < (await running.count()) && !COHORT.path; i += 1) {
      await page.goto('/');
      const link = cohortCards(page, /^(en cours|terminée)$/).nth(i).getByRole('heading').getByRole('link');
      const name = words(await link.innerText());
      await clickAndLoad(page, link);
      if (await toDecide(page).count()) {
        COHORT.name = name;
        COHORT.path = new URL(page.url()).pathname;
      }
    }
    assert.ok(COHORT.path, 'a running demo cohort has declarations awaiting a decision');

    // No closing yet: the page lists what awaits a decision instead of the button.
    assert.equal(await main(page).getByRole('link', { name: 'Clore la session', exact: true }).count(), 0);
    await checkPage(page, 'after-01a-declarations-a-decider');
    // A page left open from before is refused, with the reason, and the list to decide.
    const csrf = (await page.context().cookies()).find((c) => c.name === 'hybride_csrf').value;
    const stale = await page.request.post(`${COHORT.path}/status`, {
      form: { csrf, status: 'closed' }, maxRedirects: 0,
    });
    assert.equal(stale.status(), 303);
    await page.goto(stale.headers().location);
    await main(page).getByRole('alert').getByText(/^La session ne peut pas être close/).waitFor();
    await checkPage(page, 'after-01b-cloture-refusee');

    // Each declaration decided from the sheet its link leads to.
    let decided = 0;
    while (await toDecide(page).count()) {
      const link = toDecide(page).getByRole('link', { name: /^Décider/ }).first();
      // « Décider — Prénom Nom, activité » leads to the sheet's « Valider — Prénom Nom ».
      const who = words(await link.textContent()).replace(/^Décider — /, '').split(',')[0];
      await clickAndLoad(page, link);
      if (decided === 0) await checkPage(page, 'after-01c-feuille-decision');
      await clickAndLoad(page, main(page).getByRole('button', { name: `Valider — ${who}` }).first());
      decided += 1;
      await page.goto(COHORT.path);
    }
    assert.ok(decided >= 1);

    // Closing, from the cohort's page, after a page that says what it does.
    const close = async () => {
      await clickAndLoad(page, main(page).getByRole('link', { name: 'Clore la session', exact: true }));
      await main(page).getByRole('heading', { level: 1, name: /^Clore la session/ }).waitFor();
      await main(page).getByText(/annuler la clôture pendant 7 jours/).waitFor();
      return clickAndLoad(page, main(page).getByRole('button', { name: 'Clore la session', exact: true }));
    };
    await clickAndLoad(page, main(page).getByRole('link', { name: 'Clore la session', exact: true }));
    await checkPage(page, 'after-01d-confirmer-cloture');
    await page.goBack();
    await close();
    await main(page).locator('.notice').filter({ hasText: 'Session close' }).waitFor();
    await checkPage(page, 'after-01-session-close');

    // Undone for a forgotten presence, with its reason; the page keeps both events; closed again.
    await main(page).getByLabel('Motif de la réouverture').fill('Une présence oubliée au premier atelier');
    await clickAndLoad(page, main(page).getByRole('button', { name: 'Rouvrir la session' }));
    await main(page).getByText('La session est rouverte. Pensez à la clore de nouveau.').waitFor();
    await main(page).getByText(/«\s*Une présence oubliée au premier atelier\s*»$/).waitFor();
    await checkPage(page, 'after-01e-session-rouverte');
    await close();
    await main(page).locator('.notice').filter({ hasText: 'Session close' }).waitFor();

    // Its documents, the certificates signed by the académie's signatory, and the bundle.
    await clickAndLoad(page, main(page).getByRole('link', { name: 'Documents et dossier' }));
    await main(page).getByRole('region', { name: 'Certificats de réalisation' })
      .getByText(/^Signés par Hélène Garnier, Directrice de l’École académique/).waitFor();
    await checkPage(page, 'after-02-documents');
    const zipHref = await main(page).getByRole('link', { name: 'Télécharger le dossier (zip)' }).getAttribute('href');
    const zip = await page.request.get(zipHref);
    assert.equal(zip.status(), 200);
    assert.equal(zip.headers()['content-type'], 'application/zip');
    const body = await zip.body();
    assert.equal(body.subarray(0, 2).toString('latin1'), 'PK', 'a zip archive');
    assert.ok(body.includes(Buffer.from('certificat-')), 'certificates in the bundle');

    // The closing message reaches the trainees.
    await clickAndLoad(page, main(page).getByRole('button', { name: 'Envoyer le message de clôture' }));
    await main(page).getByText('Message de clôture envoyé.').waitFor();
    const mail = await waitForMail(server, (m) => /Fin de la formation/.test(m.headers.subject || ''), { what: 'the closing message' });
    assert.match(mail.text, /certificat\.pdf/);

    // Marked as transmitted, with a note.
    await main(page).getByLabel('Commentaire').fill('Dépôt Sofia-FMO n° 4512');
    await clickAndLoad(page, main(page).getByRole('button', { name: 'Marquer comme transmis' }));
    await main(page).getByText('Dossier marqué comme transmis.').waitFor();
    await main(page).getByRole('table', { name: 'Transmissions' }).getByText('Dépôt Sofia-FMO n° 4512').waitFor();
    await checkPage(page, 'after-03-dossier-transmis');

    // The pay page: the trainer states their statut.
    await clickAndLoad(page, main(page).getByRole('link', { name: 'Rémunération des formateurs' }));
    await checkPage(page, 'after-04-remuneration');
    await main(page).getByRole('combobox', { name: /^Statut/ }).selectOption('contract');
    await main(page).getByLabel('Corps et grade').fill('Professeure contractuelle');
    await clickAndLoad(page, main(page).getByRole('button', { name: 'Enregistrer', exact: true }));
    await main(page).getByText('Statut enregistré.').waitFor();
    await main(page).getByText('Contractuel de l’Éducation nationale').first().waitFor();

    // The review: refused without its two required parts, then submitted.
    await page.goto(`${COHORT.path}/review`);
    await checkPage(page, 'after-05-bilan');
    await clickAndLoad(page, main(page).getByRole('button', { name: 'Transmettre au pilote' }), { status: 422 });
    await main(page).getByRole('alert').waitFor();
    await checkPage(page, 'after-06-bilan-refuse');
    await main(page).getByLabel('Ce qui a fonctionné').fill('Les ateliers en présentiel et le forum entre les séances.');
    await main(page).getByLabel('Ce qu’il faudrait changer').fill('Raccourcir la classe virtuelle de la deuxième semaine.');
    await clickAndLoad(page, main(page).getByRole('button', { name: 'Transmettre au pilote' }));
    await main(page).getByText('Bilan transmis au pilote.').waitFor();
  });
});

test('l’EAFC lit les bilans et enrichit le catalogue en libre accès', async () => {
  await withPage(async (page) => {
    await login(page, 'admin');
    await clickAndLoad(page, page.getByRole('navigation').getByRole('link', { name: 'Bilans' }));
    await main(page).getByText('Raccourcir la classe virtuelle de la deuxième semaine.').waitFor();
    await checkPage(page, 'after-07-bilans');
    await clickAndLoad(page, page.getByRole('navigation').getByRole('link', { name: 'Libre accès' }));
    await checkPage(page, 'after-08-catalogue');
    // A course without its provider is refused on its field, then added.
    await main(page).getByLabel('Titre').fill('Différencier en classe hétérogène');
    await main(page).getByLabel('Lien').fill('https://magistere.education.fr/dgesco/course/view.php?id=1300');
    await main(page).getByLabel('Durée').fill('2 h');
    await clickAndLoad(page, main(page).getByRole('button', { name: 'Ajouter une formation' }), { status: 422 });
    await checkPage(page, 'after-09-catalogue-refuse');
    await main(page).getByLabel('Organisme').fill('DGESCO');
    await clickAndLoad(page, main(page).getByRole('button', { name: 'Ajouter une formation' }));
    await main(page).getByText('Formation ajoutée au catalogue.').waitFor();
    await main(page).getByRole('link', { name: 'Différencier en classe hétérogène' }).waitFor();
  });
});

test('l’EAFC règle la conservation des données et simule la purge', async () => {
  await withPage(async (page) => {
    await login(page, 'admin');
    await clickAndLoad(page, page.getByRole('navigation').getByRole('link', { name: 'Gestion' }));
    await clickAndLoad(page, main(page).getByRole('link', { name: 'Conservation des données' }));
    await checkPage(page, 'after-10-conservation');
    // Out of its range, the duration is refused on its field; then saved.
    await main(page).getByLabel('Courriels envoyés (jours)').fill('5');
    await clickAndLoad(page, main(page).getByRole('button', { name: 'Enregistrer' }), { status: 422 });
    await main(page).getByRole('alert').getByText('30–3650').waitFor();
    await checkPage(page, 'after-11-conservation-refus');
    await main(page).getByLabel('Courriels envoyés (jours)').fill('180');
    await clickAndLoad(page, main(page).getByRole('button', { name: 'Enregistrer' }));
    await main(page).getByText('Durées de conservation enregistrées.').waitFor();
    // The simulation lists each kind of record and removes nothing.
    await clickAndLoad(page, main(page).getByRole('link', { name: 'Simuler la purge' }));
    const preview = main(page).getByRole('region', { name: 'Ce que la purge supprimerait aujourd’hui' });
    assert.equal(await preview.getByRole('listitem').count(), 5, 'four kinds and the total');
    await preview.getByText(/Courriels mis en file avant le .* \(180 jours\)/).waitFor();
    await checkPage(page, 'after-12-conservation-simulation');
  });
});

test('l’EAFC exporte les dossiers de toutes les sessions closes du plan', async () => {
  await withPage(async (page) => {
    await login(page, 'admin');
    await clickAndLoad(page, page.getByRole('navigation').getByRole('link', { name: 'Plans de formation' }));
    await clickAndLoad(page, main(page).getByRole('link', { name: /^Exporter les dossiers/ }).first());
    await checkPage(page, 'after-13-export');
    await clickAndLoad(page, main(page).getByRole('button', { name: 'Préparer l’export' }));
    await main(page).getByText('Export demandé').waitFor();
    // Prepared in the background; the list follows it by itself, without reloading the page.
    const download = main(page).getByRole('link', { name: /^Télécharger \(\d+ Kio\)$/ }).first();
    await download.waitFor({ timeout: 90_000 });
    await checkPage(page, 'after-14-export-pret');
    const zip = await page.request.get(await download.getAttribute('href'));
    assert.equal(zip.status(), 200);
    assert.equal(zip.headers()['content-type'], 'application/zip');
    const body = await zip.body();
    assert.equal(body.subarray(0, 2).toString('latin1'), 'PK', 'a zip archive');
    assert.ok(body.includes(Buffer.from('sessions.csv')), 'the list of cohorts');
    assert.ok(body.includes(Buffer.from('session-')), 'the cohorts’ bundles');
  });
});

test('l’EAFC désigne le signataire des certificats', async () => {
  await withPage(async (page) => {
    await login(page, 'admin');
    await clickAndLoad(page, page.getByRole('navigation').getByRole('link', { name: 'Gestion' }));
    await clickAndLoad(page, main(page).getByRole('link', { name: 'Signataire des certificats' }));
    // The demo's: named since the start of the school year.
    assert.equal(await main(page).getByLabel('Nom et prénom').inputValue(), 'Hélène Garnier');
    await checkPage(page, 'after-15-signataire');
    // Without a name, refused on its field; nothing named.
    await main(page).getByLabel('Nom et prénom').fill('');
    await clickAndLoad(page, main(page).getByRole('button', { name: 'Enregistrer' }), { status: 422 });
    await main(page).getByRole('alert').getByRole('link').first().waitFor();
    await checkPage(page, 'after-16-signataire-refus');
    await main(page).getByLabel('Nom et prénom').fill('Marc Lefèvre');
    await main(page).getByLabel('Fonction').fill('Directeur adjoint de l’EAFC');
    await main(page).getByLabel('Signe en qualité de').selectOption('delegate');
    await clickAndLoad(page, main(page).getByRole('button', { name: 'Enregistrer' }));
    await main(page).getByText('Signataire des certificats enregistré.').waitFor();
    const history = main(page).getByRole('region', { name: 'Signataires successifs' });
    assert.equal(await history.getByRole('row').count(), 3, 'a header and the two named');
    await history.getByRole('cell', { name: 'Hélène Garnier' }).waitFor();
    await checkPage(page, 'after-17-signataires');
  });
});
