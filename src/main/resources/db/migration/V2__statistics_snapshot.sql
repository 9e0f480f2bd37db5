-- One stored snapshot of figures per reporting year: the CLI, the letters and the site read these rows.
-- Only counts are stored; rates and averages are calculated from them the same way everywhere.

create table statistics_snapshot (
    reporting_year varchar(7) not null primary key,
    computed_at    timestamp  not null,
    stale          boolean    not null                    -- set when records of the year changed since
);

create table organisation_figures (
    reporting_year          varchar(7)  not null references statistics_snapshot (reporting_year) on delete cascade,
    organisation_code       varchar(20) not null,
    kind                    varchar(40) not null,
    residents               integer,
    population_mid_year     integer,
    decisions               integer     not null,
    not_for_us              integer     not null,
    assessed_and_closed     integer     not null,
    investigated            integer     not null,
    upheld                  integer     not null,
    satisfactory_remedies   integer     not null,
    public_reports          integer     not null,
    service_improvements    integer     not null,
    complied                integer     not null,
    complied_late           integer     not null,
    not_complied            integer     not null,
    compliance_pending      integer     not null,
    enquiries               integer     not null,
    enquiries_late          integer     not null,
    enquiries_extended      integer     not null,
    enquiries_incomplete    integer     not null,
    training_courses        integer     not null,
    training_attendees      integer     not null,
    -- decisions of the year by outcome (Outcome codes, - as _)
    outcome_upheld                                integer not null,
    outcome_not_upheld                            integer not null,
    outcome_closed_after_initial_enquiries        integer not null,
    outcome_advice_given                          integer not null,
    outcome_incomplete_or_invalid                 integer not null,
    outcome_referred_back_for_local_resolution    integer not null,
    -- and by service area (ServiceArea codes, - as _)
    area_adult_care_services                      integer not null,
    area_benefits_and_tax                         integer not null,
    area_corporate_and_other_services             integer not null,
    area_education_and_childrens_services         integer not null,
    area_environmental_services                   integer not null,
    area_highways_and_transport                   integer not null,
    area_housing                                  integer not null,
    area_planning_and_development                 integer not null,
    area_other                                    integer not null,
    primary key (reporting_year, organisation_code)
);
