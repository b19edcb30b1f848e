# Attendance: signing, sheets, declarations, validation.
attendance-title = Attendance
attendance-lead = Every in-person or distance half-day, and every asynchronous activity: who signed, who connected, who declared their work.
attendance-when = When
attendance-count = Present
attendance-countersigned = Countersigned
attendance-flags = Flags
attendance-signed-of = { $signed } of { $total }
attendance-declared-of = { $declared } declared, { $validated } validated, of { $total }
attendance-half-days = Half-days of the activity
cohort-attendance-link = Attendance
cohort-validation-link = Trainees' validation
validation-title = Trainees' validation
completions-refused = Nothing was imported. Fix the file and try again:
import-line-error = Line { $line }: { $message }
import-completions-title = Import completions from M@gistère
import-completions-hint = CSV file of the "Activity completion" report (M@gistère or Moodle). The e-mail column and the "{ $title }" column are read; every trainee who completed the activity is declared, and you validate afterwards.
import-completions = Import
sheet-qr-alt = QR code to scan with one's phone to sign
sheet-pause = Pause updates
sheet-resume = Resume updates
sheet-countersign-title = Trainer's countersignature
sheet-countersigned-by = Countersigned by { $name } on { $day } at { $time }.
sheet-countersign-hint = { $signed } present out of { $total }. Countersigning attests this sheet; corrections remain possible and are recorded.
sheet-countersign = Countersign the half-day
sheet-not-countersigned = Not yet countersigned by a trainer of the cohort.
sheet-capacity = Room capacity
sheet-capacity-hint = Number of seats; a flag shows more signatures than seats.
sheet-fingerprint = Record fingerprint: { $value }
sheet-signing-title = Signing open
sheet-code-label = Code to read aloud:
sheet-code-valid = This code changes every 30 seconds; the previous one stays valid for a short while.
refused-not-open-yet = This activity is not open yet.
sheet-code-where = Trainees scan the QR code with their phone, or type the code on the "Sign in" page.
sheet-codes-hidden = Signing is open; only the cohort's trainers see the codes.
sheet-closed = Signing by code is open only during the half-day (30 minutes before and after).
sheet-title = Attendance sheet
sheet-count = { $signed } of { $total } signed, { $absent ->
    [0] no absences reported
    [one] { $absent } absence reported
   *[other] { $absent } absences reported
  }.
