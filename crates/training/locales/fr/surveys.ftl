# Satisfaction surveys (évaluations à chaud / à froid).
survey-kind-hot = Évaluation à chaud
survey-kind-cold = Évaluation à froid
surveys-title = Évaluations de satisfaction
surveys-lead = L’évaluation à chaud part d’elle-même à la fin de la dernière activité de la session, l’évaluation à froid quelques semaines plus tard. Les réponses sont enregistrées sans le nom de leur auteur.
surveys-due-on = Envoi automatique prévu le { $day }.
surveys-not-sent = Pas encore envoyée.
surveys-no-activity = La session n’a pas encore d’activité : l’envoi se fera à la fin de la dernière.
surveys-preview = Voir les questions ({ $count })
surveys-send-now = Envoyer maintenant
surveys-sent-by = Envoyée le { $day } par { $name }.
surveys-sent-auto = Envoyée automatiquement le { $day }.
surveys-open-until = Ouverte jusqu’au { $day }.
surveys-closed-on = Close depuis le { $day }.
surveys-answers-of = { $invited ->
    [one] réponse sur { $invited } stagiaire invité
   *[other] réponses sur { $invited } stagiaires invités
}
surveys-mean-label = de moyenne sur 5
surveys-scale-table = Réponses aux questions notées de 1 à 5
surveys-question = Question
surveys-answered = Réponses
surveys-mean = Moyenne
surveys-no-comment = Aucun commentaire.
surveys-training-title = Évaluations de la formation
surveys-training-lead = Les réponses de toutes les sessions de la formation, additionnées, puis session par session.
surveys-cohorts-count = { $count ->
    [one] session évaluée
   *[other] sessions évaluées
}
surveys-by-cohort = Évaluations par session
surveys-cohort = Session
surveys-answered-short = { $answered ->
    [0] aucune réponse sur { $invited }
    [one] { $answered } réponse sur { $invited }
   *[other] { $answered } réponses sur { $invited }
  }
surveys-mean-out-of-5 = { $mean } / 5
surveys-none = Aucune évaluation envoyée pour l’instant.
survey-scale-1 = pas du tout d’accord
survey-scale-2 = plutôt pas d’accord
survey-scale-3 = ni d’accord ni pas d’accord
survey-scale-4 = plutôt d’accord
survey-scale-5 = tout à fait d’accord
question-kind-scale = note de 1 à 5
question-kind-text = commentaire libre
survey-preview = Aperçu : voici les questions que recevront les stagiaires.
survey-preview-sent = Aperçu : voici les questions envoyées aux stagiaires.
survey-thanks = Merci ! Votre réponse du { $day } est enregistrée.
survey-closed = Cette évaluation est close depuis le { $day }.
survey-lead = Quelques minutes suffisent. Vous pouvez répondre jusqu’au { $day }.
survey-comment-hint = Facultatif.
survey-anonymous = Vos réponses sont enregistrées sans votre nom : les formateurs et le pilote n’en voient que la synthèse.
survey-submit = Envoyer mes réponses
survey-settings-title = Évaluations de satisfaction
survey-settings-lead = Les questions que l’académie pose aux stagiaires à la fin de chaque session (à chaud) et quelques semaines plus tard (à froid). Une évaluation garde les questions avec lesquelles elle a été envoyée.
survey-open-days = Durée d’ouverture (jours)
survey-open-days-hint = De 3 à 90 jours après l’envoi.
survey-cold-after-days = Délai de l’évaluation à froid (jours)
survey-cold-after-days-hint = De 7 à 365 jours après la fin de la dernière activité.
survey-settings-rows-hint = Jusqu’à 10 questions, dont au moins une notée de 1 à 5. Pour retirer une question, videz son texte.
survey-question-n = Question { $n }
survey-question-kind-n = Type de réponse à la question { $n }
survey-mail-subject-hot = Votre avis sur « { $training } »
survey-mail-subject-cold = Quelques semaines après « { $training } »
survey-mail-intro-hot = La formation « { $training } » ({ $cohort }) vient de se terminer. Pourriez-vous nous dire ce que vous en avez pensé ? { $count ->
    [one] Une question
   *[other] { $count } questions
}, quelques minutes.
survey-mail-intro-cold = Quelques semaines ont passé depuis la formation « { $training } » ({ $cohort }). Qu’en avez-vous fait dans votre pratique ? { $count ->
    [one] Une question
   *[other] { $count } questions
}, quelques minutes.
survey-mail-answer = Pour répondre (jusqu’au { $day }) :
survey-mail-anonymous = Vos réponses sont enregistrées sans votre nom.
flash-survey-sent = Évaluation envoyée aux stagiaires.
flash-survey-answered = Merci, vos réponses sont enregistrées.
flash-survey-settings-saved = Questions des évaluations enregistrées.
error-survey-kind = Évaluation inconnue : « { $value } ».
error-question-kind = Type de réponse inconnu : « { $value } ».
error-survey-cold-days = Indiquez un nombre de jours entre 7 et 365 : « { $value } ».
error-survey-open-days = Indiquez un nombre de jours entre 3 et 90 : « { $value } ».
error-survey-needs-scale = Chaque évaluation a besoin d’au moins une question notée de 1 à 5.
error-answer-required = Choisissez une réponse de 1 à 5.
error-answer-scale = Choisissez une réponse de 1 à 5 : « { $value } ».
refused-survey-closed = Cette évaluation est close.
refused-survey-not-due = Cette évaluation ne peut pas encore être envoyée : la session n’est pas terminée, ou l’évaluation à chaud n’est pas partie.
refused-cohort-archived = Cette session est archivée.
conflict-survey = Cette évaluation a déjà été envoyée.
conflict-answered = Vous avez déjà répondu à cette évaluation.
insights-hot = Satisfaction à chaud
insights-cold = Satisfaction à froid
insights-hot-mean = Satisfaction à chaud (sur 5)
insights-hot-rate = Réponses à chaud (%)
insights-cold-mean = Satisfaction à froid (sur 5)
insights-cold-rate = Réponses à froid (%)
review-surveys = { $kind } : { $answered ->
    [0] aucune réponse
    [one] { $answered } réponse
   *[other] { $answered } réponses
  } sur { $invited }{ $mean }.
review-surveys-mean = , moyenne { $mean } / 5
cohort-surveys = Évaluations de satisfaction
dashboard-surveys = Évaluations à remplir
dashboard-survey-until = jusqu’au { $day }
training-surveys = Évaluations des sessions
error-too-many-questions = Une évaluation compte au plus { $value ->
    [one] { $value } question.
   *[other] { $value } questions.
  }
survey-remind-days = Relance (jours avant la clôture)
survey-remind-days-hint = Une relance, à ceux qui n’ont pas répondu, ce nombre de jours avant la clôture ; 0 : aucune relance.
survey-mail-subject-reminder = Rappel : votre avis sur « { $training } »
survey-mail-reminder = Vous n’avez pas encore répondu à l’évaluation de la formation « { $training } » ({ $cohort }). Elle se clôt le { $day } : il vous reste quelques jours.
surveys-reminded = { $count ->
    [one] stagiaire relancé avant la clôture
   *[other] stagiaires relancés avant la clôture
}
error-survey-remind-days = Indiquez un nombre de jours entre 0 et 89 : « { $value } ».
error-survey-remind-after-close = La relance doit partir avant la clôture : moins de { $value ->
    [one] { $value } jour.
   *[other] { $value } jours.
  }
