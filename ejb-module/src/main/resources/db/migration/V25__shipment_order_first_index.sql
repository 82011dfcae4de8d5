-- An order's tracking number is its first shipment: "(select min(s.id) from shipment s where s.order_id = o.id)"
-- in the order emails, the order history and the admins' problem list. With an index on order_id alone,
-- PostgreSQL answers min(id) by walking the primary key from the smallest id and filtering on order_id, which
-- reads every older shipment: 14 ms per email at 15,000 shipments, growing with the table, and the database's
-- busiest statement while a backlog of deliveries drained (bench/fulfilment). On (order_id, id) the first
-- shipment of an order is one index entry; the index also serves every lookup by order_id alone.
create index shipment_order_first_idx on shipment (order_id, id);
drop index shipment_order_idx;
