-- Annual Review letters: each year's template (every version loaded is kept), the notes staff add for one
-- organisation's letter, and every letter written, each version kept with the template and figures it used.

create table letter_template (
    reporting_year varchar(7)   not null,
    version        integer      not null,
    file_name      varchar(260) not null,
    source         text         not null,   -- the template as loaded: settings and Markdown
    loaded_at      timestamp    not null,
    primary key (reporting_year, version)
);

create table letter_note (
    organisation_code varchar(20) not null references organisation (code),
    reporting_year    varchar(7)  not null,
    note              text        not null, -- a paragraph for this organisation's letter ({{ note }})
    primary key (organisation_code, reporting_year)
);

create table letter (
    organisation_code   varchar(20) not null references organisation (code),
    reporting_year      varchar(7)  not null,
    version             integer     not null,
    template_version    integer     not null,
    figures_computed_at timestamp   not null,  -- the snapshot of figures the letter was written from
    figures             text        not null,  -- those figures, as the JSON of stats --format json
    letter_text         text        not null,  -- plain text
    letter_html         text        not null,
    letter_pdf          bytea       not null,
    generated_at        timestamp   not null,
    primary key (organisation_code, reporting_year, version),
    foreign key (reporting_year, template_version) references letter_template (reporting_year, version)
);
