-- Live streams (GET /events/stream) and their resume need an order in which no event can appear behind a
-- reader's cursor after the reader has passed it. Event ids (UUID v7, made by the application before the insert)
-- and created_at do not give one: two transactions may commit in the opposite order of their ids. Each event now
-- records the id of the transaction that wrote it (xid8, 64 bits, never wraps). A reader only takes events whose
-- transaction id is below the oldest transaction still running (pg_snapshot_xmin of its snapshot): every such
-- transaction has ended, so nothing can be added below that point any more, and (xid, id) is a cursor that never
-- skips a late commit.
--
-- Existing rows read as transaction 0 (a constant default, so the table is not rewritten); the default for new
-- rows is then the writing transaction's id.
alter table events add column xid xid8 not null default '0';
alter table events alter column xid set default pg_current_xact_id();

-- The node's fan-out reads the organizations with open streams after its cursor, and a resume reads one
-- organization's events after the client's last one: both are ranges of this index.
create index events_organization_xid_idx on events (organization_id, xid, id);