sheet-declared = { $declared } of { $total } declared the activity.
sheet-flags = To check:
sheet-threshold = A distance half-day counts from { $percent } % of its length connected; without the room's data, one must have joined through one's link and confirmed "I am here" { $prompts ->
    [one] once
   *[other] { $prompts } times (at the start and after the break)
}.
sheet-declaration = Declaration
sheet-credited = Time credited
sheet-signature = Signature
sheet-times = Arrival and departure
sheet-connection = Connection
sheet-declared-time = Time declared: { $time }
sheet-comment = Comment: "{ $text }"
sheet-decision-comment = Comment
sheet-validate = Validate
sheet-more = Ask for more
sheet-present = Present
sheet-absent-justified = Justified absence
sheet-absent = Absent
sheet-connected = { $minutes } min connected
sheet-joined = Joined at { $time }
sheet-confirmations = { $count ->
    [one] one confirmation
   *[other] { $count } confirmations
}
sheet-not-signed = Not signed
sheet-arrived = Arrived at { $time }.
sheet-left = Left at { $time }.
sheet-attended = Counted
sheet-mark-present = Mark present
sheet-correct = Correct
sheet-action = Correction
sheet-action-present = Present
sheet-action-late = Late arrival (time)
sheet-action-early = Early departure (time)
sheet-action-absent = Absent (reason)
sheet-action-accept = Accept the justification
sheet-action-cancel = Cancel the presence (reason)
sheet-time = Time
sheet-reason = Reason
sheet-record = Record
sheet-error-already-signed = This person already signed this half-day.
sheet-error-not-signed = This person has not signed this half-day.
sheet-error-no-absence = No absence is reported for this person.
sheet-error-reason-required = Give the reason: it is kept in the record.
sheet-error-time-invalid = Invalid time: write for example "10:15".
sheet-error-time-outside = The time must fall within the half-day.
sheet-error-unknown-trainee = This person is not enrolled in the cohort.
sheet-error-closed = The cohort is closed: attendance can no longer change.
sheet-error-already-countersigned = You have already countersigned this half-day, and nothing was recorded since.
sheet-error-declaration-missing = This trainee declared nothing.
sheet-error-import-empty = The file holds no completed activity.
sheet-error-capacity-invalid = The capacity must be a number between 1 and 10,000.
sheet-ok-marked = Attendance recorded.
sheet-ok-countersigned = Half-day countersigned.
sheet-ok-decided = Decision recorded.
sheet-ok-imported = Completions imported: validate them below.
sheet-ok-capacity-saved = Capacity saved.
async-not_declared = Not declared
async-declared = Declared, to validate
async-more_requested = More requested
async-validated = Validated
channel-qr = QR code
channel-code = code read aloud
channel-trainer = by the trainer
channel-trainee = by the trainee
channel-bbb = BigBlueButton
channel-link = personal link
channel-import = M@gistère import
sign-title = Sign in
sign-already = You signed at { $time }.
sign-nothing-now = No in-person half-day is under way for you.
sign-code = Code read by the trainer
sign-code-hint = Six digits, for example "482 913".
sign-submit = Sign
sign-privacy = No photo, no location: only the time and the way of signing are recorded.
signed-title = Presence recorded
signed-done = Your presence is recorded at { $time }.
signed-back = Back to the cohort
sign-confirm = I sign in
sign-qr-expired = This QR code is no longer valid (it changes every 30 seconds) or is not yours. Scan the code shown now, or type the code read aloud.
sign-with-code = Sign with the code
error-sign-nothing-now = No in-person half-day is under way for you: signing is only possible during the session.
error-sign-code = This code is wrong or no longer valid: it changes every 30 seconds.
error-slot-unknown = Unknown half-day: { $value }.
error-mark-unknown = Unknown kind of mark: { $value }.
error-channel-unknown = Unknown way of recording: { $value }.
error-credit-rule-unknown = Unknown crediting rule: { $value }.
error-declaration-evidence = Describe what you did or give a link to your work.
error-import-not-enrolled = { $value } is not enrolled in the cohort.
error-import-email-column = The file has no e-mail column ("Email address" or "email").
error-import-activity-column = The file has no "{ $value }" column and no completion state column.
declaration-estimate = estimated { $time }
credit-rule-explain-estimate_on_validation = The time credited is the estimated duration, once the trainer validates the declaration.
credit-rule-explain-declared_capped = The time credited is the time you declare, up to the estimated duration, once the declaration is validated.
declaration-state = Where this activity stands
declaration-declared-on = on { $day } at { $time }
declaration-credited = Time credited: { $time }.
declaration-title = Declare the activity done
declaration-again = Complete my declaration
declaration-text = What I did
declaration-text-hint = A few lines: what you read, produced, tried in class…
declaration-link = Link to my work
declaration-link-hint = Optional; for example the upload on M@gistère.
declaration-minutes = Time spent
declaration-submit = Declare
declaration-half-days = My half-days
declaration-nothing = nothing recorded yet
absence-report = Report an absence
absence-reason = Reason for the absence
absence-submit = Report the absence
validation-rules-summary = Minimum attendance: { $in_person } % in person, { $synchronous } % synchronous distance, { $asynchronous } % asynchronous. A distance half-day counts from { $threshold } % connected.
validation-mine = My validation
validation-caption = Validation of { $name }
validation-achieved = Achieved
validation-so-far = Planned so far
validation-planned = Planned in all
validation-required = Required
validation-standing = Standing
validation-excused = of which { $time } justified absence
validation-warning = A criterion can no longer be met, whatever happens: tell the trainee and the pilot.
validation-missed = Mandatory activities missed: { $list }.
validation-evaluations-pending = Evaluations to pass: { $list }.
standing-not_applicable = not applicable
standing-met = met
standing-on_track = on track
standing-behind = behind
standing-unreachable = can no longer be met
budget-in_person = In person
budget-synchronous = Synchronous distance
budget-asynchronous = Asynchronous distance
flag-outside-time = { $name } signed at { $time }, outside the half-day.
flag-public-holiday = Signatures are dated on a public holiday.
flag-shared-device = One device signed for several people: { $names }.
flag-burst = { $count ->
    [one] { $count } signature
   *[other] { $count } signatures
  } within { $seconds ->
    [one] { $seconds } second
   *[other] { $seconds } seconds
  } from one device.
flag-over-capacity = { $signed ->
    [one] { $signed } signature
   *[other] { $signed } signatures
  } for a room of { $capacity ->
    [one] { $capacity } seat
   *[other] { $capacity } seats
  }.
