//! The authorization matrix: every route the application declares — the pages and assets as
//! written in the routers' source, the API as its OpenAPI document lists it — is requested by
//! seven people (anonymous, a trainee of another cohort, the cohort's trainee, a trainer of
//! another cohort, the cohort's trainer, the pilot, an admin), and each answer is checked against
//! the table below: let in, or kept out (401, 403, 404, or the login page). A route with no entry
//! in the table fails the test, so that no route is added without saying who may use it.

mod common;

use common::*;
use hybride_domain::{Modality, Role, Title};
use hybride_store::cohorts::{self, NewActivity};
use reqwest::StatusCode;
use serde_json::json;
use std::collections::{BTreeMap, BTreeSet};

// Who is let in, as bits.
const ANON: u8 = 1;
const OTHER_TRAINEE: u8 = 2;
const TRAINEE: u8 = 4;
const OTHER_TRAINER: u8 = 8;
const TRAINER: u8 = 16;
const PILOT: u8 = 32;
const ADMIN: u8 = 64;
const PEOPLE: [(u8, &str); 7] = [
    (ANON, "anonymous"),
    (OTHER_TRAINEE, "trainee of another cohort"),
    (TRAINEE, "trainee"),
    (OTHER_TRAINER, "trainer of another cohort"),
    (TRAINER, "trainer"),
    (PILOT, "pilot"),
    (ADMIN, "admin"),
];

const EVERYONE: u8 = 127;
const LOGGED_IN: u8 = EVERYONE & !ANON;
const STAFF: u8 = OTHER_TRAINER | TRAINER | PILOT | ADMIN;
const PLANNERS: u8 = PILOT | ADMIN;
const TRAINEES: u8 = OTHER_TRAINEE | TRAINEE;
/// Trainers, whatever their cohorts.
const TRAINERS: u8 = OTHER_TRAINER | TRAINER;
/// Those who see the cohort: its trainee and trainer, pilots, admins.
const COHORT: u8 = TRAINEE | TRAINER | PILOT | ADMIN;
/// The cohort's staff: its trainer, pilots, admins.
const COHORT_STAFF: u8 = TRAINER | PILOT | ADMIN;
/// A token route: the secret in the URL is the authorization; everyone gets the same answer.
const TOKEN: u8 = 0;

