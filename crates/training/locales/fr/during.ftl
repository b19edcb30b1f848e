# During the training: convocations, personal links, opening message, instructions.

checklist-during-title = Pendant la formation
duty-links-received = Vérifier que les stagiaires ont reçu leurs liens de connexion
duty-opening-message = Annoncer les critères de validation et l’accompagnement dans le message d’ouverture
duty-instructions-published = Expliciter les consignes à chaque nouvelle activité

evidence-no-trainees = Aucun stagiaire inscrit.
evidence-no-convocation = Aucune convocation envoyée.
evidence-links-received = { $received ->
    [0] Aucun stagiaire sur { $trainees } n’a ouvert ses liens ni n’en a confirmé la réception.
    [one] { $received } stagiaire sur { $trainees } a ouvert ses liens ou en a confirmé la réception.
   *[other] { $received } stagiaires sur { $trainees } ont ouvert leurs liens ou en ont confirmé la réception.
  }
evidence-not-convoked = { $count ->
    [0] Tous les stagiaires ont leur convocation.
    [one] { $count } stagiaire sans convocation.
   *[other] { $count } stagiaires sans convocation.
  }
evidence-undelivered = { $count ->
    [0] Toutes les convocations ont été distribuées.
    [one] { $count } convocation non distribuée : vérifiez l’adresse.
   *[other] { $count } convocations non distribuées : vérifiez les adresses.
  }
evidence-links-waiting = En attente : { $names }{ $more ->
    [0] {""}
    [one] {" "}et { $more } autre
   *[other] {" "}et { $more } autres
  }.
evidence-opening-none = Le message d’ouverture n’est pas rédigé.
evidence-opening-draft = Le message d’ouverture est rédigé mais pas publié.
evidence-opening-published = Le message d’ouverture est publié.
evidence-opening-no-validation = Il n’annonce pas les critères de validation.
evidence-opening-no-accompaniment = Il n’annonce pas l’accompagnement.
evidence-nothing-started = Aucune activité n’a encore commencé.
evidence-instructions-all = { $count ->
    [one] Consignes publiées pour l’activité commencée.
   *[other] Consignes publiées pour les { $count } activités commencées.
  }
evidence-instructions-some = { $published ->
    [0] Aucune consigne publiée { $started ->
        [one] pour l’activité commencée
       *[other] pour les { $started } activités commencées
    }.
    [one] Consignes publiées pour { $published } activité commencée sur { $started }.
   *[other] Consignes publiées pour { $published } activités commencées sur { $started }.
  }
evidence-instructions-missing = Sans consignes publiées : « { $title } ».

links-title = Liens des stagiaires
convocations-send = Envoyer les convocations ({ $count })
links-sent = Convocation
links-delivered = Remise au serveur
links-opened = Liens ouverts
links-acknowledged = Réception confirmée
links-times = { $count ->
    [one] { $count } envoi
   *[other] { $count } envois
  }
links-not-sent = Non envoyée
links-failed = Échec
links-queued = En attente d’envoi
links-resend = Renvoyer
cohort-error-convocation-status = Les convocations, le message d’ouverture et les consignes partent quand la session est prête ou en cours.
flash-convocations-sent = Convocations mises en file d’envoi.
flash-convocation-resent = Convocation renvoyée avec de nouveaux liens.
flash-links-acknowledged = Merci : votre formateur sait que vous avez bien reçu vos liens.
flash-opening-saved = Message d’ouverture enregistré.
flash-opening-published = Message d’ouverture publié.
flash-instructions-saved = Consignes enregistrées.
flash-instructions-published = Consignes publiées.
refused-mail = Le courriel n’a pas pu être rédigé.
conflict-reminder = La relance a déjà été envoyée.
refused-opening-incomplete = Le message d’ouverture doit annoncer les critères de validation et l’accompagnement.

