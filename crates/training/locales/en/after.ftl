# After the training: documents, bundle, transmission, pay, contents kept available.

checklist-after-title = After the training
duty-contents-available = Keep contents available after the training
duty-admin-documents = Upload attendance sheets (in person, distance) and pay forms
evidence-archived = Cohort archived: contents were available until { $day }.
evidence-contents-until = Cohort closed: trainees keep the contents, the forum and their documents until { $day }.
evidence-close-cohort = The cohort has ended: close it to make it read-only (contents available until { $day }).
evidence-contents-planned = Contents will stay available until { $day }.
evidence-documents-at-closing = Documents are produced when the cohort is closed.
evidence-not-countersigned = { $count ->
    [one] One in-person half-day is not countersigned.
   *[other] { $count } in-person half-days are not countersigned.
}
evidence-declarations-pending = { $count ->
    [one] One declaration of distance work awaits your decision.
   *[other] { $count } declarations of distance work await your decision.
}
evidence-not-transmitted = The cohort's bundle is not marked as transmitted yet.
evidence-changed-since = The attendance record changed after the transmission of { $at }: transmit the bundle again.
evidence-transmitted = Bundle transmitted on { $at }.

documents-title = Cohort documents
documents-lead = Attendance sheets, certificates of completion, pay forms and chronogramme, produced from the attendance record.
documents-contents-until = Contents available to trainees until { $day }.
documents-contents-change = Change the duration
documents-bundle-title = Bundle for Sofia-FMO
documents-bundle-lead = { $count ->
    [one] One PDF document, a CSV summary per trainee and the list of files with their fingerprint, in a zip archive.
   *[other] { $count } PDF documents, a CSV summary per trainee and the list of files with their fingerprint, in a zip archive.
}
documents-bundle-download = Download the bundle (zip)
documents-transmit-lead = Once the bundle is uploaded to Sofia-FMO, mark it as transmitted: its fingerprint is kept, and any later change of the record will be reported.
documents-transmit-note = Comment
documents-transmit-note-hint = Optional, e.g. the upload's reference.
documents-transmit = Mark as transmitted
documents-transmit-after-closing = The bundle can be marked as transmitted once the cohort is closed.
documents-transmissions = Transmissions
documents-transmitted-on = Date
documents-transmitted-by = By
documents-count = Documents
documents-fingerprint = Fingerprint
documents-group-sheets = Attendance sheets
documents-group-certificates = Certificates of completion
documents-group-pay = Pay forms
documents-group-scenario = Scenario
documents-error-not-closed = Close the cohort before marking its bundle as transmitted.
documents-certificate-of = Certificate of completion — { $name }
documents-pay-of = Pay form — { $name }
documents-chronogramme = Training chronogramme
documents-file = File
documents-size = Size (bytes)
cohort-documents-link = Documents and bundle
cohort-pay-link = Pay

