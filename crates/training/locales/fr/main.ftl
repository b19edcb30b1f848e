# Hybride — français (langue de référence). Espaces insécables avant « : ; ? ! » et dans « ».
brand-tagline = formation hybride
skip-to-content = Aller au contenu
nav-label = Navigation principale
nav-home = Accueil
nav-trainings = Formations
nav-plans = Plans de formation
nav-settings = Gestion
settings-title = Gestion de l’académie
settings-lead = Les comptes, les courriels envoyés, et ce que l’académie règle une fois pour toutes ses formations.
settings-about-accounts = Créer, importer, modifier et désactiver les comptes des stagiaires, des formateurs, des pilotes et des gestionnaires.
settings-about-outbox = Les courriels que Hybride a envoyés ou tente encore d’envoyer, et ceux qui n’ont pas pu l’être.
settings-about-holidays = Les dates de vacances de la zone de l’académie : une classe virtuelle prévue pendant les vacances est signalée aux formateurs.
settings-about-pay = Les taux horaires des intervenants, dans les fourchettes de l’arrêté du 7 mai 2012, qui servent aux états de rémunération.
settings-about-surveys = Les questions des évaluations à chaud et à froid, leur durée d’ouverture, le délai de l’évaluation à froid et la relance.
settings-about-retention = Combien de temps chaque sorte d’enregistrement est gardée, et ce que la purge supprimerait aujourd’hui.
nav-logout = Se déconnecter
footer-text = Hybride — plateforme de formation hybride de l’EAFC. Aucune donnée personnelle ne quitte ce serveur.
required-mark = (obligatoire)
form-has-errors = Le formulaire contient des erreurs :
yes = oui
no = non
save = Enregistrer
create = Créer
cancel = Annuler
remove = Retirer
actions = Actions
previous = Page précédente
next = Page suivante
pagination = Pagination
page-of = Page { $page } sur { $pages }
back-home = Retour à l’accueil
percent-value = { $value } %
error-page-status = Erreur { $status }.

role-admin = gestionnaire EAFC
role-pilot = pilote
role-trainer = formateur ou formatrice
role-trainee = stagiaire
role-plural-admin = gestionnaires EAFC
role-plural-pilot = pilotes
role-plural-trainer = formateurs et formatrices
role-plural-trainee = stagiaires

status-draft = brouillon
status-ready = prête
status-running = en cours
status-ended = terminée
status-closed = close
status-archived = archivée
status-to-draft = Repasser en brouillon
status-to-ready = Déclarer prête
status-to-running = Ouvrir la session
status-to-closed = Clore la session
status-to-archived = Archiver

modality-in_person = Présentiel
modality-virtual_class = Classe virtuelle
modality-webinar = Webinaire
modality-async = Distanciel asynchrone
hours-synchronous = Distanciel synchrone

learning-acquisition = Acquisition
learning-investigation = Enquête
learning-practice = Entraînement
learning-production = Production
learning-discussion = Discussion
learning-collaboration = Collaboration

weekday-1 = lundi
weekday-2 = mardi
weekday-3 = mercredi
weekday-4 = jeudi
weekday-5 = vendredi
weekday-6 = samedi
weekday-7 = dimanche
month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre

field-email = Adresse électronique
field-password = Mot de passe
field-name = Nom
field-last-name = Nom
field-first-name = Prénom
field-role = Rôle
field-establishment = Établissement
field-active = Compte actif
field-whole-plan = Voit tout le plan de formation
field-whole-plan-hint = Pour un pilote : il voit toutes les formations du plan, leurs sessions et leurs pièces, et non seulement celles qu’il pilote. Un autre rôle perd cette autorisation.
field-title = Intitulé
field-plan = Plan de formation
field-school-year = Année scolaire
field-pilot = Pilote
field-gaia = Identifiants GAIA
field-dispositif = Identifiant du dispositif
field-module = Identifiant du module
field-objectives = Objectifs
field-public = Public visé
field-validation = Critères de validation
field-min-attendance = Assiduité minimale (en %)
field-label = Nom de la session
field-gaia-session = Numéro de session GAIA
field-starts-on = Premier jour
field-ends-on = Dernier jour
field-course-url = Parcours M@gistère
field-status = État
field-dates = Dates

