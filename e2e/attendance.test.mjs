// Attendance through the real server, on phones: the demo's in-person half-day is under way (the
// demo moves it to the moment the server starts). The trainer opens the live sheet (QR code and
// code read aloud); the demo trainee signs on her phone with the keyboard alone — a wrong code
// first, refused on its field, then the right one; another trainee, logged in by the personal
// link of her convocation, « scans » the QR code (opens the URL it encodes) and taps to sign;
// the trainer's sheet shows them arrive without being reloaded, and the trainer countersigns
// with the keyboard (the half-day is under way: with the reason, kept on the sheet). Then a
// third trainee signs late, after the countersignature: the trainer's sheet shows her signature
// as a correction, with its time and author, the half-day « à contresigner de nouveau », and
// the trainer countersigns again. Then the asynchronous work: the trainee declares an activity with her
// evidence, the trainer validates it, and the trainee's validation shows the credited time.
// Every page is checked with axe-core (WCAG 2.1 AA), the trainee's pages fit a phone's width,
// and every page is photographed.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  ROLES, checkPage, clickAndLoad, failed, launchBrowser, loadAfter, login, newContext, newPage,
  startServer, waitForMail, withPage as harnessWithPage,
} from './harness.mjs';

let server;
let browser;

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const main = (page) => page.getByRole('main');
const words = (s) => s.replace(/\s+/g, ' ').trim();

/** The demo trainee's running cohort: `{ path, name, training }`. */
const COHORT = {};
/** The trainer's sheet of the half-day under way. */
let SHEET;
/** The trainee who signed by the QR code (her convocation's address). */
let QR_TRAINEE;

const withPage = (fn, options) => harnessWithPage(browser, server, fn, options);

/** The page fits the phone's width (a wide table may scroll inside itself). */
async function fitsWidth(page) {
  const { scroll, width } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    width: window.innerWidth,
  }));
  assert.ok(scroll <= width, `${page.url()} is ${scroll}px wide on a ${width}px screen`);
}

/**
 * Presses Tab until `locator` has the focus: the keyboard alone reaches it. The locator is
 * looked up again at each step: the live part of the sheet may have been refreshed meanwhile.
 */
async function tabTo(page, locator, max = 400) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await locator.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`the keyboard never reached ${locator}`);
}

