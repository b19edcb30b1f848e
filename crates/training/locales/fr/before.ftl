# Avant la formation : scénario, accompagnement, espace numérique, équipement, formateurs qualifiés.
nav-qualifications = Formateurs qualifiés
nav-equipment = Tester mon équipement
edit = Modifier
percent-hint = De 0 à 100.

scenario-open = Modifier le scénario
scenario-totals = Heures prévues et heures déclarées
scenario-planned = Prévu dans le scénario
scenario-declared = Déclaré pour la formation
scenario-gap = Écart
scenario-matches = conforme
scenario-differs = différent
scenario-steps = Étapes
scenario-copy-title = Partir du scénario d’une autre formation
scenario-copy-from = Formation dont copier les étapes
scenario-copy-submit = Copier ses étapes à la suite
step-add-title = Ajouter une étape
step-add = Ajouter l’étape
step-edit-title = Modifier l’étape
step-up = Monter
step-down = Descendre
step-duplicate = Dupliquer
step-delete = Supprimer
step-no-duration = sans durée
step-no-instructions = sans consignes
step-duration-hint = Par exemple « 1 h 30 » ou « 45 min ».
step-instructions-hint = Ce que les stagiaires doivent faire, avec quoi et pour quand.
step-resources = Ressources
step-evidence = Trace attendue
step-evidence-hint = Ce qui montre que l’activité est faite (un dépôt, un message, un questionnaire…).
step-evaluation = Évaluation
step-trainer-role = Rôle du formateur ou de la formatrice
step-kind = Nature de l’activité
step-collective = Activité collective (sinon individuelle)
step-social-label = Activité sociale (échanges entre stagiaires)
step-mandatory = Activité obligatoire

advice-title = Conseils de scénarisation
advice-none = Le scénario suit les bonnes pratiques de l’hybridation.
advice-empty-scenario = Le scénario n’a aucune étape : commencez par l’ouverture de la formation.
advice-single-modality = Une seule modalité ({ $modality }) : la formation n’est pas hybride. Articulez au moins deux modalités.
advice-no-duration = L’étape { $step } ({ $modality }) n’a pas de durée estimée : les stagiaires ne peuvent pas s’organiser et le temps ne peut pas être compté.
advice-no-instructions = L’étape { $step } ({ $modality }) n’a pas de consignes : la charte demande d’expliciter les consignes de chaque activité.
advice-hours-mismatch = { $budget } : le scénario prévoit { $planned } pour { $declared } déclarées. Ajustez les étapes ou les heures de la formation.
advice-no-social = Aucune activité sociale : la charte demande d’animer des activités qui font échanger les stagiaires.
advice-no-evaluation = Aucune étape n’est évaluée : prévoyez au moins une évaluation (auto-positionnement, questionnaire…).
advice-async-overload = Semaine du { $day } : { $duration } de travail asynchrone, plus de 2 h par semaine. Étalez le travail.
advice-on-weekend = Séance à distance le { $day }, un week-end.
advice-on-public-holiday = Séance à distance le { $day }, un jour férié.
advice-on-school-holiday = Séance à distance le { $day }, pendant les vacances scolaires de la zone.
advice-outside-hours = Séance à distance le { $day } en dehors des heures de travail (8 h – 18 h 30) : respectez le droit à la déconnexion.
advice-too-many = Classe virtuelle participative pour { $trainees ->
    [one] { $trainees } stagiaire
   *[other] { $trainees } stagiaires
  } : au-delà de { $limit }, tous ne peuvent pas prendre part. Dédoublez le groupe ou changez de format.

