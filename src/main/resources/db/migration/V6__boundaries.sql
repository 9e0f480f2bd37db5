-- Council boundary shapes loaded by an administrator (import-boundaries), replacing the shipped 2023 shapes on the
-- site's map. One row per council; the geometry is the GeoJSON geometry object as text.
create table boundary (
    code      varchar(20)  not null primary key,
    name      varchar(200) not null,
    layer     varchar(10)  not null,   -- ltla (districts, unitaries, boroughs) or cty (counties)
    geometry  text         not null,
    loaded_at timestamp    not null
);
