-- The register of bodies and every decision the ombudsman made about them.
-- One migration set for H2 and PostgreSQL: standard SQL only.
-- The *_year columns repeat, as '2023-24', the reporting year a date falls in. The importer derives them from the
-- dates (never read from files), so that a year's figures are one grouped pass over an index instead of a date
-- range per year (docs/decisions/003-stored-reporting-years.md).

create table organisation (
    code          varchar(20)  not null primary key,   -- ONS GSS code for councils, the scheme's own code otherwise
    name          varchar(200) not null,
    short_name    varchar(120),
    kind          varchar(40)  not null,               -- OrganisationKind code, e.g. metropolitan-borough
    parent_code   varchar(20),                         -- the county a district sits in
    region        varchar(60),
    started_on    date,                                -- first day it existed (null: before records began)
    ended_on      date,                                -- last day it existed (null: still exists)
    replaced_by   varchar(200),                        -- codes of its successors, space separated
    latitude      decimal(9, 5),
    longitude     decimal(9, 5)
);

create table population (
    organisation_code varchar(20) not null references organisation (code),
    mid_year          integer     not null,            -- ONS mid-year estimate: residents on 30 June of this year
    residents         integer     not null,
    primary key (organisation_code, mid_year)
);

create table contact (
    organisation_code varchar(20)  not null references organisation (code),
    role              varchar(30)  not null,           -- ContactRole code
    email             varchar(254) not null,
    title             varchar(30),
    given_name        varchar(100),
    surname           varchar(100),
    job_title         varchar(200),
    salutation        varchar(200),
    primary key (organisation_code, role, email)
);

create table decision (
    case_reference                  varchar(30)   not null primary key,
    organisation_code               varchar(20)   not null references organisation (code),
    service_area                    varchar(40)   not null,  -- ServiceArea code
    received_on                     date          not null,
    decided_on                      date          not null,
    reporting_year                  varchar(7)    not null,  -- derived at import: the year decided_on falls in (2023-24)
    outcome                         varchar(40)   not null,  -- Outcome code
    detailed_investigation          boolean       not null,
    satisfactory_remedy             boolean       not null,
    public_report_on                date,
    public_report_year              varchar(7),              -- derived at import: the year public_report_on falls in
    public_report_title             varchar(300),
    complaint_handling_code_finding varchar(2000)
);
create index decision_year on decision (reporting_year, organisation_code);
create index decision_public_report_year on decision (public_report_year);

create table recommendation (
    case_reference         varchar(30)   not null references decision (case_reference),
    number                 integer       not null,
    recommended            varchar(2000) not null,
    due_on                 date          not null,
    due_year               varchar(7)    not null,        -- derived at import: the year due_on falls in
    compliance_outcome     varchar(20)   not null,        -- ComplianceOutcome code
    compliance_recorded_on date,
    primary key (case_reference, number)
);
create index recommendation_due_year on recommendation (due_year);

create table service_improvement (
    case_reference varchar(30)   not null references decision (case_reference),
    number         integer       not null,
    improvement    varchar(2000) not null,
    status         varchar(20)   not null,                -- ImprovementStatus code
    primary key (case_reference, number)
);

-- Enquiries are sent during an investigation, often before there is a decision: keyed by case, not decision.
create table enquiry (
    case_reference    varchar(30) not null,
    number            integer     not null,
    organisation_code varchar(20) not null references organisation (code),
    sent_on           date        not null,
    sent_year         varchar(7)  not null,               -- derived at import: the year sent_on falls in
    due_on            date        not null,
    extended_to       date,
    deadline_year     varchar(7)  not null,               -- derived at import: the year the deadline (extended, if so) falls in
    answered_on       date,
    complete          boolean,
    primary key (case_reference, number)
);
create index enquiry_sent_year on enquiry (sent_year);

create table training_course (
    organisation_code varchar(20)  not null references organisation (code),
    course            varchar(200) not null,
    delivered_on      date         not null,
    reporting_year    varchar(7)   not null,              -- derived at import: the year delivered_on falls in
    attendees         integer      not null,
    primary key (organisation_code, course, delivered_on)
);

create table training_total (
    reporting_year varchar(7) not null primary key,       -- 2023-24
    workshops      integer    not null,
    people_reached integer    not null
);

-- Marks a database as holding synthetic demo data, so every output can say so.
create table dataset_label (
    label       varchar(40)  not null primary key,
    description varchar(500) not null
);