accompaniment-open = Accompagnement et validation
accompaniment-title = Accompagnement et critères de validation
accompaniment-lead = Le plan d’accompagnement dit aux stagiaires comment et quand ils seront aidés. Il figure dans le message d’ouverture.
accompaniment-plan = Plan d’accompagnement
acc-channels = Canaux de contact
acc-channels-hint = Par exemple : forum du parcours, messagerie académique, classe virtuelle de tutorat.
acc-response = Délai de réponse (en heures)
acc-response-hint = Par exemple 48. Les stagiaires sauront sous quel délai attendre une réponse.
acc-working-days = Délai compté en jours ouvrés
acc-tutoring = Créneaux de tutorat
acc-tutoring-hint = Par exemple : le mercredi de 14 h à 15 h, en classe virtuelle.
acc-technical = Contact technique
acc-technical-hint = Qui aide en cas de problème de connexion ou d’outil.
acc-exchange = Horaires d’échange et droit à la déconnexion
acc-exchange-hint = Par exemple : réponses du lundi au vendredi de 8 h à 18 h, aucune le week-end.
validation-rules-title = Critères de validation
validation-rules-lead = Les critères tels qu’ils sont écrits pour les stagiaires, puis les règles qui servent à calculer la validation de chacun :
validation-min-attendance = Assiduité minimale par modalité (en %)
validation-mandatory-steps = Toutes les activités obligatoires doivent être faites
validation-evaluation = L’évaluation doit être réussie
error-response-hours = Délai invalide : « { $value } » (un nombre d’heures, de 1 à 720).

qualifications-title = Formateurs formés à l’hybridation
qualifications-lead = La charte demande que les formateurs soient formés à l’animation hybride par le pilote. Ce registre en garde la trace : date, formateur, contenu.
qualifications-register = Registre
qualifications-none = Aucun formateur n’est encore inscrit au registre.
qualifications-flagged = Formateurs affectés à une session sans formation à l’hybridation
qualification-add = Inscrire une formation à l’hybridation
qualification-add-submit = Inscrire au registre
qualification-date = Date
qualification-by = Formé par
qualification-content = Contenu
qualification-content-hint = Par exemple : atelier de 3 h sur la scénarisation et l’animation de classes virtuelles.

holidays-title = Vacances scolaires
holidays-lead = Les vacances scolaires de la zone de l’académie servent à conseiller les formateurs : une classe virtuelle pendant les vacances est signalée. Saisissez les dates du calendrier officiel.
holidays-zone = Zone de l’académie
holidays-of-zone = Vacances de la zone { $zone }
holidays-none = Aucune période de vacances saisie pour cette zone.
holidays-add = Ajouter une période
holidays-label = Nom
holidays-first = Premier jour
holidays-last = Dernier jour

cohort-edit = Modifier la session et son espace numérique
schedule-advice-title = Conseils sur le calendrier :
schedule-generate = Construire le calendrier à partir du scénario
schedule-generate-hint = Une séance par étape, sur des jours ouvrés à partir du premier jour de la session ; vous ajustez ensuite dates, lieux et salles.
half-day-morning = matin
half-day-afternoon = après-midi
activity-edit = Modifier la séance
activity-day = Jour
activity-starts = Début
activity-ends = Fin
activity-opens = Ouverture
activity-closes = Clôture
activity-place = Lieu
activity-place-hint = Salle et établissement, par exemple « Salle 204 — Collège Jean Moulin, Villeurbanne ».
activity-room-url = Salle virtuelle
activity-room-hint = L’adresse de la classe virtuelle (BigBlueButton, Via, Visio-agents, Teams…).
activity-delete = Supprimer cette séance
error-time = Heure invalide : « { $value } » (par exemple 14:30).
error-times-order = La fin doit suivre le début.

checklist-before-title = Avant la formation : les engagements de la charte
check-done = fait
check-todo = à faire
check-warning = à vérifier
check-not_applicable = sans objet
check-fix = Y remédier
duty-space-configured = Configurer et vérifier l’espace numérique de formation
duty-scenario-articulated = Scénariser en articulant les modalités
duty-accompaniment-planned = Prévoir l’accompagnement
duty-equipment-tested = Préparer et tester le matériel de classe virtuelle
duty-trainer-qualified = Formateurs formés à l’hybridation par le pilote
evidence-course-url = Le parcours M@gistère de la session est renseigné.
evidence-no-course-url = Le parcours M@gistère de la session n’est pas renseigné.
evidence-no-activities = Aucune séance n’est programmée.
evidence-no-room = « { $title } » : pas de salle virtuelle.
evidence-no-place = « { $title } » : pas de lieu.
evidence-rooms-ok = { $count ->
    [one] La séance a son lieu ou sa salle virtuelle.
   *[other] Les { $count } séances ont leur lieu ou leur salle virtuelle.
  }
