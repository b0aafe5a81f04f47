-- Acknowledge links work once: the nonce of a used link is kept (until the link would have expired
-- anyway, see UsedLinks), so a second click, or a mail scanner replaying it, changes nothing.
CREATE TABLE acknowledge_link_use (
  nonce       VARCHAR(64)  NOT NULL PRIMARY KEY,
  incident_id BIGINT       NOT NULL,
  person      VARCHAR(200) NOT NULL,
  used_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX acknowledge_link_use_expires ON acknowledge_link_use (expires_at);
