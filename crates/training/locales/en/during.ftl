# During the training: convocations, personal links, opening message, instructions.

checklist-during-title = During the training
duty-links-received = Check that trainees received their connection links
duty-opening-message = Announce the validation criteria and the accompaniment in the opening message
duty-instructions-published = Explain the instructions at each new activity

evidence-no-trainees = No trainee enrolled.
evidence-no-convocation = No convocation sent.
evidence-links-received = { $received } of { $trainees ->
    [one] { $trainees } trainee
   *[other] { $trainees } trainees
  } opened their links or confirmed receiving them.
evidence-not-convoked = { $count ->
    [0] Every trainee has a convocation.
    [one] { $count } trainee without a convocation.
   *[other] { $count } trainees without a convocation.
  }
evidence-undelivered = { $count ->
    [0] Every convocation was delivered.
    [one] { $count } convocation not delivered: check the address.
   *[other] { $count } convocations not delivered: check the addresses.
  }
evidence-links-waiting = Waiting: { $names }{ $more ->
    [0] {""}
   *[other] {" "}and { $more } more
  }.
evidence-opening-none = The opening message is not written.
evidence-opening-draft = The opening message is written but not published.
evidence-opening-published = The opening message is published.
evidence-opening-no-validation = It does not announce the validation criteria.
evidence-opening-no-accompaniment = It does not announce the accompaniment.
evidence-nothing-started = No activity has started yet.
evidence-instructions-all = { $count ->
    [one] Instructions published for the activity that has started.
   *[other] Instructions published for the { $count } activities that have started.
  }
evidence-instructions-some = Instructions published for { $published } of { $started ->
    [one] { $started } activity that has started
   *[other] { $started } activities that have started
  }.
evidence-instructions-missing = No published instructions: “{ $title }”.

links-title = Trainees' links
convocations-send = Send the convocations ({ $count })
links-sent = Convocation
links-delivered = Handed to the server
links-opened = Links opened
links-acknowledged = Receipt confirmed
links-times = { $count ->
    [one] sent once
   *[other] sent { $count } times
  }
links-not-sent = Not sent
links-failed = Failed
links-queued = Waiting to be sent
links-resend = Send again
cohort-error-convocation-status = Convocations, the opening message and instructions go out once the cohort is ready or running.
flash-convocations-sent = Convocations queued for sending.
flash-convocation-resent = Convocation sent again with new links.
flash-links-acknowledged = Thank you: your trainer knows you received your links.
flash-opening-saved = Opening message saved.
flash-opening-published = Opening message published.
flash-instructions-saved = Instructions saved.
flash-instructions-published = Instructions published.
refused-mail = The e-mail could not be written.
conflict-reminder = The reminder was already sent.
refused-opening-incomplete = The opening message must announce the validation criteria and the accompaniment.

space-title = My training space
space-acknowledge-explain = Did you receive your convocation and your personal links? Tell your trainer.
space-acknowledge = I have received my links
space-acknowledged = Receipt of your links confirmed on { $day }.
space-equipment = Test my equipment (microphone, sound, camera)
space-current = Now
space-next = Coming next
space-none = Nothing for now.
calendar-link = Add the training to my calendar

opening-title = Opening message
opening-explain = This message welcomes the trainees: it is filled in from the training, its validation rules and its accompaniment plan. Read it, complete it, then publish it.
opening-introduction = Welcome
opening-objectives = Objectives
opening-validation = Validation criteria
opening-validation-hint = What each trainee must do for the training to be validated, in plain words.
opening-accompaniment = Accompaniment
opening-accompaniment-hint = How to reach the trainers, how fast they answer, tutoring slots, the technical contact.
opening-availability = Availability of contents
opening-schedule-hint = The schedule below comes with the message; each trainee finds their personal links in their convocation and their space.
opening-by-mail = Also e-mail the message to trainees
opening-save = Save the draft
opening-publish = Publish
opening-republish = Publish the new version
opening-edit = Edit the opening message
opening-compose = Write the opening message
opening-published-on = Published on { $day } at { $time }.
opening-introduction-text = Welcome to the training “{ $training }”. It alternates in-person sessions, virtual classes and distance work: here is what awaits you and how we support you.
opening-accompaniment-text =
    To reach us: { $channels }.
    We answer your questions within { $hours ->
        [one] { $hours } hour
       *[other] { $hours } hours
    } ({ $days }).
    Tutoring slots: { $tutoring }.
    Technical contact: { $technical }.
    Exchange hours and right to disconnect: { $exchange }.
