-- Long work as jobs in the database. scheduled_tasks is db-scheduler's (its schema for PostgreSQL; the same runs on
-- H2): which node runs which job, with a heartbeat, so that another node takes a job over when the one running it
-- dies. job is what staff see of each: who started it, how far it is, and how it ended. job_running allows one job
-- of a kind per year at a time.

create table scheduled_tasks (
    task_name            varchar(100) not null,
    task_instance        varchar(100) not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean      not null,
    picked_by            varchar(50),
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures int,
    last_heartbeat       timestamp with time zone,
    version              bigint       not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index scheduled_tasks_execution_time on scheduled_tasks (execution_time);
create index scheduled_tasks_last_heartbeat on scheduled_tasks (last_heartbeat);

create table job (
    id             varchar(36)   not null primary key,
    kind           varchar(30)   not null,   -- send-letters
    reporting_year varchar(7)    not null,
    started_by     varchar(200)  not null,
    started_at     timestamp     not null,
    status         varchar(20)   not null,   -- waiting, running, done, failed
    attempts       integer       not null,   -- how many times a node began it: more than one after a node died
    total          integer       not null,   -- letters to go through
    done           integer       not null,
    sent_count     integer       not null,   -- letters sent
    failed_count   integer       not null,   -- could not be sent
    unknown_count  integer       not null,   -- delivery unknown
    skipped_count  integer       not null,   -- left alone: sent before, not approved, no or a bad address
    updated_at     timestamp     not null,
    finished_at    timestamp,
    outcome        varchar(4000)
);
create index job_year on job (reporting_year, started_at);

create table job_running (
    kind           varchar(30) not null,
    reporting_year varchar(7)  not null,
    job_id         varchar(36) not null references job (id),
    primary key (kind, reporting_year)
);
