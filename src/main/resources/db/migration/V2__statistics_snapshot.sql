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
    primary key (reporting_year, organisation_code)
);

create table organisation_figures_breakdown (
    reporting_year    varchar(7)  not null references statistics_snapshot (reporting_year) on delete cascade,
    organisation_code varchar(20) not null,
    dimension         varchar(20) not null,               -- outcome | service-area
    category          varchar(40) not null,               -- Outcome or ServiceArea code
    decisions         integer     not null,
    primary key (reporting_year, organisation_code, dimension, category)
);
