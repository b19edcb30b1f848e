# After the training: documents, bundle, transmission, pay, contents kept available.

checklist-after-title = Après la formation
duty-contents-available = Laisser les contenus accessibles après la formation
duty-admin-documents = Déposer les feuilles d’émargement (présentiel, distanciel) et les fiches de rémunération
evidence-archived = Session archivée : contenus accessibles jusqu’au { $day }.
evidence-contents-until = Session close : les stagiaires gardent les contenus, le forum et leurs documents jusqu’au { $day }.
evidence-close-cohort = La session est terminée : clôturez-la pour la mettre en lecture seule (contenus accessibles jusqu’au { $day }).
evidence-contents-planned = Les contenus resteront accessibles jusqu’au { $day }.
evidence-documents-at-closing = Les documents se produisent à la clôture de la session.
evidence-not-countersigned = { $count ->
    [one] Une demi-journée en présentiel n’est pas contresignée.
   *[other] { $count } demi-journées en présentiel ne sont pas contresignées.
}
evidence-declarations-pending = { $count ->
    [one] Une déclaration de travail à distance attend votre décision.
   *[other] { $count } déclarations de travail à distance attendent votre décision.
}
evidence-not-transmitted = Le dossier de la session n’est pas encore marqué comme transmis.
evidence-changed-since = Le registre de présence a changé depuis la transmission du { $at } : transmettez le dossier à nouveau.
evidence-transmitted = Dossier transmis le { $at }.

documents-title = Documents de la session
documents-lead = Feuilles d’émargement, certificats de réalisation, fiches de rémunération et chronogramme, produits à partir du registre de présence.
documents-contents-until = Contenus accessibles aux stagiaires jusqu’au { $day }.
documents-contents-change = Modifier la durée
documents-bundle-title = Dossier pour Sofia-FMO
documents-bundle-lead = { $count ->
    [one] Un document PDF, une synthèse CSV par stagiaire et la liste des fichiers avec leur empreinte, dans une archive zip.
   *[other] { $count } documents PDF, une synthèse CSV par stagiaire et la liste des fichiers avec leur empreinte, dans une archive zip.
}
documents-bundle-download = Télécharger le dossier (zip)
documents-transmit-lead = Après avoir déposé le dossier dans Sofia-FMO, marquez-le comme transmis : son empreinte est conservée, et toute modification ultérieure du registre sera signalée.
documents-transmit-note = Commentaire
documents-transmit-note-hint = Facultatif, par exemple la référence du dépôt.
documents-transmit = Marquer comme transmis
documents-transmit-after-closing = Le dossier pourra être marqué comme transmis une fois la session close.
documents-transmissions = Transmissions
documents-transmitted-on = Date
documents-transmitted-by = Par
documents-count = Documents
documents-fingerprint = Empreinte
documents-group-sheets = Feuilles d’émargement
documents-group-certificates = Certificats de réalisation
documents-group-pay = Fiches de rémunération
documents-group-scenario = Scénario
documents-error-not-closed = Clôturez la session avant de marquer son dossier comme transmis.
documents-certificate-of = Certificat de réalisation — { $name }
documents-pay-of = Fiche de rémunération — { $name }
documents-chronogramme = Chronogramme de la formation
documents-file = Fichier
documents-size = Taille (octets)
cohort-documents-link = Documents et dossier
cohort-pay-link = Rémunération

