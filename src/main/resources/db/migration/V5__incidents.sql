-- Incidents: groups of alerts routed to a team, their alerts, their timeline, who was told about them,
-- and the next escalation step of each open one. The same SQL runs on PostgreSQL 15 and on H2 in
-- PostgreSQL mode (see StoreUrl). Instants are stored to the millisecond. Incidents are never deleted.

CREATE TABLE incident (
  id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- Route id, group_by values and tenant: one open (triggered or acknowledged) incident per key.
  group_key       VARCHAR(4000) NOT NULL,
  title           VARCHAR(1000) NOT NULL,
  -- triggered, acknowledged, resolved
  state           VARCHAR(20)   NOT NULL,
  severity        VARCHAR(20)   NOT NULL,
  team            VARCHAR(200)  NOT NULL,
  policy          VARCHAR(200)  NOT NULL,
  route_id        VARCHAR(1000) NOT NULL,
  -- JSON object: the group_by labels and their values.
  group_labels    VARCHAR       NOT NULL,
  -- '' for Leitwarte's own alerts.
  tenant          VARCHAR(200)  NOT NULL,
  -- Copied from the route when the incident was made, so a reload of the routing file does not change
  -- how an open incident ends or repeats.
  auto_resolve    BOOLEAN       NOT NULL,
  repeat_interval BIGINT        NOT NULL,
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  acknowledged_by VARCHAR(200),
  acknowledged_at TIMESTAMP WITH TIME ZONE,
  assignee        VARCHAR(200),
  resolved_at     TIMESTAMP WITH TIME ZONE
);

CREATE INDEX incident_group_state ON incident (group_key, state);
CREATE INDEX incident_state_created ON incident (state, created_at);
CREATE INDEX incident_tenant_created ON incident (tenant, created_at);

-- The alerts an incident has had. No foreign key to alert: the incident outlives the clean-up of
-- resolved alerts, so rule, severity and device are kept here too.
CREATE TABLE incident_alert (
  incident_id BIGINT        NOT NULL REFERENCES incident (id),
  alert_id    VARCHAR(200)  NOT NULL,
  rule        VARCHAR(200)  NOT NULL,
  severity    VARCHAR(20)   NOT NULL,
  device      VARCHAR(200)  NOT NULL,
  firing      BOOLEAN       NOT NULL,
  added_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  resolved_at TIMESTAMP WITH TIME ZONE,
  PRIMARY KEY (incident_id, alert_id)
);

CREATE INDEX incident_alert_alert ON incident_alert (alert_id, firing);

-- Everything that happened to an incident, append-only.
CREATE TABLE incident_timeline (
  id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  incident_id BIGINT        NOT NULL REFERENCES incident (id),
  at          TIMESTAMP WITH TIME ZONE NOT NULL,
  -- created, alert_added, alert_resolved, notified, escalated, repeated, acknowledged, note, reassigned, resolved
  kind        VARCHAR(30)   NOT NULL,
  actor       VARCHAR(200),
  channel     VARCHAR(50),
  text        VARCHAR(4000) NOT NULL,
  -- JSON object of kind-specific facts (see TimelineEntry).
  details     VARCHAR       NOT NULL
);

CREATE INDEX incident_timeline_incident ON incident_timeline (incident_id, id);

-- Who was sent a notification about an incident: they hear when it is resolved.
CREATE TABLE incident_recipient (
  incident_id BIGINT       NOT NULL REFERENCES incident (id),
  person_id   VARCHAR(200) NOT NULL,
  PRIMARY KEY (incident_id, person_id)
);

-- The next escalation step of an unacknowledged incident. A step is moved on (or the row removed) in
-- the same transaction that records it, before its notifications go out: a restart neither loses nor
-- repeats a step. level is 1-based; round counts from 1, rounds past the policy's repeats are repeats.
CREATE TABLE incident_escalation (
  incident_id BIGINT  NOT NULL PRIMARY KEY REFERENCES incident (id),
  level       INTEGER NOT NULL,
  round       INTEGER NOT NULL,
  due_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX incident_escalation_due ON incident_escalation (due_at);
