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
pay-sign-trainer = L’intervenant(e)
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
nav-rates = Taux de rémunération
cohort-closed-notice = Session close : ses contenus, ses consignes, son forum et vos documents restent consultables jusqu’au { $day }.