pay-title = Rémunération des formateurs
pay-lead = Niveau « { $band } » ({ $rate } de l’heure, arrêté du 7 mai 2012). Heures issues du registre de présence ; une demi-journée co-animée compte { $hours } h par heure, partagées entre les formateurs.
pay-band-change = Changer le niveau de la formation
pay-not-countersigned = { $count ->
    [one] Une demi-journée n’est pas contresignée : elle est attribuée à tous les formateurs de la session.
   *[other] { $count } demi-journées ne sont pas contresignées : elles sont attribuées à tous les formateurs de la session.
}
pay-caption = Lignes de la fiche de { $name }
pay-col-when = Date
pay-col-activity = Activité
pay-col-duration = Durée
pay-col-co = Formateurs
pay-col-paid = Heures payées
pay-col-rate = Taux
pay-col-amount = Montant
pay-lump = Forfait
pay-lump-engineering = Ingénierie pédagogique
pay-lump-tutoring = Accompagnement pédagogique (tutorat)
pay-nothing = Aucune heure animée enregistrée.
pay-hours-line = Heures animées : { $delivered } ; heures rémunérées : { $paid }.
pay-total-line = Formation : { $formation } ; forfaits : { $lumps } ; total : { $total }.
pay-pdf = Fiche de rémunération (PDF)
pay-profile-title = Votre statut
pay-status = Statut
pay-status-civil = Fonctionnaire de l’Éducation nationale
pay-status-contract = Contractuel de l’Éducation nationale
pay-status-other_public = Agent d’un autre employeur public
pay-status-external = Intervenant extérieur à la fonction publique
pay-status-missing = Statut non renseigné
pay-grade = Corps et grade
pay-grade-hint = Par exemple : professeur certifié, classe normale.
pay-employer = Employeur ou établissement
pay-employer-hint = Par exemple : collège Jean-Moulin, Lyon.
pay-lump-add = Ajouter un forfait
pay-lump-range = de { $range } (proposé : { $amount })
pay-trainer = Formateur
pay-lump-kind = Forfait
pay-amount = Montant (€)
pay-amount-hint = Dans la fourchette de l’arrêté, par exemple 200 ou 150,50.
pay-lump-note = Objet
pay-band = Niveau de la formation
pay-band-initiation = Sensibilisation et initiation
pay-band-deepening = Approfondissement
pay-band-expertise = Expertise
pay-band-lecture = Conférence occasionnelle
pay-band-exceptional_lecture = Conférence exceptionnelle
pay-band-rate = { $band }, { $rate } de l’heure
pay-coanimation = Co-animation
pay-coanimation-rule = { $hours } h par heure co-animée, partagées entre les formateurs
pay-source = Heures issues du registre de présence (demi-journées avec au moins un stagiaire présent, attribuées aux formateurs qui les ont contresignées).
pdf-pay-title = Fiche de rémunération — { $training }
pdf-email = Courriel
pay-sign-trainer = L’intervenant ou l’intervenante
pay-sign-pilot = Le pilote de la formation
pay-sign-service = Le service de formation (EAFC)
pay-sign-date = Date et signature :

rates-title = Taux de rémunération
rates-lead = Taux de l’académie, dans les fourchettes de l’arrêté du 7 mai 2012 (intervenants à titre d’activité accessoire dans la formation des personnels).
rates-hourly = Formation, par heure (€)
rates-lumps = Forfaits proposés (€)
rates-range = De { $range }.
rates-coanimation-hint = Heures payées pour une heure co-animée, partagées entre les formateurs : de 1 à 3, par exemple 1,5.

after-title = Après la formation
after-lead = Le niveau de rémunération des formateurs et la durée pendant laquelle les stagiaires gardent les contenus après la fin d’une session.
after-months = Contenus accessibles (mois après la fin)
after-months-hint = De 1 à 120 mois ; 24 par défaut (deux ans).

flash-transmitted = Dossier marqué comme transmis.
flash-lump-added = Forfait ajouté.
flash-lump-removed = Forfait retiré.
flash-profile-saved = Statut enregistré.
flash-rates-saved = Taux enregistrés.
flash-after-saved = Réglages enregistrés.

error-pay-band-unknown = Niveau inconnu : « { $value } ».
error-pay-lump-unknown = Forfait inconnu : « { $value } ».
error-pay-out-of-range = En dehors de la fourchette de l’arrêté : { $value }.
error-pay-amount = Montant illisible : « { $value } » (par exemple 40 ou 40,50).
error-pay-coanimation-range = Indiquez un nombre d’heures entre 1 et 3, par exemple 1,5.
error-pay-status-unknown = Statut inconnu : « { $value } ».
error-pay-trainer = Choisissez un formateur de la session.
error-contents-months = Indiquez un nombre de mois entre 1 et 120 : « { $value } ».
refused-cohort-not-closed = La session doit être close.
refused-not-a-trainer = Cette personne n’est pas formatrice de la session.
refused-pay-rates = Taux en dehors des fourchettes de l’arrêté.

