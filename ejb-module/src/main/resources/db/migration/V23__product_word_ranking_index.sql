-- Search ranks without reading the products it ranks. With V22 a search found its products through the GIN index
-- on product.name_words, then read every matching product row to score and sort it before keeping one page: a
-- word such as "smart" or "umbrella" sits in thousands of names, and reading those rows was the slow tail of
-- search (20 to 30 ms at 100,000 products). product_word holds one row per word of an active product's name with
-- the few product columns that search filters and sorts on, all of them in its primary key index, so a search
-- scores and ranks from the index alone and reads product rows only for the page it shows.

create table product_word (
    word         text          not null,
    product_id   bigint        not null references product (id) on delete cascade,
    category_id  bigint        not null,
    price        numeric(12,2) not null,
    rating_count integer       not null,
    rating_total integer       not null,
    primary key (word, product_id) include (category_id, price, rating_count, rating_total)
);
create index product_word_product_idx on product_word (product_id);

-- Only active products have rows: an inactive product is found by no search.
insert into product_word (word, product_id, category_id, price, rating_count, rating_total)
select distinct w, p.id, p.category_id, p.price, p.rating_count, p.rating_total
from product p, unnest(p.name_words) w
where p.active and w <> '';

-- Kept by statement triggers, so that a bulk insert or update costs one statement, not one per row.
create function product_words_inserted() returns trigger language plpgsql as $$
begin
    insert into product_word (word, product_id, category_id, price, rating_count, rating_total)
    select distinct w, n.id, n.category_id, n.price, n.rating_count, n.rating_total
    from new_products n, unnest(n.name_words) w
    where n.active and w <> '';
    return null;
end
$$;

create function product_words_updated() returns trigger language plpgsql as $$
declare
    changed bigint[];
begin
    -- Products whose searched columns changed; other updates (stock, version, timestamps) touch nothing here.
    select array_agg(n.id) into changed
    from new_products n join old_products o on o.id = n.id
    where (n.name, n.active, n.category_id, n.price, n.rating_count, n.rating_total)
        is distinct from (o.name, o.active, o.category_id, o.price, o.rating_count, o.rating_total);
    if changed is null then
        return null;
    end if;
    delete from product_word where product_id = any(changed);
    insert into product_word (word, product_id, category_id, price, rating_count, rating_total)
    select distinct w, n.id, n.category_id, n.price, n.rating_count, n.rating_total
    from new_products n, unnest(n.name_words) w
    where n.id = any(changed) and n.active and w <> '';
    return null;
end
$$;

create trigger product_words_on_insert
    after insert on product referencing new table as new_products
    for each statement execute function product_words_inserted();

create trigger product_words_on_update
    after update on product referencing old table as old_products new table as new_products
    for each statement execute function product_words_updated();

-- The products whose name starts with what the shopper typed rank higher; this finds them by a range of the
-- lower-cased name (byte order, so the range works with bound values in a prepared statement).
create index product_lower_name_idx on product (lower(name) text_pattern_ops);

-- Search no longer reads product.name_words through an index.
drop index product_name_words_idx;