pay-title = Trainers' pay
pay-lead = Level “{ $band }” ({ $rate } per hour, arrêté of 7 May 2012). Hours come from the attendance record; a co-led half-day counts { $hours } h per hour, shared between the trainers.
pay-band-change = Change the training's level
pay-not-countersigned = { $count ->
    [one] One half-day is not countersigned: it is attributed to every trainer of the cohort.
   *[other] { $count } half-days are not countersigned: they are attributed to every trainer of the cohort.
}
pay-caption = Lines of { $name }'s form
pay-col-when = Date
pay-col-activity = Activity
pay-col-duration = Duration
pay-col-co = Trainers
pay-col-paid = Hours paid
pay-col-rate = Rate
pay-col-amount = Amount
pay-lump = Lump sum
pay-lump-engineering = Pedagogical engineering
pay-lump-tutoring = Pedagogical accompaniment (tutoring)
pay-nothing = No hours led recorded.
pay-hours-line = Hours led: { $delivered }; hours paid: { $paid }.
pay-total-line = Training: { $formation }; lump sums: { $lumps }; total: { $total }.
pay-pdf = Pay form (PDF)
pay-profile-title = Your status
pay-status = Status
pay-status-civil = Civil servant of the Éducation nationale
pay-status-contract = Contract staff of the Éducation nationale
pay-status-other_public = Employee of another public employer
pay-status-external = Outside the public service
pay-status-missing = Status not given
pay-grade = Corps and grade
pay-grade-hint = For example: professeur certifié, classe normale.
pay-employer = Employer or school
pay-employer-hint = For example: collège Jean-Moulin, Lyon.
pay-lump-add = Add a lump sum
pay-lump-range = from { $range } (proposed: { $amount })
pay-trainer = Trainer
pay-lump-kind = Lump sum
pay-amount = Amount (€)
pay-amount-hint = Within the arrêté's range, e.g. 200 or 150.50.
pay-lump-note = Purpose
pay-band = Training level
pay-band-initiation = Awareness and introduction
pay-band-deepening = In depth
pay-band-expertise = Expertise
pay-band-lecture = Occasional lecture
pay-band-exceptional_lecture = Exceptional lecture
pay-band-rate = { $band }, { $rate } per hour
pay-coanimation = Co-leading
pay-coanimation-rule = { $hours } h per co-led hour, shared between the trainers
pay-source = Hours from the attendance record (half-days with at least one trainee present, attributed to the trainers who countersigned them).
pdf-pay-title = Pay form — { $training }
pdf-email = E-mail
pay-sign-trainer = The trainer
pay-sign-pilot = The training's pilot
pay-sign-service = The training service (EAFC)
pay-sign-date = Date and signature:

rates-title = Pay rates
rates-lead = The académie's rates, within the ranges of the arrêté of 7 May 2012 (people training staff as an accessory activity).
rates-hourly = Training, per hour (€)
rates-lumps = Proposed lump sums (€)
rates-range = From { $range }.
rates-coanimation-hint = Hours paid for one co-led hour, shared between the trainers: from 1 to 3, e.g. 1.5.

after-title = After the training
after-lead = The trainers' pay level, and how long trainees keep the contents after a cohort ends.
after-months = Contents available (months after the end)
after-months-hint = From 1 to 120 months; 24 by default (two years).

flash-transmitted = Bundle marked as transmitted.
flash-lump-added = Lump sum added.
flash-lump-removed = Lump sum removed.
flash-profile-saved = Status saved.
flash-rates-saved = Rates saved.
flash-after-saved = Settings saved.

error-pay-band-unknown = Unknown level: “{ $value }”.
error-pay-lump-unknown = Unknown lump sum: “{ $value }”.
error-pay-out-of-range = Outside the arrêté's range: { $value }.
error-pay-amount = Unreadable amount: “{ $value }” (e.g. 40 or 40.50).
error-pay-coanimation-range = Give a number of hours between 1 and 3, e.g. 1.5.
error-pay-status-unknown = Unknown status: “{ $value }”.
error-pay-trainer = Choose a trainer of the cohort.
error-contents-months = Give a number of months between 1 and 120: “{ $value }”.
refused-cohort-not-closed = The cohort must be closed.
refused-not-a-trainer = This person is not a trainer of the cohort.
refused-pay-rates = Rates outside the arrêté's ranges.

sheet-cocountersign-hint = Did you co-lead this half-day? Countersign it too: it will count in your pay form.
sheet-cocountersign = Countersign too (co-leading)
cohort-close-hint = The cohort is running: close it at the end. It becomes read-only; trainees keep the contents until { $day }.
cohort-close-hint-ended = Its last activity is over: the cohort has ended. Close it once attendance and declarations are checked; it becomes read-only and trainees keep the contents until { $day }.
cohort-open-hint = The cohort is ready: open it when it starts (it opens by itself when its first activity starts).
cohort-closed-notice = Closed cohort: its contents, instructions, forum and your documents stay available until { $day }.

