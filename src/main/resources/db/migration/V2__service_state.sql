-- Small facts the service keeps about itself across restarts, e.g. when it last stopped (so the
-- scheduler can poll the slots it missed).
CREATE TABLE service_state (
  name       VARCHAR(200)  NOT NULL PRIMARY KEY,
  content    VARCHAR(4000) NOT NULL,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
