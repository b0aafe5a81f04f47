-- SNMP traps and informs as events, per device (collect.trap). Unknown sources carry tenant _unknown
-- and the source address as device. Bounded: Leitwarte keeps the newest traps.events.keep_per_device
-- per device (and of all unknown sources together) and none older than traps.events.keep_for.
-- The same SQL runs on PostgreSQL and on H2 in PostgreSQL mode; instants to the millisecond.

CREATE TABLE trap_event (
  id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  received_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  tenant       VARCHAR(200)  NOT NULL,
  site         VARCHAR(200)  NOT NULL,
  device       VARCHAR(200)  NOT NULL,
  known_source BOOLEAN       NOT NULL,
  source       VARCHAR(64)   NOT NULL,
  -- 1, 2c or 3
  version      VARCHAR(4)    NOT NULL,
  -- linkDown, linkUp, coldStart, warmStart, authenticationFailure, egpNeighborLoss or the trap OID
  trap         VARCHAR(300)  NOT NULL,
  trap_oid     VARCHAR(300)  NOT NULL,
  if_index     VARCHAR(20),
  if_name      VARCHAR(200),
  admin_status INTEGER,
  oper_status  INTEGER,
  varbinds     VARCHAR(2000) NOT NULL
);

CREATE INDEX trap_event_device ON trap_event (device, id);
CREATE INDEX trap_event_received ON trap_event (received_at);
CREATE INDEX trap_event_known ON trap_event (known_source, id);
