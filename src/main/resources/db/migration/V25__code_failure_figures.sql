-- The share of detailed investigations in which the ombudsman found a Complaint Handling Code failure (a key
-- statistic from 2026-27): the count of such cases per organisation and year, in the snapshot and in releases (a
-- release frozen before has none: null), and the failures a release counted, frozen with it.
alter table organisation_figures add column code_failure_cases integer default 0 not null;
alter table release_figures add column code_failure_cases integer;

create table released_code_failure as
    select cast(0 as bigint) as release_id, cast('' as varchar(7)) as release_year, f.* from code_failure f where 1 = 0;
alter table released_code_failure alter column release_id set not null;
alter table released_code_failure alter column case_reference set not null;
alter table released_code_failure alter column provision set not null;
alter table released_code_failure add primary key (release_id, case_reference, provision);
create index released_code_failure_organisation on released_code_failure (release_id, organisation_code);

update statistics_snapshot set stale = true;