evidence-scenario-summary = { $steps ->
    [0] Aucune étape
    [one] { $steps } étape
   *[other] { $steps } étapes
  }, { $modalities ->
    [0] aucune modalité
    [one] { $modalities } modalité
   *[other] { $modalities } modalités
  }.
evidence-no-accompaniment = Aucun plan d’accompagnement.
evidence-missing-channels = Il manque les canaux de contact.
evidence-missing-response = Il manque le délai de réponse.
evidence-missing-tutoring = Il manque les créneaux de tutorat.
evidence-missing-technical = Il manque le contact technique.
evidence-missing-exchange-hours = Il manque les horaires d’échange.
evidence-accompaniment-complete = Le plan d’accompagnement est complet.
evidence-no-synchronous = Aucune séance synchrone à distance.
evidence-no-trainer = Aucun formateur n’est affecté à la session.
evidence-equipment-untested = { $name } n’a pas testé son équipement.
evidence-equipment-failed = { $name } : le dernier test d’équipement a échoué.
evidence-equipment-late = { $name } a testé son équipement après la première séance synchrone.
evidence-equipment-ok = { $name } a testé son équipement avec succès.
evidence-qualified = { $name } : formation à l’hybridation inscrite au registre.
evidence-not-qualified = { $name } : aucune formation à l’hybridation au registre.
ready-blocked-explain = { $count ->
    [one] Un engagement « avant la formation » reste à faire. La session ne peut être déclarée prête qu’en motivant cette décision.
   *[other] { $count } engagements « avant la formation » restent à faire. La session ne peut être déclarée prête qu’en motivant cette décision.
}
ready-override-reason = Motif
ready-override-hint = Le motif est conservé avec votre nom et la liste des points restés ouverts.
ready-override-submit = Déclarer prête malgré tout
overrides-title = Décisions motivées
override-line = Passage à l’état « { $status } » par { $name } le { $day }
cohort-error-ready-blocked = Des engagements « avant la formation » restent à faire : complétez-les ou motivez votre décision.
cohort-error-schedule-exists = La session a déjà un calendrier.
cohort-error-schedule-no-steps = Le scénario de la formation n’a aucune étape.

flash-step-added = L’étape a été ajoutée.
flash-step-updated = L’étape a été modifiée.
flash-step-moved = L’étape a été déplacée.
flash-step-duplicated = L’étape a été dupliquée.
flash-step-deleted = L’étape a été supprimée.
flash-scenario-copied = Les étapes ont été copiées.
flash-accompaniment-saved = Le plan d’accompagnement a été enregistré.
flash-validation-saved = Les critères de validation ont été enregistrés.
flash-qualification-added = La formation à l’hybridation a été inscrite au registre.
flash-qualification-removed = L’inscription au registre a été retirée.
flash-holiday-added = La période de vacances a été ajoutée.
flash-holiday-removed = La période de vacances a été retirée.
flash-zone-saved = La zone a été enregistrée.
flash-schedule-generated = Le calendrier a été construit : ajustez les dates, lieux et salles.
flash-activity-updated = La séance a été modifiée.
flash-activity-deleted = La séance a été supprimée.
flash-cohort-updated = La session a été modifiée.

