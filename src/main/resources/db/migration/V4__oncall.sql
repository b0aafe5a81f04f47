-- People, teams, on-call schedules and escalation policies as imported from oncall.yaml (the file is the
-- source of truth: an import replaces what is here), and the schedule overrides made at run time.
-- The same SQL runs on PostgreSQL 15 and on H2 in PostgreSQL mode (see StoreUrl). ordinal keeps the
-- order of the file. Schedules and policies are config kept whole, as JSON text in the shape of
-- oncall.yaml (see OnCallJson), so the API can list them without the file.

CREATE TABLE oncall_person (
  id         VARCHAR(200)  NOT NULL PRIMARY KEY,
  name       VARCHAR(1000) NOT NULL,
  email      VARCHAR(1000),
  phone      VARCHAR(100),
  -- As written: a URL, or a ${env:NAME} / ${file:/path} reference; a resolved reference is never stored.
  webhook    VARCHAR(4000),
  language   VARCHAR(10)   NOT NULL,
  ordinal    INTEGER       NOT NULL,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE oncall_team (
  id         VARCHAR(200)  NOT NULL PRIMARY KEY,
  name       VARCHAR(1000) NOT NULL,
  -- An oncall_policy id. No foreign key: teams and policies are written in one import.
  policy_id  VARCHAR(200),
  ordinal    INTEGER       NOT NULL,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE oncall_team_member (
  team_id   VARCHAR(200) NOT NULL REFERENCES oncall_team (id) ON DELETE CASCADE,
  person_id VARCHAR(200) NOT NULL REFERENCES oncall_person (id),
  ordinal   INTEGER      NOT NULL,
  PRIMARY KEY (team_id, person_id)
);

CREATE INDEX oncall_team_member_person ON oncall_team_member (person_id);

CREATE TABLE oncall_schedule (
  id         VARCHAR(200) NOT NULL PRIMARY KEY,
  -- The team the schedule belongs to, if any; a copy of definition.team for queries.
  team_id    VARCHAR(200),
  definition VARCHAR      NOT NULL,
  ordinal    INTEGER      NOT NULL,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE oncall_policy (
  id         VARCHAR(200) NOT NULL PRIMARY KEY,
  definition VARCHAR      NOT NULL,
  ordinal    INTEGER      NOT NULL,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Someone on call instead of whoever the schedule says, from starts_at (inclusive) to ends_at
-- (exclusive). No foreign keys: an override outlives a re-import that drops its schedule or person (it
-- is then ignored, not lost). Removing one deletes the row; the audit log keeps what it was.
CREATE TABLE oncall_override (
  id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  schedule_id VARCHAR(200)  NOT NULL,
  person_id   VARCHAR(200)  NOT NULL,
  starts_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  ends_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  reason      VARCHAR(4000) NOT NULL,
  created_by  VARCHAR(200)  NOT NULL,
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX oncall_override_schedule ON oncall_override (schedule_id, ends_at);
CREATE INDEX oncall_override_ends ON oncall_override (ends_at);
