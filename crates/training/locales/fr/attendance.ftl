# Attendance: signing, sheets, declarations, validation.
attendance-title = Émargement et assiduité
attendance-lead = Chaque demi-journée en présentiel ou à distance, et chaque activité asynchrone : qui a signé, qui s’est connecté, qui a déclaré son travail.
attendance-when = Quand
attendance-count = Présences
attendance-countersigned = Contresignée
attendance-flags = Alertes
attendance-signed-of = { $signed } sur { $total }
attendance-declared-of = { $declared ->
    [one] { $declared } déclarée
   *[other] { $declared } déclarées
  }, { $validated ->
    [one] { $validated } validée
   *[other] { $validated } validées
  }, sur { $total }
attendance-half-days = Demi-journées de l’activité
cohort-attendance-link = Émargement
cohort-validation-link = Validation des stagiaires
validation-title = Validation des stagiaires
completions-refused = Rien n’a été importé. Corrigez le fichier puis recommencez :
import-line-error = Ligne { $line } : { $message }
import-completions-title = Importer les achèvements de M@gistère
import-completions-hint = Fichier CSV du rapport « Achèvement d’activités » (M@gistère ou Moodle). La colonne de courriel et la colonne « { $title } » sont lues ; chaque stagiaire dont l’activité est terminée est déclaré, et vous validez ensuite.
import-completions = Importer
sheet-qr-alt = Code QR à scanner avec son téléphone pour signer
sheet-pause = Suspendre l’actualisation
sheet-resume = Reprendre l’actualisation
sheet-countersign-title = Contresignature du formateur
sheet-countersigned-by = Contresignée par { $name } le { $day } à { $time }.
sheet-countersign-hint = { $signed ->
    [0] Aucune présence
    [one] { $signed } présence
   *[other] { $signed } présences
  } sur { $total }. En contresignant, vous attestez cette feuille ; une correction reste possible, elle sera tracée.
sheet-countersign = Contresigner la demi-journée
sheet-not-countersigned = Pas encore contresignée par un formateur ou une formatrice de la session.
sheet-capacity = Capacité de la salle
sheet-capacity-hint = Nombre de places ; une alerte signale plus de signatures que de places.
sheet-fingerprint = Empreinte de l’enregistrement : { $value }
sheet-signing-title = Signature en cours
sheet-code-label = Code à lire à voix haute :
sheet-code-valid = Ce code change toutes les 30 secondes ; le précédent reste valable un court instant.
refused-not-open-yet = Cette activité n’est pas encore ouverte.
sheet-code-where = Les stagiaires scannent le code QR avec leur téléphone, ou saisissent le code sur la page « Signer ma présence ».
sheet-codes-hidden = La signature est ouverte ; seuls les formateurs de la session voient les codes.
sheet-closed = La signature par code n’est ouverte que pendant la demi-journée (30 minutes avant et après).
sheet-title = Feuille d’émargement
sheet-count = { $signed ->
    [0] Aucune signature sur { $total }
    [one] { $signed } sur { $total } a signé
   *[other] { $signed } sur { $total } ont signé
  }, { $absent ->
    [0] aucune absence signalée
    [one] { $absent } absence signalée
   *[other] { $absent } absences signalées
  }.
sheet-declared = { $declared ->
    [0] Aucune déclaration sur { $total }.
    [one] { $declared } sur { $total } a déclaré l’activité.
   *[other] { $declared } sur { $total } ont déclaré l’activité.
  }
sheet-flags = À vérifier :
sheet-threshold = Une demi-journée à distance compte à partir de { $percent } % de sa durée connectée ; sans les données de la salle, il faut avoir rejoint par son lien et confirmé « je suis présent » { $prompts ->
    [one] une fois
   *[other] { $prompts } fois (au début et après la pause)
}.
sheet-declaration = Déclaration
sheet-credited = Temps retenu
sheet-signature = Signature
sheet-times = Arrivée et départ
sheet-connection = Connexion
sheet-declared-time = Temps déclaré : { $time }
sheet-comment = Commentaire : « { $text } »
sheet-decision-comment = Commentaire
sheet-validate = Valider
sheet-more = Demander un complément
sheet-present = Présent
sheet-absent-justified = Absence justifiée
sheet-absent = Absent
sheet-connected = { $minutes ->
    [one] { $minutes } min connectée
   *[other] { $minutes } min connectées
  }