# The loop back to the pilot (reviews) and the free-access courses.
duty-pilot-feedback = Advise the pilot for next year's plan
duty-open-courses-promoted = Promote free-access courses
evidence-review-submitted = Review by { $name } submitted on { $at }.
evidence-review-draft = Review by { $name } still a draft.
evidence-review-at-the-end = The review is written at the end of the cohort.
evidence-review-missing = No review has been submitted to the pilot yet.
evidence-courses-sent = Closing message sent on { $at } to { $trainees ->
    [one] { $trainees } trainee
   *[other] { $trainees } trainees
  }, { $count ->
    [0] with no free-access course
    [one] with one free-access course
   *[other] with { $count } free-access courses
  }.
evidence-no-courses = The training recommends no free-access course yet.
evidence-courses-recommended = { $count ->
    [one] One free-access course recommended.
   *[other] { $count } free-access courses recommended.
}
evidence-courses-not-sent = The closing message has not sent them to the trainees yet.

review-title = Review for the pilot
review-lead = What worked, what should change, your advice for next year's plan. The cohort's figures come from the attendance record.
review-figures = The cohort's figures
review-rate = Rate
review-standings = { $trainees ->
    [one] { $trainees } trainee
   *[other] { $trainees } trainees
  }: { $met } met the criteria, { $on_track } on track, { $behind } behind, { $unreachable } can no longer meet them.
review-half-days = { $half_days ->
    [one] { $half_days } half-day held
   *[other] { $half_days } half-days held
  }, { $countersigned } countersigned; { $pending ->
    [one] { $pending } declaration pending
   *[other] { $pending } declarations pending
  }; { $posts ->
    [one] { $posts } forum post by trainees
   *[other] { $posts } forum posts by trainees
  }.
review-mine = Your review
review-submitted-on = Submitted to the pilot on { $day } at { $time }.
review-worked = What worked
review-worked-hint = The activities, modalities and accompaniment that worked best.
review-to-change = What should change
review-to-change-hint = What hindered the trainees or you, what you would do differently.
review-next-year = Advice for next year's plan
review-next-year-hint = Optional: audience, duration, modalities, new needs.
review-save = Save the draft
review-submit = Submit to the pilot
review-of = Review by { $name }
reviews-title = Trainers' reviews
reviews-lead = The reviews submitted by the trainers of your trainings, with each cohort's figures, to prepare next year's plan.
review-by = By { $name }, on { $day }
reviews-none = No review submitted yet.
review-mail-subject = Training review: { $training }
review-mail-intro = { $trainer } sends you their review of the cohort “{ $cohort }” of the training “{ $training }”.
review-mail-read = The review and the cohort's figures:

courses-title = Free-access courses
courses-lead = The catalogue of free-access courses (M@gistère, DGESCO, Canopé, IFÉ…) that trainings recommend to their trainees.
courses-import-refused = No course was imported: correct these lines and import the file again.
courses-caption = { $count ->
    [0] Empty catalogue
    [one] One course in the catalogue
   *[other] { $count } courses in the catalogue
}
course-title = Title
course-provider = Provider
course-provider-hint = For example: DGESCO, Réseau Canopé, IFÉ.
course-url = Link
course-duration = Duration
course-duration-hint = In hours, e.g. 3 or 1 h 30.
course-themes = Themes
course-themes-hint = Optional, comma-separated.
courses-none = No course in the catalogue.
courses-add = Add a course
courses-import = Import a catalogue
courses-import-lead = A CSV file (“;” or “,”) whose first line names the columns: title, provider, link, duration and, optionally, themes. The whole file is imported, or nothing.
courses-import-file = CSV file
courses-error-taken = This course is already in the catalogue.
error-course-taken = A course of the catalogue already has this link.
error-course-taken-value = A course of the catalogue already has this link: { $value }.
error-course-repeated = This link is already on line { $value }.
error-import-no-rows = The file holds no line.
field-provider = Provider
field-url = Link
field-duration = Duration
field-themes = Themes

