// User journeys through the real server, each page on the way checked with axe-core and
// photographed (after two checks of the harness itself): an administrator creates an account and
// sees a bad CSV import refused, a pilot adds a scenario step (with the mouse, then with the
// keyboard alone), a trainer runs the equipment test, and a wrong password is refused in French.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  axeViolations, checkPage, clickAndLoad, failed, launchBrowser, login, newContext, newPage, startServer,
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

/** A fresh browser profile with one page, closed after `fn`. */
async function withPage(fn, options) {
  const context = await newContext(browser, server, options);
  const page = await newPage(context);
  try {
    return await fn(page);
  } catch (e) {
    await failed(page, e);
  } finally {
    await context.close();
  }
}

const main = (page) => page.getByRole('main');

describe('le harnais', () => {
  test('axe-core signale une violation placée dans une page', () => withPage(async (page) => {
    await page.goto('/login');
    assert.equal(await axeViolations(page), '');
    await page.evaluate(() => document.querySelector('main').append(document.createElement('input')));
    assert.match(await axeViolations(page), /^label \(critical\)/m);
  }));

  test('les pages gardent leur CSP stricte, et un script refusé est signalé', () => withPage(async (page) => {
    await page.goto('/login');
    const refused = page.waitForEvent('console', (m) => m.type() === 'error' && /Content Security Policy/.test(m.text()));
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.inlineRan = true;';
      document.head.append(s);
    });
    await refused;
    assert.equal(await page.evaluate(() => window.inlineRan), undefined);
    assert.match(page.problems.join('\n'), /Content Security Policy/);
  }));
});

