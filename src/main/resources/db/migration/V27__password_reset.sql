-- One-time links to set a new password, emailed to an account's address at an administrator's request. Only the
-- SHA-256 of the link's random token is kept, so the table alone opens no account. A link works once (used_at, set by
-- the one UPDATE that finds it unused), until it expires, and not once a newer link replaced it.

create table password_reset (
    token_sha256 char(64)     not null primary key,
    username     varchar(200) not null references account (username),
    requested_by varchar(200) not null,
    requested_at timestamp    not null,
    expires_at   timestamp    not null,
    used_at      timestamp,
    replaced_at  timestamp
);
create index password_reset_username on password_reset (username);
