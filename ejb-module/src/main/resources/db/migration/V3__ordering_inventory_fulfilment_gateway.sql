-- Orders, stock, shipments, and the gateway's durable record of what was said to the world and to UPS.

-- Inventory ----------------------------------------------------------------------------------------------------
create table warehouse_stock (
    warehouse_id  integer not null references warehouse (id),
    product_id    bigint  not null references product (id),
    -- Units in the world's warehouse that no shipment has claimed.
    available     integer not null default 0,
    -- Units bought from the world (APurchaseMore) that have not arrived yet.
    on_order      integer not null default 0,
    primary key (warehouse_id, product_id),
    constraint warehouse_stock_available_not_negative check (available >= 0),
    constraint warehouse_stock_on_order_not_negative check (on_order >= 0)
);

-- Ordering -----------------------------------------------------------------------------------------------------
create table customer_order (
    id                     bigserial     primary key,
    customer_id            bigint        not null references account (id),
    -- Chosen by the checkout page; a resubmitted or double-clicked checkout finds the order it already made.
    idempotency_key        uuid          not null,
    status                 varchar(16)   not null,
    destination_x          integer       not null,
    destination_y          integer       not null,
    -- A destination change asked of UPS and not yet answered.
    requested_destination_x integer,
    requested_destination_y integer,
    ups_account            varchar(64),
    total                  numeric(12,2) not null,
    placed_at              timestamptz   not null,
    status_changed_at      timestamptz   not null,
    -- When the backend confirmed the purchase over JMS.
    accepted_at            timestamptz,
    -- Why an administrator should look at this order (error from a peer, stuck too long); null when fine.
    problem                varchar(500),
    version                integer       not null default 0,
    constraint customer_order_idempotency_unique unique (customer_id, idempotency_key),
    constraint customer_order_status_known check (status in
        ('PLACED', 'PACKING', 'PACKED', 'LOADING', 'LOADED', 'DELIVERING', 'DELIVERED', 'FAILED', 'CANCELLED'))
);
create index customer_order_customer_idx on customer_order (customer_id, placed_at desc);
create index customer_order_open_idx on customer_order (status, status_changed_at)
    where status not in ('DELIVERED', 'FAILED', 'CANCELLED');

create table order_line (
    id            bigserial     primary key,
    order_id      bigint        not null references customer_order (id),
    line_number   integer       not null,
    product_id    bigint        not null references product (id),
    -- What the customer bought, as it was named and priced at that moment.
    product_name  varchar(200)  not null,
    unit_price    numeric(12,2) not null,
    quantity      integer       not null,
    constraint order_line_quantity_positive check (quantity > 0),
    constraint order_line_number_unique unique (order_id, line_number)
);
create index order_line_product_idx on order_line (product_id);

-- The customer's timeline: one row per state the order entered.
create table order_status_change (
    id          bigserial    primary key,
    order_id    bigint       not null references customer_order (id),
    status      varchar(16)  not null,
    note        varchar(500),
    changed_at  timestamptz  not null
);
create index order_status_change_order_idx on order_status_change (order_id, id);

-- Fulfilment ---------------------------------------------------------------------------------------------------
-- A shipment's id is the world's package id (shipid) and the customer's tracking number.
create sequence shipment_id_seq start with 1001;

create table shipment (
    id              bigint       primary key,
    order_id        bigint       not null references customer_order (id),
    warehouse_id    integer      not null references warehouse (id),
    -- Every line's units are taken from the warehouse's stock; until then the shipment waits for purchases.
    stock_claimed   boolean      not null default false,
    pack_requested  boolean      not null default false,
    packed          boolean      not null default false,
    truck_id        integer,
    truck_arrived   boolean      not null default false,
    load_requested  boolean      not null default false,
    loaded          boolean      not null default false,
    created_at      timestamptz  not null,
    version         integer      not null default 0
);
create index shipment_order_idx on shipment (order_id);
create index shipment_waiting_for_stock_idx on shipment (warehouse_id, id) where not stock_claimed;

create table shipment_line (
    shipment_id  bigint   not null references shipment (id),
    product_id   bigint   not null references product (id),
    quantity     integer  not null,
    claimed      boolean  not null default false,
    primary key (shipment_id, product_id),
    constraint shipment_line_quantity_positive check (quantity > 0)
);

-- Gateway ------------------------------------------------------------------------------------------------------
-- What the store knows of the world it shares with UPS.
create table world_session (
    id                 integer      primary key,
    world_id           bigint,
    world_id_learned_at timestamptz,
    -- The world in which the warehouses were first stocked; a new world is stocked again.
    stocked_world_id   bigint,
    constraint world_session_single_row check (id = 1)
);
insert into world_session (id) values (1);

-- Every command to the world or UPS is a row before it is a frame; its seqnum comes from this sequence.
create sequence outbox_seqnum_seq start with 1;

create table outbox_message (
    seqnum        bigint       primary key,
    peer          varchar(8)   not null,
    kind          varchar(32)  not null,
    -- The protobuf item, with its seqnum, exactly as it is sent.
    payload       bytea        not null,
    shipment_id   bigint,
    created_at    timestamptz  not null,
    send_count    integer      not null default 0,
    last_sent_at  timestamptz,
    next_send_at  timestamptz  not null,
    acked_at      timestamptz,
    -- The peer's error answer to this command, if it gave one.
    error         varchar(500),
    constraint outbox_message_peer_known check (peer in ('WORLD', 'UPS'))
);
create index outbox_message_due_idx on outbox_message (peer, next_send_at) where acked_at is null;
create index outbox_message_shipment_idx on outbox_message (shipment_id);

-- Every item received from the world or UPS, recorded in the same transaction as its effect: a repeated item
-- finds its row and is acknowledged again without being applied twice.
create table inbound_message (
    peer         varchar(8)   not null,
    world_id     bigint       not null,
    seqnum       bigint       not null,
    kind         varchar(32)  not null,
    shipment_id  bigint,
    received_at  timestamptz  not null,
    outcome      varchar(16)  not null,
    detail       varchar(500),
    primary key (peer, world_id, seqnum)
);
create index inbound_message_shipment_idx on inbound_message (shipment_id);

-- UPS accounts customers linked at checkout, as UPS last answered about them.
create table ups_account (
    name        varchar(64)  primary key,
    known       boolean      not null,
    checked_at  timestamptz  not null
);
