-- One row per sold car: the original's nested document, flattened into typed columns.
-- The primary key is the original's unique index on serialNumber.
create table cars (
    serial_number               bigint       not null primary key check (serial_number between 0 and 4294967295),
    owner_name                  varchar(255) not null,
    model_year                  bigint       not null,
    code                        varchar(255) not null,
    vehicle_code                varchar(255) not null,
    engine_capacity             integer      not null,
    engine_num_cylinders        smallint     not null,
    engine_max_rpm              integer      not null,
    engine_manufacturer_code    varchar(1)   not null,
    fuel_speed                  integer      not null,
    fuel_mpg                    double precision not null,
    fuel_usage_description      varchar(255) not null,
    performance_octane_rating   integer      not null,
    acceleration_mph            integer      not null,
    acceleration_seconds        double precision not null,
    manufacturer                varchar(255) not null,
    model                       varchar(255) not null,
    activation_code             varchar(255) not null
);