opening-working-days = working days
opening-all-days = every day
opening-availability-text = The training's contents remain available until { $day }.

instructions-title = Instructions
instructions-label = Instructions of this activity for the cohort
instructions-hint = Leave empty to use the scenario's instructions.
instructions-by-mail = Also e-mail the instructions when they are published
instructions-publish-now = Publish now, without waiting for the activity to start
instructions-auto = The instructions will be published automatically when the activity starts, on { $day } at { $time }.
instructions-published-on = Instructions published on { $day } at { $time }.
room-error-instructions-too-long = The instructions are too long.

join-title = Join the activity
join-invalid = This link is not valid, or no longer.
join-ask-login = Receive a login link by e-mail
join-early = The activity has not started yet: this link opens the room thirty minutes before the start.
join-ended = This activity is over.
join-no-room = No room is set for this activity yet: your trainer will give you the link.

calendar-title = My calendar
calendar-explain = Subscribe your calendar (Thunderbird, Outlook, your phone's calendar) to this personal link: every activity of your trainings appears there and updates by itself. Do not share it.
calendar-new-url = Here is your new calendar link. Copy it now: it will not be shown again.
calendar-url-label = Subscription link
calendar-active = { $count ->
    [0] You have no active calendar link.
    [one] You have one active calendar link.
   *[other] You have { $count } active calendar links.
  }
calendar-renew = Create a new link
calendar-create = Create my calendar link
calendar-renew-hint = A new link replaces the previous ones, which stop working.
calendar-name = Trainings — { $name }

mail-greeting = Hello { $name },
mail-convocation-subject = Convocation: { $training }
mail-reminder-subject = Reminder: your links for “{ $training }”
mail-opening-subject = Opening message: { $training }
mail-instructions-subject = Instructions: { $title }
mail-convocation-intro = You are invited to the training “{ $training }”, from { $start } to { $end }.
mail-reminder-intro = The training “{ $training }” starts soon and you have not opened your links yet. Here they are again.
mail-instructions-intro = Here are the instructions of the activity “{ $title }” (training “{ $training }”).
mail-objectives = Objectives
mail-schedule = Schedule
mail-place = Place: { $place }
mail-join-link = Your personal link: { $link }
mail-space-link = Your training space (personal link, single use):
mail-equipment-link = Test your equipment before the first virtual class:
mail-calendar-link = Your personal calendar (every session, to add to your calendar; the attached “formation.ics” file holds them too):
mail-acknowledge = Please confirm that you received these links in your space: “I have received my links”.
mail-signature = — The EAFC team

error-not-enrolled = Account { $value } is not enrolled in this cohort.
refused-cohort-not-started = The cohort must be ready or running.

# The discussion space (social activities) and the accompaniment measured.

duty-social-activity = Run social activities, accompany the group and each trainee
evidence-no-posts = No message in the discussion space.
evidence-posts = { $posts ->
    [one] { $posts } message
   *[other] { $posts } messages
  } from { $authors ->
    [one] { $authors } participant
   *[other] { $authors } participants
  }.
evidence-question-overdue = A question from { $name } unanswered, { $hours } h past the promised time.
evidence-inactive = No activity for { $days ->
    [one] { $days } day
   *[other] { $days } days
  }: { $names }{ $more ->
    [0] {""}
   *[other] {" "}and { $more } more
  }.
forum-title = Discussion space
forum-explain = A general thread and one per activity. Trainees' questions await a trainer's answer within the time promised by the accompaniment plan.
forum-threads = Discussion threads
forum-thread = Thread
forum-posts = Messages
forum-last = Last message
forum-general = General thread
forum-notify = Notify me by e-mail
forum-notify-each = at each message
forum-notify-digest = once a day (digest)
forum-notify-mentions = only when I am mentioned
forum-accompaniment = Accompaniment
forum-commitment = Promised response time: { $hours ->
    [one] { $hours } hour
   *[other] { $hours } hours
  }.
forum-overdue = Overdue questions
forum-overdue-line = { $name } has been waiting { $hours } h past the promised time.
forum-overdue-none = No overdue question.
forum-inactive = Trainees with no activity for { $days ->
    [one] { $days } day
   *[other] { $days } days
  }
forum-inactive-none = Nobody.
forum-last-seen = last seen on { $day }
forum-never-seen = never came
forum-follow-up = Follow up
forum-answered = Answered
forum-waiting = Awaiting an answer
forum-reply = Reply
forum-your-reply = Your reply
forum-send = Post
forum-empty = No message in this thread yet.
forum-new = New message
forum-new-hint = Markdown accepted (**bold**, lists, links). Mention someone with @first.last (the start of their address).
forum-closed = The discussion space opens when the cohort is ready, and stays readable afterwards.
flash-notify-saved = Preference saved.
flash-follow-up-sent = Follow-up message sent.
follow-up-explain = A personal message, e-mailed to the trainee. Read it and adapt it.
follow-up-message = Message
follow-up-send = Send
follow-up-text =
    Hello { $name },

    We have not heard from you for a while in the training “{ $training }”. Is everything all right? If something is in your way (time, equipment, instructions), tell us: we can help.

    Your space: { $url }
refused-reply-target = Replies answer a topic of the same cohort.
mail-post-subject = { $name } wrote in “{ $training }”
mail-mention-subject = { $name } mentioned you in “{ $training }”
mail-post-intro = { $name } wrote in the discussion space of “{ $training }”
mail-mention-intro = { $name } mentioned you in the discussion space of “{ $training }”
mail-post-link = Read and reply:
mail-notify-settings = You can choose when to be notified in the discussion space.
mail-digest-subject = { $count ->
    [one] { $count } new message in “{ $training }”
   *[other] { $count } new messages in “{ $training }”
  }
mail-digest-intro = New messages in the discussion space of “{ $training }” ({ $count }):
mail-follow-up-subject = News of your training “{ $training }”

dashboard-accompaniment = Accompaniment to give
dashboard-overdue = { $count ->
    [one] { $count } overdue question
   *[other] { $count } overdue questions
  }
dashboard-inactive = { $count ->
    [one] { $count } trainee with no activity
   *[other] { $count } trainees with no activity
  }

forum-field-error = New message: { $error }
opening-draft-newer = The draft has changed since: trainees read the published version until the next publication.
mail-space-url = Your training space (log in with your account or a login link):

calendar-links-caption = Your active calendar links
calendar-link-sent = Link
calendar-link-created = Created on
calendar-link-used = Use
calendar-link-expires = Valid until
calendar-link-actions = Actions
calendar-link-with-convocation = Sent with the convocation « { $cohort } »
calendar-link-made-here = Made on this page
calendar-link-never-used = Never used
calendar-link-last-used = { $count ->
    [one] Used once, on { $day }
   *[other] Used { $count } times, last on { $day }
}
calendar-link-revoke = Revoke
flash-calendar-link-revoked = The calendar link is revoked: it no longer works.
join-closed = This session is closed: its activities no longer take place. Its contents stay in your space.
convocations-late = { $count ->
    [one] The first activity has already begun: this convocation will arrive late. Tell this trainee another way too.
   *[other] The first activity has already begun: these { $count } convocations will arrive late. Tell these trainees another way too.
}
flash-convocations-sent-late = Convocations queued, though the first activity has already begun: tell the trainees another way too.
elsewhere-lead = { $count ->
    [one] A trainee is expected at the same time in another place, for another session:
   *[other] Trainees are expected at the same time in another place, for another session ({ $count } cases):
}
elsewhere-line = { $name } — « { $activity } », { $day } — is also enrolled in « { $other } » ({ $cohort }), { $place }, from { $start } to { $end }.
elsewhere-no-place = place to be given
# Questions to the pilot: the charter, "For any question, turn to the training's pilot".
nav-questions = Questions to the pilot
questions-title = Questions to the pilot
questions-lead = The charter says so: for any question, turn to the training's pilot. Trainers ask here; the pilot answers from one inbox for all their trainings, and can publish an answer in the training's FAQ.
questions-mine = My questions
questions-inbox = Questions received
questions-none = No question for now.
questions-waits-title = Pilots' answering times
questions-waits-asked = Questions
questions-waits-waiting = Waiting
questions-waits-median = Median wait
questions-waits-longest = Longest wait
question-asked-by = asked by { $name } on { $day }
question-to = to the pilot { $name }
question-resolved = resolved
question-answered = answered
question-unanswered = unanswered
question-waiting = waiting for { $duration }
question-in-faq = in the FAQ
question-ask-title = Ask the pilot a question
question-training = Training
question-subject = Subject
question-body = Your question
question-body-hint = The training's pilot receives your question by e-mail and answers you here.
question-ask-submit = Send the question
question-conversation = Conversation
question-author-gone = Deleted account
question-answer-title = Answer
question-add-title = Add to the question
question-message = Message
question-answer-submit = Send the answer
question-add-submit = Send
question-resolve = Mark as resolved
question-faq-title = The training's FAQ
question-faq-lead = Once published, the question and its answers are read by every trainer of the training, who find the answer before asking.
question-publish = Publish in the FAQ
question-withdraw = Withdraw from the FAQ
training-faq-title = Frequently asked questions
training-faq-none = No question published for this training.
training-ask-pilot = Ask the pilot a question
error-question-training = Choose a training you deliver.
refused-question-resolved = This question is already resolved.
refused-question-unanswered = A question without an answer cannot be published.
flash-question-asked = Your question was sent to the pilot.
flash-question-replied = The message was sent.
flash-question-resolved = The question is marked as resolved.
flash-question-published = The question is published in the training's FAQ.
flash-question-withdrawn = The question is withdrawn from the FAQ.
dashboard-questions-waiting = { $count ->
    [one] A trainer's question waits for your answer.
   *[other] { $count } trainers' questions wait for your answer.
  }
dashboard-questions-answered = { $count ->
    [one] The pilot answered one of your questions.
   *[other] The pilot answered { $count } of your questions.
  }
mail-question-asked-subject = Question about the training "{ $training }"
mail-question-asked-body =
    Hello { $name },

    { $trainer } asks you a question about the training "{ $training }".

    { $subject }
    { $body }

    Answer: { $link }
mail-question-reply-subject = New message: { $subject }
mail-question-reply-body =
    Hello { $name },

    { $author } wrote about "{ $subject }":

    { $body }

    Read and answer: { $link }
questions-overdue-title = { $hours ->
    [one] Questions unanswered for more than an hour
   *[other] Questions unanswered for more than { $hours } hours
  }
questions-overdue-none = No question waits beyond the académie's delay.
questions-delay-label = Pilots' answering delay (in hours)
questions-delay-hint = From 1 to 720 hours. Beyond it, the question is flagged here and can be passed to another pilot.
question-pass-label = Pass to another pilot (their address)
question-pass-submit = Pass
error-pilot-unknown = No active pilot's account has this address.
flash-question-passed = The question was passed to that pilot, told by e-mail.
flash-question-delay-saved = The answering delay was saved.
mail-question-passed-body =
    Hello { $name },

    { $admin } passes you a question left unanswered, asked by { $trainer } about the training "{ $training }".

    { $subject }
    { $body }

    Answer: { $link }
audit-question_delay_set = Pilots' answering delay changed
audit-question_passed = Question passed to another pilot
