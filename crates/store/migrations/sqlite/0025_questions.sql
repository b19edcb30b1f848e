-- Questions a training's trainers ask its pilot, and their conversation; an answered question
-- can be published to the training's trainers as its FAQ.
-- Keep in step with ../postgres/0025_questions.sql.

CREATE TABLE questions (
    id              INTEGER PRIMARY KEY,
    training_id     BIGINT NOT NULL REFERENCES trainings (id) ON DELETE CASCADE,
    asked_by        BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- Who answers: the training's pilot when it was asked.
    pilot_id        BIGINT NOT NULL REFERENCES users (id),
    subject         TEXT NOT NULL,
    body            TEXT NOT NULL,
    asked_at        BIGINT NOT NULL,
    -- The first answer from the pilot's side.
    answered_at     BIGINT,
    resolved_at     BIGINT,
    published       BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX questions_pilot ON questions (pilot_id, resolved_at);
CREATE INDEX questions_asked_by ON questions (asked_by);
CREATE INDEX questions_training ON questions (training_id, published);

CREATE TABLE question_messages (
    id              INTEGER PRIMARY KEY,
    question_id     BIGINT NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
    author_id       BIGINT REFERENCES users (id) ON DELETE SET NULL,
    body            TEXT NOT NULL,
    at              BIGINT NOT NULL
);
CREATE INDEX question_messages_question ON question_messages (question_id, at);
