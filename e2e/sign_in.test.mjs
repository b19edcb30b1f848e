// Signing in through the académie's identity provider, in a browser: an administrator declares
// the académie's OpenID Connect provider (first refused field by field), then a teacher without
// a Hybride account signs in on the provider's own login page (the OpenID Certified
// `oidc-provider` package, started on loopback) and lands on her new trainee space; a trainer
// who forgot her password gets a link by mail and chooses a new one. The académie's CAS server
// (the PyPI package `django-cas-server`, started on loopback) is declared too, and a trainer
// signs in on its own login page into his existing account, then on the OpenID Connect
// provider's page into the same account. Hybride's pages on the way are
// checked with axe-core.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { createServer } from 'node:net';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  PASSWORD, REPO, ROLES, checkPage, clickAndLoad, failed, launchBrowser, login, newContext, newPage,
  startServer, waitForMail,
} from './harness.mjs';

let server;
let browser;
let provider;

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** The académie's provider, knowing Hybride (at `base`) as client `hybride`. */
async function startProvider(base) {
  const port = await freePort();
  const child = spawn('node', [
    path.join(REPO, 'peers/oidc-provider/provider.mjs'), String(port), 'hybride', 'secret-e2e',
    `${base}/sso/academie/callback`, `${base}/login?ok=logged-out`,
  ], { stdio: ['ignore', 'pipe', 'ignore'] });
  const issuer = await new Promise((resolve, reject) => {
    child.on('exit', (code) => reject(new Error(`the provider exited (${code})`)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line.startsWith('ready ')) resolve(line.slice(6));
    });
  });
  return { issuer, stop: () => child.kill() };
}

/** The académie's CAS server, accepting Hybride's services (under `base`). */
async function startCas(base) {
  const child = spawn('python3', [path.join(REPO, 'peers/cas/serve.py'), '0', `${base}/`], {
    stdio: ['pipe', 'pipe', 'ignore'],
  });
  const lines = createInterface({ input: child.stdout });
  const url = await new Promise((resolve, reject) => {
    child.on('exit', (code) => reject(new Error(`the CAS server exited (${code})`)));
    lines.on('line', (line) => {
      if (line.startsWith('ready ')) resolve(line.slice(6));
    });
  });
  // It stops when its standard input closes (and on SIGTERM), removing its temporary files.
  const stop = () => {
    lines.close();
    child.stdin.end();
    child.kill();
  };
  return { url, origin: new URL(url).origin, stop };
}

let cas;

before(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  [provider, cas] = await Promise.all([startProvider(server.base), startCas(server.base)]);
});

after(async () => {
  provider?.stop();
  cas?.stop();
  await browser?.close();
  await server?.stop();
});