recommend-title = Recommended free-access courses
recommend-lead = They are sent to the trainees with the closing message and shown in their space.
recommend-none = None yet.
recommend-choose = Course of the catalogue
recommend-add = Recommend
recommend-trainee-title = To go further: free-access courses

closing-title = Closing message
closing-lead = E-mailed to each trainee: their contents stay available until { $day }, the link to their certificate of completion, and the recommended free-access courses.
closing-no-courses = The training recommends no free-access course yet.
closing-sent-on = { $count ->
    [one] Sent on { $day } at { $time } to one person.
   *[other] Sent on { $day } at { $time } to { $count } trainees.
}
closing-send = Send the closing message
closing-send-again = Send again
closing-mail-subject = End of the training: { $training }
closing-mail-intro = The training “{ $training }” is over. Thank you for taking part! Its contents, instructions and forum stay available until { $day }.
closing-mail-certificate = Your certificate of completion:
closing-mail-courses = To go further, free-access courses:

nav-courses = Free access
nav-reviews = Reviews

flash-review-saved = Draft saved.
flash-review-submitted = Review submitted to the pilot.
flash-course-added = Course added to the catalogue.
flash-courses-imported = Catalogue imported.
flash-course-removed = Course removed from the catalogue.
flash-course-recommended = Course recommended.
flash-course-unrecommended = Recommendation removed.
flash-closing-sent = Closing message sent.

insights-title = Trainings at a glance
insights-lead = To prepare next year's plan: attendance per modality, validation, reviews and the charter's duties, for the running or finished cohorts of your trainings.
insights-export = Export (CSV)
insights-line = { $cohorts ->
    [one] { $cohorts } cohort
   *[other] { $cohorts } cohorts
  }, { $trainees ->
    [one] { $trainees } trainee
   *[other] { $trainees } trainees
  }, { $reviews ->
    [one] { $reviews } review
   *[other] { $reviews } reviews
  }
insights-range = Trainings { $first } to { $last } of { $total }, by plan then title; the CSV and Excel files hold them all.
insights-chart = { $training }: { $values }
insights-table = The charts' figures
insights-training = Training
insights-cohorts = Cohorts
insights-trainees = Trainees
insights-validated = Validated (finished cohorts)
insights-reviews = Reviews
insights-checklist = Charter duties done
insights-none = No running or finished cohort yet.
nav-insights = At a glance
insights-export-xlsx = Export (Excel)
documents-summary-sheet = Summary
account-export = Export everything Hybride holds about this person (JSON)
documents-group-convocations = Convocations
documents-convocation-of = Convocation — { $name }
documents-opening = Opening message
pdf-opening-title = Opening message — { $training }
pdf-convocation-title = Convocation — { $training }
pdf-published = Published on
pdf-no-activity = No activity scheduled.
pdf-in-the-space = In the training space
pdf-personal-link = Personal link sent by e-mail
pdf-convocation-links = Your personal links (virtual classes, calendar) and your login link are sent by e-mail; test your equipment before the first virtual class on the “Test my equipment” page.
space-documents = My documents:
space-convocation-pdf = My convocation (PDF)

# Retention policy and purge.
retention-title = Data retention
retention-lead = How long the académie keeps each kind of record. The command “hybride purge” removes what has outlived its duration and says what it removed; “hybride purge --dry-run” says it without removing anything.
retention-field-cohorts = Archived cohorts (months after their last day)
retention-field-mails = Mails sent (days)
retention-field-connections = Connection traces (days after they ended)
retention-field-accounts = Trainee accounts without a cohort (months without connecting)
retention-hint-cohorts = { $low } to { $high ->
    [one] { $high } month
   *[other] { $high } months
  }. The cohort's whole record goes: enrollments, schedule, attendance and its documents, forum, reviews, surveys, pay lines.