sheet-joined = A rejoint à { $time }
sheet-confirmations = { $count ->
    [one] une confirmation
   *[other] { $count } confirmations
}
sheet-not-signed = Non signé
sheet-arrived = Arrivée à { $time }.
sheet-left = Départ à { $time }.
sheet-attended = Comptée
sheet-mark-present = Marquer présent
sheet-correct = Corriger
sheet-action = Correction
sheet-action-present = Présent
sheet-action-late = Arrivée en retard (heure)
sheet-action-early = Départ anticipé (heure)
sheet-action-absent = Absent (motif)
sheet-action-accept = Accepter la justification
sheet-action-cancel = Annuler la présence (motif)
sheet-time = Heure
sheet-reason = Motif
sheet-record = Enregistrer
sheet-error-already-signed = Cette personne a déjà signé cette demi-journée.
sheet-error-not-signed = Cette personne n’a pas signé cette demi-journée.
sheet-error-no-absence = Aucune absence n’est signalée pour cette personne.
sheet-error-reason-required = Indiquez le motif : il est conservé dans l’enregistrement.
sheet-error-time-invalid = Heure invalide : écrivez par exemple « 10:15 ».
sheet-error-time-outside = L’heure doit être comprise dans la demi-journée.
sheet-error-unknown-trainee = Cette personne n’est pas inscrite à la session.
sheet-error-closed = La session est close : l’émargement ne peut plus être modifié.
sheet-error-already-countersigned = Vous avez déjà contresigné cette demi-journée, et rien n’a été enregistré depuis.
sheet-error-declaration-missing = Ce ou cette stagiaire n’a rien déclaré.
sheet-error-import-empty = Le fichier ne contient aucune activité terminée.
sheet-error-capacity-invalid = La capacité doit être un nombre entre 1 et 10 000.
sheet-ok-marked = Émargement enregistré.
sheet-ok-countersigned = Demi-journée contresignée.
sheet-ok-decided = Décision enregistrée.
sheet-ok-imported = Achèvements importés : à valider ci-dessous.
sheet-ok-capacity-saved = Capacité enregistrée.
async-not_declared = Non déclarée
async-declared = Déclarée, à valider
async-more_requested = Complément demandé
async-validated = Validée
channel-qr = code QR
channel-code = code lu
channel-trainer = par le formateur
channel-trainee = par le ou la stagiaire
channel-bbb = BigBlueButton
channel-link = lien personnel
channel-import = import M@gistère
sign-title = Signer ma présence
sign-already = Vous avez signé à { $time }.
sign-nothing-now = Aucune demi-journée en présentiel n’est en cours pour vous.
sign-code = Code lu par le formateur
sign-code-hint = Six chiffres, par exemple « 482 913 ».
sign-submit = Signer
sign-privacy = Aucune photo, aucune localisation : seuls l’heure et le moyen de signature sont enregistrés.
signed-title = Présence enregistrée
signed-done = Votre présence est enregistrée à { $time }.
signed-back = Retour à la session
sign-confirm = Je signe ma présence
sign-qr-expired = Ce code QR n’est plus valable (il change toutes les 30 secondes) ou ne vous concerne pas. Scannez le code affiché maintenant, ou saisissez le code lu à voix haute.
sign-with-code = Signer avec le code
error-sign-nothing-now = Aucune demi-journée en présentiel n’est en cours pour vous : la signature n’est possible que pendant la séance.
error-sign-code = Ce code n’est pas le bon ou n’est plus valable : il change toutes les 30 secondes.
error-slot-unknown = Demi-journée inconnue : { $value }.
error-mark-unknown = Type de marque inconnu : { $value }.
error-channel-unknown = Moyen d’enregistrement inconnu : { $value }.
error-credit-rule-unknown = Règle de prise en compte inconnue : { $value }.
error-declaration-evidence = Décrivez ce que vous avez fait ou donnez un lien vers votre production.
error-import-not-enrolled = { $value } n’est pas inscrit à la session.
error-import-email-column = Le fichier n’a pas de colonne de courriel (« Adresse de courriel » ou « email »).
error-import-activity-column = Le fichier n’a pas de colonne « { $value } » ni de colonne d’état d’achèvement.
declaration-estimate = durée estimée { $time }
credit-rule-explain-estimate_on_validation = Le temps retenu est la durée estimée, une fois la déclaration validée par le formateur.
credit-rule-explain-declared_capped = Le temps retenu est celui que vous déclarez, dans la limite de la durée estimée, une fois la déclaration validée.
declaration-state = Où en est cette activité
declaration-declared-on = le { $day } à { $time }
declaration-credited = Temps retenu : { $time }.
declaration-title = Déclarer l’activité terminée
declaration-again = Compléter ma déclaration
declaration-text = Ce que j’ai fait
declaration-text-hint = Quelques lignes : ce que vous avez lu, produit, essayé en classe…
declaration-link = Lien vers ma production
declaration-link-hint = Facultatif ; par exemple le dépôt sur M@gistère.
declaration-minutes = Temps passé
declaration-submit = Déclarer
declaration-half-days = Mes demi-journées
declaration-nothing = rien d’enregistré pour l’instant
absence-report = Signaler une absence
absence-reason = Motif de l’absence
absence-submit = Signaler l’absence
validation-rules-summary = Présence minimale : { $in_person } % en présentiel, { $synchronous } % à distance en synchrone, { $asynchronous } % en asynchrone. Une demi-journée à distance compte à partir de { $threshold } % de connexion.
validation-mine = Ma validation
validation-caption = Validation de { $name }
validation-achieved = Réalisé
validation-so-far = Prévu à ce jour
validation-planned = Prévu en tout
validation-required = Exigé
validation-standing = État
validation-excused = dont { $time } d’absence justifiée
validation-warning = Un critère ne peut plus être atteint, quoi qu’il arrive : prévenez le ou la stagiaire et la pilote.
validation-missed = Activités obligatoires manquées : { $list }.
validation-evaluations-pending = Évaluations à réussir : { $list }.
standing-not_applicable = sans objet
standing-met = atteint
standing-on_track = en bonne voie
standing-behind = en retard
standing-unreachable = ne peut plus être atteint
budget-in_person = Présentiel
budget-synchronous = Distanciel synchrone
budget-asynchronous = Distanciel asynchrone
flag-outside-time = { $name } a signé à { $time }, en dehors de la demi-journée.
flag-public-holiday = Des signatures sont datées d’un jour férié.
flag-shared-device = Un même appareil a signé pour plusieurs personnes : { $names }.
flag-burst = { $count ->
    [one] { $count } signature
   *[other] { $count } signatures
  } en { $seconds ->
    [one] { $seconds } seconde
   *[other] { $seconds } secondes
  } depuis un même appareil.