describe('connexion par l’académie', () => {
  test('une gestionnaire déclare le service, une enseignante s’y connecte sur sa page', async () => {
    const context = await newContext(browser, server);
    // Only Hybride and the provider are reached (the provider's development page asks for a
    // web font elsewhere: nothing leaves the machine).
    const local = [server.base, provider.issuer];
    await context.route((url) => !local.includes(url.origin), (route) => route.abort('blockedbyclient'));
    const page = await newPage(context);
    try {
      await login(page, 'admin');
      await page.goto('/settings');
      await clickAndLoad(page, page.getByRole('link', { name: 'Connexion par l’académie' }));
      await checkPage(page, 'sign-in-settings');

      // Saved empty: every missing field is named.
      await clickAndLoad(page, page.getByRole('button', { name: 'Enregistrer' }), { status: 422 });
      const summary = page.locator('.error-summary');
      await summary.waitFor();
      assert.match(await summary.innerText(), /Adresse|adresse|domaine/);
      await checkPage(page, 'sign-in-settings-errors');

      await page.getByLabel('Texte du bouton').fill('Compte académique');
      await page.getByLabel('Identifiant court').fill('academie');
      await page.getByLabel('Adresse du service').fill(provider.issuer);
      await page.getByLabel('Identifiant client (OpenID Connect)').fill('hybride');
      await page.getByLabel('Secret client (OpenID Connect)').fill('secret-e2e');
      await page.getByLabel('Établissement (UAI)').fill('rne');
      await page.getByLabel('Domaines couverts').fill('ac-lyon.fr');
      await page.getByLabel('Personne sans compte Hybride').selectOption('create_trainee');
      await clickAndLoad(page, page.getByRole('button', { name: 'Enregistrer' }));
      await page.getByText('Le service d’authentification est enregistré.').waitFor();
      await page.getByText(`${server.base}/sso/academie/callback`).waitFor();
      await checkPage(page, 'sign-in-provider');
      await clickAndLoad(page, page.getByRole('button', { name: 'Se déconnecter' }));

      // A teacher signs in on the académie's own page.
      await page.goto('/login');
      await checkPage(page, 'login-with-provider');
      await Promise.all([
        page.waitForURL((u) => u.origin === provider.issuer),
        page.getByRole('link', { name: 'Se connecter avec Compte académique' }).click(),
      ]);
      await page.locator('input[name="login"]').fill('claire.fontaine');
      await page.locator('input[name="password"]').fill('son-mot-de-passe');
      await Promise.all([
        page.waitForURL((u) => u.origin === server.base && u.pathname === '/'),
        page.locator('button[type="submit"]').click(),
      ]);
      await page.locator('.who').filter({ hasText: 'Claire Fontaine' }).waitFor();
      // What went wrong on the provider's own page is not Hybride's to judge.
      // What went wrong on the provider's own page is not Hybride's to judge: the home page is
      // loaded again, alone.
      page.problems.length = 0;
      await page.reload();
      await checkPage(page, 'trainee-home-after-provider');
    } catch (e) {
      await failed(page, e);
    } finally {
      await context.close();
    }
  });

  test('une gestionnaire déclare le serveur CAS, un formateur s’y connecte à son compte, puis par OpenID Connect', async () => {
    const context = await newContext(browser, server);
    const local = [server.base, cas.origin, provider.issuer];
    await context.route((url) => !local.includes(url.origin), (route) => route.abort('blockedbyclient'));
    const page = await newPage(context);
    try {
      await login(page, 'admin');
      // His account exists already, as a trainer's, without a password.
      await page.goto('/accounts/new');
      await page.getByRole('textbox', { name: /^Adresse électronique/ }).fill('paul.girard@ac-lyon.fr');
      await page.getByRole('textbox', { name: /^Nom/ }).fill('Girard');
      await page.getByRole('textbox', { name: /^Prénom/ }).fill('Paul');
      await page.getByRole('combobox', { name: /^Rôle/ }).selectOption({ label: 'formateur ou formatrice' });
      await clickAndLoad(page, page.locator('main').getByRole('button', { name: 'Enregistrer' }));

      await page.goto('/settings/sign-in');
      await page.getByLabel('Texte du bouton').fill('Annuaire académique');
      await page.getByLabel('Identifiant court').fill('annuaire');
      await page.getByLabel('Protocole').selectOption({ label: 'CAS 3.0' });
      await page.getByLabel('Adresse du service').fill(cas.url);
      await page.getByLabel('Adresse électronique').fill('email');
      await page.getByLabel('Prénom').fill('first_name');
      await page.getByLabel('Nom', { exact: true }).fill('last_name');
      await page.getByLabel('Établissement (UAI)').fill('uai');
      await page.getByLabel('Domaines couverts').fill('ac-lyon.fr');
      await clickAndLoad(page, page.getByRole('button', { name: 'Enregistrer', exact: true }));
      await page.getByText('Le service d’authentification est enregistré.').waitFor();
      await page.getByText(`${server.base}/sso/annuaire/cas`).waitFor();
      await checkPage(page, 'sign-in-cas-provider');
      await clickAndLoad(page, page.getByRole('button', { name: 'Se déconnecter' }));

      // He signs in on the CAS server's own page and arrives in his trainer's account.
      await page.goto('/login');
      await Promise.all([
        page.waitForURL((u) => u.origin === cas.origin),
        page.getByRole('link', { name: 'Se connecter avec Annuaire académique' }).click(),
      ]);
      await page.locator('input[name="username"]').fill('paul.girard');
      await page.locator('input[name="password"]').fill('motdepasse-paul');
      await Promise.all([
        page.waitForURL((u) => u.origin === server.base && u.pathname === '/'),
        page.locator('#login_form [type="submit"]').click(),
      ]);
      await page.locator('.who').filter({ hasText: 'Paul Girard' }).waitFor();
      page.problems.length = 0;
      await page.reload();
      await checkPage(page, 'trainer-home-after-cas');
      assert.equal(await page.getByRole('link', { name: 'Signer ma présence' }).count(), 0,
        'a trainer, not a trainee');

      // Logging out ends the session at the CAS server too, and comes back to Hybride.
      await Promise.all([
        page.waitForURL((u) => u.origin === server.base && u.pathname === '/login'),
        page.getByRole('button', { name: 'Se déconnecter' }).click(),
      ]);
      await page.goto('/');
      assert.equal(new URL(page.url()).pathname, '/login');

      // The same trainer on the OpenID Connect provider's own page: his account, not a new one.
      await Promise.all([
        page.waitForURL((u) => u.origin === provider.issuer),
        page.getByRole('link', { name: 'Se connecter avec Compte académique' }).click(),
      ]);
      await page.locator('input[name="login"]').fill('paul.girard');
      await page.locator('input[name="password"]').fill('son-mot-de-passe');
      await Promise.all([
        page.waitForURL((u) => u.origin === server.base && u.pathname === '/'),
        page.locator('button[type="submit"]').click(),
      ]);
      await page.locator('.who').filter({ hasText: 'Paul Girard' }).waitFor();
      assert.equal(await page.getByRole('link', { name: 'Signer ma présence' }).count(), 0,
        'still a trainer');
    } catch (e) {
      await failed(page, e);
    } finally {
      await context.close();
    }
  });

  test('une formatrice qui a oublié son mot de passe en choisit un nouveau par un lien reçu', async () => {
    const context = await newContext(browser, server);
    const page = await newPage(context);
    try {
      await page.goto('/login');
      await clickAndLoad(page, page.getByRole('link', { name: 'Mot de passe oublié ?' }));
      await checkPage(page, 'password-forgotten');
      await page.getByLabel('Adresse électronique').fill(ROLES.trainer.email);
      await clickAndLoad(page, page.getByRole('button', { name: 'Recevoir le lien' }));
      await page.getByText('un lien vient d’y être envoyé').waitFor();
      await checkPage(page, 'password-forgotten-sent');

      const mail = await waitForMail(server, (m) => m.headers.to === ROLES.trainer.email
        && /nouveau mot de passe/.test(m.headers.subject || ''), { what: 'the reset link' });
      const link = /http:\/\/\S+\/password\/reset\/\S+/.exec(mail.text)[0];
      await page.goto(new URL(link).pathname);
      await checkPage(page, 'password-reset');
      await page.getByLabel('Nouveau mot de passe (obligatoire)', { exact: true }).fill('un tout nouveau mot de passe');
      await page.getByLabel('Nouveau mot de passe, une seconde fois (obligatoire)', { exact: true }).fill('un tout nouveau mot de passe');
      await clickAndLoad(page, page.getByRole('button', { name: 'Enregistrer le mot de passe' }));
      await page.getByText('Votre mot de passe est changé.').waitFor();

      // The old password no longer opens; the new one does.
      await page.getByLabel('Adresse électronique').fill(ROLES.trainer.email);
      await page.getByLabel('Mot de passe', { exact: true }).fill(PASSWORD);
      await clickAndLoad(page, page.getByRole('button', { name: 'Se connecter' }), { status: 422 });
      await page.getByLabel('Mot de passe', { exact: true }).fill('un tout nouveau mot de passe');
      await Promise.all([
        page.waitForURL((u) => u.pathname === '/'),
        page.getByRole('button', { name: 'Se connecter' }).click(),
      ]);
      await page.locator('.who').filter({ hasText: ROLES.trainer.fr }).waitFor();
    } catch (e) {
      await failed(page, e);
    } finally {
      await context.close();
    }
  });

  test('une pilote crée un jeton d’API en lecture seule, puis le révoque', async () => {
    const context = await newContext(browser, server);
    const page = await newPage(context);
    try {
      await login(page, 'pilot');
      await page.goto('/password');
      await clickAndLoad(page, page.getByRole('link', { name: 'Vos jetons d’accès à l’API' }));
      await checkPage(page, 'tokens');
      await page.getByLabel('Nom du jeton').fill('Tableau de bord du pôle');
      await page.getByLabel('Durée de validité, en jours').fill('30');
      await clickAndLoad(page, page.getByRole('button', { name: 'Créer le jeton' }));
      const secret = (await page.locator('code.secret').innerText()).trim();
      assert.match(secret, /^[A-Za-z0-9_-]{43}$/);
      await checkPage(page, 'tokens-created');
      const r = await page.request.get('/api/v1/me', { headers: { Authorization: `Bearer ${secret}` } });
      assert.equal(r.status(), 200);
      await clickAndLoad(page, page.getByRole('button', { name: 'Révoquer le jeton « Tableau de bord du pôle »' }));
      await page.getByText('Le jeton est révoqué').waitFor();
      const after = await page.request.get('/api/v1/me', { headers: { Authorization: `Bearer ${secret}` } });
      assert.equal(after.status(), 401);
    } catch (e) {
      await failed(page, e);
    } finally {
      await context.close();
    }
  });
});
