# Hybride — English.
brand-tagline = hybrid training
skip-to-content = Skip to content
nav-label = Main navigation
nav-home = Home
nav-trainings = Trainings
nav-plans = Training plans
nav-settings = Management
settings-title = Académie management
settings-lead = Accounts, sent e-mails, and what the académie sets once for all its trainings.
settings-about-accounts = Create, import, edit and deactivate the accounts of trainees, trainers, pilots and managers.
settings-about-outbox = The e-mails Hybride has sent or is still trying to send, and those that could not be sent.
settings-about-holidays = The school holidays of the académie’s zone: a virtual class planned during the holidays is pointed out to trainers.
settings-about-pay = The hourly rates of trainers, within the ranges of the order of 7 May 2012, used by the pay forms.
settings-about-surveys = The questions of the end-of-training and follow-up surveys, how long they stay open, the follow-up delay and the reminder.
settings-about-retention = How long each kind of record is kept, and what the purge would remove today.
nav-logout = Log out
footer-text = Hybride — the EAFC's hybrid training platform. No personal data leaves this server.
required-mark = (required)
form-has-errors = The form has errors:
yes = yes
no = no
save = Save
create = Create
cancel = Cancel
remove = Remove
actions = Actions
previous = Previous page
next = Next page
pagination = Pagination
page-of = Page { $page } of { $pages }
back-home = Back to the home page
percent-value = { $value }%
error-page-status = Error { $status }.

role-admin = EAFC administrator
role-pilot = pilot
role-trainer = trainer
role-trainee = trainee
role-plural-admin = EAFC administrators
role-plural-pilot = pilots
role-plural-trainer = trainers
role-plural-trainee = trainees

status-draft = draft
status-ready = ready
status-running = running
status-ended = ended
status-closed = closed
status-archived = archived
status-to-draft = Back to draft
status-to-ready = Mark as ready
status-to-running = Open the cohort
status-to-closed = Close the cohort
status-to-archived = Archive

modality-in_person = In person
modality-virtual_class = Virtual class
modality-webinar = Webinar
modality-async = Asynchronous distance
hours-synchronous = Synchronous distance

learning-acquisition = Acquisition
learning-investigation = Investigation
learning-practice = Practice
learning-production = Production
learning-discussion = Discussion
learning-collaboration = Collaboration

weekday-1 = Monday
weekday-2 = Tuesday
weekday-3 = Wednesday
weekday-4 = Thursday
weekday-5 = Friday
weekday-6 = Saturday
weekday-7 = Sunday
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

field-email = E-mail address
field-password = Password
field-name = Name
field-last-name = Last name
field-first-name = First name
field-role = Role
field-establishment = Establishment
field-active = Active account
field-whole-plan = Sees the whole training plan
field-whole-plan-hint = For a pilot: they see every training of the plan, its cohorts and their files, not only those they pilot. Another role loses this grant.
field-title = Title
field-plan = Training plan
field-school-year = School year
field-pilot = Pilot
field-gaia = GAIA identifiers
field-dispositif = Dispositif id
field-module = Module id
field-objectives = Objectives
field-public = Intended public
field-validation = Validation criteria
field-min-attendance = Minimum attendance (%)
field-label = Cohort name
field-gaia-session = GAIA session number
field-starts-on = First day
field-ends-on = Last day
field-course-url = M@gistère course
field-status = Status
field-dates = Dates

login-title = Log in
login-submit = Log in
login-failed = Wrong e-mail address or password.
login-trainee-hint = Trainee without a password?
login-link-cta = Get a login link by e-mail
demo-title = Demo accounts
demo-text = Password of every account: demo
link-title = Get a login link
link-intro = For trainees only. Give your académie address: you will receive a personal link, valid for 30 minutes and usable once.
link-submit = Send the link
link-sent = If a trainee account exists for { $email }, a login link has just been sent to it. Check your spam folder too. Staff sign in with their password or their académie account.
link-back = Back to password login
magic-title = Log in with your personal link
magic-intro = This link logs you in to Hybride. It works only once.
magic-submit = Log me in
magic-invalid = This link is no longer valid: it was already used or it expired.
magic-ask-again = Ask for a new link
mail-login-subject = Your Hybride login link
mail-login-body =
    Hello { $name },

    Here is your personal link to log in to Hybride:
    { $link }

    It is valid for { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    } and works only once. If you did not ask for it, ignore this message.

    — The EAFC team

