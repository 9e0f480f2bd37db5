-- Counters that slow down password guessing and the registration form: one row per key (an account, an email or a
-- network address, with a prefix saying which), counted in the database so that every node counts against the same
-- limit and parallel requests cannot pass it. A key's count restarts once its window has passed since the last hit.

create table throttle (
    throttle_key varchar(300) not null primary key,
    hits         integer      not null,
    last_hit_at  timestamp    not null
);