flag-two-places = { $name } countersigned another activity elsewhere at the same time (activity #{ $activity }).
flash-presence-confirmed = Your presence is confirmed.
flash-declared = Your declaration is recorded; the trainer will validate it.
flash-absence-recorded = Your absence is reported to the trainer.
refused-already-signed = This person already signed this half-day.
refused-not-signed = This person has not signed this half-day.
refused-no-absence = No absence is reported for this person.
refused-reason-required = The reason is required for this correction.
refused-time-invalid = Invalid time.
refused-time-outside = The time must fall within the half-day.
refused-not-now = This activity is not under way.
refused-activity-has-attendance = This activity already has attendance: it can no longer be deleted.
step-credit-rule = Time credited for an asynchronous activity
credit-rule-estimate_on_validation = the estimated duration, on validation
credit-rule-declared_capped = the time declared, capped at the estimated duration
validation-threshold = Attendance threshold of a distance half-day
validation-threshold-hint = Share of its length one must be connected for the half-day to count (80 % by default).
space-sign = Sign in
space-present = I am here
space-present-done = { $count ->
    [one] presence confirmed once
   *[other] presence confirmed { $count } times
}
space-my-record = My record of this activity
space-declare = Declare my work
exchanges-line = Exchanges with the trainers: { $posts ->
    [0] no forum post
    [one] one forum post
   *[other] { $posts } forum posts
}, { $answers ->
    [0] no answer received
    [one] one answer received
   *[other] { $answers } answers received
}, { $messages ->
    [0] no personal follow-up
    [one] one personal follow-up
   *[other] { $messages } personal follow-ups
}.
declaration-document = File
document-hint = Optional: PDF, PNG or JPEG, 5 MB at most.
absence-document = Supporting document
document-link = Attachment
error-file-type = Only PDF, PNG or JPEG files are accepted.
error-file-too-large = The file is larger than { $value } MB.
pdf-download = Download the sheet (PDF)
pdf-sheet-title = Attendance sheet — { $training }
pdf-session = Cohort
pdf-activity = Activity
pdf-when = When
pdf-place = Place
pdf-trainers = Trainers
pdf-trainee = Trainee
pdf-signature = Signature
pdf-channel = Way
pdf-times = Arrival, departure
pdf-absence = Absence
pdf-credited = Time credited
pdf-state = State
pdf-declared = Declared on
pdf-evidence = Evidence
pdf-connection = Connection
pdf-confirmations = Confirmations
pdf-counted = Counted
pdf-total-credited = Time credited for all trainees: { $time }.
pdf-establishment = School
pdf-certificate-title = Certificate of completion — { $training }
pdf-certificate-standing = Validation: { $standing }.
pdf-certificate-signature = For the EAFC
pdf-certificate-done = Done on { $day }
pdf-certificate-link = Certificate of completion (PDF)
csv-download = Export the table (CSV)

# A countersigned half-day is frozen: what comes after is a correction, to countersign again.
sheet-state-to_countersign_again = To countersign again
sheet-to-countersign-again = To countersign again: { $count ->
    [one] one correction came
   *[other] { $count } corrections came
  } after the last countersignature.
sheet-countersigned-again-by = Countersigned again by { $name } on { $day } at { $time }.
sheet-countersign-early-reason = Before the end of the half-day, for this reason: "{ $reason }".
sheet-countersign-reason-given = Reason: "{ $reason }".
sheet-countersign-attests = Attested fingerprint: { $value }.
sheet-countersign-reason = Reason for countersigning before the end
sheet-countersign-reason-hint = The half-day has not ended: say why you countersign now. The reason will appear on the sheet and its PDF.
sheet-countersign-again = Countersign again
sheet-countersign-again-hint = By countersigning again, you attest the corrections above as they are recorded.
sheet-corrections-title = Corrections after the countersignature
sheet-corrections-hint = These marks came after the countersignature: they are kept as they were recorded, and are attested only once the half-day is countersigned again.
sheet-correction-what = Correction
sheet-correction-when = Recorded on
sheet-correction-author = By
sheet-correction-status = Countersignature
sheet-room-title = Room
correction-line = { $what } — { $when } — by { $author } — { $status }
correction-pending = to countersign again
correction-countersigned = countersigned again on { $when }
mark-signed = Signature ({ $channel })
mark-late = Late arrival at { $time }
mark-early = Early departure at { $time }
mark-absent = Absence reported: "{ $reason }"
mark-absence_accepted = Absence justification accepted
mark-cancelled = Presence cancelled: "{ $reason }"
mark-countersigned = Countersignature
mark-joined = Joined by the personal link
mark-confirmed = "I am here" confirmed
mark-connected = { $minutes } min connected
mark-declared = Work declared
mark-validated = Work validated
mark-more_requested = More requested
sheet-error-countersign-early = The half-day has not ended: give the reason for countersigning early.
sheet-error-sheet-changed = The sheet changed since you read it: check it, then countersign.
sheet-error-time-future = This time has not come yet: an arrival or a departure is recorded once it has happened.
error-time-future = This time has not come yet (it is { $value }): an arrival or a departure is recorded once it has happened.
error-time-outside = The time must fall within the half-day.
refused-time-future = This time has not come yet.
pdf-corrections = After countersignature
verify-to-countersign-again = { $count ->
    [one] One countersigned half-day was corrected since: it must be countersigned again.
   *[other] { $count } countersigned half-days were corrected since: they must be countersigned again.
  }
verify-half-day = Session { $cohort }, activity { $activity }, { $half_day }: to countersign again.

## Signing from the home page and the menu
nav-sign = Sign my attendance
dashboard-sign-open = { $count ->
    [one] A half-day is open for your signature
   *[other] { $count } half-days are open for your signature
}