retention-hint-mails = { $low } to { $high ->
    [one] { $high } day
   *[other] { $high } days
  } after they were queued.
retention-hint-connections = { $low } to { $high ->
    [one] { $high } day
   *[other] { $high } days
  }: expired sessions and login links, revoked tokens, attempt counters.
retention-hint-accounts = { $low } to { $high ->
    [one] { $high } month
   *[other] { $high } months
  }: accounts of trainees enrolled in no remaining cohort, created and idle for that long.
retention-preview-title = What the purge would remove today
retention-preview-lead = A simulation: nothing is removed.
retention-preview-button = Simulate the purge
retention-line-cohorts = Archived cohorts that ended before { $day } (kept { $duration ->
    [one] { $duration } month
   *[other] { $duration } months
  }): { $count }
retention-line-mails = Mails queued before { $day } ({ $duration ->
    [one] { $duration } day
   *[other] { $duration } days
  }): { $count }
retention-line-connections = Connection traces ended before { $day } ({ $duration ->
    [one] { $duration } day
   *[other] { $duration } days
  }): { $count }
retention-line-accounts = Trainee accounts without a cohort or connection since { $day } ({ $duration ->
    [one] { $duration } month
   *[other] { $duration } months
  }): { $count }
retention-kept = { $kept ->
    [one] one account kept, still named by a record kept
   *[other] { $kept } accounts kept, still named by records kept
}
retention-applied = Purge following the académie's retention policy:
retention-dry-run = Purge simulated (nothing is removed):
retention-total = Total: { $rows ->
    [one] { $rows } row removed
   *[other] { $rows } rows removed
  }.
retention-total-dry = Total: { $rows ->
    [one] { $rows } row would be removed
   *[other] { $rows } rows would be removed
  }.
flash-retention-saved = Retention durations saved.
error-retention-months = Give a number of months in the range { $value }.
error-retention-days = Give a number of days in the range { $value }.
refused-retention = Retention durations out of bounds.
table-enrollments = enrollments
table-activities = activities
table-attendance_events = attendance events
table-attendance_documents = supporting documents
table-posts = forum posts
table-reviews = reviews
table-surveys = surveys
table-convocations = convocations
table-pay_lumps = pay lump sums
table-transmissions = transmissions
table-outbox = mails
table-sessions = sessions
table-login_links = login links
table-api_tokens = revoked API tokens
table-rate_limits = attempt counters
table-users = accounts
table-cohorts = cohorts

# A plan's batch export.
exports-column = Bundles
exports-link = Export the bundles
exports-title = Bundles export
exports-lead = The bundles of every closed cohort of the plan, ready for Sofia-FMO, in one zip file: one bundle per cohort and the list of cohorts. The export is prepared in the background; you may leave the page. It can be downloaded for { $days ->
    [one] { $days } day
   *[other] { $days } days
  }.
exports-closed = { $count ->
    [0] No closed cohort in this plan yet.
    [one] One closed cohort in this plan.
   *[other] { $count } closed cohorts in this plan.
}
exports-request = Prepare the export
exports-busy = An export of this plan is already being prepared.
exports-list = Exports asked for
exports-asked = Asked on
exports-state = State
exports-file = File
exports-pending = Waiting
exports-running = Being prepared: { $done ->
    [one] { $done } cohort
   *[other] { $done } cohorts
  } out of { $total }
exports-progress = Export progress
exports-done = Ready: { $cohorts ->
    [one] { $cohorts } cohort
   *[other] { $cohorts } cohorts
  }, { $documents ->
    [one] { $documents } document
   *[other] { $documents } documents
  }
exports-failed = Failed: ask for a new export.
exports-download = Download ({ $kib } KiB)
exports-none = No export asked for.
exports-cohort = Cohort
exports-gaia-session = GAIA session
exports-starts = Start
exports-ends = End
exports-documents = Documents
exports-training = Training
flash-export-requested = Export asked for: it is being prepared in the background.
refused-nothing-to-export = No closed cohort to export in this plan.
conflict-export = An export of this plan is already being prepared.