/// Who may use each route. `mutates`: a POST whose success changes what later requests see
/// (then a role let in may find the thing gone: 404 is accepted from it).
fn expected() -> BTreeMap<(&'static str, &'static str), (u8, bool)> {
    let table: &[(&str, &str, u8, bool)] = &[
        // Public pages and assets.
        ("GET", "/healthz", EVERYONE, false),
        ("GET", "/readyz", EVERYONE, false),
        ("GET", "/api/openapi.json", EVERYONE, false),
        ("GET", "/assets/hybride.css", EVERYONE, false),
        ("GET", "/assets/equipment.js", EVERYONE, false),
        ("GET", "/assets/live.js", EVERYONE, false),
        ("GET", "/favicon.svg", EVERYONE, false),
        ("GET", "/login", EVERYONE, false),
        ("POST", "/login", EVERYONE, false),
        ("GET", "/login/link", EVERYONE, false),
        ("GET", "/tokens", LOGGED_IN, false),
        ("POST", "/tokens", LOGGED_IN, false),
        ("POST", "/tokens/{id}/revoke", LOGGED_IN, true),
        ("GET", "/password/forgotten", EVERYONE, false),
        ("POST", "/password/forgotten", EVERYONE, false),
        ("GET", "/password/reset/{token}", TOKEN, false),
        ("POST", "/password/reset/{token}", TOKEN, false),
        ("POST", "/login/link", EVERYONE, false),
        ("POST", "/language", EVERYONE, false),
        ("GET", "/accessibilite", EVERYONE, false),
        ("GET", "/m/{token}", TOKEN, false),
        ("POST", "/m/{token}", TOKEN, false),
        ("GET", "/j/{token}", TOKEN, false),
        ("GET", "/calendar/{file}", TOKEN, false),
        // Anyone logged in.
        ("GET", "/", LOGGED_IN, false),
        ("POST", "/logout", LOGGED_IN, false),
        ("GET", "/equipment", LOGGED_IN, false),
        ("GET", "/password", LOGGED_IN, false),
        ("POST", "/password", LOGGED_IN, false),
        // One's own second factor (also reached, after the password, by an admin who must
        // enrol: tests/second_factor.rs).
        ("GET", "/second-factor", LOGGED_IN, false),
        ("POST", "/second-factor", LOGGED_IN, false),
        ("POST", "/second-factor/recovery-codes", LOGGED_IN, false),
        ("POST", "/second-factor/disable", LOGGED_IN, false),
        // The code after the password: the sign-in under way (a session of its own) decides,
        // not a signed-in session; without one, everyone is sent to the login page.
        ("GET", "/login/second-factor", TOKEN, false),
        ("POST", "/login/second-factor", TOKEN, false),
        ("GET", "/calendar", LOGGED_IN, false),
        ("POST", "/calendar", LOGGED_IN, false),
        ("POST", "/calendar/links/{id}/revoke", LOGGED_IN, true),
        // Accounts: admins.
        ("GET", "/accounts", ADMIN, false),
        ("POST", "/accounts", ADMIN, false),
        ("GET", "/accounts/new", ADMIN, false),
        ("GET", "/accounts/import", ADMIN, false),
        ("POST", "/accounts/import", ADMIN, false),
        ("GET", "/accounts/{id}", ADMIN, false),
        ("POST", "/accounts/{id}", ADMIN, false),
        ("GET", "/accounts/{id}/second-factor/reset", ADMIN, false),
        ("POST", "/accounts/{id}/second-factor/reset", ADMIN, false),
        ("GET", "/outbox", ADMIN, false),
        // The plan.
        ("GET", "/plans", PLANNERS, false),
        ("POST", "/plans", ADMIN, false),
        ("GET", "/trainings", STAFF, false),
        ("POST", "/trainings", PLANNERS, false),
        ("GET", "/trainings/new", PLANNERS, false),
        ("GET", "/trainings/{id}", TRAINER | PLANNERS, false),
        ("POST", "/trainings/{id}/trainers", PLANNERS, false),
        (
            "POST",
            "/trainings/{id}/trainers/{user}/remove",
            PLANNERS,
            true,
        ),
        ("GET", "/trainings/{id}/scenario", TRAINER | PLANNERS, false),
        (
            "GET",
            "/trainings/{id}/chronogramme.pdf",
            TRAINER | PLANNERS,
            false,
        ),
        (
            "POST",
            "/trainings/{id}/scenario/copy",
            TRAINER | PLANNERS,
            false,
        ),
        ("POST", "/trainings/{id}/steps", TRAINER | PLANNERS, false),
        (
            "GET",
            "/trainings/{id}/steps/{step}",
            TRAINER | PLANNERS,
            false,
        ),
        (
            "POST",
            "/trainings/{id}/steps/{step}",
            TRAINER | PLANNERS,
            false,
        ),
        (
            "POST",
            "/trainings/{id}/steps/{step}/action",
            TRAINER | PLANNERS,
            true,
        ),
        (
            "GET",
            "/trainings/{id}/accompaniment",
            TRAINER | PLANNERS,
            false,
        ),
        (
            "POST",
            "/trainings/{id}/accompaniment",
            TRAINER | PLANNERS,
            false,
        ),
        ("POST", "/trainings/{id}/validation", PLANNERS, false),
        ("GET", "/qualifications", PLANNERS, false),
        ("POST", "/qualifications", PLANNERS, false),
        ("POST", "/qualifications/{id}/remove", PLANNERS, true),
        ("POST", "/qualifications/validity", ADMIN, false),
        ("GET", "/qualifications/requests", STAFF, false),
        ("POST", "/qualifications/requests", TRAINERS, false),
        (
            "POST",
            "/qualifications/requests/{id}/enrol",
            PLANNERS,
            false,
        ),
        (
            "POST",
            "/qualifications/requests/{id}/decline",
            PLANNERS,
            false,
        ),
        ("POST", "/trainings/{id}/trains-trainers", PLANNERS, false),
        ("GET", "/questions", STAFF, false),
        ("POST", "/questions", TRAINERS, false),
        ("GET", "/questions/{id}", TRAINER | PLANNERS, false),
        ("POST", "/questions/{id}", TRAINER | PLANNERS, false),
        ("POST", "/questions/{id}/resolve", TRAINER | PLANNERS, true),
        ("POST", "/questions/{id}/publish", PLANNERS, false),
        ("POST", "/questions/{id}/pilot", ADMIN, false),
        ("POST", "/questions/delay", ADMIN, false),
        ("GET", "/holidays", ADMIN, false),
        ("POST", "/holidays", ADMIN, false),
        ("POST", "/holidays/zone", ADMIN, false),
        ("POST", "/holidays/{id}/remove", ADMIN, true),
        ("GET", "/trainings/{id}/cohorts/new", PLANNERS, false),
        ("POST", "/trainings/{id}/cohorts", PLANNERS, false),
        // A cohort.
        ("GET", "/cohorts/{id}", COHORT, false),
        // The cohort's trainers close it (the body decides which transition; an empty one is
        // refused as malformed after the check).
        ("POST", "/cohorts/{id}/status", COHORT_STAFF, false),
        // What closing does, then undoing it: the cohort's trainers and its pilot, like closing.
        ("GET", "/cohorts/{id}/close", COHORT_STAFF, false),
        ("POST", "/cohorts/{id}/reopen", COHORT_STAFF, false),
        ("GET", "/cohorts/{id}/edit", COHORT_STAFF, false),
        ("POST", "/cohorts/{id}/edit", COHORT_STAFF, false),
        ("POST", "/cohorts/{id}/schedule", COHORT_STAFF, false),
        (
            "GET",
            "/cohorts/{id}/activities/{activity}",
            COHORT_STAFF,
            false,
        ),
        (
            "POST",
            "/cohorts/{id}/activities/{activity}",
            COHORT_STAFF,
            false,
        ),
        (
            "POST",
            "/cohorts/{id}/activities/{activity}/remove",
            COHORT_STAFF,
            true,
        ),
        (
            "POST",
            "/cohorts/{id}/activities/{activity}/room",
            COHORT_STAFF,
            false,
        ),
        // No BigBlueButton room in this fixture: only the keeping out is checked here (tests/rooms.rs
        // checks the way in).
        ("GET", "/rooms/{activity}", COHORT, true),
        ("POST", "/cohorts/{id}/trainers", PLANNERS, false),
        ("POST", "/cohorts/{id}/enrollments", PLANNERS, false),
        (
            "GET",
            "/cohorts/{id}/enrollments/{user}/remove",
            PLANNERS,
            true,
        ),
        (
            "POST",
            "/cohorts/{id}/enrollments/{user}/remove",
            PLANNERS,
            true,
        ),
        // During the training.
        ("POST", "/cohorts/{id}/convocations", COHORT_STAFF, false),
        (
            "POST",
            "/cohorts/{id}/convocations/{user}",
            COHORT_STAFF,
            false,
        ),
        ("POST", "/cohorts/{id}/received", TRAINEE, false),
        ("GET", "/cohorts/{id}/opening", COHORT_STAFF, false),
        ("POST", "/cohorts/{id}/opening", COHORT_STAFF, false),
        (
            "POST",
            "/cohorts/{id}/activities/{activity}/instructions",
            COHORT_STAFF,
            false,
        ),
        ("GET", "/cohorts/{id}/forum", COHORT, false),
        ("POST", "/cohorts/{id}/forum/notify", COHORT, false),
        ("GET", "/cohorts/{id}/forum/{thread}", COHORT, false),
        ("POST", "/cohorts/{id}/forum/{thread}", COHORT, false),
        ("GET", "/cohorts/{id}/follow-up/{user}", COHORT_STAFF, false),
        (
            "POST",
            "/cohorts/{id}/follow-up/{user}",
            COHORT_STAFF,
            false,
        ),
        // Attendance.
        ("GET", "/cohorts/{id}/attendance", COHORT_STAFF, false),
        ("GET", "/cohorts/{id}/validation", COHORT, false),
        (
            "GET",
            "/cohorts/{id}/certificates/{user}/certificat.pdf",
            COHORT,
            false,
        ),
        ("GET", "/cohorts/{id}/documents/{doc}", COHORT, false),
        (
            "GET",
            "/cohorts/{id}/activities/{aid}/attendance",
            COHORT_STAFF,
            false,
        ),
        (
            "GET",
            "/cohorts/{id}/activities/{aid}/attendance/live",
            COHORT_STAFF,
            false,
        ),
        (
            "GET",
            "/cohorts/{id}/activities/{aid}/attendance.pdf",
            COHORT_STAFF,
            false,
        ),
        (
            "GET",
            "/cohorts/{id}/activities/{aid}/attendance.csv",
            COHORT_STAFF,
            false,
        ),
        (
            "GET",
            "/cohorts/{id}/activities/{aid}/attendance.xlsx",
            COHORT_STAFF,
            false,
        ),
        (
            "POST",
            "/cohorts/{id}/activities/{aid}/attendance/mark",
            COHORT_STAFF,
            false,
        ),
        (
            "POST",
            "/cohorts/{id}/activities/{aid}/attendance/countersign",
            TRAINER,
            false,
        ),
        (
            "POST",
            "/cohorts/{id}/activities/{aid}/attendance/capacity",
            COHORT_STAFF,
            false,
        ),
        (
            "POST",
            "/cohorts/{id}/activities/{aid}/attendance/import",
            COHORT_STAFF,
            false,
        ),
        (
            "POST",
            "/cohorts/{id}/activities/{aid}/declarations/{user}",
            COHORT_STAFF,
            false,
        ),
        (
            "POST",
            "/cohorts/{id}/activities/{aid}/present",
            TRAINEE,
            false,
        ),
        (
            "POST",
            "/cohorts/{id}/activities/{aid}/absence",
            TRAINEE,
            false,
        ),
        (
            "GET",
            "/cohorts/{id}/activities/{aid}/declaration",
            TRAINEE,
            false,
        ),
        (
            "POST",
            "/cohorts/{id}/activities/{aid}/declaration",
            TRAINEE,
            false,
        ),
        // After the training: documents, bundle, pay.
        ("GET", "/cohorts/{id}/documents", COHORT_STAFF, false),
        // The trainee's own certificate's table; its staff's too.
        ("GET", "/cohorts/{id}/tables/{file}", COHORT, false),
        (
            "GET",
            "/cohorts/{id}/declarations/{user}/travail-distance.pdf",
            COHORT,
            false,
        ),
        ("GET", "/cohorts/{id}/bundle.zip", COHORT_STAFF, false),
        ("GET", "/cohorts/{id}/opening.pdf", COHORT, false),
        (
            "GET",
            "/cohorts/{id}/convocations/{user}/convocation.pdf",
            COHORT,
            false,
        ),
        ("POST", "/cohorts/{id}/transmissions", COHORT_STAFF, false),
        ("GET", "/cohorts/{id}/pay", COHORT_STAFF, false),
        (
            "GET",
            "/cohorts/{id}/pay/{trainer}/remuneration.pdf",
            COHORT_STAFF,
            false,
        ),
        (
            "POST",
            "/cohorts/{id}/pay/{trainer}/profile",
            TRAINER | ADMIN,
            false,
        ),
        ("POST", "/cohorts/{id}/pay/lumps", PLANNERS, false),
        (
            "POST",
            "/cohorts/{id}/pay/lumps/{lump}/remove",
            PLANNERS,
            true,
        ),
        ("GET", "/cohorts/{id}/review", COHORT_STAFF, false),
        ("POST", "/cohorts/{id}/review", TRAINER, false),
        ("GET", "/reviews", PLANNERS, false),
        ("GET", "/pilotage", PLANNERS, false),
        ("GET", "/pilotage.csv", PLANNERS, false),
        ("GET", "/pilotage.xlsx", PLANNERS, false),
        ("POST", "/cohorts/{id}/closing", COHORT_STAFF, false),
        ("GET", "/cohorts/{id}/surveys", COHORT_STAFF, false),
        // Its trainee answers; its staff see the questions.
        ("GET", "/cohorts/{id}/surveys/{kind}", COHORT, false),
        ("POST", "/cohorts/{id}/surveys/{kind}", TRAINEE, false),
        (
            "POST",
            "/cohorts/{id}/surveys/{kind}/send",
            COHORT_STAFF,
            false,
        ),
        ("GET", "/trainings/{id}/surveys", TRAINER | PLANNERS, false),
        ("GET", "/settings/surveys", ADMIN, false),
        ("GET", "/settings", ADMIN, false),
        ("GET", "/settings/retention", ADMIN, false),
        ("GET", "/plans/{id}/exports", ADMIN, false),
        ("POST", "/plans/{id}/exports", ADMIN, false),
        ("GET", "/plans/{id}/exports/live", ADMIN, false),
        ("GET", "/plans/{id}/exports/{export}/download", ADMIN, false),
        ("POST", "/settings/retention", ADMIN, false),
        ("POST", "/settings/surveys", ADMIN, false),
        ("GET", "/courses", STAFF, false),
        ("POST", "/courses", PLANNERS, false),
        ("POST", "/courses/import", PLANNERS, false),
        ("POST", "/courses/{id}/remove", PLANNERS, true),
        ("POST", "/trainings/{id}/courses", TRAINER | PLANNERS, false),
        (
            "POST",
            "/trainings/{id}/courses/{course}/remove",
            TRAINER | PLANNERS,
            true,
        ),
        ("GET", "/settings/pay", ADMIN, false),
        ("GET", "/settings/audit", ADMIN, false),
        ("GET", "/api/v1/audit", ADMIN, false),
        ("POST", "/settings/pay", ADMIN, false),
        ("GET", "/settings/sign-in", ADMIN, false),
        ("POST", "/settings/sign-in", ADMIN, false),
        ("POST", "/settings/sign-in/only", ADMIN, false),
        ("GET", "/settings/magistere", ADMIN, false),
        ("POST", "/settings/magistere", ADMIN, false),
        ("POST", "/settings/magistere/check", ADMIN, false),
        ("POST", "/cohorts/{id}/magistere", COHORT_STAFF, false),
        ("GET", "/settings/sign-in/{id}", ADMIN, false),
        ("POST", "/settings/sign-in/{id}", ADMIN, false),
        // Signing in through the académie's provider: the provider's name and the sign-in's
        // state decide, not the session.
        ("GET", "/sso/{slug}", TOKEN, false),
        ("GET", "/sso/{slug}/callback", TOKEN, false),
        ("GET", "/sso/{slug}/cas", TOKEN, false),
        ("POST", "/sso/{slug}/cas", TOKEN, false),
        ("GET", "/settings/signatory", ADMIN, false),
        ("POST", "/settings/signatory", ADMIN, false),
        ("GET", "/trainings/{id}/after", TRAINER | PLANNERS, false),
        ("POST", "/trainings/{id}/after", PLANNERS, false),
        ("GET", "/sign", TRAINEES, false),
        ("POST", "/sign", TRAINEES, false),
        ("GET", "/sign/{aid}/{slot}/{token}", TRAINEES, false),
        ("POST", "/sign/{aid}/{slot}/{token}", TRAINEES, false),
        // The API.
        ("GET", "/api/v1/me", LOGGED_IN, false),
        ("GET", "/api/v1/me/export", LOGGED_IN, false),
        ("GET", "/api/v1/me/surveys", LOGGED_IN, false),
        ("GET", "/api/v1/cohorts/{id}/surveys", COHORT_STAFF, false),
        (
            "POST",
            "/api/v1/cohorts/{id}/surveys/{kind}",
            COHORT_STAFF,
            false,
        ),
        (
            "POST",
            "/api/v1/cohorts/{id}/surveys/{kind}/responses",
            TRAINEE,
            false,
        ),
        ("GET", "/api/v1/settings/surveys", ADMIN, false),
        ("GET", "/api/v1/settings/retention", ADMIN, false),
        ("GET", "/api/v1/settings/signatory", ADMIN, false),
        ("PUT", "/api/v1/settings/signatory", ADMIN, false),
        ("PUT", "/api/v1/settings/retention", ADMIN, false),
        ("GET", "/api/v1/retention/preview", ADMIN, false),
        ("GET", "/api/v1/plans/{id}/exports", ADMIN, false),
        ("POST", "/api/v1/plans/{id}/exports", ADMIN, false),
        ("PUT", "/api/v1/settings/surveys", ADMIN, false),
        ("GET", "/api/v1/users/{id}/export", ADMIN, false),
        ("GET", "/api/v1/users", ADMIN, false),
        ("POST", "/api/v1/users", ADMIN, false),
        ("POST", "/api/v1/users/import", ADMIN, false),
        ("PATCH", "/api/v1/users/{id}", ADMIN, false),
        ("DELETE", "/api/v1/users/{id}/second-factor", ADMIN, false),
        ("GET", "/api/v1/sign-in/providers", ADMIN, false),
        ("POST", "/api/v1/sign-in/providers", ADMIN, false),
        ("GET", "/api/v1/sign-in/providers/{id}", ADMIN, false),
        ("PUT", "/api/v1/sign-in/providers/{id}", ADMIN, false),
        ("PUT", "/api/v1/sign-in/sso-only", ADMIN, false),
        ("GET", "/api/v1/settings/magistere", ADMIN, false),
        ("PUT", "/api/v1/settings/magistere", ADMIN, false),
        ("POST", "/api/v1/settings/magistere/check", ADMIN, false),
        (
            "POST",
            "/api/v1/cohorts/{id}/magistere/check",
            COHORT_STAFF,
            false,
        ),
        // Trainers read the plans (names and years) to filter their trainings.
        ("GET", "/api/v1/plans", STAFF, false),
        ("POST", "/api/v1/plans", ADMIN, false),
        ("GET", "/api/v1/trainings", STAFF, false),
        ("POST", "/api/v1/trainings", PLANNERS, false),
        ("GET", "/api/v1/trainings/{id}", TRAINER | PLANNERS, false),
        (
            "GET",
            "/api/v1/trainings/{id}/steps",
            TRAINER | PLANNERS,
            false,
        ),
        (
            "POST",
            "/api/v1/trainings/{id}/steps",
            TRAINER | PLANNERS,
            false,
        ),
        (
            "PUT",
            "/api/v1/trainings/{id}/steps/{step_id}",
            TRAINER | PLANNERS,
            false,
        ),
        (
            "DELETE",
            "/api/v1/trainings/{id}/steps/{step_id}",
            TRAINER | PLANNERS,
            true,
        ),
        (
            "GET",
            "/api/v1/trainings/{id}/trainers",
            TRAINER | PLANNERS,
            false,
        ),
        ("POST", "/api/v1/trainings/{id}/trainers", PLANNERS, false),
        (
            "DELETE",
            "/api/v1/trainings/{id}/trainers/{user_id}",
            PLANNERS,
            true,
        ),
        (
            "GET",
            "/api/v1/trainings/{id}/advice",
            TRAINER | PLANNERS,
            false,
        ),
        (
            "GET",
            "/api/v1/trainings/{id}/accompaniment",
            TRAINER | PLANNERS,
            false,
        ),
        (
            "PUT",
            "/api/v1/trainings/{id}/accompaniment",
            TRAINER | PLANNERS,
            false,
        ),
        (
            "GET",
            "/api/v1/trainings/{id}/validation-rules",
            TRAINER | PLANNERS,
            false,
        ),
        (
            "PUT",
            "/api/v1/trainings/{id}/validation-rules",
            PLANNERS,
            false,
        ),
        ("GET", "/api/v1/qualifications", PLANNERS, false),
        ("POST", "/api/v1/qualifications", PLANNERS, false),
        ("DELETE", "/api/v1/qualifications/{id}", PLANNERS, true),
        (
            "GET",
            "/api/v1/settings/qualification-validity",
            ADMIN,
            false,
        ),
        (
            "PUT",
            "/api/v1/settings/qualification-validity",
            ADMIN,
            false,
        ),
        ("GET", "/api/v1/qualifications/requests", STAFF, false),
        ("POST", "/api/v1/qualifications/requests", TRAINERS, false),
        (
            "POST",
            "/api/v1/qualifications/requests/{id}/enrol",
            PLANNERS,
            false,
        ),
        (
            "POST",
            "/api/v1/qualifications/requests/{id}/decline",
            PLANNERS,
            false,
        ),
        (
            "PUT",
            "/api/v1/trainings/{id}/trains-trainers",
            PLANNERS,
            false,
        ),
        ("GET", "/api/v1/questions", STAFF, false),
        ("POST", "/api/v1/questions", TRAINERS, false),
        ("GET", "/api/v1/questions/waits", PLANNERS, false),
        ("GET", "/api/v1/questions/{id}", TRAINER | PLANNERS, false),
        (
            "POST",
            "/api/v1/questions/{id}/messages",
            TRAINER | PLANNERS,
            false,
        ),
        (
            "POST",
            "/api/v1/questions/{id}/resolve",
            TRAINER | PLANNERS,
            true,
        ),
        ("PUT", "/api/v1/questions/{id}/published", PLANNERS, false),
        ("PUT", "/api/v1/questions/{id}/pilot", ADMIN, false),
        ("GET", "/api/v1/settings/question-delay", ADMIN, false),
        ("PUT", "/api/v1/settings/question-delay", ADMIN, false),
        (
            "GET",
            "/api/v1/trainings/{id}/faq",
            TRAINER | PLANNERS,
            false,
        ),
        ("GET", "/api/v1/cohorts", LOGGED_IN, false),
        ("POST", "/api/v1/cohorts", PLANNERS, false),
        ("GET", "/api/v1/cohorts/{id}", COHORT, false),
        ("POST", "/api/v1/cohorts/{id}/status", PLANNERS, false),
        ("POST", "/api/v1/cohorts/{id}/reopen", COHORT_STAFF, false),
        ("GET", "/api/v1/cohorts/{id}/trainers", COHORT, false),
        ("POST", "/api/v1/cohorts/{id}/trainers", PLANNERS, false),
        (
            "GET",
            "/api/v1/cohorts/{id}/enrollments",
            COHORT_STAFF,
            false,
        ),
        ("POST", "/api/v1/cohorts/{id}/enrollments", PLANNERS, false),
        (
            "DELETE",
            "/api/v1/cohorts/{id}/enrollments/{user_id}",
            PLANNERS,
            true,
        ),
        ("GET", "/api/v1/cohorts/{id}/activities", COHORT, false),
        ("GET", "/api/v1/cohorts/{id}/checklist", COHORT_STAFF, false),
        ("GET", "/api/v1/cohorts/{id}/links", COHORT_STAFF, false),
        (
            "POST",
            "/api/v1/cohorts/{id}/convocations",
            COHORT_STAFF,
            false,
        ),
        ("POST", "/api/v1/cohorts/{id}/received", TRAINEE, false),
        ("GET", "/api/v1/cohorts/{id}/messages", COHORT, false),
        ("PUT", "/api/v1/cohorts/{id}/opening", COHORT_STAFF, false),
        (
            "GET",
            "/api/v1/cohorts/{id}/opening/draft",
            COHORT_STAFF,
            false,
        ),
        (
            "POST",
            "/api/v1/cohorts/{id}/opening/publish",
            COHORT_STAFF,
            false,
        ),
        (
            "PUT",
            "/api/v1/cohorts/{id}/activities/{activity}/instructions",
            COHORT_STAFF,
            false,
        ),
        ("GET", "/api/v1/cohorts/{id}/posts", COHORT, false),
        ("POST", "/api/v1/cohorts/{id}/posts", COHORT, false),
        (
            "GET",
            "/api/v1/cohorts/{id}/accompaniment",
            COHORT_STAFF,
            false,
        ),
        ("GET", "/api/v1/cohorts/{id}/validation", COHORT, false),
        ("GET", "/api/v1/cohorts/{id}/documents", COHORT_STAFF, false),
        ("GET", "/api/v1/cohorts/{id}/pay", COHORT_STAFF, false),
        (
            "POST",
            "/api/v1/cohorts/{id}/transmissions",
            COHORT_STAFF,
            false,
        ),
        (
            "GET",
            "/api/v1/activities/{id}/attendance",
            COHORT_STAFF,
            false,
        ),
        (
            "POST",
            "/api/v1/activities/{id}/attendance",
            COHORT_STAFF,
            false,
        ),
        ("POST", "/api/v1/sign", TRAINEES, false),
        ("POST", "/api/v1/bbb/analytics", TOKEN, false),
        ("GET", "/api/v1/equipment-checks", LOGGED_IN, false),
        ("POST", "/api/v1/equipment-checks", LOGGED_IN, false),
        ("POST", "/api/v1/me/calendar", LOGGED_IN, false),
    ];
    let mut out = BTreeMap::new();
    for &(m, p, who, mutates) in table {
        assert!(
            out.insert((m, p), (who, mutates)).is_none(),
            "{m} {p} twice in the table"
        );
    }
    out
}

