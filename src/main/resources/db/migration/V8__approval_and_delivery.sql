-- A letter version approved by staff for sending, and every message sent with it.

create table letter_approval (
    organisation_code varchar(20)  not null,
    reporting_year    varchar(7)   not null,
    version           integer      not null,
    approved_by       varchar(200) not null,
    approved_at       timestamp    not null,
    primary key (organisation_code, reporting_year, version),
    foreign key (organisation_code, reporting_year, version) references letter (organisation_code, reporting_year, version)
);

-- One row per recipient of each message: the chief executive (to), the leader, the chair of scrutiny and each
-- monitoring officer (copies). sending is 1 for the first message of a letter's year, 2… for each resend asked for.
create table delivery (
    organisation_code varchar(20)   not null references organisation (code),
    reporting_year    varchar(7)    not null,
    sending           integer       not null,
    recipient         varchar(254)  not null,
    recipient_role    varchar(30)   not null,   -- ContactRole code
    copy              boolean       not null,
    letter_version    integer       not null,
    message_id        varchar(300)  not null,
    outcome           varchar(20)   not null,   -- sent, or failed (after every retry, or refused for good)
    attempts          integer       not null,
    error             varchar(2000),
    recorded_at       timestamp     not null,
    primary key (organisation_code, reporting_year, sending, recipient)
);
create index delivery_year on delivery (reporting_year, organisation_code);
