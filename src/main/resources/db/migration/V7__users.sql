-- Users who sign in (web UI, API) and their API tokens. The same SQL runs on PostgreSQL 15 and on H2
-- in PostgreSQL mode (see StoreUrl). Users are never deleted, only disabled: the audit log names them.

CREATE TABLE app_user (
  -- Lower-case; for the cooperative's people the same as their person id in oncall.yaml.
  name            VARCHAR(64)   NOT NULL PRIMARY KEY,
  display_name    VARCHAR(200)  NOT NULL,
  email           VARCHAR(320),
  -- admin, staff, oncall, tenant
  role            VARCHAR(20)   NOT NULL,
  -- Only for role tenant. No foreign key: an inventory import replaces the tenants, and must not fail
  -- because of a user; the tenant is checked when the user is added.
  tenant          VARCHAR(200),
  -- Argon2id in the PHC string form: $argon2id$v=19$m=19456,t=2,p=1$salt$hash
  password_hash   VARCHAR(200)  NOT NULL,
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  disabled        BOOLEAN       NOT NULL,
  -- Failed sign-ins in a row; reset by a successful one.
  failed_sign_ins INTEGER       NOT NULL,
  locked_until    TIMESTAMP WITH TIME ZONE,
  CONSTRAINT app_user_tenant CHECK ((role = 'tenant') = (tenant IS NOT NULL))
);

-- API tokens: only the SHA-256 of the token is kept; the token itself is shown once.
CREATE TABLE api_token (
  id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_name    VARCHAR(64)   NOT NULL REFERENCES app_user (name),
  name         VARCHAR(200)  NOT NULL,
  -- Hex of SHA-256 over the token's text (lw_…).
  token_hash   VARCHAR(64)   NOT NULL UNIQUE,
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  last_used_at TIMESTAMP WITH TIME ZONE,
  revoked_at   TIMESTAMP WITH TIME ZONE
);

CREATE INDEX api_token_user ON api_token (user_name);