flash-account-created = The account was created.
flash-account-updated = The account was updated.
flash-accounts-imported = The accounts were imported.
flash-plan-created = The training plan was created.
flash-training-created = The training was created.
flash-trainer-added = The trainer was added.
flash-trainer-removed = The trainer was removed.
flash-cohort-created = The cohort was created.
flash-status-changed = The cohort's status changed.
flash-enrolled = The trainees were enrolled.
flash-unenrolled = The enrollment was removed.
flash-logged-out = You are logged out.

dashboard-title = Dashboard
dashboard-hello = Hello { $name }
dashboard-lead-admin = The EAFC's accounts, training plans and e-mails.
dashboard-lead-pilot = Your trainings, their cohorts and their trainers.
dashboard-lead-trainer = Your next sessions and your groups.
dashboard-lead-trainee = Your next sessions, with their places and links.
dashboard-people = People and trainings
dashboard-trainings = trainings
dashboard-cohorts = cohorts
dashboard-my-trainings = My trainings
dashboard-my-cohorts = My cohorts
dashboard-upcoming = Next sessions
dashboard-nothing-upcoming = No upcoming session.
activity-window = From { $start } to { $end }
activity-now = Now
activity-join = Join the virtual class
activity-room = Virtual room

accounts-title = Accounts
accounts-new = Create an account
accounts-import = Import a file
accounts-search = Search (last name, first name or address)
accounts-all-roles = All roles
accounts-filter = Filter
accounts-count = { $count ->
    [0] No account
    [one] One account
   *[other] { $count } accounts
}
account-new-title = Create an account
account-edit-title = Edit the account
password-hint = Optional. At least 12 characters. Trainees log in without a password, through links sent by e-mail.

import-title = Import accounts
import-intro = Upload a CSV file (Excel or LibreOffice export, ";" or "," separated, UTF-8) with the columns last name, first name, e-mail, role and, optionally, establishment (French or English headers). The import is all or nothing: if a single line is wrong, nothing is created and every error is shown with its line number.
import-file = CSV file
import-file-hint = Accepted roles: admin, pilot, trainer, trainee (or their French names).
import-submit = Import
import-no-file = Choose a file to import.
import-refused = { $count ->
    [one] Import refused: one error. Nothing was created.
   *[other] Import refused: { $count } errors. Nothing was created.
}
import-errors-caption = Lines to correct
import-line = Line
import-column = Column
import-problem = Problem

plans-title = Training plans
plans-none = No training plan yet.
plans-new = New training plan
plans-trainings-count = { $count ->
    [0] no training
    [one] one training
   *[other] { $count } trainings
}
school-year-hint = For example: 2027-2028

trainings-title = Trainings
trainings-new = Create a training
trainings-none = No training.
trainings-all-plans = All plans
trainings-mine = Only mine
trainings-cohorts = Cohorts
training-new-title = Create a training
training-hours = Planned hours per modality
hours-hint = In hours: "6", "6.5" or "6 h 30".
dispositif-hint = Ten characters, for example 26A0100123.
module-hint = Up to six digits, for example 48213.
validation-hint = What a trainee must do to validate the training, in plain words.

scenario-title = Scenario (timeline)
scenario-empty = The scenario has no step yet.
step-title = Activity
step-modality = Modality
step-learning = Learning type
step-duration = Estimated duration
step-instructions = Instructions
step-social = social activity
step-optional = optional

trainers-title = Trainers
trainers-none = No trainer yet.
trainers-add-label = Trainer's e-mail address
trainers-add = Add

