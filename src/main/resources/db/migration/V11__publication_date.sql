-- The day each reporting year's figures and letters go public (from 00:00 UK time). Its own table, set by
-- administrators (or the operator at the command line); templates keep only the wording. Dates that templates
-- set before this table existed are carried into it by the Java migration 11.1 (letters/PublicationDatesFromTemplates).

create table publication_date (
    reporting_year  varchar(7)   not null primary key,
    publication_day date         not null,
    set_by          varchar(200) not null,
    set_at          timestamp    not null
);