login-title = Connexion
login-submit = Se connecter
login-failed = Adresse électronique ou mot de passe incorrect.
login-trainee-hint = Stagiaire sans mot de passe ?
login-link-cta = Recevoir un lien de connexion par courriel
demo-title = Comptes de démonstration
demo-text = Mot de passe de chaque compte : demo
link-title = Recevoir un lien de connexion
link-intro = Réservé aux stagiaires. Indiquez votre adresse académique : vous recevrez un lien personnel, valable 30 minutes et utilisable une seule fois.
link-submit = Envoyer le lien
link-sent = Si un compte de stagiaire existe pour { $email }, un lien de connexion vient de lui être envoyé. Pensez à vérifier vos courriers indésirables. Les personnels se connectent avec leur mot de passe ou leur compte académique.
link-back = Retour à la connexion par mot de passe
magic-title = Connexion par lien personnel
magic-intro = Ce lien vous connecte à Hybride. Il ne fonctionne qu’une fois.
magic-submit = Me connecter
magic-invalid = Ce lien n’est plus valable : il a déjà servi ou il a expiré.
magic-ask-again = Demander un nouveau lien
mail-login-subject = Votre lien de connexion à Hybride
mail-login-body =
    Bonjour { $name },

    Voici votre lien personnel de connexion à Hybride :
    { $link }

    Il est valable { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    } et ne sert qu’une fois. Si vous n’avez rien demandé, ignorez ce message.

    — L’équipe de l’EAFC

flash-account-created = Le compte a été créé.
flash-account-updated = Le compte a été mis à jour.
flash-accounts-imported = Les comptes ont été importés.
flash-plan-created = Le plan de formation a été créé.
flash-training-created = La formation a été créée.
flash-trainer-added = Le formateur ou la formatrice a été ajouté.
flash-trainer-removed = Le formateur ou la formatrice a été retiré.
flash-cohort-created = La session a été créée.
flash-status-changed = L’état de la session a changé.
flash-enrolled = Les stagiaires ont été inscrits.
flash-unenrolled = L’inscription a été retirée.
flash-logged-out = Vous êtes déconnecté.

dashboard-title = Tableau de bord
dashboard-hello = Bonjour { $name }
dashboard-lead-admin = Comptes, plans de formation et courriels de l’EAFC.
dashboard-lead-pilot = Vos formations, leurs sessions et leurs formateurs.
dashboard-lead-trainer = Vos prochaines séances et vos groupes de formation.
dashboard-lead-trainee = Vos prochaines séances, avec leurs lieux et leurs liens.
dashboard-people = Personnes et formations
dashboard-trainings = formations
dashboard-cohorts = sessions
dashboard-my-trainings = Mes formations
dashboard-my-cohorts = Mes sessions
dashboard-upcoming = Prochaines séances
dashboard-nothing-upcoming = Aucune séance à venir.
activity-window = Du { $start } au { $end }
activity-now = En ce moment
activity-join = Rejoindre la classe virtuelle
activity-room = Salle virtuelle

accounts-title = Comptes
accounts-new = Créer un compte
accounts-import = Importer un fichier
accounts-search = Rechercher (nom, prénom ou adresse)
accounts-all-roles = Tous les rôles
accounts-filter = Filtrer
accounts-count = { $count ->
    [0] Aucun compte
    [one] Un compte
   *[other] { $count } comptes
}
account-new-title = Créer un compte
account-edit-title = Modifier le compte
password-hint = Facultatif. Au moins 12 caractères. Les stagiaires se connectent sans mot de passe, par lien envoyé par courriel.

import-title = Importer des comptes
import-intro = Déposez un fichier CSV (export Excel ou LibreOffice, séparateur « ; » ou « , », encodage UTF-8) avec les colonnes nom, prénom, courriel, rôle et, si vous le souhaitez, établissement. L’import est entier ou nul : si une seule ligne est fausse, rien n’est créé et chaque erreur est indiquée avec son numéro de ligne.
import-file = Fichier CSV
import-file-hint = Rôles acceptés : gestionnaire, pilote, formateur, stagiaire.
import-submit = Importer
import-no-file = Choisissez un fichier à importer.
import-refused = { $count ->
    [one] Import refusé : une erreur. Rien n’a été créé.
   *[other] Import refusé : { $count } erreurs. Rien n’a été créé.
}
import-errors-caption = Lignes à corriger
import-line = Ligne
import-column = Colonne
import-problem = Problème