# A trainee's asynchronous work.
pdf-declarations-title = Record of distance work — { $training }
pdf-declarations-window = Period
pdf-declarations-estimated = Estimated time
pdf-declarations-decided = Trainer's decision
pdf-declarations-file = file attached
pdf-declarations-spent = time declared: { $time }
pdf-declarations-total = Time credited: { $credited } out of { $estimated } estimated for the distance work.
pdf-declarations-trainee-signature = The trainee
pdf-declarations-trainer-signature = The trainer
documents-declarations-of = Distance work — { $name }
documents-group-declarations = Records of distance work
space-declarations-pdf = My distance work (PDF)

## The certificats de réalisation: their signatory, when they are issued; closing a cohort.
signatory-title = Signatory of certificates
settings-about-signatory = Who signs the certificates of completion: the EAFC's director, or someone signing by delegation. Without them, no certificate is issued.
signatory-lead = Each certificate of completion carries the name and title of the person who signs it, in office when its cohort ended. Naming someone else does not change the certificates of cohorts that have already ended.
signatory-none = No signatory is named: no certificate of completion is issued until one is.
signatory-name = Full name
signatory-name-hint = As the certificates will print it, e.g. “Claire Martin”.
signatory-function = Title
signatory-function-hint = E.g. “Director of the académie's school of continuing education”.
signatory-capacity = Signs as
signatory-capacity-director = The EAFC's director
signatory-capacity-delegate = By delegation of the EAFC's direction
signatory-save-hint = The person saved signs the certificates of cohorts ending from now on, and those of cohorts that ended while nobody was named yet.
signatory-history = Successive signatories
signatory-since = Since
signatory-named-by = Named by
flash-signatory-saved = Signatory of certificates saved.
error-signatory-capacity = Choose “the EAFC's director” or “by delegation”.
pdf-certificate-credited = Time credited
pdf-certificate-attests = { $signatory }, { $title }, certifies the completion of the training “{ $training }” by { $trainee }, from { $start } to { $end }, for { $achieved } completed out of { $planned } planned.
pdf-certificate-attests-delegate = For the EAFC's direction and by delegation, { $signatory }, { $title }, certifies the completion of the training “{ $training }” by { $trainee }, from { $start } to { $end }, for { $achieved } completed out of { $planned } planned.
pdf-certificate-signature-delegate = For the EAFC, by delegation
refused-certificate-not-ended = A certificate of completion exists only once the training has ended: its last activity over, or the cohort closed. Until then, the progress page shows where each trainee stands.
refused-certificate-unsigned = No certificate of completion is issued until the EAFC names who signs them (Académie management › Signatory of certificates).
refused-certificate-declarations-pending = This certificate of completion awaits the decision on the distance work declared: it is issued once the declaration is validated, or more is asked for.
refused-declarations-pending = The cohort cannot be closed: declarations of distance work await a decision. Validate them or ask for more from each activity's sheet, then close it.
refused-record-changed = The attendance record changed during the closing: reload the page, check the declarations, then close again.
refused-bundle-unsigned = A closed cohort's bundle holds each trainee's certificate of completion: it cannot be made until the EAFC names the signatory of certificates (Académie management › Signatory of certificates).
cohort-error-declarations-pending = The cohort cannot be closed: declarations of distance work await your decision. Decide them below, then close it.
cohort-error-record-changed = The attendance record changed during the closing: check the declarations below, then close again.
closing-pending-title = Before closing: declarations to decide
closing-pending-explain = { $count ->
    [0] No declaration of distance work awaits a decision.
    [one] One declaration of distance work awaits a decision. The cohort cannot be closed before: a declaration left undecided would never count, and the certificate of completion would show nothing of it.
   *[other] { $count } declarations of distance work await a decision. The cohort cannot be closed before: a declaration left undecided would never count, and the certificate of completion would show nothing of it.
}
closing-declared-on = declared on { $day }
closing-decide = Decide
closing-unsigned = The closing message gives each trainee her certificate of completion: it cannot go until the EAFC names the signatory of certificates.
documents-error-unsigned = The closing message gives each trainee her certificate of completion: it cannot go until the EAFC names the signatory of certificates.
certificate-progress-link = See my validation
certificate-wait-not-ended = Your certificate of completion will be issued at the end of the training, after its last activity on { $day }. Until then, “My validation” shows your progress.
certificate-wait-not-ended-undated = Your certificate of completion will be issued at the end of the training. Until then, “My validation” shows your progress.
certificate-wait-unsigned = Your certificate of completion will be issued as soon as the EAFC names who signs it.
certificate-wait-declarations-pending = Your certificate of completion will be issued as soon as the distance work you declared has been reviewed.
certificate-not-issued-not-ended = Certificate of completion: issued at the end of the cohort, after its last activity on { $day }.
certificate-not-issued-not-ended-undated = Certificate of completion: issued at the end of the cohort.
certificate-not-issued-unsigned = Certificate of completion: not issued, no signatory is named (Académie management › Signatory of certificates).
certificate-not-issued-declarations-pending = Certificate of completion: awaiting the decision on the distance work declared.
documents-certificates-not-ended = The certificates of completion will be issued at the end of the cohort, after its last activity on { $day }.
documents-certificates-not-ended-undated = The certificates of completion will be issued at the end of the cohort.
documents-certificates-unsigned = No signatory of certificates is named: the certificates of completion are not issued, and the closed cohort's bundle cannot be made.
documents-certificates-name-signatory = Name the signatory
documents-certificates-ask-admin = Ask the EAFC's administrator to name them.
documents-certificates-signed-by = Signed by { $name }, { $title }.
documents-certificates-pending = { $count ->
    [0] No declaration of distance work awaits a decision.
    [one] One declaration of distance work awaits a decision; its author's certificate will be issued then:
   *[other] { $count } declarations of distance work await a decision; their authors' certificates will be issued then:
}
documents-bundle-blocked = The cohort's bundle cannot be made until all its certificates of completion are issued (see “Certificates of completion” below).
evidence-signatory-missing = No signatory of certificates is named: the certificates of completion are not issued (Académie management › Signatory of certificates).
close-confirm-title = Close the cohort "{ $cohort }"?
close-confirm-lead = This is what closing does:
close-confirm-read-only = The cohort becomes read-only: attendance, declarations and the schedule can no longer change.
close-confirm-trainees = { $count ->
    [0] No trainee is enrolled; the contents stay available until { $day }.
    [one] The enrolled trainee keeps access to the contents until { $day }.
   *[other] The { $count } enrolled trainees keep access to the contents until { $day }.
}
close-confirm-certificates = The certificates of completion show the record as it stands at closing, and the activities to come leave the trainees' home page.
close-confirm-undo = { $count ->
    [one] Its trainers and pilot may undo the closing for { $count } day, giving a reason.
   *[other] Its trainers and pilot may undo the closing for { $count } days, giving a reason.
}
reopen-title = Reopen the cohort
reopen-hint = The closing may be undone until { $day }, if an attendance or a declaration was forgotten. The record keeps the closing and the reopening; the cohort must be closed again.
reopen-reason = Why it is reopened
reopen-submit = Reopen the cohort
closings-title = Closings
closing-event-closed = Closed on { $day } at { $time } by { $name }
closing-event-reopened = Reopened on { $day } at { $time } by { $name }
cohort-error-reopen-reason = Why it is reopened: this field is required (one line, 200 characters at most).
cohort-error-reopen-too-late = The closing can no longer be undone: the time to reopen has passed.
refused-reopen-too-late = The closing can no longer be undone: the time to reopen has passed.
documents-error-note-invalid = The note was not saved: one line of 500 characters at most, without invisible characters.
