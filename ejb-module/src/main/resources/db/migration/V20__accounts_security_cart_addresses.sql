-- Storefront accounts: login throttling, the administrator, the address book and the saved cart.

-- Throttling: failed attempts since the last success, and when the account may be tried again.
alter table account
    add column failed_login_count  integer     not null default 0,
    add column locked_until        timestamptz,
    add column last_login_at       timestamptz,
    add column password_changed_at timestamptz;

-- Emails are stored in lower case by the application; this keeps it so even for rows written by hand.
alter table account add constraint account_email_lower_case check (email = lower(email));

-- The administrator. Its password comes from configuration at start-up (AccountBootstrap); '!' until then.
insert into account (email, display_name, password_hash, is_admin)
values ('admin@mini-amazon.local', 'Store Administrator', '!', true);

-- A customer's saved delivery destinations: points on the world's grid, with a name the customer chose.
create table saved_destination (
    id          bigserial   primary key,
    account_id  bigint      not null references account (id) on delete cascade,
    label       varchar(60) not null,
    x           integer     not null,
    y           integer     not null,
    created_at  timestamptz not null default now(),
    constraint saved_destination_label_unique unique (account_id, label)
);

-- A logged-in customer's cart, kept between visits; one line per product.
create table cart_line (
    account_id  bigint      not null references account (id) on delete cascade,
    product_id  bigint      not null references product (id) on delete cascade,
    quantity    integer     not null,
    added_at    timestamptz not null default now(),
    primary key (account_id, product_id),
    constraint cart_line_quantity_range check (quantity between 1 and 99)
);