flag-over-capacity = { $signed ->
    [one] { $signed } signature
   *[other] { $signed } signatures
  } pour une salle de { $capacity ->
    [one] { $capacity } place
   *[other] { $capacity } places
  }.
flag-two-places = { $name } a contresigné en même temps une autre activité ailleurs (activité n° { $activity }).
flash-presence-confirmed = Votre présence est confirmée.
flash-declared = Votre déclaration est enregistrée ; le formateur va la valider.
flash-absence-recorded = Votre absence est signalée au formateur.
refused-already-signed = Cette personne a déjà signé cette demi-journée.
refused-not-signed = Cette personne n’a pas signé cette demi-journée.
refused-no-absence = Aucune absence n’est signalée pour cette personne.
refused-reason-required = Le motif est obligatoire pour cette correction.
refused-time-invalid = Heure invalide.
refused-time-outside = L’heure doit être comprise dans la demi-journée.
refused-not-now = Cette activité n’est pas en cours.
refused-activity-has-attendance = Cette activité a déjà un émargement : elle ne peut plus être supprimée.
step-credit-rule = Temps retenu pour une activité asynchrone
credit-rule-estimate_on_validation = la durée estimée, à la validation
credit-rule-declared_capped = le temps déclaré, plafonné à la durée estimée
validation-threshold = Seuil de présence d’une demi-journée à distance
validation-threshold-hint = Part de la durée qu’il faut passer connecté pour que la demi-journée compte (80 % par défaut).
space-sign = Signer ma présence
space-present = Je suis présent
space-present-done = { $count ->
    [one] présence confirmée une fois
   *[other] présence confirmée { $count } fois
}
space-my-record = Mon suivi de cette activité
space-declare = Déclarer mon travail
exchanges-line = Échanges avec les formateurs : { $posts ->
    [0] aucun message
    [one] un message
   *[other] { $posts } messages
} sur le forum, { $answers ->
    [0] aucune réponse reçue
    [one] une réponse reçue
   *[other] { $answers } réponses reçues
}, { $messages ->
    [0] aucune relance personnelle
    [one] une relance personnelle
   *[other] { $messages } relances personnelles
}.
declaration-document = Fichier
document-hint = Facultatif : PDF, PNG ou JPEG, 5 Mo au plus.
absence-document = Justificatif
document-link = Pièce jointe
error-file-type = Seuls les fichiers PDF, PNG ou JPEG sont acceptés.
error-file-too-large = Le fichier dépasse { $value } Mo.
pdf-download = Télécharger la feuille (PDF)
pdf-sheet-title = Feuille d’émargement — { $training }
pdf-session = Session
pdf-activity = Activité
pdf-when = Quand
pdf-place = Lieu
pdf-trainers = Formateurs
pdf-trainee = Stagiaire
pdf-signature = Signature
pdf-channel = Moyen
pdf-times = Arrivée, départ
pdf-absence = Absence
pdf-credited = Temps retenu
pdf-state = État
pdf-declared = Déclarée le
pdf-evidence = Preuve
pdf-connection = Connexion
pdf-confirmations = Confirmations
pdf-counted = Comptée
pdf-total-credited = Temps retenu pour l’ensemble des stagiaires : { $time }.
pdf-establishment = Établissement
pdf-certificate-title = Certificat de réalisation — { $training }
pdf-certificate-standing = Validation : { $standing }.
pdf-certificate-signature = Pour l’EAFC
pdf-certificate-done = Fait le { $day }
pdf-certificate-link = Certificat de réalisation (PDF)
csv-download = Exporter le tableau (CSV)