before(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  await withPage(async (page) => {
    await login(page, 'trainee');
    const cards = main(page).getByRole('region', { name: 'Mes sessions' }).getByRole('listitem');
    const running = cards.filter({ has: page.getByText('en cours', { exact: true }) });
    const link = running.getByRole('heading').getByRole('link');
    COHORT.name = words(await link.innerText());
    COHORT.training = COHORT.name.split(' — ')[0];
    COHORT.path = new URL(await link.evaluate((a) => a.href)).pathname;
  });
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** The code the trainer's screen shows now, digits only. */
async function codeOn(trainer) {
  return (await trainer.locator('.signing .code').innerText()).replace(/\D/g, '');
}

describe('émargement', { timeout: 300_000 }, () => {
  test('le formateur ouvre la feuille, les stagiaires signent sur téléphone, le formateur contresigne', async (t) => {
    const trainerContext = await newContext(browser, server);
    const trainer = await newPage(trainerContext);
    try {
      // The trainer: cohort → « Émargement » → the half-day under way.
      await login(trainer, 'trainer');
      await trainer.goto(COHORT.path);
      await clickAndLoad(trainer, main(trainer).getByRole('link', { name: 'Émargement', exact: true }));
      await checkPage(trainer, 'attendance-01-emargement-session');
      const today = main(trainer).getByRole('row').filter({ hasText: 'Atelier' }).filter({ hasText: 'Présentiel' }).first();
      await clickAndLoad(trainer, today.getByRole('link'));
      SHEET = new URL(trainer.url()).pathname + new URL(trainer.url()).search;
      await main(trainer).getByRole('heading', { name: 'Signature en cours' }).waitFor();
      await trainer.getByRole('img', { name: 'Code QR à scanner avec son téléphone pour signer' }).waitFor();
      assert.match(await codeOn(trainer), /^\d{6}$/);
      await checkPage(trainer, 'attendance-02-feuille-formateur');
      const count = trainer.locator('.sheet-count');
      const before = words(await count.innerText());
      // « Aucune signature sur 12… », « 1 sur 12 a signé… », « 3 sur 12 ont signé… ».
      const signedBefore = /^Aucune/.test(before) ? 0 : Number(/^(\d+) sur/.exec(before)[1]);

      // The demo trainee, on her phone, with the keyboard alone.
      await withPage(async (phone) => {
        await login(phone, 'trainee');
        await phone.goto(COHORT.path);
        const space = main(phone).getByRole('region', { name: 'Mon espace de formation' });
        await clickAndLoad(phone, space.getByRole('link', { name: /Signer ma présence/ }));
        assert.equal(new URL(phone.url()).pathname, '/sign');
        await checkPage(phone, 'attendance-03-signer-telephone');
        await fitsWidth(phone);
        const field = phone.getByLabel('Code lu par le formateur');
        await tabTo(phone, field);
        const right = await codeOn(trainer);
        const wrong = right === '000000' ? '111111' : '000000';
        await phone.keyboard.type(wrong);
        await loadAfter(phone, () => phone.keyboard.press('Enter'), { status: 422 });
        await main(phone).getByRole('alert').waitFor();
        assert.equal(await phone.getByLabel('Code lu par le formateur').getAttribute('aria-invalid'), 'true');
        assert.match(words(await main(phone).innerText()), /Ce code n’est pas le bon/);
        await checkPage(phone, 'attendance-04-code-refuse');
        await tabTo(phone, phone.getByLabel('Code lu par le formateur'));
        await phone.keyboard.press('Control+A');
        await phone.keyboard.type(await codeOn(trainer));
        await loadAfter(phone, () => phone.keyboard.press('Enter'));
        await main(phone).getByRole('heading', { level: 1, name: 'Présence enregistrée' }).waitFor();
        await checkPage(phone, 'attendance-05-presence-enregistree');
        await fitsWidth(phone);
      }, PHONE);

      // Another trainee of the cohort, logged in by her convocation's personal link, scans the QR
      // code: her phone opens the URL it encodes.
      const mail = await waitForMail(server, (m) => m.headers.to !== ROLES.trainee.email
        && words(m.headers.subject) === words(`Convocation : ${COHORT.training}`), { what: 'another trainee’s convocation' });
      QR_TRAINEE = mail.headers.to;
      const loginLink = /https?:\/\/\S+?\/m\/[\w-]+/.exec(mail.text)[0];
      await withPage(async (phone) => {
        await phone.goto(loginLink);
        await clickAndLoad(phone, main(phone).getByRole('button', { name: 'Me connecter' }));
        const scanned = await trainer.locator('.qr-box').getAttribute('data-url');
        assert.ok(scanned.startsWith(`${server.base}/sign/`), scanned);
        await phone.goto(scanned);
        await checkPage(phone, 'attendance-06-code-qr-scanne');
        await fitsWidth(phone);
        await clickAndLoad(phone, main(phone).getByRole('button', { name: 'Je signe ma présence' }));
        await main(phone).getByText('Votre présence est enregistrée').waitFor();
      }, PHONE);

      // The trainer's sheet shows both without being reloaded (it refreshes every 5 seconds).
      await trainer.waitForFunction(
        (n) => new RegExp(`^${n} sur`).test(document.querySelector('.sheet-count').textContent.trim()),
        signedBefore + 2,
        { timeout: 20_000 },
      );
      const rows = main(trainer).getByRole('row').filter({ hasText: 'Présent' });
      assert.ok(words(await main(trainer).locator('table.sheet').innerText()).includes('code lu'));
      assert.ok(words(await main(trainer).locator('table.sheet').innerText()).includes('code QR'));
      assert.ok((await rows.count()) >= 2);

      // Countersigned with the keyboard; the half-day is under way, so with its reason.
      const reason = main(trainer).getByLabel('Motif de la contresignature avant la fin');
      await tabTo(trainer, reason);
      await trainer.keyboard.type('Je dois rejoindre un jury à 11 h.');
      const countersign = main(trainer).getByRole('button', { name: 'Contresigner la demi-journée' });
      await tabTo(trainer, countersign);
      await loadAfter(trainer, () => trainer.keyboard.press('Enter'));
      await main(trainer).getByRole('status').filter({ hasText: 'Demi-journée contresignée.' }).waitFor();
      const countersigned = words(await main(trainer).innerText());
      assert.match(countersigned, /Contresignée par Karim Benali le \S+ \d+(er)? \S+ \d{4} à \d{1,2} h \d{2}\./);
      assert.match(countersigned, /Avant la fin de la demi-journée, pour ce motif : « Je dois rejoindre un jury à 11 h. »/);
      assert.doesNotMatch(countersigned, /À contresigner de nouveau/);
      await checkPage(trainer, 'attendance-07-contresignee');
      t.diagnostic(`sheet: ${SHEET}`);

      // The cohort's validation, as the trainer reads it.
      await trainer.goto(`${COHORT.path}/validation`);
      await checkPage(trainer, 'attendance-08-validation-formateur');
    } catch (e) {
      await failed(trainer, e);
    } finally {
      await trainerContext.close();
    }
  });

  test('une signature après la contresignature est une correction, contresignée de nouveau', async () => {
    assert.ok(SHEET && QR_TRAINEE, 'the sheet was countersigned by the test before');
    const trainerContext = await newContext(browser, server);
    const trainer = await newPage(trainerContext);
    try {
      await login(trainer, 'trainer');
      await trainer.goto(SHEET);
      await main(trainer).getByRole('heading', { name: 'Contresignature du formateur' }).waitFor();
      const corrections = main(trainer).getByRole('table', { name: 'Corrections après la contresignature' });
      assert.equal(await corrections.count(), 0, 'no correction yet');

      // A third trainee of the cohort arrives late and signs with the code read aloud.
      const mail = await waitForMail(server, (m) => ![ROLES.trainee.email, QR_TRAINEE].includes(m.headers.to)
        && words(m.headers.subject) === words(`Convocation : ${COHORT.training}`), { what: 'a third trainee’s convocation' });
      const loginLink = /https?:\/\/\S+?\/m\/[\w-]+/.exec(mail.text)[0];
      await withPage(async (phone) => {
        await phone.goto(loginLink);
        await clickAndLoad(phone, main(phone).getByRole('button', { name: 'Me connecter' }));
        await phone.goto('/sign');
        await phone.getByLabel('Code lu par le formateur').fill(await codeOn(trainer));
        await clickAndLoad(phone, main(phone).getByRole('button', { name: 'Signer', exact: true }));
        await main(phone).getByRole('heading', { level: 1, name: 'Présence enregistrée' }).waitFor();
      }, PHONE);

      // The trainer's sheet shows it, live: a correction after the countersignature, with its
      // time and its author; the countersignature as it was; the half-day to countersign again.
      await corrections.waitFor({ timeout: 20_000 });
      const rows = corrections.locator('tbody tr');
      assert.equal(await rows.count(), 1);
      const row = words(await rows.first().innerText());
      assert.match(row, /Signature \(code lu\)/);
      assert.match(row, /\S+ \d+(er)? \S+ \d{4}, \d{1,2} h \d{2}/, 'the time, in words');
      assert.match(row, /à contresigner de nouveau/);
      const section = words(await main(trainer).getByRole('region', { name: 'Contresignature du formateur' }).innerText());
      assert.match(section, /Contresignée par Karim Benali le/);
      assert.match(section, /À contresigner de nouveau : une correction est arrivée après la dernière contresignature\./);
      await checkPage(trainer, 'attendance-07b-correction-a-contresigner');

      // The trainer countersigns again, with the mouse (still before the end: with the reason).
      await trainer.getByRole('button', { name: 'Suspendre l’actualisation' }).click();
      await main(trainer).getByLabel('Motif de la contresignature avant la fin').fill('Je dois rejoindre un jury à 11 h.');
      await clickAndLoad(trainer, main(trainer).getByRole('button', { name: 'Contresigner de nouveau' }));
      await main(trainer).getByRole('status').filter({ hasText: 'Demi-journée contresignée.' }).waitFor();
      const after = words(await main(trainer).getByRole('region', { name: 'Contresignature du formateur' }).innerText());
      assert.match(after, /Contresignée par Karim Benali le/);
      assert.match(after, /Contresignée de nouveau par Karim Benali le/);
      assert.doesNotMatch(after, /À contresigner de nouveau/);
      assert.match(words(await corrections.locator('tbody tr').first().innerText()), /contresignée de nouveau le/);
      assert.equal(await main(trainer).getByRole('button', { name: /Contresigner/ }).count(), 0, 'nothing left to countersign');
      await checkPage(trainer, 'attendance-07c-contresignee-de-nouveau');
    } catch (e) {
      await failed(trainer, e);
    } finally {
      await trainerContext.close();
    }
  });

  test('travail asynchrone : déclaration sur téléphone, validation par le formateur', async () => {
    const activity = 'Comprendre les notions';
    // The trainee declares, from the schedule's « Mon suivi » of an activity whose window closed.
    await withPage(async (phone) => {
      await login(phone, 'trainee');
      await phone.goto(COHORT.path);
      const row = main(phone).getByRole('row').filter({ hasText: activity });
      await clickAndLoad(phone, row.getByRole('link', { name: /Mon suivi/ }));
      await main(phone).getByText('Non déclarée').waitFor();
      await checkPage(phone, 'attendance-09-declarer');
      await fitsWidth(phone);
      // No evidence: refused on its field.
      await clickAndLoad(phone, main(phone).getByRole('button', { name: 'Déclarer' }), { status: 422 });
      await main(phone).getByRole('alert').waitFor();
      await checkPage(phone, 'attendance-10-declaration-refusee');
      await phone.getByLabel('Ce que j’ai fait').fill('Fiche de synthèse des notions, avec deux exemples de ma classe.');
      await phone.getByLabel('Lien vers ma production').fill('https://magistere.education.fr/ac-lyon/mod/assign/view.php?id=4242');
      await phone.getByLabel('Temps passé').fill('1 h 15');
      await clickAndLoad(phone, main(phone).getByRole('button', { name: 'Déclarer' }));
      await main(phone).getByText('Déclarée, à valider').waitFor();
      await checkPage(phone, 'attendance-11-declaree');
    }, PHONE);

    // The trainer validates it on the activity's sheet.
    await withPage(async (page) => {
      await login(page, 'trainer');
      await page.goto(COHORT.path);
      await clickAndLoad(page, main(page).getByRole('link', { name: 'Émargement', exact: true }));
      await clickAndLoad(page, main(page).getByRole('row').filter({ hasText: activity }).getByRole('link'));
      const row = main(page).getByRole('row').filter({ hasText: 'Fontaine Léa' });
      assert.match(words(await row.innerText()), /Fiche de synthèse des notions/);
      await clickAndLoad(page, row.getByRole('button', { name: /Valider/ }));
      await main(page).getByRole('status').filter({ hasText: 'Décision enregistrée.' }).waitFor();
      assert.match(words(await main(page).getByRole('row').filter({ hasText: 'Fontaine Léa' }).innerText()), /Validée/);
      await checkPage(page, 'attendance-12-declaration-validee');
    });

    // The trainee's validation shows it.
    await withPage(async (phone) => {
      await login(phone, 'trainee');
      await phone.goto(COHORT.path);
      await clickAndLoad(phone, main(phone).getByRole('link', { name: 'Ma validation', exact: true }));
      await main(phone).getByRole('heading', { level: 1, name: 'Ma validation' }).waitFor();
      const text = words(await main(phone).innerText());
      assert.match(text, /Distanciel asynchrone/);
      assert.doesNotMatch(text, /Fontaine Léa/, 'her own validation, not a list');
      await checkPage(phone, 'attendance-13-ma-validation');
      await fitsWidth(phone);
    }, PHONE);
  });
});
