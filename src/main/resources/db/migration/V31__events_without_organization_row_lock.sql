-- Every booking writes its events in its own transaction, and the foreign keys of events and event_data to
-- organizations made each of those inserts take FOR KEY SHARE on the organization's row: a row lock written to
-- the WAL and, under concurrent bookings of one organization, a multixact shared by all of them. V20 removed
-- the same lock from the reservation's own insert; this removes the last one on the booking path.
--
-- What stays equivalent:
-- * Integrity: events are only written by the outbox, in the transaction of a change to a row of the same
--   organization, whose own keys prove the organization exists.
-- * Deleting an organization still deletes its events and their stored JSON (and, through events, their
--   webhook deliveries): a trigger does it, as the dropped "on delete cascade" did.

alter table events drop constraint events_organization_id_fkey;
alter table event_data drop constraint event_data_organization_id_fkey;

create function delete_events_of_organization() returns trigger language plpgsql as $$
begin
    delete from events where organization_id = old.id;
    delete from event_data where organization_id = old.id;
    return old;
end;
$$;

create trigger organizations_delete_events before delete on organizations
    for each row execute function delete_events_of_organization();