describe('gestionnaire EAFC : comptes', { timeout: 120_000 }, () => {
  test('crée un compte avec le formulaire et le retrouve dans la liste', () => withPage(async (page) => {
    await login(page, 'admin');
    await clickAndLoad(page, page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Gestion' }));
    await clickAndLoad(page, main(page).getByRole('link', { name: 'Comptes' }));
    await clickAndLoad(page, main(page).getByRole('link', { name: 'Créer un compte' }));
    await checkPage(page, 'journey-admin-01-compte-nouveau');

    // Sent empty: each missing field is named, in French, and nothing is created.
    await clickAndLoad(page, main(page).getByRole('button', { name: 'Enregistrer' }), { status: 422 });
    const summary = page.getByRole('alert');
    await summary.getByText('Le formulaire contient des erreurs').waitFor();
    assert.equal(await page.getByRole('textbox', { name: /^Adresse électronique/ }).getAttribute('aria-invalid'), 'true');
    await checkPage(page, 'journey-admin-02-compte-erreurs');

    await page.getByRole('textbox', { name: /^Adresse électronique/ }).fill('claire.fontaine-e2e@ac-lyon.fr');
    await page.getByRole('textbox', { name: /^Nom/ }).fill('Fontaine');
    await page.getByRole('textbox', { name: /^Prénom/ }).fill('Claire');
    await page.getByRole('combobox', { name: /^Rôle/ }).selectOption({ label: 'formateur ou formatrice' });
    await page.getByRole('textbox', { name: /^Établissement/ }).fill('Lycée Ampère (Lyon)');
    await clickAndLoad(page, main(page).getByRole('button', { name: 'Enregistrer' }));
    assert.equal(new URL(page.url()).pathname, '/accounts');
    await page.getByRole('status').filter({ hasText: 'Le compte a été créé.' }).waitFor();

    await page.getByRole('searchbox', { name: /^Rechercher/ }).fill('claire.fontaine-e2e');
    await clickAndLoad(page, main(page).getByRole('button', { name: 'Filtrer' }));
    await main(page).getByText('Un compte', { exact: true }).waitFor();
    const row = main(page).getByRole('row').filter({ hasText: 'claire.fontaine-e2e@ac-lyon.fr' });
    await row.getByRole('link', { name: 'Fontaine Claire' }).waitFor();
    assert.match(await row.innerText(), /formateur ou formatrice\s+Lycée Ampère \(Lyon\)\s+oui/);
    await checkPage(page, 'journey-admin-03-compte-cree');
  }));

  /** Imports CSV through the form; answers the error table's rows (line, column, problem). */
  async function importCsv(page, lines, eol, shot) {
    await page.getByLabel('Fichier CSV').setInputFiles({
      name: 'comptes.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join(eol) + eol, 'utf8'),
    });
    await clickAndLoad(page, main(page).getByRole('button', { name: 'Importer' }), { status: 422 });
    await page.getByRole('alert').getByText(/Import refusé\s: une erreur\. Rien n’a été créé\./).waitFor();
    if (shot) await checkPage(page, shot);
    const rows = main(page).getByRole('table', { name: 'Lignes à corriger' }).getByRole('row');
    assert.equal(await rows.count(), 2, 'one header row and one error row');
    return rows.nth(1).getByRole('cell').allInnerTexts();
  }

  const CSV = [
    'nom;prénom;courriel;rôle;établissement',
    'Durand;Camille;camille.durand-e2e@ac-lyon.fr;stagiaire;Collège Jean Moulin (Villeurbanne)',
    'Petit;Louis;louis.petit-e2e@ac-lyon.fr;directeur;Lycée du Parc (Lyon)',
  ];

  test('un import CSV avec une ligne fausse est refusé en entier, erreur numérotée en français', () => withPage(async (page) => {
    await login(page, 'admin');
    await page.goto('/accounts');
    await clickAndLoad(page, main(page).getByRole('link', { name: 'Importer un fichier' }));
    await checkPage(page, 'journey-admin-04-import');

    const [line, column, problem] = await importCsv(page, CSV, '\n', 'journey-admin-05-import-refuse');
    assert.equal(line, '3');
    assert.equal(column, 'Rôle');
    assert.match(problem, /^Rôle inconnu\s: «\sdirecteur\s»\. Rôles possibles\s: gestionnaire, pilote, formateur, stagiaire\.$/);

    // Nothing was created, not even the good line's account.
    await page.goto('/accounts?q=camille.durand-e2e');
    await main(page).getByText('Aucun compte', { exact: true }).waitFor();
    assert.equal(await main(page).getByText('camille.durand-e2e@ac-lyon.fr').count(), 0);
  }));

  // Excel writes CRLF line ends; the error is still reported on the line a spreadsheet shows.
  test('les numéros de ligne sont justes avec des fins de ligne Windows (CRLF)', () => withPage(async (page) => {
    await login(page, 'admin');
    await page.goto('/accounts/import');
    const [line] = await importCsv(page, CSV, '\r\n');
    assert.equal(line, '3');
  }));
});

/** The school year of today in Paris (« 2026-2027 »; it starts on 1 September): the demo's plan. */
function schoolYear() {
  const [year, month] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit' })
    .format(new Date()).split('-').map(Number);
  const first = month >= 9 ? year : year - 1;
  return `${first}-${first + 1}`;
}

describe('pilote : scénario', { timeout: 120_000 }, () => {
  /** From the dashboard to the scenario editor of the pilot's first training, by links. */
  async function openScenario(page) {
    await clickAndLoad(page, page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Formations' }));
    await main(page).getByRole('combobox', { name: 'Plan de formation' }).selectOption({ label: schoolYear() });
    await page.getByRole('checkbox', { name: 'Seulement les miennes' }).check();
    await clickAndLoad(page, main(page).getByRole('button', { name: 'Filtrer' }));
    const first = main(page).getByRole('table').getByRole('link').first();
    const title = await first.innerText();
    await clickAndLoad(page, first);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await clickAndLoad(page, main(page).getByRole('link', { name: 'Modifier le scénario' }));
    await page.getByRole('heading', { level: 1, name: 'Scénario (chronogramme)' }).waitFor();
    return title;
  }

  // « Tous les plans » sends an empty plan: every plan is listed.
  test('filtre « Seulement les miennes » avec « Tous les plans »', () => withPage(async (page) => {
    await login(page, 'pilot');
    await page.goto('/trainings');
    await page.getByRole('checkbox', { name: 'Seulement les miennes' }).check();
    await clickAndLoad(page, main(page).getByRole('button', { name: 'Filtrer' }));
    await main(page).getByRole('table', { name: 'Formations' }).waitFor();
  }));

  const steps = (page) => main(page).getByRole('table', { name: 'Étapes' }).getByRole('row');

  test('ajoute une étape avec le formulaire et la voit dans le scénario', () => withPage(async (page) => {
    await login(page, 'pilot');
    await openScenario(page);
    await checkPage(page, 'journey-pilot-01-scenario');
    const before = await steps(page).count();

    const form = main(page).getByRole('region', { name: 'Ajouter une étape' });
    await form.getByRole('textbox', { name: /^Activité/ }).fill('Analyse de pratiques en binômes');
    await form.getByRole('combobox', { name: /^Modalité/ }).selectOption({ label: 'Classe virtuelle' });
    await form.getByRole('combobox', { name: /^Type d’apprentissage/ }).selectOption({ label: 'Discussion' });
    await form.getByRole('textbox', { name: /^Durée estimée/ }).fill('1 h 30');
    await form.getByRole('textbox', { name: /^Consignes/ }).fill('Chaque binôme présente une séance et reçoit deux conseils.');
    await clickAndLoad(page, form.getByRole('button', { name: 'Ajouter l’étape' }));

    await page.getByRole('status').filter({ hasText: 'L’étape a été ajoutée.' }).waitFor();
    assert.equal(await steps(page).count(), before + 1);
    const row = steps(page).filter({ hasText: 'Analyse de pratiques en binômes' });
    assert.match(await row.innerText(), /Classe virtuelle\s+Discussion\s+1\s?h\s?30\s+Chaque binôme présente une séance/);
    await checkPage(page, 'journey-pilot-02-etape-ajoutee');
  }));

  test('au clavier seul : Tab, saisie et Entrée remplissent et envoient le formulaire', () => withPage(async (page) => {
    await login(page, 'pilot');
    await openScenario(page);
    const before = await steps(page).count();

    // What has the keyboard focus, and does it show?
    const focused = () => page.evaluate(() => {
      const el = document.activeElement;
      const style = getComputedStyle(el);
      return {
        id: el.id, tag: el.tagName, text: el.textContent.trim(), value: el.value,
        outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
      };
    });

    // The skip link comes first and leads to the content.
    await page.keyboard.press('Tab');
    let f = await focused();
    assert.equal(f.text, 'Aller au contenu');
    assert.ok(f.outline, 'the skip link shows its focus');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'contenu');

    // Tab through the page to the form's first field.
    for (let i = 0; i < 400 && f.id !== 'f-title'; i++) {
      await page.keyboard.press('Tab');
      f = await focused();
    }
    assert.equal(f.id, 'f-title', 'the step form is reachable with Tab');

    // Then each field follows the next, in the order shown, each with a visible focus.
    const fill = async (id, text) => {
      f = await focused();
      assert.equal(f.id, id);
      assert.ok(f.outline, `${id} shows its focus`);
      if (text) await page.keyboard.type(text);
      await page.keyboard.press('Tab');
    };
    await fill('f-title', 'Forum : questions de la semaine');
    // A closed list takes the first option starting with the letter typed.
    await fill('f-modality', 'D'); // Distanciel asynchrone
    await fill('f-learning_type', 'C'); // Collaboration
    await fill('f-minutes', '45 min');
    await fill('f-instructions', 'Déposez une question, répondez à deux collègues.');
    await fill('f-resources');
    await fill('f-evidence', 'Trois messages sur le forum.');
    await fill('f-credit_rule'); // how an asynchronous step's time is credited: the default
    await fill('f-evaluation');
    await fill('f-trainer_role');
    await fill('f-collective');
    assert.equal(await page.locator('#f-social').isChecked(), false);
    await fill('f-social', ' '); // the space bar ticks a checkbox
    await fill('f-mandatory');
    f = await focused();
    assert.equal(f.tag, 'BUTTON');
    assert.equal(f.text, 'Ajouter l’étape');
    assert.ok(f.outline, 'the submit button shows its focus');

    assert.equal(await page.locator('#f-social').isChecked(), true);
    assert.equal(await page.locator('#f-modality').inputValue(), 'async');
    assert.equal(await page.locator('#f-learning_type').inputValue(), 'collaboration');
    await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);

    await page.getByRole('status').filter({ hasText: 'L’étape a été ajoutée.' }).waitFor();
    assert.equal(await steps(page).count(), before + 1);
    const row = steps(page).filter({ hasText: 'Forum : questions de la semaine' });
    assert.match(await row.innerText(), /activité sociale/);
    assert.match(await row.innerText(), /Distanciel asynchrone\s+Collaboration\s+45\s?min\s+Déposez une question/);
    await checkPage(page, 'journey-pilot-03-etape-au-clavier');
  }));
});

