-- What occupies a window was found through a btree on (organization_id, occupied_from, occupied_until): the
-- range condition "occupied_from < window end" bounds only one side, so each booking scanned every earlier
-- reservation of the organization, and grew slower with its history. A GiST index on the occupied range
-- answers "overlaps this window" directly.
create index reservations_organization_occupied_range_idx on reservations
    using gist (organization_id, tstzrange(occupied_from, occupied_until, '[)'))
    where status in ('held', 'pending', 'confirmed', 'seated', 'completed');

drop index reservations_organization_occupied_idx;
