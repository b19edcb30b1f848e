// Accounts as the EAFC's administrator keeps them, in a browser: a colleague who lost her phone
// and her recovery codes has her second factor reset (a confirmation page first; her session
// ends and a mail tells her), a pilot is granted the whole plan, and the audit log shows both,
// with French dates. Every page on the way is checked with axe-core.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  checkPage, clickAndLoad, failed, launchBrowser, login, newContext, newPage, startServer,
  waitForMail,
} from './harness.mjs';
import { base32, stepNow, totp } from './totp.mjs';

let server;
let browser;

before(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

describe('comptes', () => {
  test('la gestionnaire réinitialise la double authentification d’une collègue, le journal d’audit le garde', async () => {
    const admin = await newPage(await newContext(browser, server));
    const colleagueContext = await newContext(browser, server);
    const colleague = await newPage(colleagueContext);
    const email = 'ines.morel-e2e@ac-demo.test';
    const password = 'un mot de passe de gestionnaire';
    try {
      await login(admin, 'admin');
      const account = async (first, last, role, pass) => {
        await admin.goto('/accounts/new');
        await admin.getByRole('textbox', { name: /^Adresse électronique/ }).fill(`${first.toLowerCase()}.${last.toLowerCase()}-e2e@ac-demo.test`);
        await admin.getByRole('textbox', { name: /^Nom/ }).fill(last);
        await admin.getByRole('textbox', { name: /^Prénom/ }).fill(first);
        await admin.getByRole('combobox', { name: /^Rôle/ }).selectOption({ label: role });
        if (pass) await admin.getByLabel(/^Mot de passe/).fill(pass);
        await clickAndLoad(admin, admin.locator('main').getByRole('button', { name: 'Enregistrer' }));
        await admin.goto(`/accounts?q=${encodeURIComponent(last)}`);
        await clickAndLoad(admin, admin.getByRole('link', { name: `${last} ${first}` }));
        return new URL(admin.url()).pathname;
      };
      const ines = await account('Ines', 'Morel', 'gestionnaire EAFC', password);

      // She enrols her phone, then signs in with it.
      await colleague.goto('/login');
      await colleague.getByLabel('Adresse électronique').fill(email);
      await colleague.getByLabel('Mot de passe', { exact: true }).fill(password);
      await clickAndLoad(colleague, colleague.getByRole('button', { name: 'Se connecter' }));
      await colleague.goto('/second-factor');
      const key = base32((await colleague.locator('#second-factor-secret').innerText()).trim());
      await colleague.getByLabel('Code de l’application').fill(totp(key, stepNow()));
      await clickAndLoad(colleague, colleague.getByRole('button', { name: 'Activer la double authentification' }));
      await colleague.locator('.recovery-codes').waitFor();
      await colleague.goto('/');
      await colleague.locator('.who').waitFor();

      // She lost her phone and her codes: the administrator resets it, after reading what happens.
      await admin.goto(ines);
      await admin.getByText('Activée depuis le').waitFor();
      await checkPage(admin, 'account-second-factor-on');
      await clickAndLoad(admin, admin.getByRole('link', { name: 'Réinitialiser la double authentification' }));
      await admin.getByRole('heading', { level: 1, name: 'Réinitialiser la double authentification de Ines Morel' }).waitFor();
      await admin.getByText('ses sessions ouvertes se ferment').waitFor();
      await checkPage(admin, 'second-factor-reset-confirm');
      await clickAndLoad(admin, admin.locator('main').getByRole('button', { name: 'Réinitialiser la double authentification' }));
      await admin.getByText('La double authentification est réinitialisée').waitFor();
      await admin.getByText('Pas activée.').waitFor();
      await checkPage(admin, 'account-second-factor-reset');

      // Her session ended; a mail told her.
      await colleague.goto('/');
      assert.equal(new URL(colleague.url()).pathname, '/login');
      const mail = await waitForMail(server, (m) => m.headers.to === email, { what: 'the reset notice' });
      assert.match(mail.text, /a réinitialisé la double authentification/);

      // A pilot is granted the whole plan.
      const pilot = await account('Paul', 'Vidal', 'pilote');
      await admin.goto(pilot);
      const whole = admin.getByLabel('Voit tout le plan de formation');
      assert.equal(await whole.isChecked(), false);
      await whole.check();
      await clickAndLoad(admin, admin.locator('main').getByRole('button', { name: 'Enregistrer' }));
      await admin.goto(pilot);
      assert.equal(await admin.getByLabel('Voit tout le plan de formation').isChecked(), true);

      // The audit log says who did both, newest first.
      await admin.goto('/settings');
      await clickAndLoad(admin, admin.getByRole('link', { name: 'Journal d’audit' }));
      const rows = admin.locator('main table tbody tr');
      await rows.first().waitFor();
      const texts = await rows.allInnerTexts();
      assert.match(texts[0], /Compte modifié/);
      assert.match(texts[0], /Voit tout le plan\u00a0: non → oui/);
      assert.ok(texts.some((t) => /Double authentification réinitialisée/.test(t) && t.includes(email)), texts.join('\n'));
      assert.ok(texts.every((t) => !/\d{4}-\d{2}-\d{2}/.test(t)), 'French dates, never ISO');
      await checkPage(admin, 'audit-log');
    } catch (e) {
      await failed(admin, e);
    } finally {
      await colleagueContext.close();
      await admin.context().close();
    }
  });
});