describe('formateur : test de l’équipement', { timeout: 120_000 }, () => {
  test('la page charge son script depuis /assets, mesure l’aller-retour et enregistre le résultat', () => withPage(async (page) => {
    await login(page, 'trainer');
    const script = page.waitForResponse((r) => new URL(r.url()).pathname === '/assets/equipment.js');
    await clickAndLoad(page, page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Tester mon équipement' }));
    const js = await script;
    assert.equal(js.status(), 200);
    assert.match(js.headers()['content-type'], /javascript/);
    await page.getByRole('heading', { level: 1, name: 'Tester mon équipement' }).waitFor();
    for (const name of ['Tester le micro', 'Jouer le son de test', 'Tester la caméra', 'Tester le partage d’écran', 'Mesurer le temps d’aller-retour', 'Enregistrer le résultat']) {
      assert.ok(await main(page).getByRole('button', { name, exact: true }).isVisible(), name);
    }
    await checkPage(page, 'journey-trainer-01-equipement');

    // The round trip runs in the page's script, against the server.
    await main(page).getByRole('button', { name: 'Mesurer le temps d’aller-retour' }).click();
    const rtt = main(page).getByRole('region', { name: 'Temps d’aller-retour vers le serveur' });
    await rtt.getByRole('status').filter({ hasText: /Temps d’aller-retour médian\s: \d+\sms/ }).waitFor();
    assert.match(await rtt.locator('[data-rtt-value]').innerText(), /^\d+\sms$/);

    // A result chosen by hand, then saved: it shows in the history.
    const speakers = main(page).getByRole('region', { name: 'Haut-parleurs ou casque' });
    await speakers.getByRole('radio', { name: 'Fonctionne', exact: true }).check();
    const history = main(page).getByRole('table', { name: /Vos 10 derniers tests/ });
    const before = (await history.count()) ? await history.getByRole('row').count() : 1;
    await main(page).getByRole('button', { name: 'Enregistrer le résultat', exact: true }).click();
    await page.locator('#equipment-save-status').filter({ hasText: /^Résultat enregistré le / }).waitFor();
    assert.equal(await history.getByRole('row').count(), before + 1);
    assert.match(await history.getByRole('row').nth(1).innerText(), /Fonctionne/);
    await checkPage(page, 'journey-trainer-02-equipement-enregistre');
  }));
});

describe('connexion', { timeout: 60_000 }, () => {
  test('un mauvais mot de passe est refusé avec un message en français', () => withPage(async (page) => {
    await page.goto('/login');
    await checkPage(page, 'journey-login-01-formulaire');
    await page.getByLabel('Adresse électronique').fill('formateur@demo.hybride.test');
    await page.getByLabel('Mot de passe').fill('pas-le-bon');
    await clickAndLoad(page, page.getByRole('button', { name: 'Se connecter' }), { status: 422 });
    await page.getByRole('alert').filter({ hasText: 'Adresse électronique ou mot de passe incorrect.' }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/login');
    assert.equal(await page.getByLabel('Adresse électronique').inputValue(), 'formateur@demo.hybride.test');
    assert.equal(await page.getByLabel('Mot de passe').inputValue(), '');
    assert.equal(await page.locator('.who').count(), 0, 'nobody is logged in');
    await checkPage(page, 'journey-login-02-refus');
  }));
});

describe('mon mot de passe', { timeout: 180_000 }, () => {
  test('une formatrice change son mot de passe : ses autres sessions se ferment, l’ancien ne sert plus', async () => {
    const email = 'nadia.roux-e2e@ac-lyon.fr';
    const first = 'premier mot de passe solide';
    const second = 'second mot de passe solide';
    // The admin opens her account, with a password.
    await withPage(async (page) => {
      await login(page, 'admin');
      await page.goto('/accounts/new');
      await page.getByRole('textbox', { name: /^Adresse électronique/ }).fill(email);
      await page.getByRole('textbox', { name: /^Nom/ }).fill('Roux');
      await page.getByRole('textbox', { name: /^Prénom/ }).fill('Nadia');
      await page.getByRole('combobox', { name: /^Rôle/ }).selectOption({ label: 'formateur ou formatrice' });
      await page.getByLabel(/^Mot de passe/).fill(first);
      await clickAndLoad(page, main(page).getByRole('button', { name: 'Enregistrer' }));
    });
    const signIn = async (page, password, status = 200) => {
      await page.goto('/login');
      await page.getByLabel('Adresse électronique').fill(email);
      await page.getByLabel('Mot de passe').fill(password);
      await clickAndLoad(page, page.getByRole('button', { name: 'Se connecter' }), { status });
    };
    // Signed in on a phone as well as on her computer.
    const phone = await newContext(browser, server);
    const phonePage = await newPage(phone);
    try {
      await signIn(phonePage, first);
      await phonePage.locator('.who').filter({ hasText: 'Nadia Roux' }).waitFor();
      await withPage(async (page) => {
        await signIn(page, first);
        await clickAndLoad(page, page.getByRole('link', { name: 'Mot de passe', exact: true }));
        await page.getByRole('heading', { level: 1, name: 'Changer mon mot de passe' }).waitFor();
        await checkPage(page, 'journey-password-01-formulaire');

        // A wrong current password is named, field by field, in French.
        await page.getByLabel(/^Mot de passe actuel/).fill('pas le bon mot de passe');
        await page.getByLabel('Nouveau mot de passe (obligatoire)', { exact: true }).fill(second);
        await page.getByLabel('Nouveau mot de passe, une seconde fois (obligatoire)', { exact: true }).fill(second);
        await clickAndLoad(page, main(page).getByRole('button', { name: 'Changer le mot de passe' }), { status: 422 });
        await page.getByRole('alert').getByText('Ce n’est pas votre mot de passe actuel.').waitFor();
        assert.equal(await page.getByLabel(/^Mot de passe actuel/).getAttribute('aria-invalid'), 'true');
        await checkPage(page, 'journey-password-02-erreur');

        await page.getByLabel(/^Mot de passe actuel/).fill(first);
        await page.getByLabel('Nouveau mot de passe (obligatoire)', { exact: true }).fill(second);
        await page.getByLabel('Nouveau mot de passe, une seconde fois (obligatoire)', { exact: true }).fill(second);
        await clickAndLoad(page, main(page).getByRole('button', { name: 'Changer le mot de passe' }));
        await page.getByRole('status').filter({ hasText: 'Mot de passe changé' }).waitFor();
        await checkPage(page, 'journey-password-03-change');
      });
      // The phone's session has ended: it is sent to the login page.
      await phonePage.goto('/');
      assert.equal(new URL(phonePage.url()).pathname, '/login');
    } catch (e) {
      await failed(phonePage, e);
    } finally {
      await phone.close();
    }
    // The old password no longer signs in; the new one does.
    await withPage(async (page) => {
      await signIn(page, first, 422);
      await signIn(page, second);
      await page.locator('.who').filter({ hasText: 'Nadia Roux' }).waitFor();
    });
  });
});
