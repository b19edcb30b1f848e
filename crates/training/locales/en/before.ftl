# Before the training: scenario, accompaniment, digital space, equipment, qualified trainers.
nav-qualifications = Qualified trainers
nav-equipment = Test my equipment
edit = Edit
percent-hint = From 0 to 100.

scenario-open = Edit the scenario
scenario-totals = Planned and declared hours
scenario-planned = Planned in the scenario
scenario-declared = Declared for the training
scenario-gap = Gap
scenario-matches = matches
scenario-differs = differs
scenario-steps = Steps
scenario-copy-title = Start from another training's scenario
scenario-copy-from = Training whose steps to copy
scenario-copy-submit = Copy its steps after these
step-add-title = Add a step
step-add = Add the step
step-edit-title = Edit the step
step-up = Up
step-down = Down
step-duplicate = Duplicate
step-delete = Delete
step-no-duration = no duration
step-no-instructions = no instructions
step-duration-hint = For example "1 h 30" or "45 min".
step-instructions-hint = What trainees must do, with what, and by when.
step-resources = Resources
step-evidence = Expected evidence
step-evidence-hint = What shows the activity is done (an upload, a post, a quiz…).
step-evaluation = Evaluation
step-trainer-role = The trainer's role
step-kind = Kind of activity
step-collective = Collective activity (otherwise individual)
step-social-label = Social activity (trainees exchange)
step-mandatory = Mandatory activity

advice-title = Advice on the scenario
advice-none = The scenario follows the good practice of hybrid training.
advice-empty-scenario = The scenario has no step: start with the opening of the training.
advice-single-modality = One modality only ({ $modality }): the training is not hybrid. Combine at least two modalities.
advice-no-duration = Step { $step } ({ $modality }) has no estimated duration: trainees cannot plan and the time cannot be counted.
advice-no-instructions = Step { $step } ({ $modality }) has no instructions: the charter asks for instructions at each activity.
advice-hours-mismatch = { $budget }: the scenario plans { $planned } for { $declared } declared. Adjust the steps or the training's hours.
advice-no-social = No social activity: the charter asks for activities where trainees exchange.
advice-no-evaluation = No step is evaluated: plan at least one evaluation (self-assessment, quiz…).
advice-async-overload = Week of { $day }: { $duration } of asynchronous work, more than 2 h a week. Spread the work.
advice-on-weekend = Distance session on { $day }, a weekend.
advice-on-public-holiday = Distance session on { $day }, a public holiday.
advice-on-school-holiday = Distance session on { $day }, during the zone's school holidays.
advice-outside-hours = Distance session on { $day } outside working hours (8:00–18:30): respect the right to disconnect.
advice-too-many = Participatory virtual class for { $trainees ->
    [one] { $trainees } trainee
   *[other] { $trainees } trainees
  }: beyond { $limit }, not all can take part. Split the group or change the format.

accompaniment-open = Accompaniment and validation
accompaniment-title = Accompaniment and validation criteria
accompaniment-lead = The accompaniment plan tells trainees how and when they will be helped. It is part of the opening message.
accompaniment-plan = Accompaniment plan
acc-channels = Contact channels
acc-channels-hint = For example: the course forum, académie mail, a tutoring virtual class.
acc-response = Response time (hours)
acc-response-hint = For example 48. Trainees will know how soon to expect an answer.
acc-working-days = Counted in working days
acc-tutoring = Tutoring slots
acc-tutoring-hint = For example: Wednesdays 14:00–15:00, in a virtual class.
acc-technical = Technical contact
acc-technical-hint = Who helps with connection or tool problems.
acc-exchange = Exchange hours and right to disconnect
acc-exchange-hint = For example: answers Monday to Friday 8:00–18:00, none at weekends.
validation-rules-title = Validation criteria
validation-rules-lead = The criteria as written for trainees, then the rules used to compute each trainee's validation:
validation-min-attendance = Minimum attendance per modality (%)
validation-mandatory-steps = Every mandatory activity must be done
validation-evaluation = The evaluation must be passed
error-response-hours = Invalid response time: "{ $value }" (a number of hours, 1 to 720).