# A countersigned half-day is frozen: what comes after is a correction, to countersign again.
sheet-state-to_countersign_again = À contresigner de nouveau
sheet-to-countersign-again = À contresigner de nouveau : { $count ->
    [one] une correction est arrivée
   *[other] { $count } corrections sont arrivées
  } après la dernière contresignature.
sheet-countersigned-again-by = Contresignée de nouveau par { $name } le { $day } à { $time }.
sheet-countersign-early-reason = Avant la fin de la demi-journée, pour ce motif : « { $reason } ».
sheet-countersign-reason-given = Motif : « { $reason } ».
sheet-countersign-attests = Empreinte attestée : { $value }.
sheet-countersign-reason = Motif de la contresignature avant la fin
sheet-countersign-reason-hint = La demi-journée n’est pas terminée : dites pourquoi vous contresignez maintenant. Le motif figurera sur la feuille et sur son PDF.
sheet-countersign-again = Contresigner de nouveau
sheet-countersign-again-hint = En contresignant de nouveau, vous attestez les corrections ci-dessus telles qu’elles sont enregistrées.
sheet-corrections-title = Corrections après la contresignature
sheet-corrections-hint = Ces marques sont arrivées après la contresignature : elles sont conservées telles qu’elles ont été enregistrées, et ne sont attestées qu’une fois la demi-journée contresignée de nouveau.
sheet-correction-what = Correction
sheet-correction-when = Enregistrée le
sheet-correction-author = Par
sheet-correction-status = Contresignature
sheet-room-title = Salle
correction-line = { $what } — { $when } — par { $author } — { $status }
correction-pending = à contresigner de nouveau
correction-countersigned = contresignée de nouveau le { $when }
mark-signed = Signature ({ $channel })
mark-late = Arrivée en retard à { $time }
mark-early = Départ anticipé à { $time }
mark-absent = Absence signalée : « { $reason } »
mark-absence_accepted = Justification d’absence acceptée
mark-cancelled = Présence annulée : « { $reason } »
mark-countersigned = Contresignature
mark-joined = Arrivée par le lien personnel
mark-confirmed = « Je suis présent » confirmé
mark-connected = { $minutes ->
    [one] { $minutes } min connectée
   *[other] { $minutes } min connectées
  }
mark-declared = Travail déclaré
mark-validated = Travail validé
mark-more_requested = Complément demandé
sheet-error-countersign-early = La demi-journée n’est pas terminée : indiquez le motif de votre contresignature anticipée.
sheet-error-sheet-changed = La feuille a changé depuis que vous l’avez lue : vérifiez-la, puis contresignez.
sheet-error-time-future = Cette heure n’est pas encore passée : une arrivée ou un départ ne s’enregistre qu’une fois survenu.
error-time-future = Cette heure n’est pas encore passée (il est { $value }) : une arrivée ou un départ ne s’enregistre qu’une fois survenu.
error-time-outside = L’heure doit être comprise dans la demi-journée.
refused-time-future = Cette heure n’est pas encore passée.
pdf-corrections = Après contresignature
verify-to-countersign-again = { $count ->
    [one] Une demi-journée contresignée a reçu des corrections depuis : elle est à contresigner de nouveau.
   *[other] { $count } demi-journées contresignées ont reçu des corrections depuis : elles sont à contresigner de nouveau.
  }
verify-half-day = Session { $cohort }, activité { $activity }, { $half_day } : à contresigner de nouveau.

## Signing from the home page and the menu
nav-sign = Signer ma présence
dashboard-sign-open = { $count ->
    [one] Une demi-journée est ouverte à votre signature
   *[other] { $count } demi-journées sont ouvertes à votre signature
}
