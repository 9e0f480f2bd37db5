-- A release freezes a year's Complaint Handling Code records with its figures, as it froze its decisions: the provisions'
-- words (a label changed later must not change a published page), each council's self-assessment, annual report and
-- governance response as found, and the failure notices of the year. Releases made before this migration get the records
-- as they stand now (none were published for 2026-27, the Code's first year, before it).
create table released_code_provision as
    select cast(0 as bigint) as release_id, p.* from code_provision p where 1 = 0;
alter table released_code_provision alter column release_id set not null;
alter table released_code_provision alter column code set not null;
alter table released_code_provision add primary key (release_id, code);

create table released_code_self_assessment as
    select cast(0 as bigint) as release_id, a.* from code_self_assessment a where 1 = 0;
alter table released_code_self_assessment alter column release_id set not null;
alter table released_code_self_assessment alter column organisation_code set not null;
alter table released_code_self_assessment alter column reporting_year set not null;
alter table released_code_self_assessment add primary key (release_id, organisation_code);

create table released_code_failure_notice as
    select cast(0 as bigint) as release_id, n.* from code_failure_notice n where 1 = 0;
alter table released_code_failure_notice alter column release_id set not null;
alter table released_code_failure_notice alter column organisation_code set not null;
alter table released_code_failure_notice alter column issued_on set not null;
alter table released_code_failure_notice add primary key (release_id, organisation_code, issued_on);

insert into released_code_provision select r.id, p.* from publication_release r cross join code_provision p;
insert into released_code_self_assessment select r.id, a.* from publication_release r join code_self_assessment a
    on a.reporting_year = r.reporting_year;
insert into released_code_failure_notice select r.id, n.* from publication_release r join code_failure_notice n
    on n.reporting_year = r.reporting_year;