qualifications-title = Trainers trained in hybrid delivery
qualifications-lead = The charter asks that trainers be trained in hybrid delivery by the pilot. This register keeps the record: date, trainer, content.
qualifications-register = Register
qualifications-none = No trainer is in the register yet.
qualifications-flagged = Trainers assigned to a cohort without training in hybrid delivery
qualification-add = Record a training in hybrid delivery
qualification-add-submit = Add to the register
qualification-date = Date
qualification-by = Trained by
qualification-content = Content
qualification-content-hint = For example: a 3-hour workshop on designing and leading virtual classes.

holidays-title = School holidays
holidays-lead = The school holidays of the académie's zone are used to advise trainers: a virtual class during the holidays is flagged. Enter the dates of the official calendar.
holidays-zone = The académie's zone
holidays-of-zone = Holidays of zone { $zone }
holidays-none = No holiday period entered for this zone.
holidays-add = Add a period
holidays-label = Name
holidays-first = First day
holidays-last = Last day

cohort-edit = Edit the cohort and its digital space
schedule-advice-title = Advice on the schedule:
schedule-generate = Build the schedule from the scenario
schedule-generate-hint = One session per step, on working days from the cohort's first day; you then adjust dates, places and rooms.
half-day-morning = morning
half-day-afternoon = afternoon
activity-edit = Edit the session
activity-day = Day
activity-starts = Start
activity-ends = End
activity-opens = Opens
activity-closes = Closes
activity-place = Place
activity-place-hint = Room and establishment, for example "Room 204 — Collège Jean Moulin, Villeurbanne".
activity-room-url = Virtual room
activity-room-hint = The virtual class's address (BigBlueButton, Via, Visio-agents, Teams…).
activity-delete = Delete this session
error-time = Invalid time: "{ $value }" (for example 14:30).
error-times-order = The end must follow the start.

checklist-before-title = Before the training: the charter's duties
check-done = done
check-todo = to do
check-warning = to check
check-not_applicable = not applicable
check-fix = Fix it
duty-space-configured = Configure and check the digital training space
duty-scenario-articulated = Design the scenario by combining modalities
duty-accompaniment-planned = Plan the accompaniment
duty-equipment-tested = Prepare and test the virtual-class equipment
duty-trainer-qualified = Trainers trained in hybrid delivery by the pilot
evidence-course-url = The cohort's M@gistère course is set.
evidence-no-course-url = The cohort's M@gistère course is not set.
evidence-no-activities = No session is scheduled.
evidence-no-room = "{ $title }": no virtual room.
evidence-no-place = "{ $title }": no place.
evidence-rooms-ok = { $count ->
    [one] The session has its place or virtual room.
   *[other] All { $count } sessions have their place or virtual room.
  }
evidence-scenario-summary = { $steps ->
    [0] No steps
    [one] { $steps } step
   *[other] { $steps } steps
  }, { $modalities ->
    [0] no modalities
    [one] { $modalities } modality
   *[other] { $modalities } modalities
  }.