sheet-cocountersign-hint = Vous avez co-animé cette demi-journée ? Contresignez-la aussi : elle comptera dans votre fiche de rémunération.
sheet-cocountersign = Contresigner aussi (co-animation)
cohort-close-hint = La session est en cours : clôturez-la à la fin. Elle passera en lecture seule ; les stagiaires garderont les contenus jusqu’au { $day }.
cohort-close-hint-ended = Sa dernière activité est passée : la session est terminée. Clôturez-la une fois les présences et les déclarations vérifiées ; elle passera en lecture seule et les stagiaires garderont les contenus jusqu’au { $day }.
cohort-open-hint = La session est prête : ouvrez-la quand elle commence (elle s’ouvre d’elle-même au début de sa première activité).
cohort-closed-notice = Session close : ses contenus, ses consignes, son forum et vos documents restent consultables jusqu’au { $day }.

# The loop back to the pilot (reviews) and the free-access courses.
duty-pilot-feedback = Faire un retour au pilote pour préparer le plan de l’année suivante
duty-open-courses-promoted = Promouvoir les formations en libre accès
evidence-review-submitted = Bilan de { $name } transmis le { $at }.
evidence-review-draft = Bilan de { $name } en brouillon.
evidence-review-at-the-end = Le bilan s’écrit à la fin de la session.
evidence-review-missing = Aucun bilan n’a encore été transmis au pilote.
evidence-courses-sent = Message de clôture envoyé le { $at } à { $trainees ->
    [one] { $trainees } stagiaire
   *[other] { $trainees } stagiaires
  }, { $count ->
    [0] sans formation en libre accès
    [one] avec une formation en libre accès
   *[other] avec { $count } formations en libre accès
  }.
evidence-no-courses = La formation ne recommande encore aucune formation en libre accès.
evidence-courses-recommended = { $count ->
    [one] Une formation en libre accès recommandée.
   *[other] { $count } formations en libre accès recommandées.
}
evidence-courses-not-sent = Le message de clôture ne les a pas encore envoyées aux stagiaires.

review-title = Bilan pour le pilote
review-lead = Ce qui a fonctionné, ce qu’il faudrait changer, vos conseils pour le plan de l’an prochain. Les chiffres de la session sont repris du registre de présence.
review-figures = Chiffres de la session
review-rate = Taux
review-standings = { $trainees ->
    [0] Aucun stagiaire
    [one] { $trainees } stagiaire
   *[other] { $trainees } stagiaires
  } : { $met ->
    [0] aucun n’a atteint les critères
    [one] { $met } a atteint les critères
   *[other] { $met } ont atteint les critères
  }, { $on_track } en bonne voie, { $behind } en retard, { $unreachable ->
    [0] aucun ne peut plus les atteindre
    [one] { $unreachable } ne peut plus les atteindre
   *[other] { $unreachable } ne peuvent plus les atteindre
  }.
review-half-days = { $half_days ->
    [0] Aucune demi-journée tenue
    [one] { $half_days } demi-journée tenue, dont { $countersigned ->
        [0] aucune contresignée
        [one] { $countersigned } contresignée
       *[other] { $countersigned } contresignées
    }
   *[other] { $half_days } demi-journées tenues, dont { $countersigned ->
        [0] aucune contresignée
        [one] { $countersigned } contresignée
       *[other] { $countersigned } contresignées
    }
  } ; { $pending ->
    [0] aucune déclaration en attente
    [one] { $pending } déclaration en attente
   *[other] { $pending } déclarations en attente
  } ; { $posts ->
    [0] aucun message des stagiaires au forum
    [one] { $posts } message des stagiaires au forum
   *[other] { $posts } messages des stagiaires au forum
  }.