space-title = Mon espace de formation
space-acknowledge-explain = Vous avez reçu votre convocation et vos liens personnels ? Dites-le à votre formateur.
space-acknowledge = J’ai bien reçu mes liens
space-acknowledged = Réception de vos liens confirmée le { $day }.
space-equipment = Tester mon matériel (micro, son, caméra)
space-current = En ce moment
space-next = À venir
space-none = Rien pour l’instant.
calendar-link = Ajouter la formation à mon agenda

opening-title = Message d’ouverture
opening-explain = Ce message accueille les stagiaires : il est pré-rempli à partir de la formation, de ses règles de validation et du plan d’accompagnement. Relisez-le, complétez-le, puis publiez-le.
opening-introduction = Accueil
opening-objectives = Objectifs
opening-validation = Critères de validation
opening-validation-hint = Ce que chaque stagiaire doit faire pour que la formation soit validée, en mots simples.
opening-accompaniment = Accompagnement
opening-accompaniment-hint = Comment joindre les formateurs, en combien de temps ils répondent, les permanences, le contact technique.
opening-availability = Disponibilité des contenus
opening-schedule-hint = Le programme ci-dessous est joint au message ; chaque stagiaire retrouve ses liens personnels dans sa convocation et dans son espace.
opening-by-mail = Envoyer aussi le message par courriel aux stagiaires
opening-save = Enregistrer le brouillon
opening-publish = Publier
opening-republish = Publier la nouvelle version
opening-edit = Modifier le message d’ouverture
opening-compose = Rédiger le message d’ouverture
opening-published-on = Publié le { $day } à { $time }.
opening-introduction-text = Bienvenue dans la formation « { $training } ». Elle alterne des temps en présentiel, des classes virtuelles et du travail à distance : voici ce qui vous attend et comment nous vous accompagnons.
opening-accompaniment-text =
    Pour nous joindre : { $channels }.
    Nous répondons à vos questions sous { $hours ->
        [one] { $hours } heure
       *[other] { $hours } heures
    } ({ $days }).
    Permanences de tutorat : { $tutoring }.
    Contact technique : { $technical }.
    Horaires d’échange et droit à la déconnexion : { $exchange }.
opening-working-days = jours ouvrés
opening-all-days = tous les jours
opening-availability-text = Les contenus de la formation restent disponibles jusqu’au { $day }.

instructions-title = Consignes
instructions-label = Consignes de cette activité pour la session
instructions-hint = Laissez vide pour reprendre les consignes du scénario.
instructions-by-mail = Envoyer aussi les consignes par courriel à la publication
instructions-publish-now = Publier maintenant, sans attendre le début de l’activité
instructions-auto = Les consignes seront publiées automatiquement au début de l’activité, le { $day } à { $time }.
instructions-published-on = Consignes publiées le { $day } à { $time }.
room-error-instructions-too-long = Les consignes sont trop longues.

join-title = Rejoindre l’activité
join-invalid = Ce lien n’est pas ou plus valide.
join-ask-login = Recevoir un lien de connexion par courriel
join-early = L’activité n’a pas encore commencé : ce lien ouvrira la salle trente minutes avant le début.
join-ended = Cette activité est terminée.
join-no-room = Aucune salle n’est encore indiquée pour cette activité : votre formateur vous donnera le lien.

calendar-title = Mon agenda
calendar-explain = Abonnez votre agenda (Thunderbird, Outlook, agenda du téléphone) à ce lien personnel : toutes les activités de vos formations y apparaissent et se mettent à jour d’elles-mêmes. Ne le partagez pas.
calendar-new-url = Voici votre nouveau lien d’agenda. Copiez-le maintenant : il ne sera plus affiché.
calendar-url-label = Lien d’abonnement
calendar-active = { $count ->
    [0] Vous n’avez pas de lien d’agenda actif.
    [one] Vous avez un lien d’agenda actif.
   *[other] Vous avez { $count } liens d’agenda actifs.
  }
calendar-renew = Créer un nouveau lien
calendar-create = Créer mon lien d’agenda
calendar-renew-hint = Un nouveau lien remplace les précédents, qui cessent de fonctionner.
calendar-name = Formations — { $name }

