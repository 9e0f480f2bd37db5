-- Enquiries answered late although their deadline had been extended ("in two cases despite that timescale
-- having been extended"): a count the letters name. Snapshots computed before it are recomputed.
alter table organisation_figures add column enquiries_late_after_extension integer default 0 not null;
update statistics_snapshot set stale = true;
