-- Who may sign in to the workspace: the ombudsman's administrators and analysts, and council users, each tied
-- to one organisation. Passwords are kept only as hashes ({bcrypt}…).

create table account (
    username          varchar(200) not null primary key,   -- an email address, lower case
    display_name      varchar(200) not null,
    password_hash     varchar(200) not null,
    role              varchar(20)  not null,               -- Role code: administrator, analyst, council
    organisation_code varchar(20)  references organisation (code),
    enabled           boolean      not null,
    created_at        timestamp    not null,
    constraint account_council_has_organisation check ((role = 'council') = (organisation_code is not null))
);
