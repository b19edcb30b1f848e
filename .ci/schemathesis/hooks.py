"""Schemathesis hooks: a schema-valid request is never refused for its shape.

`positive_data_acceptance` admits 422 (see schemathesis.toml); this check takes over its job for
that status. A 400, or a 422 `problem-invalid` naming a field refused by a rule that the OpenAPI
document could have stated (a length, a character, a range, an enumeration, a format), means the
document does not say what the handler enforces: the test fails. Field errors name their rule in
`code`; the rules below are those a schema cannot state, each for the reason given.
"""

import schemathesis

BEYOND_THE_SCHEMA = {
    # References to rows that may not exist: the schema knows ids, not the database.
    "error-person-unknown": "an id or address with no account",
    "error-person-unknown-value": "an address with no account",
    "error-training-unknown": "a training id with no training",
    "error-plan-unknown": "a plan id with no plan",
    "error-trainer-unknown": "an address with no trainer's account",
    "error-pilot-role": "the account exists but is not a pilot's",
    "refused-trainer-role": "the account exists but is not a trainer's",
    "error-not-enrolled": "an account that is not a trainee of the cohort",
    # Uniqueness, held by the record.
    "error-email-taken-value": "an address already in use",
    "error-course-repeated": "a course already in the catalogue",
    # Rules across fields or items.
    "error-dates-order": "the end before the start",
    "error-hours-none": "the three durations all zero",
    "error-enroll-nobody": "neither ids nor addresses",
    "error-person-nobody": "neither an id nor an address",
    "error-person-mismatch": "an id and an address naming two different people",
    "error-list-too-long": "ids and addresses together over the limit",
    "error-sign-in-client-id": "an OpenID Connect provider needs a client id, a CAS server none",
    "error-sign-in-client-secret": "an OpenID Connect provider needs a secret at creation, a CAS server none",
    # Rules that depend on what is stored.
    "error-magistere-token": "the token may be left out only once one is stored",
    "error-pilot-unknown": "an address with no active pilot's account",
    "error-question-training": "a training id the caller does not deliver",
    "error-trainers-session": "a cohort id that is not an open session of the caller's trainers' trainings",
    # A day read against the clock.
    "error-qualified-in-future": "a qualification day still to come",
    # Rules that depend on the caller.
    "error-pilot-required": "an admin names the pilot; a pilot creates their own trainings",
    "error-self-demotion": "an admin cannot take their own admin role away",
    "error-survey-needs-scale": "a survey without a scale question",
    "error-survey-remind-after-close": "a reminder after the survey closes",
    # A late arrival's or an early departure's time, read against the half-day and the clock.
    "error-time-outside": "a time outside the half-day",
    "error-time-future": "a time still to come",
    # Answers read against the survey's stored questions.
    "error-answer-required": "fewer answers than questions",
    "error-answer-scale": "a comment where a scale is asked",
}


@schemathesis.check
def shape_accepted(ctx, response, case):
    meta = case.meta
    if meta is None or not meta.generation.mode.is_positive:
        return None
    status = response.status_code
    if status == 400:
        raise AssertionError(
            f"A request valid by the schema was refused as malformed: {response.text[:400]}"
        )
    if status != 422:
        return None
    try:
        body = response.json()
    except Exception:
        raise AssertionError(f"A 422 without a problem body: {response.text[:400]}")
    if body.get("type") != "/problems/problem-invalid":
        # A rule of the record (`refused-…`, `import-refused`): not a matter of shape.
        return None
    unexplained = [
        e for e in body.get("errors") or [] if e.get("code") not in BEYOND_THE_SCHEMA
    ]
    if unexplained:
        raise AssertionError(
            "Values valid by the schema were refused: the OpenAPI document should state "
            f"these bounds: {unexplained}"
        )
    return None