/// The routes declared in the routers' source: `.route("PATH", get(…).post(…))`, with the
/// methods read from the handler expression (balanced parentheses).
fn declared_routes() -> BTreeSet<(String, String)> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    let mut stack = vec![root];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                files.push(p);
            }
        }
    }
    let mut out = BTreeSet::new();
    for f in files {
        let src = std::fs::read_to_string(&f).unwrap();
        let mut rest = src.as_str();
        while let Some(at) = rest.find(".route(") {
            let body = &rest[at + ".route(".len()..];
            // The argument list, up to its closing parenthesis.
            let mut depth = 1;
            let mut end = 0;
            for (i, c) in body.char_indices() {
                match c {
                    '(' => depth += 1,
                    ')' => {
                        depth -= 1;
                        if depth == 0 {
                            end = i;
                            break;
                        }
                    }
                    _ => {}
                }
            }
            let args = &body[..end];
            let path = args.split('"').nth(1).unwrap_or_else(|| {
                panic!("{}: a route without a literal path: {args}", f.display())
            });
            let handler = &args[args.find(',').unwrap()..];
            let mut methods = 0;
            for (name, method) in [
                ("get(", "GET"),
                ("post(", "POST"),
                ("put(", "PUT"),
                ("delete(", "DELETE"),
                ("patch(", "PATCH"),
            ] {
                // `get(` at the start of the expression or after `.`
                let found = handler.match_indices(name).any(|(i, _)| {
                    let before = handler[..i].trim_end();
                    before.ends_with(',') || before.ends_with('.')
                });
                if found {
                    out.insert((method.to_owned(), path.to_owned()));
                    methods += 1;
                }
            }
            assert!(methods > 0, "{}: no method for {path}", f.display());
            rest = &body[end..];
        }
    }
    out
}

