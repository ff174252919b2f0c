-- A booking's insert checked a foreign key to organizations besides the one to its service. Each such check takes
-- FOR KEY SHARE on the organization's row, so every concurrent booking of an organization shared one row lock
-- (a multixact per overlapping pair). The service already belongs to exactly one organization: a composite key
-- (organization_id, service_id) to the service implies the organization, and checks (and locks) only the
-- service's row, which the booking references anyway.
--
-- What stays equivalent:
-- * Integrity: a reservation's organization exists because its service's does (reservation_services has its own
--   key to organizations), and now the service must also belong to the same organization, which was not checked.
-- * Deleting a service: still refused while reservations point at it (on delete restrict, answered 409).
-- * Deleting an organization: still deletes its reservations (and through them their allocations and manage
--   tokens). Without a direct key, the cascade to the services would meet the restrict above, so a trigger
--   deletes the organization's reservations first, as the dropped "on delete cascade" did.
-- * Slot locks: keyed to their service instead of the organization, cascading from it; a deleted service no
--   longer leaves its locks behind, and an organization's delete still removes them through its services.
-- * Allocations: the resource is checked with the organization too (composite key), nothing else changes.

alter table reservations
    add constraint reservations_service_fkey foreign key (organization_id, service_id)
        references reservation_services (organization_id, id) on delete restrict;
alter table reservations drop constraint reservations_service_id_fkey;
alter table reservations drop constraint reservations_organization_id_fkey;

create function delete_reservations_of_organization() returns trigger language plpgsql as $$
begin
    delete from reservations where organization_id = old.id;
    return old;
end;
$$;

create trigger organizations_delete_reservations before delete on organizations
    for each row execute function delete_reservations_of_organization();

alter table reservation_slot_locks
    add constraint reservation_slot_locks_service_fkey foreign key (organization_id, service_id)
        references reservation_services (organization_id, id) on delete cascade;
alter table reservation_slot_locks drop constraint reservation_slot_locks_organization_id_fkey;

alter table reservation_allocations
    add constraint reservation_allocations_resource_fkey foreign key (organization_id, resource_id)
        references reservation_resources (organization_id, id) on delete restrict;
alter table reservation_allocations drop constraint reservation_allocations_resource_id_fkey;