cohorts-title = Cohorts
cohorts-new = Create a cohort
cohorts-none = No cohort.
cohort-new-title = Create a cohort
cohort-label-hint = For example: Group 1 — Lyon
course-url-hint = The address of the cohort's M@gistère course (optional).
cohort-dates = from { $start } to { $end }
cohort-trainees-count = { $count ->
    [0] no trainee
    [one] one trainee
   *[other] { $count } trainees
}
cohort-course-link = Open the course
schedule-title = Schedule
schedule-empty = No session is scheduled yet.
schedule-when = When
schedule-where = Where
trainees-title = Enrolled trainees ({ $count })
trainees-none = No trainee enrolled.
enroll-label = Enroll trainees
enroll-hint = One e-mail address per line. All are enrolled, or none if one address is a problem.
enroll-submit = Enroll
cohort-error-enroll-unknown = Enrollment refused: an address matches no account. Create or import the account first.
cohort-error-enroll-role = Enrollment refused: only trainee accounts can be enrolled.
cohort-error-enroll-already = Enrollment refused: one of these people is already enrolled.
cohort-error-enroll-invalid = Enrollment refused: one of the addresses is not valid.
cohort-error-trainer-unknown = No account matches this address.
cohort-error-trainer-role = This account is not a trainer's.
cohort-error-cohort-closed = The cohort is closed: it can no longer change.
cohort-error-status-transition = This status change is not possible.

outbox-title = Sent e-mails
outbox-intro = With no SMTP server configured, e-mails are written to the folder { $dir } and shown here.
outbox-to = To
outbox-sent = delivered
outbox-pending = pending
outbox-failed = failed: { $error }
outbox-empty = No e-mail yet.

problem-not-found = Page or resource not found.
problem-unauthorized = You need to log in.
problem-forbidden = You do not have access to this page.
problem-invalid = Some values are not acceptable.
problem-bad-request = The request is malformed.
problem-csrf = The form expired or does not come from Hybride. Reload the page and try again.
problem-unavailable = The service is temporarily unavailable. Try again in a moment.
problem-internal = An unexpected error occurred. It was logged; try again later.
problem-method = This action is not possible at this address.
problem-too-large = The file or form sent is too large (10 MB at most per file). Go back to the previous page and choose a smaller file.
problem-media-type = The request's format is not supported.

conflict-email = An account already exists with this address.
conflict-gaia = A training of the plan already has these GAIA identifiers.
conflict-school_year = A plan already exists for this school year.
conflict-enrollment = One of these people is already enrolled in this cohort.
conflict-token = This token already exists.
conflict-analytics = This meeting's data was already received; nothing new was recorded.
refused-analytics-too-late = This meeting's data arrives too late: it is accepted until two days after the activity's end.
conflict-step = This step already exists.
conflict-cohort = This cohort already exists.
conflict-activity = This session already exists.
refused-pilot-role = This account is not a pilot's.
refused-trainer-role = This account is not a trainer's.
refused-trainee-role = Only trainee accounts can be enrolled.
refused-status-transition = This status change is not possible.
refused-cohort-closed = The cohort is closed: it can no longer change.
refused-dates-order = The last day comes before the first.
refused-times-order = The end comes before the start.
refused-flag = Invalid stored value.