room-title = Salle virtuelle
room-bbb-explain = Hybride peut créer la salle sur le serveur BigBlueButton de l’académie. Chacun y entre ensuite par un lien personnel qui le nomme : les formateurs comme modérateurs, les stagiaires comme participants.
room-bbb-create = Créer la salle BigBlueButton
room-bbb-recreate = Créer une nouvelle salle BigBlueButton
room-external-explain = Aucun serveur BigBlueButton n’est configuré : indiquez ci-dessus l’adresse de la salle (Via, Visio-agents, Teams, Jitsi…).
room-unavailable = La salle virtuelle est momentanément inaccessible. Réessayez dans un instant ou prévenez votre formateur.
room-error-bbb-off = Aucun serveur BigBlueButton n’est configuré.
room-error-bbb-failed = Le serveur BigBlueButton n’a pas créé la salle. Réessayez plus tard ou indiquez une autre salle.
flash-room-created = La salle BigBlueButton a été créée.
dashboard-preparation = Avant la formation : { $done ->
    [0] aucun engagement fait
    [one] { $done } engagement fait
   *[other] { $done } engagements faits
  } sur { $total }
dashboard-unqualified = Une session vous est confiée, mais votre formation à l’hybridation ne figure pas encore au registre : voyez-le avec le pilote de la formation.
chrono-download = Télécharger le chronogramme (PDF, A4)
chrono-subtitle = Plan { $year } · GAIA { $dispositif } / { $module }
chrono-position = N°
chrono-footer = Généré par Hybride le { $day }
rules-attendance = Assiduité minimale : présentiel { $in_person } %, distanciel synchrone { $synchronous } %, distanciel asynchrone { $asynchronous } %.

# The académie's M@gistère: its site and the web-service token Hybride calls it with.
magistere-title = Connexion à M@gistère
settings-about-magistere = L’adresse du site M@gistère de l’académie et le jeton de son service web, pour lire les parcours et les inscriptions.
magistere-lead = Hybride lit les parcours M@gistère par le service web de Moodle (REST), avec le jeton d’un utilisateur de service web que l’administrateur de M@gistère crée pour l’EAFC.
magistere-url = Adresse du site M@gistère
magistere-url-hint = Par exemple https://magistere.education.fr/ac-lyon, sans « /webservice/… ».
magistere-token = Jeton du service web
magistere-token-hint = Trente-deux lettres et chiffres, donnés par l’administrateur de M@gistère.
magistere-token-kept = Un jeton est enregistré : laissez ce champ vide pour le garder.
magistere-save = Enregistrer et tester
magistere-check = Tester la connexion
magistere-check-ok = La connexion fonctionne
magistere-check-failed = La connexion ne fonctionne pas
magistere-check-site = Site « { $site } » (Moodle { $release }), jeton de { $user }.
magistere-check-missing = { $count ->
    [one] Le service web de ce jeton ne propose pas cette fonction dont Hybride a besoin ; demandez à l’administrateur de M@gistère de l’ajouter :
   *[other] Le service web de ce jeton ne propose pas ces { $count } fonctions dont Hybride a besoin ; demandez à l’administrateur de M@gistère de les ajouter :
}
magistere-functions = Fonctions utilisées
magistere-functions-lead = Le service web du jeton doit proposer ces fonctions de Moodle :
magistere-failure-unreachable = M@gistère ne répond pas à cette adresse. Vérifiez l’adresse du site, puis réessayez.
magistere-failure-not-moodle = Cette adresse ne mène pas au service web d’un site Moodle. Indiquez l’adresse du site M@gistère lui-même.
magistere-failure-invalid-token = M@gistère refuse ce jeton : il est erroné, a expiré ou a été supprimé. Demandez un nouveau jeton à l’administrateur de M@gistère.
magistere-failure-not-in-service = Le service web de ce jeton ne propose pas une fonction dont Hybride a besoin. Demandez à l’administrateur de M@gistère de l’ajouter.
magistere-failure-no-such-function = Ce site M@gistère ne connaît pas une fonction dont Hybride a besoin : sa version de Moodle est peut-être trop ancienne.
magistere-failure-not-found = M@gistère ne trouve pas ce qui est demandé.
magistere-failure-refused = M@gistère a refusé l’appel.
flash-magistere-saved = La connexion à M@gistère est enregistrée.
error-magistere-url = Indiquez l’adresse du site, commençant par https://.
error-magistere-token = Indiquez le jeton du service web : de 16 à 128 lettres et chiffres.
refused-magistere-not-configured = Indiquez d’abord l’adresse du site M@gistère et son jeton.