review-mine = Votre bilan
review-submitted-on = Transmis au pilote le { $day } à { $time }.
review-worked = Ce qui a fonctionné
review-worked-hint = Les activités, les modalités, l’accompagnement qui ont le mieux marché.
review-to-change = Ce qu’il faudrait changer
review-to-change-hint = Ce qui a gêné les stagiaires ou vous-même, ce que vous feriez autrement.
review-next-year = Conseils pour le plan de l’année prochaine
review-next-year-hint = Facultatif : public, durée, modalités, besoins nouveaux.
review-save = Enregistrer le brouillon
review-submit = Transmettre au pilote
review-of = Bilan de { $name }
reviews-title = Bilans des formateurs
reviews-lead = Les bilans transmis par les formateurs de vos formations, avec les chiffres de chaque session, pour préparer le plan de l’année prochaine.
review-by = Par { $name }, le { $day }
reviews-none = Aucun bilan transmis pour l’instant.
review-mail-subject = Bilan de formation : { $training }
review-mail-intro = { $trainer } vous transmet son bilan de la session « { $cohort } » de la formation « { $training } ».
review-mail-read = Le bilan et les chiffres de la session :

courses-title = Formations en libre accès
courses-lead = Le catalogue des parcours en libre accès (M@gistère, DGESCO, Canopé, IFÉ…) que les formations recommandent à leurs stagiaires.
courses-import-refused = Aucune formation n’a été importée : corrigez ces lignes puis importez de nouveau le fichier.
courses-caption = { $count ->
    [0] Catalogue vide
    [one] Une formation au catalogue
   *[other] { $count } formations au catalogue
}
course-title = Titre
course-provider = Organisme
course-provider-hint = Par exemple : DGESCO, Réseau Canopé, IFÉ.
course-url = Lien
course-duration = Durée
course-duration-hint = En heures, par exemple 3 ou 1 h 30.
course-themes = Thèmes
course-themes-hint = Facultatif, séparés par des virgules.
courses-none = Aucune formation au catalogue.
courses-add = Ajouter une formation
courses-import = Importer un catalogue
courses-import-lead = Un fichier CSV (séparateur « ; » ou « , ») dont la première ligne nomme les colonnes : titre, organisme, lien, durée et, si besoin, thèmes. Tout le fichier est importé, ou rien.
courses-import-file = Fichier CSV
courses-error-taken = Cette formation est déjà au catalogue.
error-course-taken = Une formation du catalogue a déjà ce lien.
error-course-taken-value = Une formation du catalogue a déjà ce lien : { $value }.
error-course-repeated = Ce lien figure déjà à la ligne { $value }.
error-import-no-rows = Le fichier ne contient aucune ligne.
field-provider = Organisme
field-url = Lien
field-duration = Durée
field-themes = Thèmes

recommend-title = Formations en libre accès recommandées
recommend-lead = Elles sont envoyées aux stagiaires avec le message de clôture et affichées dans leur espace.
recommend-none = Aucune pour l’instant.
recommend-choose = Formation du catalogue
recommend-add = Recommander
recommend-trainee-title = Pour aller plus loin : formations en libre accès

closing-title = Message de clôture
closing-lead = Envoyé par courriel à chaque stagiaire : ses contenus restent accessibles jusqu’au { $day }, le lien de son certificat de réalisation, et les formations en libre accès recommandées.
closing-no-courses = La formation ne recommande encore aucune formation en libre accès.
closing-sent-on = { $count ->
    [one] Envoyé le { $day } à { $time } à une personne.
   *[other] Envoyé le { $day } à { $time } à { $count } stagiaires.
}
closing-send = Envoyer le message de clôture
closing-send-again = Envoyer de nouveau
closing-mail-subject = Fin de la formation : { $training }
closing-mail-intro = La formation « { $training } » est terminée. Merci de votre participation ! Ses contenus, ses consignes et le forum restent consultables jusqu’au { $day }.
closing-mail-certificate = Votre certificat de réalisation :
closing-mail-courses = Pour aller plus loin, des formations en libre accès :

nav-courses = Libre accès
nav-reviews = Bilans

flash-review-saved = Brouillon enregistré.
flash-review-submitted = Bilan transmis au pilote.
flash-course-added = Formation ajoutée au catalogue.
flash-courses-imported = Catalogue importé.
flash-course-removed = Formation retirée du catalogue.
flash-course-recommended = Formation recommandée.
flash-course-unrecommended = Recommandation retirée.
flash-closing-sent = Message de clôture envoyé.

