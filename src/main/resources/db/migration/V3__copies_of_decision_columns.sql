-- Recommendations and service improvements keep a copy of their decision's organisation (and, for service
-- improvements, its reporting year), so that a year's figures count them without joining the decisions.
-- The importer fills the copies from the decision and updates them when a decision is imported again.

alter table recommendation add column organisation_code varchar(20);
update recommendation set organisation_code =
    (select d.organisation_code from decision d where d.case_reference = recommendation.case_reference);
alter table recommendation alter column organisation_code set not null;

alter table service_improvement add column organisation_code varchar(20);
alter table service_improvement add column reporting_year varchar(7);
update service_improvement set
    organisation_code = (select d.organisation_code from decision d where d.case_reference = service_improvement.case_reference),
    reporting_year = (select d.reporting_year from decision d where d.case_reference = service_improvement.case_reference);
alter table service_improvement alter column organisation_code set not null;
alter table service_improvement alter column reporting_year set not null;