evidence-magistere-ok = { $count ->
    [0] Le parcours M@gistère « { $course } » existe ; la session n’a pas encore de stagiaire inscrit.
    [one] Le parcours M@gistère « { $course } » existe et son stagiaire y est inscrit.
   *[other] Le parcours M@gistère « { $course } » existe et ses { $count } stagiaires y sont inscrits.
}
evidence-magistere-missing = Pas d’inscription au parcours M@gistère « { $course } » pour { $name }.
evidence-magistere-not-found = M@gistère ne trouve pas le parcours indiqué : vérifiez son adresse.
evidence-magistere-unreadable = Le parcours n’a pas pu être lu sur M@gistère : vérifiez la connexion à M@gistère dans la gestion.
magistere-course-check = Vérifier le parcours sur M@gistère
magistere-course-check-hint = Hybride lit le parcours et ses inscrits sur M@gistère.
flash-magistere-checked = Le parcours a été lu sur M@gistère ; la liste ci-dessous en tient compte.
refused-magistere-course-unknown = L’adresse du parcours de la session ne désigne pas un parcours du site M@gistère de l’académie (…/course/view.php?id=…).
# Se former à l'hybride : registre, demandes des formateurs, formation des formateurs.
qualification-evidence = Preuve
qualification-evidence-session = session suivie
qualification-evidence-certificate = certificat
qualification-by-hand = Inscrite à la main par { $name }
qualification-by-validation = validée par la formation des formateurs
qualification-valid-until = Valable jusqu’au
qualification-to-renew = à renouveler
qualification-no-limit = sans limite
qualification-expired-on = formation à renouveler depuis le { $day }
qualification-reason = Pourquoi l’inscrire à la main ?
qualification-reason-hint = Par exemple : formée lors du plan précédent, attestation papier conservée à l’EAFC.
qualification-add-lead = Une session de la formation des formateurs inscrit elle-même au registre, à sa clôture, les formateurs qu’elle valide. Inscrivez ici une formation suivie autrement, en disant pourquoi.
qualification-validity-title = Durée de validité
qualification-validity-label = Nombre d’années scolaires
qualification-validity-hint = De 1 à { $max }, en comptant l’année scolaire où la formation a été suivie. Laissez vide pour une formation valable sans limite.
qualification-validity-is = { $years ->
    [one] Une formation à l’hybridation vaut pour l’année scolaire où elle est suivie.
   *[other] Une formation à l’hybridation vaut { $years } années scolaires, en comptant celle où elle est suivie.
  }
qualification-validity-none = Une formation à l’hybridation vaut sans limite de durée.
qualification-requests-open = { $count ->
    [0] Demandes de formation des formateurs
    [one] Demandes de formation des formateurs (une en attente)
   *[other] Demandes de formation des formateurs ({ $count } en attente)
  }
