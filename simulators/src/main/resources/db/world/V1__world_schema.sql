-- The world simulator's state: everything a client that reconnects with its worldid needs to resume,
-- including pending timed events (kept as due times on the rows they concern) and un-acked responses.

create sequence world_id_seq;

create table world (
    id          bigint primary key,
    simspeed    integer not null,
    next_seqnum bigint  not null,
    created_at  timestamptz not null default now()
);

create table warehouse (
    world_id bigint  not null references world (id),
    id       integer not null,
    x        integer not null,
    y        integer not null,
    primary key (world_id, id)
);

create table product (
    world_id    bigint not null references world (id),
    id          bigint not null,
    description text   not null,
    primary key (world_id, id)
);

create table stock (
    world_id     bigint  not null,
    warehouse_id integer not null,
    product_id   bigint  not null,
    count        integer not null,
    primary key (world_id, warehouse_id, product_id)
);

-- A purchase on its way; the row goes when it arrives.
create table purchase (
    world_id     bigint  not null references world (id),
    id           bigint  not null,
    warehouse_id integer not null,
    things       bytea   not null,  -- the APurchaseMore as received (its seqnum is the client's)
    arrive_at    bigint  not null,  -- epoch ms
    primary key (world_id, id)
);

create table truck (
    world_id      bigint  not null references world (id),
    id            integer not null,
    init_x        integer not null,
    init_y        integer not null,
    status        text    not null,
    from_x        integer not null,  -- position at departure (or where it stands)
    from_y        integer not null,
    to_x          integer not null,  -- where it is heading (equals from_* when standing)
    to_y          integer not null,
    depart_at     bigint  not null,
    arrive_at     bigint  not null,
    at_warehouse  integer,           -- the warehouse it stands at, if any
    target_warehouse integer,        -- the warehouse it is sent to, if any
    delivering    boolean not null,  -- told to deliver its route
    route         bigint[] not null, -- package ids still to deliver, in order
    primary key (world_id, id)
);

create table package (
    world_id     bigint  not null references world (id),
    id           bigint  not null,
    warehouse_id integer not null,
    things       bytea   not null,  -- the APack as received
    status       text    not null,
    truck_id     integer,
    dest_x       integer,
    dest_y       integer,
    ready_at     bigint  not null,  -- epoch ms when packing or loading ends
    primary key (world_id, id)
);

-- Command seqnums already applied, per world and side ('A' or 'U'): duplicates are acked, not applied again.
create table seen_command (
    world_id bigint not null,
    side     char(1) not null,
    seqnum   bigint not null,
    primary key (world_id, side, seqnum)
);

-- Response items not yet acked by their side; resent until they are.
create table outbound_item (
    world_id bigint   not null,
    seqnum   bigint   not null,
    side     char(1)  not null,
    kind     smallint not null,
    payload  bytea    not null,
    primary key (world_id, seqnum)
);

-- One row per event, so that tests and people can follow a package.
create table world_event (
    id           bigserial primary key,
    world_id     bigint  not null,
    kind         text    not null,
    package_id   bigint,
    truck_id     integer,
    warehouse_id integer,
    x            integer,
    y            integer,
    at           timestamptz not null default now()
);
create index world_event_package on world_event (world_id, package_id);