mail-greeting = Bonjour { $name },
mail-convocation-subject = Convocation : { $training }
mail-reminder-subject = Rappel : vos liens pour « { $training } »
mail-opening-subject = Message d’ouverture : { $training }
mail-instructions-subject = Consignes : { $title }
mail-convocation-intro = Nous vous convoquons à la formation « { $training } », du { $start } au { $end }.
mail-reminder-intro = La formation « { $training } » commence bientôt et vous n’avez pas encore ouvert vos liens. Les voici de nouveau.
mail-instructions-intro = Voici les consignes de l’activité « { $title } » (formation « { $training } »).
mail-objectives = Objectifs
mail-schedule = Programme
mail-place = Lieu : { $place }
mail-join-link = Votre lien personnel : { $link }
mail-space-link = Votre espace de formation (lien personnel, à usage unique) :
mail-equipment-link = Testez votre matériel avant la première classe virtuelle :
mail-calendar-link = Votre agenda personnel (toutes les séances, à ajouter à votre agenda ; le fichier joint « formation.ics » les contient aussi) :
mail-acknowledge = Merci de confirmer la réception de ces liens dans votre espace : « J’ai bien reçu mes liens ».
mail-signature = — L’équipe de l’EAFC

error-not-enrolled = Le compte { $value } n’est pas inscrit à cette session.
refused-cohort-not-started = La session doit être prête ou en cours.

# The discussion space (social activities) and the accompaniment measured.

duty-social-activity = Faire vivre les activités sociales, accompagner le groupe et chacun
evidence-no-posts = Aucun message dans l’espace d’échange.
evidence-posts = { $posts ->
    [one] { $posts } message
   *[other] { $posts } messages
  } de { $authors ->
    [one] { $authors } participant
   *[other] { $authors } participants
  }.
evidence-question-overdue = Question de { $name } sans réponse, { $hours } h au-delà du délai promis.
evidence-inactive = Sans activité depuis { $days ->
    [one] { $days } jour
   *[other] { $days } jours
  } : { $names }{ $more ->
    [0] {""}
    [one] {" "}et { $more } autre
   *[other] {" "}et { $more } autres
  }.
forum-title = Espace d’échange
forum-explain = Un fil général et un fil par activité. Les questions des stagiaires attendent la réponse d’un formateur dans le délai promis par le plan d’accompagnement.
forum-threads = Fils de discussion
forum-thread = Fil
forum-posts = Messages
forum-last = Dernier message
forum-general = Fil général
forum-notify = Me prévenir par courriel
forum-notify-each = à chaque message
forum-notify-digest = une fois par jour (résumé)
forum-notify-mentions = seulement quand on me mentionne
forum-accompaniment = Accompagnement
forum-commitment = Délai de réponse promis : { $hours ->
    [one] { $hours } heure
   *[other] { $hours } heures
  }.
forum-overdue = Questions en retard
forum-overdue-line = { $name } attend une réponse depuis { $hours } h au-delà du délai.
forum-overdue-none = Aucune question en retard.
forum-inactive = Stagiaires sans activité depuis { $days ->
    [one] { $days } jour
   *[other] { $days } jours
  }
forum-inactive-none = Personne.
forum-last-seen = vu pour la dernière fois le { $day }
forum-never-seen = jamais venu
forum-follow-up = Relancer
forum-answered = Répondu
forum-waiting = En attente de réponse
forum-reply = Répondre
forum-your-reply = Votre réponse
forum-send = Publier
forum-empty = Pas encore de message dans ce fil.
forum-new = Nouveau message
forum-new-hint = Markdown accepté (**gras**, listes, liens). Mentionnez quelqu’un avec @prenom.nom (le début de son adresse).
forum-closed = L’espace d’échange s’ouvre quand la session est prête, et reste lisible après.
flash-notify-saved = Préférence enregistrée.
flash-follow-up-sent = Message de relance envoyé.
follow-up-explain = Un message personnel, envoyé par courriel au stagiaire. Relisez-le et adaptez-le.
follow-up-message = Message
follow-up-send = Envoyer
follow-up-text =
    Bonjour { $name },

    Nous n’avons pas eu de vos nouvelles depuis quelque temps dans la formation « { $training } ». Tout va bien ? Si quelque chose vous bloque (temps, matériel, consignes), dites-le-nous : nous pouvons vous aider.

    Votre espace : { $url }