plans-title = Plans de formation
plans-none = Aucun plan de formation pour l’instant.
plans-new = Nouveau plan de formation
plans-trainings-count = { $count ->
    [0] aucune formation
    [one] une formation
   *[other] { $count } formations
}
school-year-hint = Par exemple : 2027-2028

trainings-title = Formations
trainings-new = Créer une formation
trainings-none = Aucune formation.
trainings-all-plans = Tous les plans
trainings-mine = Seulement les miennes
trainings-cohorts = Sessions
training-new-title = Créer une formation
training-hours = Heures prévues par modalité
hours-hint = En heures : « 6 », « 6,5 » ou « 6 h 30 ».
dispositif-hint = Dix caractères, par exemple 26A0100123.
module-hint = Jusqu’à six chiffres, par exemple 48213.
validation-hint = Ce qu’un ou une stagiaire doit faire pour valider la formation, en mots simples.

scenario-title = Scénario (chronogramme)
scenario-empty = Le scénario n’a pas encore d’étape.
step-title = Activité
step-modality = Modalité
step-learning = Type d’apprentissage
step-duration = Durée estimée
step-instructions = Consignes
step-social = activité sociale
step-optional = facultative

trainers-title = Formateurs et formatrices
trainers-none = Aucun formateur ni formatrice pour l’instant.
trainers-add-label = Adresse du formateur ou de la formatrice
trainers-add = Ajouter

cohorts-title = Sessions
cohorts-new = Créer une session
cohorts-none = Aucune session.
cohort-new-title = Créer une session
cohort-label-hint = Par exemple : Groupe 1 — Lyon
course-url-hint = L’adresse du parcours de la session sur M@gistère (facultatif).
cohort-dates = du { $start } au { $end }
cohort-trainees-count = { $count ->
    [0] aucun stagiaire
    [one] un ou une stagiaire
   *[other] { $count } stagiaires
}
cohort-course-link = Ouvrir le parcours
schedule-title = Calendrier des séances
schedule-empty = Aucune séance n’est encore programmée.
schedule-when = Quand
schedule-where = Où
trainees-title = Stagiaires inscrits ({ $count })
trainees-none = Aucun ou aucune stagiaire inscrit.
enroll-label = Inscrire des stagiaires
enroll-hint = Une adresse électronique par ligne. Tous sont inscrits, ou aucun si une adresse pose problème.
enroll-submit = Inscrire
cohort-error-enroll-unknown = Inscription refusée : une adresse ne correspond à aucun compte. Créez ou importez d’abord le compte.
cohort-error-enroll-role = Inscription refusée : seuls les comptes de stagiaires peuvent être inscrits.
cohort-error-enroll-already = Inscription refusée : une des personnes est déjà inscrite.
cohort-error-enroll-invalid = Inscription refusée : une des adresses n’est pas valide.
cohort-error-trainer-unknown = Aucun compte ne correspond à cette adresse.
cohort-error-trainer-role = Ce compte n’est pas celui d’un formateur ou d’une formatrice.
cohort-error-cohort-closed = La session est close : elle ne peut plus être modifiée.
cohort-error-status-transition = Ce changement d’état n’est pas possible.

outbox-title = Courriels envoyés
outbox-intro = Sans serveur SMTP configuré, les courriels sont écrits dans le dossier { $dir } et affichés ici.
outbox-to = À
outbox-sent = remis
outbox-pending = en attente
outbox-failed = échec : { $error }
outbox-empty = Aucun courriel pour l’instant.

problem-not-found = Page ou ressource introuvable.
problem-unauthorized = Connexion nécessaire.
problem-forbidden = Vous n’avez pas accès à cette page.
problem-invalid = Certaines valeurs ne conviennent pas.
problem-bad-request = La requête est mal formée.
problem-csrf = Le formulaire a expiré ou ne vient pas de Hybride. Rechargez la page et recommencez.
problem-unavailable = Le service est momentanément indisponible. Réessayez dans un instant.
problem-internal = Une erreur inattendue s’est produite. Elle a été consignée ; réessayez plus tard.
problem-method = Cette action n’est pas possible à cette adresse.
problem-too-large = Le fichier ou le formulaire envoyé est trop volumineux (10 Mo au plus par fichier). Revenez à la page précédente et choisissez un fichier plus léger.
problem-media-type = Le format de la requête n’est pas pris en charge.

