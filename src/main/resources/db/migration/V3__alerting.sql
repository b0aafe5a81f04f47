-- Alerting state: maintenance windows, silences, the alerts themselves and their history.
-- The same SQL runs on PostgreSQL 15 and on H2 in PostgreSQL mode (see StoreUrl). Instants are stored to
-- the millisecond. Matchers, schedules and label sets are JSON text, as the device labels in V1 are.
-- ("value" is a reserved word in H2, hence metric_value.)

-- Announced maintenance: alerts in its scope do not notify while its schedule is active. Never deleted:
-- ending one early sets expired_at.
CREATE TABLE maintenance_window (
  id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- JSON array of label matchers: [{"name": "device", "op": "=", "value": "wr-router"}, ...]
  scope      VARCHAR       NOT NULL,
  -- The value of the scope's tenant="..." matcher, if it has one, so that the tenant can list it.
  tenant     VARCHAR(200),
  -- JSON object in the schedule format of ScheduleFormat (one-off or recurring).
  schedule   VARCHAR       NOT NULL,
  -- When the schedule is over for good (end of a one-off window, "until" of a recurring one); NULL: open.
  ends_at    TIMESTAMP WITH TIME ZONE,
  author     VARCHAR(200)  NOT NULL,
  comment    VARCHAR(4000) NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  expired_at TIMESTAMP WITH TIME ZONE
);

CREATE INDEX maintenance_window_tenant ON maintenance_window (tenant);
CREATE INDEX maintenance_window_current ON maintenance_window (expired_at, ends_at);

-- Silences as in Alertmanager: matchers and a time range. Never deleted: expiring one sets expired_at.
CREATE TABLE silence (
  id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- JSON array of label matchers, as maintenance_window.scope.
  matchers   VARCHAR       NOT NULL,
  starts_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  ends_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  author     VARCHAR(200)  NOT NULL,
  comment    VARCHAR(4000) NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  expired_at TIMESTAMP WITH TIME ZONE
);

CREATE INDEX silence_current ON silence (expired_at, ends_at);

-- Every alert as it is now, pending, firing or resolved (resolved ones stay until a clean-up removes
-- them). id is the alert's fingerprint; tenant and device are copies of those labels ('' when missing).
CREATE TABLE alert (
  id            VARCHAR(200)  NOT NULL PRIMARY KEY,
  rule          VARCHAR(200)  NOT NULL,
  severity      VARCHAR(20)   NOT NULL,
  state         VARCHAR(20)   NOT NULL,
  labels        VARCHAR       NOT NULL,
  -- JSON object: language -> annotation name -> text.
  annotations   VARCHAR       NOT NULL,
  active_since  TIMESTAMP WITH TIME ZONE NOT NULL,
  since         TIMESTAMP WITH TIME ZONE NOT NULL,
  metric_value  DOUBLE PRECISION,
  suppressed_by VARCHAR(200),
  flapping      BOOLEAN       NOT NULL,
  tenant        VARCHAR(200)  NOT NULL,
  device        VARCHAR(200)  NOT NULL,
  updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX alert_tenant_state ON alert (tenant, state, since);
CREATE INDEX alert_device_state ON alert (device, state, since);
CREATE INDEX alert_state_since ON alert (state, since);

-- Every change of an alert, append-only. No foreign key to alert: the history outlives the clean-up of
-- resolved alerts, so it keeps its own copy of rule, severity, labels, tenant and device.
CREATE TABLE alert_history (
  id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  alert_id      VARCHAR(200)  NOT NULL,
  rule          VARCHAR(200)  NOT NULL,
  severity      VARCHAR(20)   NOT NULL,
  labels        VARCHAR       NOT NULL,
  tenant        VARCHAR(200)  NOT NULL,
  device        VARCHAR(200)  NOT NULL,
  at            TIMESTAMP WITH TIME ZONE NOT NULL,
  -- NULL for an alert that did not exist before.
  from_state    VARCHAR(20),
  to_state      VARCHAR(20)   NOT NULL,
  suppressed_by VARCHAR(200),
  metric_value  DOUBLE PRECISION,
  -- JSON object: previous_suppressed_by (if any) and flapping.
  detail        VARCHAR       NOT NULL
);

CREATE INDEX alert_history_device_at ON alert_history (device, at);
CREATE INDEX alert_history_alert_at ON alert_history (alert_id, at);
CREATE INDEX alert_history_at ON alert_history (at);
