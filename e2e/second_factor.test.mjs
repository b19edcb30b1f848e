// The second factor in a browser: the demo's administrator, offered it on her home page, enrols
// (the QR code drawn inline under the strict CSP, the secret in groups of four read from the page
// as someone typing it by hand would, a wrong code refused field by field, then the recovery
// codes shown once); logging in again, the password is followed by the code page, where a wrong
// code is refused and the right one signs her in. The app's codes are computed here with Node's
// own HMAC-SHA1 (RFC 6238). Every page on the way is checked with axe-core.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  PASSWORD, ROLES, checkPage, clickAndLoad, failed, launchBrowser, login, newContext, newPage,
  startServer,
} from './harness.mjs';
import { base32, stepNow, totp, wrongCode } from './totp.mjs';

let server;
let browser;

before(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

describe('double authentification', () => {
  test('the RFC 6238 test vector', () => {
    // Appendix B, SHA-1: 94287082 at 59 s, 07081804 at 1111111109 s (six digits: the last six).
    const key = Buffer.from('12345678901234567890');
    assert.equal(totp(key, Math.floor(59 / 30)), '287082');
    assert.equal(totp(key, Math.floor(1111111109 / 30)), '081804');
  });

  test('la gestionnaire active la double authentification, puis se connecte avec un code', async () => {
    const context = await newContext(browser, server);
    const page = await newPage(context);
    try {
      // In the demo, offered on her home page, not forced.
      await login(page, 'admin');
      await checkPage(page, 'second-factor-offered');
      await clickAndLoad(page, page.getByRole('link', { name: 'Activer la double authentification' }));
      assert.equal(new URL(page.url()).pathname, '/second-factor');
      // The QR code is inline SVG markup, labelled for screen readers.
      await page.getByRole('img', { name: 'Code QR à lire avec votre application d’authentification' }).waitFor();
      await checkPage(page, 'second-factor-enrol');
      const shown = (await page.locator('#second-factor-secret').innerText()).trim();
      assert.match(shown, /^([A-Z2-7]{4} )*[A-Z2-7]{1,4}$/, 'the secret in groups of four');
      const key = base32(shown);
      assert.equal(key.length, 20, '160 bits');

      // A wrong code is refused on its field.
      const code = page.getByLabel('Code de l’application');
      assert.equal(await code.getAttribute('autocomplete'), 'one-time-code');
      assert.equal(await code.getAttribute('inputmode'), 'numeric');
      const step = stepNow();
      await code.fill(wrongCode(key, step));
      await clickAndLoad(page, page.getByRole('button', { name: 'Activer la double authentification' }), { status: 422 });
      await page.locator('.error-summary').getByText('Ce code n’est pas valable').waitFor();
      await checkPage(page, 'second-factor-enrol-wrong');

      // The right one: ten recovery codes, shown once.
      await page.getByLabel('Code de l’application').fill(totp(key, step));
      await clickAndLoad(page, page.getByRole('button', { name: 'Activer la double authentification' }));
      const codes = await page.locator('.recovery-codes code').allInnerTexts();
      assert.equal(codes.length, 10);
      for (const c of codes) assert.match(c, /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
      await checkPage(page, 'second-factor-recovery-codes');
      await clickAndLoad(page, page.getByRole('link', { name: 'Continuer' }));
      assert.equal(await page.getByText('Protégez votre compte de gestionnaire').count(), 0, 'no longer offered');
      await clickAndLoad(page, page.getByRole('button', { name: 'Se déconnecter' }));

      // Next time: the password, then the code.
      await page.getByLabel('Adresse électronique').fill(ROLES.admin.email);
      await page.getByLabel('Mot de passe', { exact: true }).fill(PASSWORD);
      await clickAndLoad(page, page.getByRole('button', { name: 'Se connecter' }));
      assert.equal(new URL(page.url()).pathname, '/login/second-factor');
      await checkPage(page, 'second-factor-login');
      const asked = page.getByLabel('Code de vérification');
      assert.equal(await asked.getAttribute('autocomplete'), 'one-time-code');
      assert.equal(await asked.getAttribute('inputmode'), 'numeric');
      // The code that confirmed enrolment was used: refused, as any wrong one.
      await asked.fill(totp(key, step));
      await clickAndLoad(page, page.getByRole('button', { name: 'Valider' }), { status: 422 });
      await page.locator('.error-summary').getByText('Ce code n’est pas valable').waitFor();
      await checkPage(page, 'second-factor-login-wrong');
      // The next step's code signs her in.
      await page.getByLabel('Code de vérification').fill(totp(key, step + 1));
      await Promise.all([
        page.waitForURL((u) => u.pathname === '/'),
        page.getByRole('button', { name: 'Valider' }).click(),
      ]);
      await page.locator('.who').filter({ hasText: ROLES.admin.fr }).waitFor();

      // Her account page says how many recovery codes are left.
      await page.goto('/second-factor');
      await page.getByText('Il vous reste 10 codes de secours.').waitFor();
      await checkPage(page, 'second-factor-status');
    } catch (e) {
      await failed(page, e);
    } finally {
      await context.close();
    }
  });
});