conflict-email = Un compte existe déjà avec cette adresse.
conflict-gaia = Une formation du plan porte déjà ces identifiants GAIA.
conflict-school_year = Un plan existe déjà pour cette année scolaire.
conflict-enrollment = Une des personnes est déjà inscrite à cette session.
conflict-token = Ce jeton existe déjà.
conflict-analytics = Les données de cette réunion ont déjà été reçues ; rien n’a été enregistré de nouveau.
refused-analytics-too-late = Les données de cette réunion arrivent trop tard : elles sont acceptées jusqu’à deux jours après la fin de l’activité.
conflict-step = Cette étape existe déjà.
conflict-cohort = Cette session existe déjà.
conflict-activity = Cette séance existe déjà.
refused-pilot-role = Ce compte n’est pas celui d’un ou d’une pilote.
refused-trainer-role = Ce compte n’est pas celui d’un formateur ou d’une formatrice.
refused-trainee-role = Seuls les comptes de stagiaires peuvent être inscrits.
refused-status-transition = Ce changement d’état n’est pas possible.
refused-cohort-closed = La session est close : elle ne peut plus être modifiée.
refused-dates-order = Le dernier jour précède le premier.
refused-times-order = La fin précède le début.
refused-flag = Valeur enregistrée invalide.

error-required = Ce champ est obligatoire.
error-email-invalid = Adresse électronique invalide (exemple : prenom.nom@ac-lyon.fr).
error-email-taken = Un compte existe déjà avec cette adresse.
error-email-taken-value = Un compte existe déjà avec l’adresse { $value }.
error-email-in-list = « { $value } » n’est pas une adresse électronique valide.
error-role-unknown = Rôle inconnu : « { $value } ». Rôles possibles : gestionnaire, pilote, formateur, stagiaire.
error-modality-unknown = Modalité inconnue : « { $value } ».
error-learning-type-unknown = Type d’apprentissage inconnu : « { $value } ».
error-duration-too-long = Durée trop longue (1 000 heures au plus).
error-duration-invalid = Durée illisible : « { $value } ». Écrivez par exemple 6, 6,5 ou 6 h 30.
error-hours-none = Indiquez les heures d’au moins une modalité.
error-gaia-dispositif = Identifiant de dispositif GAIA invalide : « { $value } » (attendu : 26A0100123).
error-gaia-module = Identifiant de module GAIA invalide : « { $value } » (six chiffres au plus).
error-gaia-session = Numéro de session GAIA invalide : « { $value } » (chiffres uniquement).
error-gaia-taken = Une formation de ce plan porte déjà ces identifiants de dispositif et de module.
error-school-year = Année scolaire invalide : « { $value } » (attendu : 2026-2027).
error-plan-exists = Un plan existe déjà pour cette année scolaire.
error-plan-unknown = Ce plan de formation n’existe pas.
error-training-unknown = Cette formation n’existe pas.
error-pilot-role = Ce compte n’est pas celui d’un ou d’une pilote.
error-trainer-unknown = Aucun compte de formateur ou de formatrice ne correspond à cette adresse.
error-person-unknown = Aucun compte ne correspond.
error-person-unknown-value = Aucun compte ne correspond à { $value }.
error-too-long = { $value ->
    [one] { $value } caractère au plus.
   *[other] { $value } caractères au plus.
  }
error-control-characters = Caractères invisibles non autorisés.
error-range = Indiquez un nombre compris dans l’intervalle { $value }.
error-not-negative = Indiquez un nombre positif ou nul.
error-enroll-nobody = Indiquez au moins une personne, par son identifiant ou son adresse.
error-pilot-required = Choisissez le pilote de la formation.
error-person-nobody = Indiquez la personne, par son identifiant ou son adresse.
error-person-mismatch = L’identifiant et l’adresse ne désignent pas la même personne.
error-cohort-status-unknown = État de session inconnu : « { $value } ».
error-password-short = Mot de passe trop court : { $value ->
    [one] { $value } caractère au moins.
   *[other] { $value } caractères au moins.
  }
