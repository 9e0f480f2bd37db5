-- Writing a year's letters as a job. Each council's letter the job has kept in the archive is an item of the job,
-- so that a node taking the job over after another died leaves those out and writes only the rest: nothing is
-- written twice. new_versions and same_versions count the letters that said something new (a new version, to
-- approve again) and those that said what their latest version says.
create table job_item (
    job_id  varchar(36)  not null references job (id),
    item    varchar(100) not null,   -- the organisation's code
    outcome varchar(20)  not null,   -- new or same
    done_at timestamp    not null,
    primary key (job_id, item)
);

alter table job add column new_versions integer default 0 not null;
alter table job add column same_versions integer default 0 not null;
