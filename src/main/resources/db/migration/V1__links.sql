-- Short links: one row per stored spec, content-addressed. The same SQL runs on H2 (in
-- PostgreSQL mode) and on PostgreSQL, so both stay on one schema history.
-- kind: 'experiment' today; 'comparison' ({"version":1,"panels":[...]}) can be stored in the same
-- table later without a migration. A row is never updated: a link never changes.
CREATE TABLE links (
    id             VARCHAR(43)  NOT NULL PRIMARY KEY,
    kind           VARCHAR(16)  NOT NULL,
    spec_json      TEXT         NOT NULL,
    spec_sha256    CHAR(64)     NOT NULL,
    spec_version   INTEGER      NOT NULL,
    engine_version VARCHAR(64)  NOT NULL,
    size_bytes     INTEGER      NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT links_kind CHECK (kind IN ('experiment', 'comparison'))
);

-- finds the row of a content hash without knowing how long its id had to grow
CREATE INDEX links_spec_sha256 ON links (spec_sha256);
