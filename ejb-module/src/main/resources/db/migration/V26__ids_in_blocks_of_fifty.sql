-- Timeline entries, shipments and outbox commands take their ids from their sequences fifty at a time, instead of
-- one round trip per row: a column default read back with RETURNING for the timeline, and a "select nextval"
-- before each shipment and each command. A frame of a hundred reports wrote its hundred timeline entries and
-- commands one statement each; with the ids known on persist Hibernate sends them as JDBC batches at flush, and
-- a checkout no longer spends round trips on numbers while it holds the lock of the stock row it claimed.
-- OrderStatusChange and Shipment use Hibernate's pooled optimizer (allocationSize 50), which reads each value as
-- the top of a block of fifty; OutboxSeqnums reads it as the start of one, since a command's seqnum must be known
-- before it is persisted (it is inside the encoded item). Either way the ids already taken stay outside every new
-- block, and seqnums and shipids only need to be unique: gaps are harmless.
alter sequence order_status_change_id_seq increment by 50;
alter sequence shipment_id_seq increment by 50;
alter sequence outbox_seqnum_seq increment by 50;
