-- Jobs go council by council. Each council's letter a job has gone through (kept in the archive by a writing job,
-- sent or left alone by a sending job) is an item of the job, so that a node taking the job over after another died
-- leaves those out and counts on: nothing is done twice. new_versions and same_versions count a writing job's letters
-- that said something new (a new version, to approve again) and those that said what their latest version says.
create table job_item (
    job_id  varchar(36)  not null references job (id),
    item    varchar(100) not null,   -- the organisation's code
    outcome varchar(20)  not null,   -- writing: new or same; sending: sent, failed, unknown or skipped
    done_at timestamp    not null,
    primary key (job_id, item)
);

alter table job add column new_versions integer default 0 not null;
alter table job add column same_versions integer default 0 not null;