insights-title = Pilotage des formations
insights-lead = Pour préparer le plan de l’année prochaine : l’assiduité par modalité, la validation, les bilans et le suivi de la charte, pour les sessions en cours ou terminées de vos formations.
insights-export = Exporter (CSV)
insights-line = { $cohorts ->
    [0] aucune session
    [one] { $cohorts } session
   *[other] { $cohorts } sessions
  }, { $trainees ->
    [0] aucun stagiaire
    [one] { $trainees } stagiaire
   *[other] { $trainees } stagiaires
  }, { $reviews ->
    [0] aucun bilan
    [one] { $reviews } bilan
   *[other] { $reviews } bilans
  }
insights-range = Formations { $first } à { $last } sur { $total }, dans l’ordre du plan puis du titre ; les fichiers CSV et Excel les contiennent toutes.
insights-chart = { $training } : { $values }
insights-table = Les chiffres des graphiques
insights-training = Formation
insights-cohorts = Sessions
insights-trainees = Stagiaires
insights-validated = Validés (sessions terminées)
insights-reviews = Bilans
insights-checklist = Charte respectée
insights-none = Aucune session en cours ou terminée pour l’instant.
nav-insights = Pilotage
insights-export-xlsx = Exporter (Excel)
documents-summary-sheet = Synthèse
account-export = Exporter tout ce que Hybride conserve sur cette personne (JSON)
documents-group-convocations = Convocations
documents-convocation-of = Convocation — { $name }
documents-opening = Message d’ouverture
pdf-opening-title = Message d’ouverture — { $training }
pdf-convocation-title = Convocation — { $training }
pdf-published = Publié le
pdf-no-activity = Aucune séance programmée.
pdf-in-the-space = Dans l’espace de formation
pdf-personal-link = Lien personnel envoyé par courriel
pdf-convocation-links = Vos liens personnels (classes virtuelles, calendrier) et votre lien de connexion vous sont envoyés par courriel ; testez votre matériel avant la première classe virtuelle depuis la page « Tester mon équipement ».
space-documents = Mes documents :
space-convocation-pdf = Ma convocation (PDF)

# Retention policy and purge.
retention-title = Conservation des données
retention-lead = Combien de temps l’académie garde chaque sorte d’enregistrement. La commande « hybride purge » supprime ce qui a dépassé sa durée et dit ce qu’elle a supprimé ; « hybride purge --dry-run » le dit sans rien supprimer.
retention-field-cohorts = Sessions archivées (mois après leur dernier jour)
retention-field-mails = Courriels envoyés (jours)
retention-field-connections = Traces de connexion (jours après leur fin)
retention-field-accounts = Comptes de stagiaires sans session (mois sans connexion)
retention-hint-cohorts = De { $low } à { $high } mois. Tout l’enregistrement de la session part : inscriptions, planning, émargements et pièces justificatives, forum, bilans, évaluations, lignes de rémunération.
retention-hint-mails = De { $low } à { $high ->
    [one] { $high } jour
   *[other] { $high } jours
  } après leur mise en file.
retention-hint-connections = De { $low } à { $high ->
    [one] { $high } jour
   *[other] { $high } jours
  } : connexions et liens de connexion expirés, jetons révoqués, compteurs de tentatives.
retention-hint-accounts = De { $low } à { $high } mois : comptes de stagiaires inscrits à aucune session restante, créés et sans connexion depuis ce délai.
retention-preview-title = Ce que la purge supprimerait aujourd’hui
retention-preview-lead = Une simulation : rien n’est supprimé.
retention-preview-button = Simuler la purge
retention-line-cohorts = Sessions archivées terminées avant le { $day } (conservées { $duration } mois) : { $count }
retention-line-mails = Courriels mis en file avant le { $day } ({ $duration ->
    [one] { $duration } jour
   *[other] { $duration } jours
  }) : { $count }
retention-line-connections = Traces de connexion terminées avant le { $day } ({ $duration ->
    [one] { $duration } jour
   *[other] { $duration } jours
  }) : { $count }
