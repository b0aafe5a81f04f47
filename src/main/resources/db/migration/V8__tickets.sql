-- Tickets opened by municipalities (tenants) or by the cooperative's staff for them, and their
-- comments. The same SQL runs on PostgreSQL 15 and on H2 in PostgreSQL mode (see StoreUrl). Instants
-- are stored to the millisecond. Tickets are never deleted.

CREATE TABLE ticket (
  id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant        VARCHAR(200)   NOT NULL,
  title         VARCHAR(200)   NOT NULL,
  description   VARCHAR(10000) NOT NULL,
  -- new, in_progress, waiting_for_municipality, resolved, closed
  status        VARCHAR(30)    NOT NULL,
  -- No foreign keys to alert or incident: a ticket outlives the clean-up of its alert, and what the
  -- alert said is copied into alert_rule, alert_summary, alert_since and device.
  alert_id      VARCHAR(200),
  incident_id   BIGINT,
  alert_rule    VARCHAR(200),
  alert_summary VARCHAR(1000),
  alert_since   TIMESTAMP WITH TIME ZONE,
  device        VARCHAR(200),
  assignee      VARCHAR(200),
  contact_email VARCHAR(320),
  -- de or en: the language of the mails to the contact.
  language      VARCHAR(5)     NOT NULL,
  opened_by     VARCHAR(200)   NOT NULL,
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX ticket_status_created ON ticket (status, created_at);
CREATE INDEX ticket_tenant_created ON ticket (tenant, created_at);
CREATE INDEX ticket_alert ON ticket (alert_id);

-- Comments from both sides, append-only. text is plain text exactly as written.
CREATE TABLE ticket_comment (
  id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  ticket_id   BIGINT         NOT NULL REFERENCES ticket (id),
  author      VARCHAR(200)   NOT NULL,
  -- staff or tenant
  author_role VARCHAR(20)    NOT NULL,
  text        VARCHAR(10000) NOT NULL,
  at          TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX ticket_comment_ticket ON ticket_comment (ticket_id, id);
