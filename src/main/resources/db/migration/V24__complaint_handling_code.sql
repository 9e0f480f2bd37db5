-- The ombudsman's Complaint Handling Code, considered in its casework from April 2026 (docs/formats.md, "Complaint
-- Handling Code"). The provisions a finding can name are data, not code: a vocabulary the ombudsman extends by import.
-- The five below are the common ones, in our words.
create table code_provision (
    code        varchar(60)   not null primary key,
    label       varchar(300)  not null,
    description varchar(2000)
);
insert into code_provision (code, label, description) values
    ('acknowledgement-late', 'Complaint not acknowledged within 5 working days',
     'The council took longer than five working days to acknowledge the complaint.'),
    ('stage-1-late', 'Stage 1 answer later than 10 working days (20 if extended)',
     'The council''s first answer came after ten working days, or after twenty where it had extended the time and said why.'),
    ('stage-2-late', 'Stage 2 answer later than 20 working days',
     'The council''s final answer came after twenty working days from the request to escalate.'),
    ('stage-2-not-offered', 'No stage 2 offered',
     'The council did not let the complainant take the complaint to its second stage.'),
    ('not-signposted', 'Not told of the right to come to the Ombudsman',
     'The council''s final answer did not tell the complainant they could bring the complaint to the Ombudsman.');

-- A failure the ombudsman found in a decision's case, one row per provision; the decision's organisation and reporting
-- year are copied at import, as for service improvements, so that figures need no join.
create table code_failure (
    case_reference    varchar(30) not null references decision (case_reference),
    provision         varchar(60) not null references code_provision (code),
    organisation_code varchar(20) not null,
    reporting_year    varchar(7)  not null,
    primary key (case_reference, provision)
);
create index code_failure_year on code_failure (reporting_year, organisation_code);

-- Each council's year under the Code: its self-assessment, its annual complaints performance and service improvement
-- report, and its governance body's response to that report, each found or not, with its date and address.
create table code_self_assessment (
    organisation_code          varchar(20)  not null references organisation (code),
    reporting_year             varchar(7)   not null,
    self_assessment_found      boolean      not null,
    self_assessment_on         date,
    self_assessment_address    varchar(500),
    annual_report_found        boolean      not null,
    annual_report_on           date,
    annual_report_address      varchar(500),
    governance_response_found  boolean      not null,
    governance_response_on     date,
    primary key (organisation_code, reporting_year)
);

-- A Complaint Handling Code failure notice the ombudsman issued to a council.
create table code_failure_notice (
    organisation_code varchar(20)   not null references organisation (code),
    issued_on         date          not null,
    reporting_year    varchar(7)    not null,
    reason            varchar(2000) not null,
    primary key (organisation_code, issued_on)
);
