-- Orders the backend has not accepted yet: the acceptance requests are sent after the checkout commits, and a
-- timer sends again those of orders still unaccepted a while later (a server that stopped between the two).
-- Nearly every order is accepted within milliseconds, so this index stays tiny.
create index customer_order_unaccepted_idx on customer_order (placed_at) where accepted_at is null;