qualification-requests-title = Se former à la formation hybride
qualification-requests-lead = La charte demande au formateur de se tourner vers le pilote de la formation pour être formé à l’animation hybride. Le formateur en fait la demande ici ; le pilote l’inscrit à une session de la formation des formateurs ou lui répond.
qualification-my-standing = Ma formation à l’hybridation
qualification-mine-valid = Vous êtes formée ou formé à l’hybridation : c’est inscrit au registre.
qualification-mine-valid-until = Vous êtes formée ou formé à l’hybridation jusqu’au { $day }.
qualification-mine-expired = Votre formation à l’hybridation est à renouveler depuis le { $day }.
qualification-mine-missing = Votre formation à l’hybridation ne figure pas encore au registre.
qualification-my-requests = Mes demandes
qualification-requests-received = Demandes reçues
qualification-requests-none = Aucune demande pour le moment.
qualification-request-status-waiting = en attente de réponse
qualification-request-status-enrolled = inscrite ou inscrit à une session
qualification-request-status-declined = réponse du pilote
qualification-request-status-qualified = formation inscrite au registre
qualification-request-asked-on = Demande du { $day }
qualification-request-reason = Pourquoi
qualification-request-availability = Disponibilités
qualification-request-session = Session
qualification-request-answer = Réponse de { $name }
qualification-request-upcoming = Ses sessions à venir :
qualification-request-no-upcoming = Aucune session à venir ne lui est confiée.
qualification-enrol-in = Inscrire à la session
qualification-enrol-word = Un mot pour le formateur (facultatif)
qualification-enrol-submit = Inscrire
qualification-no-session = Aucune session de formation des formateurs n’est ouverte dans vos formations : créez-en une, ou répondez ci-dessous.
qualification-decline-answer = Répondre sans inscrire
qualification-decline-submit = Envoyer la réponse
qualification-ask-title = Demander à être formé
qualification-ask-lead = Votre demande va aux pilotes des formations qui vous sont confiées, par courriel et sur leur page.
qualification-ask-reason-hint = Par exemple : première session hybride en janvier, jamais animé de classe virtuelle.
qualification-ask-availability-hint = Par exemple : les mercredis après-midi, en distanciel.
qualification-ask-submit = Envoyer ma demande
flash-qualification-validity-saved = La durée de validité a été enregistrée.
flash-qualification-asked = Votre demande a été envoyée aux pilotes de vos formations.
flash-qualification-enrolled = Le formateur a été inscrit à la session et en a été prévenu.
flash-qualification-answered = La réponse a été envoyée.
flash-trains-trainers-saved = Le rôle de la formation a été enregistré.
trains-trainers-label = Cette formation forme les formateurs à l’hybridation (ses participants sont des formateurs ; sa validation les inscrit au registre)
trains-trainers-on = Formation des formateurs à l’hybridation : à la clôture d’une session, chaque formateur qu’elle valide est inscrit au registre.
nav-qualification-mine = Me former à l’hybride
evidence-qualified-until = { $name } : formation à l’hybridation inscrite au registre, valable jusqu’au { $day }.
evidence-qualification-expired = { $name } : formation à l’hybridation à renouveler depuis le { $day }.
evidence-trainers-session = Prochaine session de la formation des formateurs : { $session }, à partir du { $day }.
evidence-no-trainers-session = Aucune session de la formation des formateurs n’est prévue : voyez-le avec le pilote.
error-qualified-in-future = La date ne peut pas être dans le futur.
error-trainers-session = Choisissez une session de la formation des formateurs, ouverte, dans vos formations.
refused-request-open = Une demande est déjà en cours : attendez la réponse du pilote.
refused-request-answered = Cette demande a déjà reçu une réponse : rechargez la page.
refused-not-trainers-training = Cette session n’appartient pas à une formation des formateurs.
mail-qualification-asked-subject = { $trainer } demande à être formé à l’hybridation
mail-qualification-asked-body =
    Bonjour { $name },

    { $trainer } demande à être formé à l’animation hybride, comme le prévoit la charte.

    Pourquoi : { $reason }
    Disponibilités : { $availability }

    Répondez-lui ou inscrivez-le à une session de la formation des formateurs :
    { $link }
mail-qualification-enrolled-subject = Votre formation à l’hybridation
mail-qualification-enrolled-body =
    Bonjour { $name },

    { $pilot } vous a inscrit à la formation « { $training } », session { $session }, du { $first } au { $last }.
    { $answer }

    Votre demande : { $link }
mail-qualification-answered-subject = Réponse à votre demande de formation à l’hybridation
mail-qualification-answered-body =
    Bonjour { $name },

    { $pilot } a répondu à votre demande :

    { $answer }

    Votre demande : { $link }
audit-qualification_validity_set = Durée de validité des formations à l’hybridation changée
audit-qualification_recorded = Formation à l’hybridation inscrite à la main
audit-qualification_removed = Formation à l’hybridation retirée du registre
dashboard-qualification-requests = { $count ->
    [one] Un formateur demande à être formé à l’hybridation : répondez-lui.
   *[other] { $count } formateurs demandent à être formés à l’hybridation : répondez-leur.
  }