refused-reply-target = On ne répond qu’à un sujet de la même session.
mail-post-subject = { $name } a écrit dans « { $training } »
mail-mention-subject = { $name } vous a mentionné dans « { $training } »
mail-post-intro = { $name } a écrit dans l’espace d’échange de « { $training } »
mail-mention-intro = { $name } vous a mentionné dans l’espace d’échange de « { $training } »
mail-post-link = Lire et répondre :
mail-notify-settings = Vous pouvez choisir quand être prévenu dans l’espace d’échange.
mail-digest-subject = { $count ->
    [one] { $count } nouveau message dans « { $training } »
   *[other] { $count } nouveaux messages dans « { $training } »
  }
mail-digest-intro = Les nouveaux messages de l’espace d’échange de « { $training } » ({ $count }) :
mail-follow-up-subject = Des nouvelles de votre formation « { $training } »

dashboard-accompaniment = Accompagnement à assurer
dashboard-overdue = { $count ->
    [0] aucune question en retard
    [one] { $count } question en retard
   *[other] { $count } questions en retard
  }
dashboard-inactive = { $count ->
    [0] aucun stagiaire sans activité
    [one] { $count } stagiaire sans activité
   *[other] { $count } stagiaires sans activité
  }

forum-field-error = Nouveau message : { $error }
opening-draft-newer = Le brouillon a changé depuis : les stagiaires lisent la version publiée jusqu’à la prochaine publication.
mail-space-url = Votre espace de formation (connectez-vous avec votre compte ou un lien de connexion) :

