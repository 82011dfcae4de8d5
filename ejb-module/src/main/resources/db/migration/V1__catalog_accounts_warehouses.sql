-- The first schema: who sells, what is sold, and where it is stored.
-- Every later change is a new versioned file; this one is never edited once released.

create table account (
    id              bigserial    primary key,
    email           varchar(254) not null,
    display_name    varchar(100) not null,
    -- PBKDF2 hash in the Jakarta Security format; '!' marks an account that cannot log in yet.
    password_hash   varchar(512) not null,
    is_seller       boolean      not null default false,
    is_admin        boolean      not null default false,
    created_at      timestamptz  not null default now(),
    constraint account_email_unique unique (email)
);

create table category (
    id      bigserial   primary key,
    name    varchar(80) not null,
    slug    varchar(80) not null,
    constraint category_name_unique unique (name),
    constraint category_slug_unique unique (slug)
);

-- A product's id is also its id in the world (AProduct.id).
create table product (
    id           bigserial     primary key,
    seller_id    bigint        not null references account (id),
    category_id  bigint        not null references category (id),
    name         varchar(200)  not null,
    description  text          not null,
    price        numeric(12,2) not null,
    active       boolean       not null default true,
    created_at   timestamptz   not null default now(),
    updated_at   timestamptz   not null default now(),
    version      integer       not null default 0,
    constraint product_price_not_negative check (price >= 0)
);
create index product_category_idx on product (category_id);
create index product_seller_idx on product (seller_id);

-- Warehouses are ours; their id is the world's whnum and (x, y) their place on the world's grid.
create table warehouse (
    id    integer     primary key,
    name  varchar(80) not null,
    x     integer     not null,
    y     integer     not null,
    constraint warehouse_name_unique unique (name)
);
