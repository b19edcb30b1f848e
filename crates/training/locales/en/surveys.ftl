# Satisfaction surveys.
survey-kind-hot = End-of-training survey
survey-kind-cold = Follow-up survey
surveys-title = Satisfaction surveys
surveys-lead = The end-of-training survey goes out by itself when the cohort's last activity ends, the follow-up survey a few weeks later. Answers are kept without the name of who gave them.
surveys-due-on = Due to go out on { $day }.
surveys-not-sent = Not sent yet.
surveys-no-activity = The cohort has no activity yet: the survey goes out when the last one ends.
surveys-preview = See the questions ({ $count })
surveys-send-now = Send now
surveys-sent-by = Sent on { $day } by { $name }.
surveys-sent-auto = Sent automatically on { $day }.
surveys-open-until = Open until { $day }.
surveys-closed-on = Closed since { $day }.
surveys-answers-of = { $invited ->
    [one] answer out of { $invited } trainee invited
   *[other] answers out of { $invited } trainees invited
}
surveys-mean-label = mean out of 5
surveys-scale-table = Answers to the questions rated 1 to 5
surveys-question = Question
surveys-answered = Answers
surveys-mean = Mean
surveys-no-comment = No comment.
surveys-training-title = The training's surveys
surveys-training-lead = The answers of every cohort of the training, summed, then cohort by cohort.
surveys-cohorts-count = { $count ->
    [one] cohort surveyed
   *[other] cohorts surveyed
}
surveys-by-cohort = Surveys by cohort
surveys-cohort = Cohort
surveys-answered-short = { $answered ->
    [one] { $answered } answer out of { $invited }
   *[other] { $answered } answers out of { $invited }
  }
surveys-mean-out-of-5 = { $mean } / 5
surveys-none = No survey sent yet.
survey-scale-1 = strongly disagree
survey-scale-2 = disagree
survey-scale-3 = neither agree nor disagree
survey-scale-4 = agree
survey-scale-5 = strongly agree
question-kind-scale = rating from 1 to 5
question-kind-text = free comment
survey-preview = Preview: these are the questions trainees will receive.
survey-preview-sent = Preview: these are the questions sent to trainees.
survey-thanks = Thank you! Your answers of { $day } are recorded.
survey-closed = This survey has been closed since { $day }.
survey-lead = It takes a few minutes. You can answer until { $day }.
survey-comment-hint = Optional.
survey-anonymous = Your answers are kept without your name: trainers and the pilot only see the summary.
survey-submit = Send my answers
survey-settings-title = Satisfaction surveys
survey-settings-lead = The questions the académie asks trainees at the end of each cohort and a few weeks later. A survey keeps the questions it was sent with.
survey-open-days = Open for (days)
survey-open-days-hint = 3 to 90 days after it is sent.
survey-cold-after-days = Follow-up survey after (days)
survey-cold-after-days-hint = 7 to 365 days after the last activity ends.
survey-settings-rows-hint = Up to 10 questions, at least one rated 1 to 5. To remove a question, empty its text.
survey-question-n = Question { $n }
survey-question-kind-n = Answer type of question { $n }
survey-mail-subject-hot = Your opinion of “{ $training }”
survey-mail-subject-cold = A few weeks after “{ $training }”
survey-mail-intro-hot = The training “{ $training }” ({ $cohort }) has just ended. Could you tell us what you thought of it? { $count ->
    [one] One question
   *[other] { $count } questions
}, a few minutes.
survey-mail-intro-cold = A few weeks have passed since the training “{ $training }” ({ $cohort }). What have you made of it in your practice? { $count ->
    [one] One question
   *[other] { $count } questions
}, a few minutes.
survey-mail-answer = To answer (until { $day }):
survey-mail-anonymous = Your answers are kept without your name.
flash-survey-sent = Survey sent to the trainees.
flash-survey-answered = Thank you, your answers are recorded.
flash-survey-settings-saved = Survey questions saved.
error-survey-kind = Unknown survey: “{ $value }”.
error-question-kind = Unknown answer type: “{ $value }”.
error-survey-cold-days = Give a number of days between 7 and 365: “{ $value }”.
error-survey-open-days = Give a number of days between 3 and 90: “{ $value }”.
error-survey-needs-scale = Each survey needs at least one question rated 1 to 5.
error-answer-required = Choose an answer from 1 to 5.
error-answer-scale = Choose an answer from 1 to 5: “{ $value }”.
refused-survey-closed = This survey is closed.
refused-survey-not-due = This survey cannot be sent yet: the cohort has not ended, or the end-of-training survey has not gone out.
refused-cohort-archived = This cohort is archived.
conflict-survey = This survey was sent already.
conflict-answered = You have already answered this survey.
insights-hot = End-of-training satisfaction
insights-cold = Follow-up satisfaction
insights-hot-mean = End-of-training satisfaction (out of 5)
insights-hot-rate = End-of-training answers (%)
insights-cold-mean = Follow-up satisfaction (out of 5)
insights-cold-rate = Follow-up answers (%)
review-surveys = { $kind }: { $answered ->
    [one] { $answered } answer
   *[other] { $answered } answers
  } out of { $invited }{ $mean }.
review-surveys-mean = , mean { $mean } / 5
cohort-surveys = Satisfaction surveys
dashboard-surveys = Surveys to answer
dashboard-survey-until = until { $day }
training-surveys = The cohorts' surveys
error-too-many-questions = A survey holds { $value ->
    [one] { $value } question
   *[other] { $value } questions
  } at most.
survey-remind-days = Reminder (days before the close)
survey-remind-days-hint = One reminder, to those who have not answered, this many days before the close; 0: no reminder.
survey-mail-subject-reminder = Reminder: your opinion of “{ $training }”
survey-mail-reminder = You have not answered the survey of the training “{ $training }” ({ $cohort }) yet. It closes on { $day }: a few days are left.
surveys-reminded = { $count ->
    [one] trainee reminded before the close
   *[other] trainees reminded before the close
}
error-survey-remind-days = Give a number of days between 0 and 89: “{ $value }”.
error-survey-remind-after-close = The reminder must go before the close: { $value ->
    [one] less than { $value } day.
   *[other] fewer than { $value } days.
  }