error-self-demotion = Vous ne pouvez ni désactiver votre propre compte ni lui retirer le rôle de gestionnaire.
error-percent = Pourcentage invalide : « { $value } » (de 0 à 100).
error-date = Date invalide : « { $value } » (attendu : AAAA-MM-JJ).
error-dates-order = Le dernier jour doit suivre le premier.
error-url = Adresse web invalide (elle doit commencer par https://).
error-list-too-long = { $value ->
    [one] { $value } personne au plus à la fois.
   *[other] { $value } personnes au plus à la fois.
  }
error-import-not-utf8 = Le fichier n’est pas encodé en UTF-8. Dans LibreOffice ou Excel, enregistrez-le en « CSV UTF-8 ».
error-import-empty = Le fichier est vide.
error-import-unreadable = Ligne illisible (guillemets mal fermés ?).
error-import-duplicate-column = Colonne en double : « { $value } ».
error-import-unknown-column = Colonne inconnue : « { $value } ».
error-import-missing-column = Colonne manquante : « { $value } ».
error-import-too-many-lines = Fichier trop long : { $value ->
    [one] { $value } ligne au plus.
   *[other] { $value } lignes au plus.
  }
error-import-duplicate-email = Adresse déjà présente à la ligne { $value }.
refused-document = Le document n’a pas pu être mis en page (un caractère du scénario n’est peut-être pas pris en charge). Simplifiez le texte en cause ou signalez-le à l’assistance.

problem-too-many = Trop de tentatives. Patientez quelques minutes avant de réessayer.

# The accessibility statement (RGAA).

a11y-link = Accessibilité : partiellement conforme
a11y-title = Déclaration d’accessibilité
a11y-intro = L’académie s’engage à rendre ses services numériques accessibles, conformément à l’article 47 de la loi n° 2005-102 du 11 février 2005. Cette déclaration s’applique à Hybride, la plateforme de formation hybride de l’EAFC.
a11y-state-title = État de conformité
a11y-state = Hybride est partiellement conforme avec le référentiel général d’amélioration de l’accessibilité (RGAA), version 4.1.2 : toutes ses pages sont contrôlées automatiquement à chaque version, mais l’audit complet du RGAA par un organisme indépendant n’a pas encore eu lieu.
a11y-results-title = Résultats des tests
a11y-results-automatic = Chaque page de chaque profil (gestionnaire, pilote, formateur, stagiaire), en français et en anglais, est vérifiée à chaque version avec axe-core selon les critères WCAG 2.1 niveaux A et AA : aucune non-conformité détectée.
a11y-results-keyboard = L’éditeur de scénario et la publication dans l’espace d’échange sont testés au clavier seul, avec un focus visible.
a11y-results-phone = Les pages des stagiaires sont testées sur un écran de téléphone (390 × 844) : aucun défilement horizontal.
a11y-results-documents = Le chronogramme est produit en PDF balisé (PDF/UA-1), lisible par les lecteurs d’écran.
a11y-gaps-title = Contenus non accessibles ou non vérifiés
a11y-gap-audit = L’audit manuel complet des 106 critères du RGAA reste à faire : certains critères (alternatives, restitution par les lecteurs d’écran) ne sont vérifiés qu’automatiquement.
a11y-gap-external = Les salles de classe virtuelle (BigBlueButton) et les parcours M@gistère sont des services extérieurs, qui ont leur propre déclaration d’accessibilité.
a11y-env-title = Environnement de test
a11y-env = Chromium 156 (Debian) piloté par Playwright, axe-core 4.14 ; lecture des documents PDF par leurs balises (lopdf).
a11y-contact-title = Retour d’information et contact
a11y-contact = Si vous n’arrivez pas à accéder à un contenu ou à un service, contactez l’EAFC de votre académie (le contact technique figure dans le plan d’accompagnement de chaque formation) pour être orienté vers une alternative accessible ou obtenir le contenu sous une autre forme.
a11y-remedy-title = Voies de recours
a11y-remedy = Si vous avez signalé un défaut d’accessibilité qui vous empêche d’accéder à un contenu ou à un service et n’avez pas obtenu de réponse satisfaisante, vous pouvez saisir le Défenseur des droits :
a11y-remedy-online = par le formulaire en ligne du site du Défenseur des droits ;
a11y-remedy-delegate = en contactant le délégué du Défenseur des droits de votre région ;
a11y-remedy-mail = par courrier gratuit, sans affranchissement : Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07.

## A person's own password
nav-password = Mot de passe
password-title = Changer mon mot de passe
password-explain = Après le changement, vos autres sessions (sur d’autres appareils ou navigateurs) se ferment ; celle-ci reste ouverte.
password-current = Mot de passe actuel
password-new = Nouveau mot de passe
password-new-hint = Au moins 12 caractères.
password-confirm = Nouveau mot de passe, une seconde fois
password-submit = Changer le mot de passe
password-none = Vous vous connectez sans mot de passe, par un lien envoyé à votre adresse électronique : il n’y a rien à changer ici.
flash-password-changed = Mot de passe changé ; vos autres sessions sont fermées.
error-password-wrong = Ce n’est pas votre mot de passe actuel.
error-password-mismatch = Les deux saisies du nouveau mot de passe diffèrent.
dashboard-ended = { $count ->
    [one] Une session terminée attend d’être close
   *[other] { $count } sessions terminées attendent d’être closes
}
dashboard-ended-hint = Leur dernière activité est passée. Vérifiez les présences et les déclarations, puis clôturez-les.
dashboard-ended-on = terminée le { $day }
flash-reopened = La session est rouverte. Pensez à la clore de nouveau.
unenroll-confirm-title = Retirer { $name } de la session ?
unenroll-confirm-sheets = Cette personne ne figurera plus sur les feuilles d’émargement ni parmi les destinataires des convocations et des messages de la session.
unenroll-confirm-record = Ce qu’elle a déjà signé ou déclaré reste dans le registre des présences.
unenroll-confirm-again = Elle pourra être inscrite de nouveau tant que la session n’est pas close.
unenroll-confirm-submit = Retirer de la session

## The audit log

audit-title = Journal d’audit
audit-lead = Chaque changement fait par un administrateur sur les comptes et les réglages, chaque import et chaque purge, du plus récent au plus ancien. Le journal ne peut être ni modifié ni effacé, et « hybride verify » vérifie sa chaîne d’empreintes.
settings-about-audit = Qui a changé quel compte ou quel réglage, et quand.
audit-when = Date
audit-who = Auteur
audit-what = Action
audit-subject = Objet
audit-details = Changements
audit-empty = Aucune entrée pour le moment.
audit-older = Entrées plus anciennes
audit-latest = Entrées les plus récentes
audit-by-command = ligne de commande du serveur
audit-line = { $field } : { $value }
audit-field-whole-plan = Voit tout le plan
audit-field-password = Mot de passe
audit-field-accounts = Comptes
audit-field-roles = Rôles
audit-field-rows = Lignes
audit-field-kinds = Détail
audit-field-zone = Zone
audit-field-label = Libellé
audit-field-created = Création
audit-field-secret-changed = Secret changé
audit-field-domains = Domaines
audit-field-active = Actif
audit-field-sso-only-for-staff = Connexion par fournisseur seulement, pour les personnels
audit-account_created = Compte créé
audit-account_updated = Compte modifié
audit-accounts_imported = Comptes importés
audit-plan_created = Plan de formation ouvert
audit-signatory_named = Signataire des certificats nommé
audit-retention_set = Durées de conservation modifiées
audit-purged = Données purgées
audit-survey_settings_set = Réglages des évaluations modifiés
audit-pay_rates_set = Barème de rémunération modifié
audit-holiday_added = Vacances scolaires ajoutées
audit-holiday_removed = Vacances scolaires retirées
audit-school_zone_set = Zone de vacances scolaires changée
audit-provider_saved = Fournisseur d’identité enregistré
audit-sso_only_set = Connexion par fournisseur seulement, changée
audit-second_factor_reset = Double authentification réinitialisée
audit-magistere_set = Connexion à M@gistère changée
audit-field-token-changed = Jeton changé
audit-field-url = Adresse
error-audit-action = Action inconnue : « { $value } ».
