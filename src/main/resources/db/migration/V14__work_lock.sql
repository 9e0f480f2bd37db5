-- Rows that work done once at a time, whatever the threads and nodes asking, locks (select ... for update) while it
-- runs: computing a year's statistics snapshot is done once, and the others then read what it stored.

create table work_lock (
    name varchar(100) not null primary key
);
insert into work_lock (name) values ('statistics snapshot');
