-- Class sessions: an instructor's class, its members (seats), their predictions and their last
-- submitted run. The same SQL runs on H2 (PostgreSQL mode) and PostgreSQL. Every change to a class
-- raises classes.version, so a listener that hears (code, version) re-reads the row and can tell
-- a stale or duplicated event from a new one.
CREATE TABLE classes (
    code            VARCHAR(6)   NOT NULL PRIMARY KEY,
    secret_sha256   CHAR(64)     NOT NULL,
    version         BIGINT       NOT NULL,
    phase           VARCHAR(8)   NOT NULL,
    -- the pushed experiment in its canonical-minimal form (null until the first push)
    spec_json       TEXT,
    -- JSON array of the field paths students may change
    editable_json   TEXT         NOT NULL,
    question_kind   VARCHAR(8)   NOT NULL,
    question_text   VARCHAR(200),
    sweep_path      VARCHAR(200),
    sweep_min       DOUBLE PRECISION,
    sweep_max       DOUBLE PRECISION,
    sweep_points    INTEGER,
    anonymized      BOOLEAN      NOT NULL,
    show_chart      BOOLEAN      NOT NULL,
    spotlight       INTEGER,
    -- raised by "reset everyone": each seat restarts its run when it sees a larger number
    reset_count     INTEGER      NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    touched_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT classes_phase CHECK (phase IN ('paused', 'running', 'reveal', 'ended')),
    CONSTRAINT classes_question CHECK (question_kind IN ('none', 'choice', 'number'))
);

-- idle classes are found and removed by their last change
CREATE INDEX classes_touched_at ON classes (touched_at);

CREATE TABLE class_members (
    class_code      VARCHAR(6)   NOT NULL REFERENCES classes (code) ON DELETE CASCADE,
    -- the seat number: 1, 2, 3 … in the order of joining (the crowd sweep's grid index)
    member_id       INTEGER      NOT NULL,
    display_name    VARCHAR(40)  NOT NULL,
    alias           VARCHAR(40)  NOT NULL,
    seat_sha256     CHAR(64)     NOT NULL,
    joined_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (class_code, member_id)
);

CREATE TABLE class_predictions (
    class_code      VARCHAR(6)   NOT NULL,
    member_id       INTEGER      NOT NULL,
    choice          VARCHAR(16),
    number_value    DOUBLE PRECISION,
    answered_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (class_code, member_id),
    FOREIGN KEY (class_code, member_id) REFERENCES class_members (class_code, member_id) ON DELETE CASCADE
);

-- a member's last run: the spec (canonical, every default spelled out), its share code and what the server computed
CREATE TABLE class_submissions (
    class_code      VARCHAR(6)   NOT NULL,
    member_id       INTEGER      NOT NULL,
    spec_json       TEXT         NOT NULL,
    share_code      TEXT         NOT NULL,
    final_loss      DOUBLE PRECISION,
    diverged_at     INTEGER,
    -- JSON array of at most 48 losses sampled along the run (the gallery's sparkline)
    loss_curve      TEXT         NOT NULL,
    submitted_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (class_code, member_id),
    FOREIGN KEY (class_code, member_id) REFERENCES class_members (class_code, member_id) ON DELETE CASCADE
);