/// Every route: declared in the source, and the API's from its OpenAPI document.
fn all_routes() -> BTreeSet<(String, String)> {
    let mut out = declared_routes();
    let doc = serde_json::to_value(hybride_web::api::openapi()).unwrap();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for method in item.as_object().unwrap().keys() {
            if ["get", "post", "put", "delete", "patch"].contains(&method.as_str()) {
                out.insert((method.to_uppercase(), path.clone()));
            }
        }
    }
    out
}

#[test]
fn every_route_has_an_entry_and_every_entry_a_route() {
    let routes = all_routes();
    let table = expected();
    let missing: Vec<String> = routes
        .iter()
        .filter(|(m, p)| !table.contains_key(&(m.as_str(), p.as_str())))
        .map(|(m, p)| format!("{m} {p}"))
        .collect();
    assert!(
        missing.is_empty(),
        "routes with no entry in the authorization table:\n{}",
        missing.join("\n")
    );
    let stale: Vec<String> = table
        .keys()
        .filter(|(m, p)| !routes.contains(&(m.to_string(), p.to_string())))
        .map(|(m, p)| format!("{m} {p}"))
        .collect();
    assert!(
        stale.is_empty(),
        "entries for no route:\n{}",
        stale.join("\n")
    );
}

/// One person: a browser with their session, and an API client with their token.
struct Person {
    bit: u8,
    name: &'static str,
    browser: Browser,
    api: Api,
}

