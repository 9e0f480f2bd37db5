-- Each message of a letter (a council, a year, a sending), claimed by the run that sends it before it goes to the
-- mail server: the primary key lets one run only have a sending, so two commands, two clicks or two servers never send
-- one message twice. state: claimed (being sent), then sent, failed (refused for good, or every transient failure
-- tried), or unknown (the connection was lost or timed out after the end of the message: it may have been stored).
-- A claim left without an outcome for long is shown as unknown too: the run that made it stopped.
create table letter_message (
    organisation_code varchar(20)   not null references organisation (code),
    reporting_year    varchar(7)    not null,
    sending           integer       not null,
    letter_version    integer       not null,
    message_id        varchar(300)  not null,
    state             varchar(20)   not null,   -- claimed, sent, failed or unknown
    claimed_by        varchar(200)  not null,   -- process id and host of the run
    claimed_at        timestamp     not null,
    attempts          integer       not null,
    error             varchar(2000),
    finished_at       timestamp,
    primary key (organisation_code, reporting_year, sending)
);

-- The messages recorded before claims: one per sending, with the outcome its recipients were recorded with.
insert into letter_message (organisation_code, reporting_year, sending, letter_version, message_id, state, claimed_by, claimed_at,
                            attempts, error, finished_at)
select organisation_code, reporting_year, sending, max(letter_version), max(message_id), max(outcome), 'before claims',
       min(recorded_at), max(attempts), max(error), max(recorded_at)
from delivery
group by organisation_code, reporting_year, sending;

-- Every recipient row belongs to a claimed message; its outcome follows the message's state (claimed until known).
alter table delivery add constraint delivery_of_message foreign key (organisation_code, reporting_year, sending)
    references letter_message (organisation_code, reporting_year, sending);
