-- Compliance counted per case, as the ombudsman publishes it (docs/statistics.md, "Compliance with recommendations"):
-- one outcome per case with recommendations, falling due with the last of them. The counts per recommendation stay
-- (complied, complied_late, not_complied, compliance_pending) as detail for staff. Working snapshots are computed
-- again; a release frozen before this keeps its figures exactly as published: its per-case columns stay empty (null),
-- which says that its compliance was counted per recommendation.
alter table organisation_figures add column cases_complied integer default 0 not null;
alter table organisation_figures add column cases_complied_late integer default 0 not null;
alter table organisation_figures add column cases_not_complied integer default 0 not null;
alter table organisation_figures add column cases_compliance_pending integer default 0 not null;
alter table release_figures add column cases_complied integer;
alter table release_figures add column cases_complied_late integer;
alter table release_figures add column cases_not_complied integer;
alter table release_figures add column cases_compliance_pending integer;
update statistics_snapshot set stale = true;