evidence-no-accompaniment = No accompaniment plan.
evidence-missing-channels = The contact channels are missing.
evidence-missing-response = The response time is missing.
evidence-missing-tutoring = The tutoring slots are missing.
evidence-missing-technical = The technical contact is missing.
evidence-missing-exchange-hours = The exchange hours are missing.
evidence-accompaniment-complete = The accompaniment plan is complete.
evidence-no-synchronous = No synchronous distance session.
evidence-no-trainer = No trainer is assigned to the cohort.
evidence-equipment-untested = { $name } has not tested their equipment.
evidence-equipment-failed = { $name }: the last equipment test failed.
evidence-equipment-late = { $name } tested their equipment after the first synchronous session.
evidence-equipment-ok = { $name } tested their equipment successfully.
evidence-qualified = { $name }: training in hybrid delivery in the register.
evidence-not-qualified = { $name }: no training in hybrid delivery in the register.
ready-blocked-explain = { $count ->
    [one] One "before" duty is still to do. The cohort can be declared ready only with a stated reason.
   *[other] { $count } "before" duties are still to do. The cohort can be declared ready only with a stated reason.
}
ready-override-reason = Reason
ready-override-hint = The reason is kept with your name and the list of open items.
ready-override-submit = Declare ready all the same
overrides-title = Decisions with a stated reason
override-line = Moved to "{ $status }" by { $name } on { $day }
cohort-error-ready-blocked = Some "before" duties are still to do: complete them or state your reason.
cohort-error-schedule-exists = The cohort already has a schedule.
cohort-error-schedule-no-steps = The training's scenario has no step.

flash-step-added = The step was added.
flash-step-updated = The step was updated.
flash-step-moved = The step was moved.
flash-step-duplicated = The step was duplicated.
flash-step-deleted = The step was deleted.
flash-scenario-copied = The steps were copied.
flash-accompaniment-saved = The accompaniment plan was saved.
flash-validation-saved = The validation criteria were saved.
flash-qualification-added = The training in hybrid delivery was added to the register.
flash-qualification-removed = The register entry was removed.
flash-holiday-added = The holiday period was added.
flash-holiday-removed = The holiday period was removed.
flash-zone-saved = The zone was saved.
flash-schedule-generated = The schedule was built: adjust dates, places and rooms.
flash-activity-updated = The session was updated.
flash-activity-deleted = The session was deleted.
flash-cohort-updated = The cohort was updated.

room-title = Virtual room
room-bbb-explain = Hybride can create the room on the académie's BigBlueButton server. Everyone then enters through a personal link that names them: trainers as moderators, trainees as participants.
room-bbb-create = Create the BigBlueButton room
room-bbb-recreate = Create a new BigBlueButton room
room-external-explain = No BigBlueButton server is configured: give the room's address above (Via, Visio-agents, Teams, Jitsi…).
room-unavailable = The virtual room cannot be reached right now. Try again in a moment or tell your trainer.
room-error-bbb-off = No BigBlueButton server is configured.
room-error-bbb-failed = The BigBlueButton server did not create the room. Try again later or give another room.
flash-room-created = The BigBlueButton room was created.
dashboard-preparation = Before the training: { $done } of { $total ->
    [one] { $total } duty
   *[other] { $total } duties
  } done
dashboard-unqualified = A cohort is entrusted to you, but your training in hybrid delivery is not in the register yet: see the training's pilot.
chrono-download = Download the timeline (PDF, A4)
chrono-subtitle = Plan { $year } · GAIA { $dispositif } / { $module }
chrono-position = No.
chrono-footer = Generated by Hybride on { $day }
rules-attendance = Minimum attendance: in person { $in_person }%, synchronous distance { $synchronous }%, asynchronous distance { $asynchronous }%.

