-- Tenants, sites and devices as imported from the inventory files (the files are the source of truth;
-- an import replaces what is here), and the audit log of who changed what.
-- The same SQL runs on PostgreSQL 15 and on H2 in PostgreSQL mode (see StoreUrl).
-- ordinal keeps the order of the files, so reading back gives the inventory as written.

CREATE TABLE tenant (
  id         VARCHAR(200)  NOT NULL PRIMARY KEY,
  name       VARCHAR(1000) NOT NULL,
  ordinal    INTEGER       NOT NULL,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE site (
  id         VARCHAR(200)  NOT NULL PRIMARY KEY,
  tenant_id  VARCHAR(200)  NOT NULL REFERENCES tenant (id),
  name       VARCHAR(1000) NOT NULL,
  -- A device id. No foreign key: devices refer to sites, and both are written in one import.
  uplink_id  VARCHAR(200),
  ordinal    INTEGER       NOT NULL,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE device (
  id          VARCHAR(200)  NOT NULL PRIMARY KEY,
  tenant_id   VARCHAR(200)  NOT NULL REFERENCES tenant (id),
  -- The effective site (own, else inherited from the parent); NULL when there is none.
  site_id     VARCHAR(200)  REFERENCES site (id),
  address     VARCHAR(100)  NOT NULL,
  icmp        BOOLEAN       NOT NULL,
  interval_ms BIGINT        NOT NULL,
  -- No foreign key: a parent may be imported in the same transaction, after its child.
  parent_id   VARCHAR(200),
  -- JSON object of label names to values.
  labels      VARCHAR       NOT NULL,
  -- JSON object, NULL when the device is not polled over SNMP. Secrets in their raw form only
  -- (a literal, ${env:NAME} or ${file:/path}); a resolved value is never stored.
  snmp        VARCHAR,
  -- Where the device is defined, e.g. inventory.yaml:12.
  source      VARCHAR(1000) NOT NULL,
  ordinal     INTEGER       NOT NULL,
  updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX device_tenant ON device (tenant_id);
CREATE INDEX device_site ON device (site_id);

CREATE TABLE audit_log (
  id      BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
  actor   VARCHAR(200)  NOT NULL,
  action  VARCHAR(100)  NOT NULL,
  subject VARCHAR(1000),
  detail  VARCHAR,
  -- The client address for changes made over HTTP; NULL for the CLI and the service itself.
  address VARCHAR(100)
);

CREATE INDEX audit_log_at ON audit_log (at);
