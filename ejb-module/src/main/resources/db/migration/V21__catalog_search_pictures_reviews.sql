-- Storefront catalog: typo-tolerant search, product pictures, reviews and ratings.

-- Trigram matching ("labtop" finds "Laptop"); the index serves both word similarity (<%) and ILIKE '%x%'.
create extension if not exists pg_trgm;
create index product_name_trgm_idx on product using gin (lower(name) gin_trgm_ops);
create index product_active_price_idx on product (price) where active;

-- Ratings kept on the product so lists and rankings need no aggregation; ReviewService keeps them in step.
alter table product
    add column rating_count integer not null default 0,
    add column rating_total integer not null default 0;

-- One picture per product, uploaded by its seller; checked for type and size before it gets here.
create table product_picture (
    product_id    bigint      primary key references product (id) on delete cascade,
    content_type  varchar(40) not null,
    content       bytea       not null,
    updated_at    timestamptz not null default now(),
    constraint product_picture_type check (content_type in ('image/png', 'image/jpeg', 'image/webp')),
    constraint product_picture_size check (octet_length(content) <= 2097152)
);

-- A customer's review of a product they received; one per customer and product.
create table product_review (
    id          bigserial    primary key,
    product_id  bigint       not null references product (id) on delete cascade,
    author_id   bigint       not null references account (id) on delete cascade,
    rating      smallint     not null,
    title       varchar(120) not null,
    body        text         not null,
    created_at  timestamptz  not null default now(),
    constraint product_review_rating_range check (rating between 1 and 5),
    constraint product_review_once unique (product_id, author_id)
);
create index product_review_product_idx on product_review (product_id, created_at desc);