# The académie's M@gistère: its site and the web-service token Hybride calls it with.
magistere-title = M@gistère connection
settings-about-magistere = The address of the académie's M@gistère site and its web-service token, to read courses and enrolments.
magistere-lead = Hybride reads M@gistère courses through Moodle's web service (REST), with the token of a web-service user that M@gistère's administrator creates for the EAFC.
magistere-url = M@gistère site address
magistere-url-hint = For example https://magistere.education.fr/ac-lyon, without « /webservice/… ».
magistere-token = Web-service token
magistere-token-hint = Thirty-two letters and digits, given by M@gistère's administrator.
magistere-token-kept = A token is stored: leave this field empty to keep it.
magistere-save = Save and test
magistere-check = Test the connection
magistere-check-ok = The connection works
magistere-check-failed = The connection does not work
magistere-check-site = Site « { $site } » (Moodle { $release }), token of { $user }.
magistere-check-missing = { $count ->
    [one] This token's web service does not offer this function Hybride needs; ask M@gistère's administrator to add it:
   *[other] This token's web service does not offer these { $count } functions Hybride needs; ask M@gistère's administrator to add them:
}
magistere-functions = Functions used
magistere-functions-lead = The token's web service must offer these Moodle functions:
magistere-failure-unreachable = M@gistère does not answer at this address. Check the site's address, then try again.
magistere-failure-not-moodle = This address does not lead to a Moodle site's web service. Give the address of the M@gistère site itself.
magistere-failure-invalid-token = M@gistère refuses this token: it is wrong, expired or deleted. Ask M@gistère's administrator for a new token.
magistere-failure-not-in-service = This token's web service does not offer a function Hybride needs. Ask M@gistère's administrator to add it.
magistere-failure-no-such-function = This M@gistère site does not know a function Hybride needs: its Moodle version may be too old.
magistere-failure-not-found = M@gistère does not find what is asked for.
magistere-failure-refused = M@gistère refused the call.
flash-magistere-saved = The M@gistère connection is saved.
error-magistere-url = Give the site's address, starting with https://.
error-magistere-token = Give the web-service token: 16 to 128 letters and digits.
refused-magistere-not-configured = First give the M@gistère site's address and its token.

evidence-magistere-ok = { $count ->
    [0] The M@gistère course « { $course } » exists; the session has no trainee enrolled yet.
    [one] The M@gistère course « { $course } » exists and its trainee is enrolled in it.
   *[other] The M@gistère course « { $course } » exists and its { $count } trainees are enrolled in it.
}
evidence-magistere-missing = No enrolment in the M@gistère course « { $course } » for { $name }.
evidence-magistere-not-found = M@gistère does not find the course given: check its address.
evidence-magistere-unreadable = The course could not be read on M@gistère: check the M@gistère connection in the settings.
magistere-course-check = Check the course on M@gistère
magistere-course-check-hint = Hybride reads the course and its enrolments on M@gistère.
flash-magistere-checked = The course was read on M@gistère; the list below takes it into account.
refused-magistere-course-unknown = The session's course address does not name a course of the académie's M@gistère site (…/course/view.php?id=…).
# Being trained in hybrid delivery: register, trainers' requests, trainers' training.
qualification-evidence = Evidence
qualification-evidence-session = session attended
qualification-evidence-certificate = certificate
qualification-by-hand = Recorded by hand by { $name }
qualification-by-validation = validated by the trainers' training
qualification-valid-until = Valid until
qualification-to-renew = to renew
qualification-no-limit = no limit
qualification-expired-on = training to renew since { $day }
qualification-reason = Why record it by hand?
qualification-reason-hint = For example: trained in the previous plan, paper certificate kept at the EAFC.
qualification-add-lead = A session of the trainers' training records by itself, when it closes, the trainers it validates. Record here a training followed otherwise, saying why.
qualification-validity-title = Validity
qualification-validity-label = Number of school years
qualification-validity-hint = From 1 to { $max }, counting the school year the training was followed in. Leave empty for no limit.
qualification-validity-is = { $years ->
    [one] A training in hybrid delivery is valid for the school year it is followed in.
   *[other] A training in hybrid delivery is valid for { $years } school years, counting the one it is followed in.
  }
qualification-validity-none = A training in hybrid delivery is valid without limit.
qualification-requests-open = { $count ->
    [0] Trainers' training requests
    [one] Trainers' training requests (one waiting)
   *[other] Trainers' training requests ({ $count } waiting)
  }
