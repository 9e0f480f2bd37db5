-- Which mid-year population estimate a reporting year's per-100,000 figures divide by, when staff choose one other than
-- the rule's (the estimate for the middle of the year): the ombudsman has not said which it uses, and its published
-- figures fit different estimates in different years. One row per year at most; none: the rule.
create table population_estimate_chosen (
    reporting_year varchar(7)   not null primary key,
    mid_year       integer      not null,
    chosen_by      varchar(200) not null,
    chosen_at      timestamp    not null,
    reason         varchar(2000) not null
);