error-required = This field is required.
error-email-invalid = Invalid e-mail address (for example: first.last@ac-lyon.fr).
error-email-taken = An account already exists with this address.
error-email-taken-value = An account already exists with the address { $value }.
error-email-in-list = "{ $value }" is not a valid e-mail address.
error-role-unknown = Unknown role: "{ $value }". Possible roles: admin, pilot, trainer, trainee.
error-modality-unknown = Unknown modality: "{ $value }".
error-learning-type-unknown = Unknown learning type: "{ $value }".
error-duration-too-long = Duration too long (1,000 hours at most).
error-duration-invalid = Unreadable duration: "{ $value }". Write for example 6, 6.5 or 6 h 30.
error-hours-none = Give the hours of at least one modality.
error-gaia-dispositif = Invalid GAIA dispositif id: "{ $value }" (expected: 26A0100123).
error-gaia-module = Invalid GAIA module id: "{ $value }" (six digits at most).
error-gaia-session = Invalid GAIA session number: "{ $value }" (digits only).
error-gaia-taken = A training of this plan already has these dispositif and module ids.
error-school-year = Invalid school year: "{ $value }" (expected: 2026-2027).
error-plan-exists = A plan already exists for this school year.
error-plan-unknown = This training plan does not exist.
error-training-unknown = This training does not exist.
error-pilot-role = This account is not a pilot's.
error-trainer-unknown = No trainer account matches this address.
error-person-unknown = No account matches.
error-person-unknown-value = No account matches { $value }.
error-too-long = { $value ->
    [one] At most { $value } character.
   *[other] At most { $value } characters.
  }
error-control-characters = Invisible control characters are not allowed.
error-range = Enter a number in the range { $value }.
error-not-negative = Enter a number of zero or more.
error-enroll-nobody = Name one person at least, by id or by address.
error-pilot-required = Choose the training's pilot.
error-person-nobody = Name the person, by id or by address.
error-person-mismatch = The id and the address name different people.
error-cohort-status-unknown = Unknown cohort status: "{ $value }".
error-password-short = Password too short: at least { $value ->
    [one] { $value } character.
   *[other] { $value } characters.
  }
error-self-demotion = You can neither deactivate your own account nor remove its administrator role.
error-percent = Invalid percentage: "{ $value }" (from 0 to 100).
error-date = Invalid date: "{ $value }" (expected: YYYY-MM-DD).
error-dates-order = The last day must follow the first.
error-url = Invalid web address (it must start with https://).
error-list-too-long = { $value ->
    [one] At most { $value } person at a time.
   *[other] At most { $value } people at a time.
  }
error-import-not-utf8 = The file is not UTF-8. In LibreOffice or Excel, save it as "CSV UTF-8".
error-import-empty = The file is empty.
error-import-unreadable = Unreadable line (unclosed quotes?).
error-import-duplicate-column = Duplicate column: "{ $value }".
error-import-unknown-column = Unknown column: "{ $value }".
error-import-missing-column = Missing column: "{ $value }".
error-import-too-many-lines = File too long: at most { $value ->
    [one] { $value } line.
   *[other] { $value } lines.
  }
error-import-duplicate-email = Address already on line { $value }.
refused-document = The document could not be typeset (a character of the scenario may not be supported). Simplify the text at fault or report it to support.

problem-too-many = Too many attempts. Wait a few minutes before trying again.

# The accessibility statement (RGAA).

a11y-link = Accessibility: partially compliant
a11y-title = Accessibility statement
a11y-intro = The académie is committed to making its digital services accessible, under article 47 of French law no. 2005-102 of 11 February 2005. This statement applies to Hybride, the EAFC's hybrid training platform.
a11y-state-title = Compliance status
a11y-state = Hybride is partially compliant with the French accessibility framework (RGAA), version 4.1.2: every page is checked automatically at each version, but the full RGAA audit by an independent body has not yet taken place.
a11y-results-title = Test results
a11y-results-automatic = Every page of every profile (EAFC staff, pilot, trainer, trainee), in French and in English, is checked at each version with axe-core against WCAG 2.1 levels A and AA: no violation found.
a11y-results-keyboard = The scenario editor and posting in the discussion space are tested with the keyboard alone, with a visible focus.
a11y-results-phone = Trainees' pages are tested on a phone screen (390 × 844): no horizontal scrolling.
a11y-results-documents = The chronogramme is produced as a tagged PDF (PDF/UA-1), readable by screen readers.
a11y-gaps-title = Content not accessible or not verified
a11y-gap-audit = The full manual audit of the 106 RGAA criteria remains to be done: some criteria (alternatives, screen reader rendering) are only checked automatically.
a11y-gap-external = Virtual classrooms (BigBlueButton) and M@gistère courses are outside services, with accessibility statements of their own.
a11y-env-title = Test environment
a11y-env = Chromium 156 (Debian) driven by Playwright, axe-core 4.14; PDF documents read through their tags (lopdf).
a11y-contact-title = Feedback and contact
a11y-contact = If you cannot reach a content or a service, contact your académie's EAFC (the technical contact is in each training's accompaniment plan) to be directed to an accessible alternative or to get the content in another form.
a11y-remedy-title = Remedies
a11y-remedy = If you reported an accessibility defect that keeps you from a content or a service and did not get a satisfactory answer, you may refer the matter to the Défenseur des droits:
a11y-remedy-online = through the online form of the Défenseur des droits' website;
a11y-remedy-delegate = by contacting the Défenseur des droits' delegate in your region;
a11y-remedy-mail = by free post, no stamp needed: Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07.