qualification-requests-title = Being trained in hybrid delivery
qualification-requests-lead = The charter asks trainers to turn to the training's pilot to be trained in hybrid delivery. The trainer asks here; the pilot enrols them in a session of the trainers' training or answers.
qualification-my-standing = My training in hybrid delivery
qualification-mine-valid = You are trained in hybrid delivery: it is in the register.
qualification-mine-valid-until = You are trained in hybrid delivery until { $day }.
qualification-mine-expired = Your training in hybrid delivery is to renew since { $day }.
qualification-mine-missing = Your training in hybrid delivery is not in the register yet.
qualification-my-requests = My requests
qualification-requests-received = Requests received
qualification-requests-none = No request for now.
qualification-request-status-waiting = waiting for an answer
qualification-request-status-enrolled = enrolled in a session
qualification-request-status-declined = answered by the pilot
qualification-request-status-qualified = training in the register
qualification-request-asked-on = Asked on { $day }
qualification-request-reason = Why
qualification-request-availability = Availability
qualification-request-session = Session
qualification-request-answer = Answer from { $name }
qualification-request-upcoming = Their cohorts to come:
qualification-request-no-upcoming = No cohort to come is entrusted to them.
qualification-enrol-in = Enrol in the session
qualification-enrol-word = A word for the trainer (optional)
qualification-enrol-submit = Enrol
qualification-no-session = No session of a trainers' training is open in your trainings: create one, or answer below.
qualification-decline-answer = Answer without enrolling
qualification-decline-submit = Send the answer
qualification-ask-title = Ask to be trained
qualification-ask-lead = Your request goes to the pilots of the trainings entrusted to you, by e-mail and on their page.
qualification-ask-reason-hint = For example: first hybrid cohort in January, never led a virtual class.
qualification-ask-availability-hint = For example: Wednesday afternoons, remotely.
qualification-ask-submit = Send my request
flash-qualification-validity-saved = The validity was saved.
flash-qualification-asked = Your request was sent to the pilots of your trainings.
flash-qualification-enrolled = The trainer was enrolled in the session and told.
flash-qualification-answered = The answer was sent.
flash-trains-trainers-saved = The training's role was saved.
trains-trainers-label = This training trains trainers in hybrid delivery (its participants are trainers; its validation records them in the register)
trains-trainers-on = Trainers' training in hybrid delivery: when a session closes, each trainer it validates is recorded in the register.
nav-qualification-mine = Hybrid delivery training
evidence-qualified-until = { $name }: training in hybrid delivery in the register, valid until { $day }.
evidence-qualification-expired = { $name }: training in hybrid delivery to renew since { $day }.
evidence-trainers-session = Next session of the trainers' training: { $session }, from { $day }.
evidence-no-trainers-session = No session of the trainers' training is planned: see the pilot.
error-qualified-in-future = The date cannot be in the future.
error-trainers-session = Choose an open session of a trainers' training among your trainings.
refused-request-open = A request is already under way: wait for the pilot's answer.
refused-request-answered = This request has already been answered: reload the page.
refused-not-trainers-training = This session does not belong to a trainers' training.
mail-qualification-asked-subject = { $trainer } asks to be trained in hybrid delivery
mail-qualification-asked-body =
    Hello { $name },

    { $trainer } asks to be trained in hybrid delivery, as the charter provides.

    Why: { $reason }
    Availability: { $availability }

    Answer them or enrol them in a session of the trainers' training:
    { $link }
mail-qualification-enrolled-subject = Your training in hybrid delivery
mail-qualification-enrolled-body =
    Hello { $name },

    { $pilot } enrolled you in the training "{ $training }", session { $session }, from { $first } to { $last }.
    { $answer }

    Your request: { $link }
mail-qualification-answered-subject = Answer to your request for training in hybrid delivery
mail-qualification-answered-body =
    Hello { $name },

    { $pilot } answered your request:

    { $answer }

    Your request: { $link }
audit-qualification_validity_set = Validity of trainings in hybrid delivery changed
audit-qualification_recorded = Training in hybrid delivery recorded by hand
audit-qualification_removed = Training in hybrid delivery removed from the register
dashboard-qualification-requests = { $count ->
    [one] A trainer asks to be trained in hybrid delivery: answer them.
   *[other] { $count } trainers ask to be trained in hybrid delivery: answer them.
  }
