-- The legacy portal table of docs/legacy-database-contract.md, as the sandbox and the benchmarks create it.
-- Runs unchanged on H2 2.x and PostgreSQL. Idempotent: every statement is IF NOT EXISTS, so running it on a
-- database that already has the table changes nothing (LegacySchema.drop removes it first when asked).
--
-- Only the constraints the contract states are declared (not null, primary key, unique username): rows the
-- linker must skip (unknown algorithm, malformed cmnd/cccd, ...) can still be inserted by tests.
-- The contract wants a unique index on lower(username). H2 has no expression indexes, so usernames are
-- stored lower case (every writer in this package lower-cases them) and the unique index is on the column.
--
-- tax_code, place_of_birth, home_town and permanent_address are among the contract's optional columns. They are in
-- CREATE TABLE, last and in that order, and added by the ALTER TABLEs below to a table created before they were
-- (ADD COLUMN IF NOT EXISTS: H2 2.x and PostgreSQL 9.6+), so both end with the same columns in the same order.

CREATE TABLE IF NOT EXISTS vneid_legacy_account (
    legacy_id           varchar(64)  NOT NULL,
    username            varchar(100) NOT NULL,
    password_hash       varchar(255) NOT NULL,
    password_algorithm  varchar(32)  NOT NULL,
    password_salt       varchar(255),
    password_iterations integer,
    full_name           varchar(200),
    birth_date          date,
    gender              char(1),
    cmnd                char(9),
    cccd                char(12),
    cccd_verified       boolean      DEFAULT FALSE NOT NULL,
    phone               varchar(20),
    email               varchar(254),
    account_type        varchar(16)  NOT NULL,
    is_admin            boolean      DEFAULT FALSE NOT NULL,
    status              varchar(16)  DEFAULT 'ACTIVE' NOT NULL,
    tax_code            varchar(14),
    place_of_birth      varchar(255),
    home_town           varchar(255),
    permanent_address   varchar(255),
    CONSTRAINT vneid_legacy_account_pk PRIMARY KEY (legacy_id)
);

CREATE UNIQUE INDEX IF NOT EXISTS vneid_legacy_account_username_ux ON vneid_legacy_account (username);

CREATE INDEX IF NOT EXISTS vneid_legacy_account_cccd_ix ON vneid_legacy_account (cccd);

CREATE INDEX IF NOT EXISTS vneid_legacy_account_cmnd_ix ON vneid_legacy_account (cmnd);

ALTER TABLE vneid_legacy_account ADD COLUMN IF NOT EXISTS tax_code varchar(14);

CREATE INDEX IF NOT EXISTS vneid_legacy_account_tax_code_ix ON vneid_legacy_account (tax_code);

ALTER TABLE vneid_legacy_account ADD COLUMN IF NOT EXISTS place_of_birth varchar(255);

ALTER TABLE vneid_legacy_account ADD COLUMN IF NOT EXISTS home_town varchar(255);

ALTER TABLE vneid_legacy_account ADD COLUMN IF NOT EXISTS permanent_address varchar(255);