retention-line-accounts = Comptes de stagiaires sans session ni connexion depuis le { $day } ({ $duration } mois) : { $count }
retention-kept = { $kept ->
    [one] un compte gardé, encore cité par un enregistrement conservé
   *[other] { $kept } comptes gardés, encore cités par des enregistrements conservés
}
retention-applied = Purge selon la politique de conservation de l’académie :
retention-dry-run = Simulation de la purge (rien n’est supprimé) :
retention-total = Total : { $rows ->
    [one] { $rows } ligne supprimée
   *[other] { $rows } lignes supprimées
}.
retention-total-dry = Total : { $rows ->
    [one] { $rows } ligne serait supprimée
   *[other] { $rows } lignes seraient supprimées
}.
flash-retention-saved = Durées de conservation enregistrées.
error-retention-months = Indiquez un nombre de mois compris dans l’intervalle { $value }.
error-retention-days = Indiquez un nombre de jours compris dans l’intervalle { $value }.
refused-retention = Durées de conservation hors des limites.
table-enrollments = inscriptions
table-activities = activités
table-attendance_events = événements de présence
table-attendance_documents = pièces justificatives
table-posts = messages du forum
table-reviews = bilans
table-surveys = évaluations
table-convocations = convocations
table-pay_lumps = forfaits de rémunération
table-transmissions = transmissions
table-outbox = courriels
table-sessions = connexions
table-login_links = liens de connexion
table-api_tokens = jetons d’API révoqués
table-rate_limits = compteurs de tentatives
table-users = comptes
table-cohorts = sessions

# A plan's batch export.
exports-column = Dossiers
exports-link = Exporter les dossiers
exports-title = Export des dossiers
exports-lead = Les dossiers de toutes les sessions closes du plan, prêts pour Sofia-FMO, dans un seul fichier zip : un dossier par session et la liste des sessions. L’export se prépare en arrière-plan ; vous pouvez quitter la page. Il reste téléchargeable { $days ->
    [one] { $days } jour
   *[other] { $days } jours
  }.
exports-closed = { $count ->
    [0] Aucune session close dans ce plan pour l’instant.
    [one] Une session close dans ce plan.
   *[other] { $count } sessions closes dans ce plan.
}
exports-request = Préparer l’export
exports-busy = Un export de ce plan est déjà en préparation.
exports-list = Exports demandés
exports-asked = Demandé le
exports-state = État
exports-file = Fichier
exports-pending = En attente
exports-running = En préparation : { $done ->
    [one] { $done } session
   *[other] { $done } sessions
  } sur { $total }
exports-progress = Avancement de l’export
exports-done = Prêt : { $cohorts ->
    [one] { $cohorts } session
   *[other] { $cohorts } sessions
  }, { $documents ->
    [one] { $documents } document
   *[other] { $documents } documents
  }
exports-failed = Échec : demandez un nouvel export.
exports-download = Télécharger ({ $kib } Kio)
exports-none = Aucun export demandé.
exports-cohort = Session
exports-gaia-session = Session GAIA
exports-starts = Début
exports-ends = Fin
exports-documents = Documents
exports-training = Formation
flash-export-requested = Export demandé : il se prépare en arrière-plan.
refused-nothing-to-export = Aucune session close à exporter dans ce plan.
conflict-export = Un export de ce plan est déjà en préparation.

# A trainee's asynchronous work.
pdf-declarations-title = Relevé du travail à distance — { $training }
pdf-declarations-window = Période
pdf-declarations-estimated = Durée estimée
pdf-declarations-decided = Décision du formateur
pdf-declarations-file = fichier joint
pdf-declarations-spent = temps déclaré : { $time }
pdf-declarations-total = Temps retenu : { $credited } sur { $estimated } estimés pour le travail à distance.
pdf-declarations-trainee-signature = Le ou la stagiaire
pdf-declarations-trainer-signature = Le formateur ou la formatrice
documents-declarations-of = Travail à distance — { $name }
documents-group-declarations = Relevés du travail à distance
space-declarations-pdf = Mon travail à distance (PDF)