## A person's own password
nav-password = Password
password-title = Change my password
password-explain = After the change, your other sessions (on other devices or browsers) end; this one stays open.
password-current = Current password
password-new = New password
password-new-hint = At least 12 characters.
password-confirm = New password, once more
password-submit = Change the password
password-none = You sign in without a password, with a link sent to your e-mail address: there is nothing to change here.
flash-password-changed = Password changed; your other sessions have ended.
error-password-wrong = This is not your current password.
error-password-mismatch = The two entries of the new password differ.
dashboard-ended = { $count ->
    [one] One ended cohort waits to be closed
   *[other] { $count } ended cohorts wait to be closed
}
dashboard-ended-hint = Their last activity is over. Check attendance and declarations, then close them.
dashboard-ended-on = ended on { $day }
flash-reopened = The cohort is open again. Remember to close it again.
unenroll-confirm-title = Remove { $name } from the cohort?
unenroll-confirm-sheets = This person will no longer appear on the attendance sheets nor among those who receive the cohort's convocations and messages.
unenroll-confirm-record = What they already signed or declared stays in the attendance record.
unenroll-confirm-again = They may be enrolled again as long as the cohort is not closed.
unenroll-confirm-submit = Remove from the cohort

## The audit log

audit-title = Audit log
audit-lead = Every change an admin made to accounts and settings, every import and purge, most recent first. The log can be neither changed nor erased, and “hybride verify” checks its chain of hashes.
settings-about-audit = Who changed which account or setting, and when.
audit-when = Date
audit-who = By
audit-what = Action
audit-subject = Subject
audit-details = Changes
audit-empty = No entry yet.
audit-older = Older entries
audit-latest = Latest entries
audit-by-command = the server’s command line
audit-line = { $field }: { $value }
audit-field-whole-plan = Sees the whole plan
audit-field-password = Password
audit-field-accounts = Accounts
audit-field-roles = Roles
audit-field-rows = Rows
audit-field-kinds = Detail
audit-field-zone = Zone
audit-field-label = Label
audit-field-created = Created
audit-field-secret-changed = Secret changed
audit-field-domains = Domains
audit-field-active = Active
audit-field-sso-only-for-staff = Staff sign in through providers only
audit-account_created = Account created
audit-account_updated = Account changed
audit-accounts_imported = Accounts imported
audit-plan_created = Training plan opened
audit-signatory_named = Certificates’ signatory named
audit-retention_set = Retention periods changed
audit-purged = Data purged
audit-survey_settings_set = Survey settings changed
audit-pay_rates_set = Pay rates changed
audit-holiday_added = School holidays added
audit-holiday_removed = School holidays removed
audit-school_zone_set = School holiday zone changed
audit-provider_saved = Identity provider saved
audit-sso_only_set = Providers-only sign-in changed
audit-second_factor_reset = Two-factor authentication reset
audit-magistere_set = M@gistère connection changed
audit-field-token-changed = Token changed
audit-field-url = Address
error-audit-action = Unknown action: “{ $value }”.