#[tokio::test]
async fn each_person_is_let_in_or_kept_out_as_the_table_says() {
    let app = TestApp::start().await;
    let s = app.store();
    // The académie: a pilot's two trainings, each with a cohort, a trainer and a trainee.
    let admin = app.user("admin@ac-lyon.fr", Role::Admin).await;
    let pilot = app.user("pilote@ac-lyon.fr", Role::Pilot).await;
    let trainer = app.user("formateur@ac-lyon.fr", Role::Trainer).await;
    let other_trainer = app.user("autre.formateur@ac-lyon.fr", Role::Trainer).await;
    let trainee = app.user("stagiaire@ac-lyon.fr", Role::Trainee).await;
    let other_trainee = app.user("autre.stagiaire@ac-lyon.fr", Role::Trainee).await;
    let plan = hybride_store::plans::create(
        s,
        hybride_domain::SchoolYear::parse("2026-2027").unwrap(),
        &Title::parse("PAF").unwrap(),
    )
    .await
    .unwrap();
    let pilot_api = app.token_for(&pilot).await;
    let mut made = Vec::new();
    for (n, (t, u)) in [(&trainer, &trainee), (&other_trainer, &other_trainee)]
        .into_iter()
        .enumerate()
    {
        let (_, training) = pilot_api
            .post(
                "/api/v1/trainings",
                json!({"plan_id": plan.id, "dispositif_id": format!("26A010077{n}"), "module_id": format!("5123{n}"),
                    "title": format!("Formation {n}"), "objectives": "Objectifs.",
                    "in_person_minutes": 180, "synchronous_minutes": 90, "asynchronous_minutes": 60,
                    "validation_criteria": "Présence.", "min_attendance_percent": 80}),
            )
            .await;
        let tid = training["id"].as_i64().unwrap();
        let (_, step) = pilot_api
            .post(
                &format!("/api/v1/trainings/{tid}/steps"),
                json!({"modality": "in_person", "learning_type": "practice", "title": "Atelier", "minutes": 180}),
            )
            .await;
        let (_, cohort) = pilot_api
            .post("/api/v1/cohorts", json!({"training_id": tid, "label": "Groupe", "starts_on": "2026-09-01", "ends_on": "2027-06-30"}))
            .await;
        let cid = cohort["id"].as_i64().unwrap();
        pilot_api
            .post(
                &format!("/api/v1/cohorts/{cid}/trainers"),
                json!({"user_id": t.id}),
            )
            .await;
        pilot_api
            .post(
                &format!("/api/v1/cohorts/{cid}/enrollments"),
                json!({"user_ids": [u.id]}),
            )
            .await;
        let now = jiff::Timestamp::now();
        let a = cohorts::add_activity(
            s,
            cid,
            &NewActivity {
                step_id: step["id"].as_i64(),
                title: Title::parse("Atelier").unwrap(),
                modality: Modality::InPerson,
                starts_at: now
                    .checked_sub(jiff::SignedDuration::from_mins(20))
                    .unwrap(),
                ends_at: now
                    .checked_add(jiff::SignedDuration::from_mins(160))
                    .unwrap(),
                place: Some("Salle 1".into()),
                room_url: None,
            },
        )
        .await
        .unwrap();
        for status in ["ready", "running"] {
            pilot_api
                .post(
                    &format!("/api/v1/cohorts/{cid}/status"),
                    json!({"status": status}),
                )
                .await;
        }
        made.push((tid, step["id"].as_i64().unwrap(), cid, a));
    }
    let (tid, step, cid, activity) = made[0].clone();
    // What the routes that remove things remove: a spare trainee, trainer, step and activity,
    // so that the people of the matrix keep their places.
    let spare_trainee = app.user("remplacant@ac-lyon.fr", Role::Trainee).await;
    pilot_api
        .post(
            &format!("/api/v1/cohorts/{cid}/enrollments"),
            json!({"user_ids": [spare_trainee.id]}),
        )
        .await;
    let spare_trainer = app.user("intervenant@ac-lyon.fr", Role::Trainer).await;
    pilot_api
        .post(
            &format!("/api/v1/trainings/{tid}/trainers"),
            json!({"user_id": spare_trainer.id}),
        )
        .await;
    let (_, spare_step) = pilot_api
        .post(
            &format!("/api/v1/trainings/{tid}/steps"),
            json!({"modality": "async", "learning_type": "acquisition", "title": "Lecture", "minutes": 30}),
        )
        .await;
    let spare_step = spare_step["id"].as_i64().unwrap();
    let spare_activity = cohorts::add_activity(
        s,
        cid,
        &NewActivity {
            step_id: None,
            title: Title::parse("Séance supprimable").unwrap(),
            modality: Modality::InPerson,
            starts_at: jiff::Timestamp::now()
                .checked_add(jiff::SignedDuration::from_hours(48))
                .unwrap(),
            ends_at: jiff::Timestamp::now()
                .checked_add(jiff::SignedDuration::from_hours(50))
                .unwrap(),
            place: None,
            room_url: None,
        },
    )
    .await
    .unwrap();
    // Asynchronous work and a virtual class under way, for the routes about them.
    let mut other_kinds = Vec::new();
    for (modality, from, to) in [
        (Modality::Async, -60, 7 * 24 * 60),
        (Modality::VirtualClass, -10, 80),
    ] {
        let now = jiff::Timestamp::now();
        other_kinds.push(
            cohorts::add_activity(
                s,
                cid,
                &NewActivity {
                    step_id: None,
                    title: Title::parse("Autre séance").unwrap(),
                    modality,
                    starts_at: now
                        .checked_add(jiff::SignedDuration::from_mins(from))
                        .unwrap(),
                    ends_at: now
                        .checked_add(jiff::SignedDuration::from_mins(to))
                        .unwrap(),
                    place: None,
                    room_url: Some("https://visio.ac-lyon.fr/salle".into())
                        .filter(|_| modality != Modality::Async),
                },
            )
            .await
            .unwrap()
            .id,
        );
    }
    let (async_activity, virtual_activity) = (other_kinds[0], other_kinds[1]);
    // What some pages show only once it exists.
    hybride_store::before::save_accompaniment(
        s,
        tid,
        &hybride_store::before::AccompanimentInput {
            channels: "forum".into(),
            response_hours: 48,
            working_days_only: true,
            tutoring_slots: "mercredi".into(),
            technical_contact: "assistance@ac-lyon.fr".into(),
            exchange_hours: "8 h – 18 h".into(),
        },
    )
    .await
    .unwrap();
    hybride_store::before::save_validation_rules(
        s,
        tid,
        &hybride_store::before::ValidationInput {
            min_in_person_percent: 80,
            min_synchronous_percent: 80,
            min_asynchronous_percent: 80,
            mandatory_steps_required: false,
            evaluation_required: false,
            half_day_threshold_percent: 80,
        },
    )
    .await
    .unwrap();
    hybride_store::during::save_opening(
        s,
        cid,
        &hybride_store::during::OpeningText {
            introduction: "Bienvenue.".into(),
            objectives: "Objectifs.".into(),
            validation: "Présence.".into(),
            accompaniment: "Forum.".into(),
            availability: "Deux ans.".into(),
        },
        trainer.id,
    )
    .await
    .unwrap();
    let steps = hybride_store::trainings::steps(s, tid).await.unwrap();
    let slot = hybride_training::attendance::slot_at(
        &hybride_training::attendance::slots(&activity, &steps),
        hybride_store::now(),
    )
    .unwrap()
    .key();
    // A published opening message (its PDF is then everyone's in the cohort).
    hybride_store::during::save_opening(
        s,
        cid,
        &hybride_store::during::OpeningText {
            introduction: "Bienvenue.".into(),
            objectives: "Construire des grilles.".into(),
            validation: "Présence à 80 %.".into(),
            accompaniment: "Forum, réponse sous 48 h.".into(),
            availability: "Deux ans.".into(),
        },
        trainer.id,
    )
    .await
    .unwrap();
    hybride_store::during::publish_opening(s, cid, &[])
        .await
        .unwrap();
    let doc = hybride_store::attendance::add_document(
        s,
        cid,
        trainee.id,
        "j.pdf",
        "application/pdf",
        b"%PDF-1.4",
    )
    .await
    .unwrap();
    let qualification_id = hybride_store::qualifications::add(
        s,
        &hybride_store::qualifications::ByHand {
            trainer_id: trainer.id,
            qualified_on: jiff::civil::date(2026, 9, 1),
            trained_by: pilot.id,
            content: "Formation à l’hybridation",
            reason: "Formée avant Hybride",
            recorded_by: pilot.id,
        },
    )
    .await
    .unwrap()
    .id;
    // A question the cohort's trainer asked the training's pilot, answered.
    let question_id = hybride_store::questions::ask(s, tid, trainer.id, "Émargement", "Comment ?")
        .await
        .unwrap()
        .id;
    hybride_store::questions::reply(s, question_id, pilot.id, "Ainsi.", true)
        .await
        .unwrap();
    // A trainer's request to be trained, waiting for the pilot.
    let request_id =
        hybride_store::qualifications::ask(s, trainer.id, "Première session", "Mercredis")
            .await
            .unwrap()
            .id;
    let holiday = hybride_store::before::add_school_holiday(
        s,
        "A",
        "Vacances d’hiver",
        jiff::civil::date(2027, 2, 6),
        jiff::civil::date(2027, 2, 22),
    )
    .await
    .unwrap()
    .id;
    // The cohort's « à chaud » survey, sent: its trainee is invited.
    hybride_store::surveys::open(
        s,
        &hybride_store::surveys::NewSurvey {
            cohort_id: cid,
            kind: hybride_domain::survey::SurveyKind::Hot,
            questions: &hybride_domain::survey::SurveySettings::default().hot,
            sent_at: hybride_store::now(),
            closes_at: hybride_store::now() + 86_400,
            sent_by: None,
        },
        &[],
    )
    .await
    .unwrap();
    // A plan's export, ready for download.
    let export = hybride_store::exports::request(s, plan.id, admin.id, "fr")
        .await
        .unwrap();
    hybride_store::exports::add_part(s, export.id, 0, "sessions.csv", b"a;b\n", "0")
        .await
        .unwrap();
    hybride_store::exports::finish(s, export.id).await.unwrap();
    let provider_id = hybride_store::sign_in::create_provider(
        s,
        &hybride_domain::sign_in::ProviderFields {
            slug: "academie".into(),
            protocol: "cas".into(),
            label: "Portail".into(),
            url: "https://cas.ac-lyon.fr/cas".into(),
            domains: "ac-lyon.fr".into(),
            newcomers: "refuse".into(),
            ..Default::default()
        }
        .validate(false)
        .unwrap(),
    )
    .await
    .unwrap();
    let fill = |method: &str, path: &str| -> String {
        let mut p = path.to_owned();
        let first_id = if p.contains("/trainings/{id}") {
            tid
        } else if p.contains("/cohorts/{id}") {
            cid
        } else if p.contains("/activities/{id}") {
            activity.id
        } else if p.contains("/accounts/{id}") || p.contains("/users/{id}") {
            trainee.id
        } else if p.contains("/plans/{id}") {
            plan.id
        } else if p.contains("/questions/{id}") {
            question_id
        } else if p.contains("/qualifications/requests/{id}") {
            request_id
        } else if p.contains("/qualifications/{id}") {
            qualification_id
        } else if p.contains("/sign-in/{id}") || p.contains("/sign-in/providers/{id}") {
            provider_id
        } else {
            holiday
        };
        p = p.replace("{id}", &first_id.to_string());
        let removes = path.ends_with("/remove") || method == "DELETE";
        let user = match (p.contains("/trainers/{user"), removes) {
            (true, _) => spare_trainer.id,
            (false, true) => spare_trainee.id,
            (false, false) => trainee.id,
        };
        let (act, st) = if removes || path.ends_with("/action") {
            (spare_activity.id, spare_step)
        } else if path.contains("/declaration") || path.ends_with("/import") {
            (async_activity, step)
        } else if path.ends_with("/present") {
            (virtual_activity, step)
        } else {
            (activity.id, step)
        };
        p.replace("{user}", &user.to_string())
            .replace("{user_id}", &user.to_string())
            .replace("{step_id}", &st.to_string())
            .replace("{activity}", &act.to_string())
            .replace("{aid}", &act.to_string())
            .replace("{step}", &st.to_string())
            .replace("{thread}", "general")
            .replace("{trainer}", &trainer.id.to_string())
            .replace("{lump}", "999999")
            .replace("{course}", "999999")
            .replace("{doc}", &doc.id.to_string())
            .replace("{slot}", &slot)
            .replace("{token}", "NotAValidTokenNotAValidTokenNotAValidToken1")
            .replace(
                "{file}",
                &if p.contains("/tables/") {
                    format!("certificat-26A0100770-51230-{}.csv", trainee.id)
                } else {
                    "NotAValidTokenNotAValidTokenNotAValidToken1.ics".to_owned()
                },
            )
            .replace("{kind}", "hot")
            .replace("{export}", &export.id.to_string())
    };

    let mut people = Vec::new();
    for (bit, name) in PEOPLE {
        let user = match bit {
            ANON => None,
            OTHER_TRAINEE => Some(&other_trainee),
            TRAINEE => Some(&trainee),
            OTHER_TRAINER => Some(&other_trainer),
            TRAINER => Some(&trainer),
            PILOT => Some(&pilot),
            _ => Some(&admin),
        };
        let browser = app.anonymous();
        let api = match user {
            Some(u) => {
                let r = browser.login(u.email.as_str(), PASSWORD).await;
                assert_eq!(r.status(), StatusCode::SEE_OTHER, "login of {name}");
                app.token_for(u).await
            }
            None => app.api_anonymous(),
        };
        people.push(Person {
            bit,
            name,
            browser,
            api,
        });
    }

    let table = expected();
    let doc_json = serde_json::to_value(hybride_web::api::openapi()).unwrap();
    // What removes comes after the rest, and logging out last: it ends the sessions the other
    // requests use.
    let mut routes: Vec<(String, String)> = all_routes().into_iter().collect();
    routes.sort_by_key(|(m, p)| {
        let mutates = table.get(&(m.as_str(), p.as_str())).is_some_and(|e| e.1);
        (p == "/logout", mutates, m.clone(), p.clone())
    });
    let mut wrong = Vec::new();
    for (method, path) in &routes {
        let Some(&(allowed, mutates)) = table.get(&(method.as_str(), path.as_str())) else {
            continue; // reported by the other test
        };
        let url = fill(method, path);
        let mut body = sample_body(&doc_json, method, path);
        // Where the schema's plain values would name nothing, values of this fixture.
        if path == "/api/v1/activities/{id}/attendance" && method == "POST" {
            body = json!({"slot": slot, "user_id": trainee.id, "action": "late", "time": "bad"});
        }
        let fields: Vec<(&str, &str)> = if path.ends_with("/absence") {
            vec![("slot", slot.as_str()), ("reason", "Malade")]
        } else {
            Vec::new()
        };
        let api = path.starts_with("/api/v1/");
        let mut answers = Vec::new();
        for p in &people {
            let status = if api {
                let req = match method.as_str() {
                    "GET" => p.api.client.get(app.url(&url)),
                    "POST" => p.api.client.post(app.url(&url)).json(&body),
                    "PUT" => p.api.client.put(app.url(&url)).json(&body),
                    "PATCH" => p.api.client.patch(app.url(&url)).json(&body),
                    "DELETE" => p.api.client.delete(app.url(&url)),
                    _ => unreachable!(),
                };
                let req = match &p.api.token {
                    Some(t) => req.bearer_auth(t),
                    None => req,
                };
                req.send().await.unwrap().status()
            } else if method == "GET" {
                p.browser.get(&url).await.status()
            } else {
                p.browser.post_form(&url, &fields).await.status()
            };
            answers.push((p, status));
        }
        for (p, status) in &answers {
            let code = status.as_u16();
            if code >= 500 {
                wrong.push(format!("{method} {url}: {} got {code}", p.name));
                continue;
            }
            if allowed == TOKEN {
                continue;
            }
            let kept_out =
                matches!(code, 401 | 403 | 404) || (code == 303 && p.bit == ANON && !api);
            let let_in = allowed & p.bit != 0;
            let ok = if let_in {
                !(kept_out && !(mutates && code == 404))
            } else {
                kept_out
            };
            if !ok {
                wrong.push(format!(
                    "{method} {url}: {} got {code}, expected to be {}",
                    p.name,
                    if let_in { "let in" } else { "kept out" }
                ));
            }
        }
        if allowed == TOKEN {
            // The secret decides, not the session: everyone gets the same answer.
            let first = answers[0].1;
            for (p, status) in &answers {
                if *status != first {
                    wrong.push(format!(
                        "{method} {url}: {} got {status}, anonymous {first}",
                        p.name
                    ));
                }
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "{} answers differ from the table:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

/// A JSON body that the route's schema accepts: its required properties with plain values, so
/// that the request reaches the authorization check rather than stopping at the body's shape.
fn sample_body(doc: &serde_json::Value, method: &str, path: &str) -> serde_json::Value {
    let schema = &doc["paths"][path][method.to_lowercase()]["requestBody"]["content"]
        ["application/json"]["schema"];
    if schema.is_null() {
        return json!({});
    }
    sample(doc, schema, 0)
}

fn sample(doc: &serde_json::Value, schema: &serde_json::Value, depth: usize) -> serde_json::Value {
    if depth > 6 {
        return serde_json::Value::Null;
    }
    if let Some(r) = schema["$ref"].as_str() {
        let name = r.rsplit('/').next().unwrap();
        return sample(doc, &doc["components"]["schemas"][name], depth + 1);
    }
    if let Some(first) = schema["allOf"]
        .as_array()
        .or(schema["oneOf"].as_array())
        .or(schema["anyOf"].as_array())
        .and_then(|a| a.first())
    {
        return sample(doc, first, depth + 1);
    }
    if let Some(v) = schema["enum"].as_array().and_then(|a| a.first()) {
        return v.clone();
    }
    let kind = match &schema["type"] {
        serde_json::Value::Array(kinds) => kinds
            .iter()
            .find(|k| *k != "null")
            .and_then(|k| k.as_str())
            .unwrap_or("object"),
        k => k.as_str().unwrap_or("object"),
    };
    match kind {
        "string" => json!("x"),
        "integer" => json!(1),
        "number" => json!(1),
        "boolean" => json!(false),
        "array" => json!([]),
        _ => {
            let mut o = serde_json::Map::new();
            for name in schema["required"].as_array().into_iter().flatten() {
                let name = name.as_str().unwrap();
                o.insert(
                    name.to_owned(),
                    sample(doc, &schema["properties"][name], depth + 1),
                );
            }
            serde_json::Value::Object(o)
        }
    }
}