## The certificats de réalisation: their signatory, when they are issued; closing a cohort.
signatory-title = Signataire des certificats
settings-about-signatory = La personne qui signe les certificats de réalisation : la directrice ou le directeur de l’EAFC, ou une personne qui signe par délégation. Sans elle, aucun certificat n’est délivré.
signatory-lead = Chaque certificat de réalisation porte le nom et la fonction de la personne qui le signe, en fonction à la fin de la session. Désigner quelqu’un d’autre ne change pas les certificats des sessions déjà terminées.
signatory-none = Aucun signataire n’est désigné : aucun certificat de réalisation n’est délivré tant qu’il ne l’est pas.
signatory-name = Nom et prénom
signatory-name-hint = Tels que les certificats les imprimeront, par exemple « Claire Martin ».
signatory-function = Fonction
signatory-function-hint = Par exemple « Directrice de l’École académique de la formation continue ».
signatory-capacity = Signe en qualité de
signatory-capacity-director = Directrice ou directeur de l’EAFC
signatory-capacity-delegate = Par délégation de la direction de l’EAFC
signatory-save-hint = La personne enregistrée signe les certificats des sessions qui se terminent à partir de maintenant, et ceux des sessions déjà terminées lorsque personne n’était encore désigné.
signatory-history = Signataires successifs
signatory-since = Depuis le
signatory-named-by = Désigné par
flash-signatory-saved = Signataire des certificats enregistré.
error-signatory-capacity = Choisissez « directrice ou directeur de l’EAFC » ou « par délégation ».
pdf-certificate-credited = Durée retenue
pdf-certificate-attests = { $signatory }, { $title }, atteste de la réalisation de la formation « { $training } » par { $trainee }, du { $start } au { $end }, pour une durée réalisée de { $achieved } sur { $planned } prévues.
pdf-certificate-attests-delegate = Pour la direction de l’EAFC et par délégation, { $signatory }, { $title }, atteste de la réalisation de la formation « { $training } » par { $trainee }, du { $start } au { $end }, pour une durée réalisée de { $achieved } sur { $planned } prévues.
pdf-certificate-signature-delegate = Pour l’EAFC, par délégation
refused-certificate-not-ended = Le certificat de réalisation n’existe qu’à la fin de la formation, une fois sa dernière activité passée ou la session close. D’ici là, la page de progression montre où en est chaque stagiaire.
refused-certificate-unsigned = Aucun certificat de réalisation n’est délivré tant que l’EAFC n’a pas désigné la personne qui les signe (Gestion › Signataire des certificats).
refused-certificate-declarations-pending = Ce certificat de réalisation attend la décision sur le travail à distance déclaré : il sera délivré une fois la déclaration validée, ou un complément demandé.
refused-declarations-pending = La session ne peut pas être close : des déclarations de travail à distance attendent une décision. Validez-les ou demandez un complément depuis la feuille de chaque activité, puis clôturez.
refused-record-changed = Le registre de présence a changé pendant la clôture : rechargez la page, vérifiez les déclarations, puis clôturez à nouveau.
refused-bundle-unsigned = Le dossier d’une session close contient le certificat de réalisation de chaque stagiaire : il ne peut pas être constitué tant que l’EAFC n’a pas désigné le signataire des certificats (Gestion › Signataire des certificats).
cohort-error-declarations-pending = La session ne peut pas être close : des déclarations de travail à distance attendent votre décision. Décidez-les ci-dessous, puis clôturez.
cohort-error-record-changed = Le registre de présence a changé pendant la clôture : vérifiez les déclarations ci-dessous, puis clôturez à nouveau.
closing-pending-title = Avant de clore : les déclarations à décider
closing-pending-explain = { $count ->
    [0] Aucune déclaration de travail à distance n’attend de décision.
    [one] Une déclaration de travail à distance attend une décision. La session ne peut pas être close avant : une déclaration laissée sans décision ne serait jamais comptée, et le certificat de réalisation n’en montrerait rien.
   *[other] { $count } déclarations de travail à distance attendent une décision. La session ne peut pas être close avant : une déclaration laissée sans décision ne serait jamais comptée, et le certificat de réalisation n’en montrerait rien.
}
closing-declared-on = déclarée le { $day }
closing-decide = Décider
closing-unsigned = Le message de clôture donne à chaque stagiaire son certificat de réalisation : il ne peut partir tant que l’EAFC n’a pas désigné le signataire des certificats.
documents-error-unsigned = Le message de clôture donne à chaque stagiaire son certificat de réalisation : il ne peut partir tant que l’EAFC n’a pas désigné le signataire des certificats.
certificate-progress-link = Voir ma validation
certificate-wait-not-ended = Votre certificat de réalisation sera délivré à la fin de la formation, après sa dernière activité le { $day }. D’ici là, « Ma validation » montre votre progression.
certificate-wait-not-ended-undated = Votre certificat de réalisation sera délivré à la fin de la formation. D’ici là, « Ma validation » montre votre progression.
certificate-wait-unsigned = Votre certificat de réalisation sera délivré dès que l’EAFC aura désigné la personne qui le signe.
certificate-wait-declarations-pending = Votre certificat de réalisation sera délivré dès que le travail à distance que vous avez déclaré aura été examiné.
certificate-not-issued-not-ended = Certificat de réalisation : délivré à la fin de la session, après sa dernière activité le { $day }.
certificate-not-issued-not-ended-undated = Certificat de réalisation : délivré à la fin de la session.
certificate-not-issued-unsigned = Certificat de réalisation : non délivré, aucun signataire n’est désigné (Gestion › Signataire des certificats).
certificate-not-issued-declarations-pending = Certificat de réalisation : en attente de la décision sur le travail à distance déclaré.
documents-certificates-not-ended = Les certificats de réalisation seront délivrés à la fin de la session, après sa dernière activité le { $day }.
documents-certificates-not-ended-undated = Les certificats de réalisation seront délivrés à la fin de la session.
documents-certificates-unsigned = Aucun signataire des certificats n’est désigné : les certificats de réalisation ne sont pas délivrés, et le dossier de la session close ne peut pas être constitué.
documents-certificates-name-signatory = Désigner le signataire
documents-certificates-ask-admin = Demandez au gestionnaire de l’EAFC de le désigner.
documents-certificates-signed-by = Signés par { $name }, { $title }.
documents-certificates-pending = { $count ->
    [0] Aucune déclaration de travail à distance n’attend de décision.
    [one] Une déclaration de travail à distance attend une décision ; le certificat de sa ou son auteur sera délivré ensuite :
   *[other] { $count } déclarations de travail à distance attendent une décision ; les certificats de leurs auteurs seront délivrés ensuite :
}
documents-bundle-blocked = Le dossier de la session ne peut pas être constitué tant que tous ses certificats de réalisation ne sont pas délivrés (voir « Certificats de réalisation » plus bas).
evidence-signatory-missing = Aucun signataire des certificats n’est désigné : les certificats de réalisation ne sont pas délivrés (Gestion › Signataire des certificats).
close-confirm-title = Clore la session « { $cohort } » ?
close-confirm-lead = Voici ce que fera la clôture :
close-confirm-read-only = La session passe en lecture seule : les présences, les déclarations et le planning ne pourront plus être modifiés.
close-confirm-trainees = { $count ->
    [0] Aucun stagiaire n’est inscrit ; les contenus restent consultables jusqu’au { $day }.
    [one] Le stagiaire inscrit garde l’accès aux contenus jusqu’au { $day }.
   *[other] Les { $count } stagiaires inscrits gardent l’accès aux contenus jusqu’au { $day }.
}
close-confirm-certificates = Les certificats de réalisation reprennent le registre tel qu’il est à la clôture, et les activités à venir disparaissent de l’accueil des stagiaires.
close-confirm-undo = { $count ->
    [one] Ses formateurs et son pilote pourront annuler la clôture pendant { $count } jour, en indiquant un motif.
   *[other] Ses formateurs et son pilote pourront annuler la clôture pendant { $count } jours, en indiquant un motif.
}
reopen-title = Rouvrir la session
reopen-hint = La clôture peut être annulée jusqu’au { $day }, si une présence ou une déclaration a été oubliée. Le registre garde la clôture et la réouverture ; la session devra être close de nouveau.
reopen-reason = Motif de la réouverture
reopen-submit = Rouvrir la session
closings-title = Clôtures
closing-event-closed = Close le { $day } à { $time } par { $name }
closing-event-reopened = Rouverte le { $day } à { $time } par { $name }
cohort-error-reopen-reason = Motif de la réouverture : ce champ est obligatoire (une ligne, 200 caractères au plus).
cohort-error-reopen-too-late = La clôture ne peut plus être annulée : le délai de réouverture est passé.
refused-reopen-too-late = La clôture ne peut plus être annulée : le délai de réouverture est passé.
documents-error-note-invalid = La note n’a pas été enregistrée : une seule ligne de 500 caractères au plus, sans caractères invisibles.