calendar-links-caption = Vos liens d’agenda actifs
calendar-link-sent = Lien
calendar-link-created = Créé le
calendar-link-used = Utilisation
calendar-link-expires = Valable jusqu’au
calendar-link-actions = Actions
calendar-link-with-convocation = Envoyé avec la convocation « { $cohort } »
calendar-link-made-here = Créé sur cette page
calendar-link-never-used = Jamais utilisé
calendar-link-last-used = { $count ->
    [one] Utilisé une fois, le { $day }
   *[other] Utilisé { $count } fois, la dernière le { $day }
}
calendar-link-revoke = Révoquer
flash-calendar-link-revoked = Le lien d’agenda est révoqué : il ne fonctionne plus.
join-closed = Cette session est close : ses activités n’ont plus lieu. Ses contenus restent dans votre espace.
convocations-late = { $count ->
    [one] La première activité a déjà commencé : cette convocation arrivera en retard. Prévenez aussi ce stagiaire par un autre moyen.
   *[other] La première activité a déjà commencé : ces { $count } convocations arriveront en retard. Prévenez aussi ces stagiaires par un autre moyen.
}
flash-convocations-sent-late = Convocations mises en file d’envoi, alors que la première activité a déjà commencé : prévenez aussi les stagiaires par un autre moyen.
elsewhere-lead = { $count ->
    [one] Une personne inscrite est attendue au même moment dans un autre lieu, pour une autre session :
   *[other] Des personnes inscrites sont attendues au même moment dans un autre lieu, pour une autre session ({ $count } cas) :
}
elsewhere-line = { $name } — « { $activity } », { $day } — a aussi « { $other } » ({ $cohort }), { $place }, de { $start } à { $end }.
elsewhere-no-place = lieu à préciser
# Questions au pilote : charte, « Pour toutes questions, adressez-vous au pilote de la formation ».
nav-questions = Questions au pilote
questions-title = Questions au pilote
questions-lead = La charte le dit : pour toutes questions, adressez-vous au pilote de la formation. Les formateurs posent leurs questions ici ; le pilote y répond depuis une seule boîte pour toutes ses formations, et peut publier une réponse dans la foire aux questions de la formation.
questions-mine = Mes questions
questions-inbox = Questions reçues
questions-none = Aucune question pour le moment.
questions-waits-title = Délais de réponse des pilotes
questions-waits-asked = Questions
questions-waits-waiting = En attente
questions-waits-median = Délai médian
questions-waits-longest = Attente la plus longue
question-asked-by = posée par { $name } le { $day }
question-to = au pilote { $name }
question-resolved = résolue
question-answered = répondue
question-unanswered = sans réponse
question-waiting = en attente depuis { $duration }
question-in-faq = dans la FAQ
question-ask-title = Poser une question au pilote
question-training = Formation
question-subject = Objet
question-body = Votre question
question-body-hint = Le pilote de la formation reçoit votre question par courriel et vous répond ici.
question-ask-submit = Envoyer la question
question-conversation = Échanges
question-author-gone = Compte supprimé
question-answer-title = Répondre
question-add-title = Compléter la question
question-message = Message
question-answer-submit = Envoyer la réponse
question-add-submit = Envoyer
question-resolve = Marquer comme résolue
question-faq-title = Foire aux questions de la formation
question-faq-lead = Publiée, la question et ses réponses sont lues par tous les formateurs de la formation, qui y trouvent la réponse avant de la poser.
question-publish = Publier dans la FAQ
question-withdraw = Retirer de la FAQ
training-faq-title = Foire aux questions
training-faq-none = Aucune question publiée pour cette formation.
training-ask-pilot = Poser une question au pilote
error-question-training = Choisissez une formation que vous animez.
refused-question-resolved = Cette question est déjà résolue.
refused-question-unanswered = Une question sans réponse ne peut pas être publiée.
flash-question-asked = Votre question a été envoyée au pilote.
flash-question-replied = Le message a été envoyé.
flash-question-resolved = La question est marquée comme résolue.
flash-question-published = La question est publiée dans la FAQ de la formation.
flash-question-withdrawn = La question est retirée de la FAQ.
dashboard-questions-waiting = { $count ->
    [one] Une question de formateur attend votre réponse.
   *[other] { $count } questions de formateurs attendent votre réponse.
  }
dashboard-questions-answered = { $count ->
    [one] Le pilote a répondu à une de vos questions.
   *[other] Le pilote a répondu à { $count } de vos questions.
  }
mail-question-asked-subject = Question sur la formation « { $training } »
mail-question-asked-body =
    Bonjour { $name },

    { $trainer } vous pose une question sur la formation « { $training } ».

    { $subject }
    { $body }

    Répondre : { $link }
mail-question-reply-subject = Nouveau message : { $subject }
mail-question-reply-body =
    Bonjour { $name },

    { $author } a écrit à propos de « { $subject } » :

    { $body }

    Lire et répondre : { $link }
questions-overdue-title = { $hours ->
    [one] Questions sans réponse depuis plus d’une heure
   *[other] Questions sans réponse depuis plus de { $hours } heures
  }
questions-overdue-none = Aucune question n’attend au-delà du délai de l’académie.
questions-delay-label = Délai de réponse des pilotes (en heures)
questions-delay-hint = De 1 à 720 heures. Au-delà, la question est signalée ici et peut être confiée à un autre pilote.
question-pass-label = Confier à un autre pilote (son adresse)
question-pass-submit = Confier
error-pilot-unknown = Aucun compte de pilote actif ne correspond à cette adresse.
flash-question-passed = La question a été confiée à cet autre pilote, prévenu par courriel.
flash-question-delay-saved = Le délai de réponse a été enregistré.
mail-question-passed-body =
    Bonjour { $name },

    { $admin } vous confie une question restée sans réponse, posée par { $trainer } sur la formation « { $training } ».

    { $subject }
    { $body }

    Répondre : { $link }
audit-question_delay_set = Délai de réponse des pilotes changé
audit-question_passed = Question confiée à un autre pilote
