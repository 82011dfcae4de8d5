-- The UPS simulator's state: its world, trucks and shipments, seqnums seen on both of its connections, items
-- not yet acked (to resend after a restart) and an event log.

create table ups_state (
    id          integer primary key check (id = 1),
    world_id    bigint,
    next_seqnum bigint not null
);

create table ups_truck (
    id           integer primary key,
    init_x       integer not null,
    init_y       integer not null,
    x            integer not null,
    y            integer not null,
    status       text    not null,  -- IDLE, TO_WAREHOUSE, AT_WAREHOUSE, DELIVERING
    warehouse_id integer            -- the warehouse it heads to or stands at
);

create table shipment (
    shipid       bigint  primary key,
    warehouse_id integer not null,
    wh_x         integer not null,
    wh_y         integer not null,
    dest_x       integer not null,
    dest_y       integer not null,
    ups_account  text,
    request      bytea   not null,  -- the AURequestPickup as received
    truck_id     integer,
    status       text    not null,  -- WAITING, TRUCK_ASSIGNED, TRUCK_ARRIVED, LOADED, OUT_FOR_DELIVERY, DELIVERED
    requested_at timestamptz not null default now()
);
create index shipment_truck on shipment (truck_id) where status <> 'DELIVERED';

-- Item seqnums already applied, per connection: 'A' from Amazon, 'W' from the world.
create table seen_item (
    channel char(1) not null,
    seqnum  bigint  not null,
    primary key (channel, seqnum)
);

-- Items sent and not yet acked, per connection: 'A' to Amazon, 'W' to the world.
create table outbound_item (
    channel char(1)  not null,
    seqnum  bigint   not null,
    kind    smallint not null,
    payload bytea    not null,
    primary key (channel, seqnum)
);

create table ups_event (
    id           bigserial primary key,
    kind         text not null,
    shipid       bigint,
    truck_id     integer,
    warehouse_id integer,
    x            integer,
    y            integer,
    at           timestamptz not null default now()
);
create index ups_event_shipid on ups_event (shipid);
