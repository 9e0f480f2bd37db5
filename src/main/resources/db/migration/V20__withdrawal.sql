-- A published year taken off the public site: its own act, by an administrator, with the reason, never the side
-- effect of a publication date moved (a published year's date is not moved at all). The site shows nothing of a
-- withdrawn year; the row says when, by whom and why.
create table withdrawal (
    reporting_year varchar(7)    not null primary key,
    withdrawn_at   timestamp     not null,
    withdrawn_by   varchar(200)  not null,
    reason         varchar(2000) not null
);
