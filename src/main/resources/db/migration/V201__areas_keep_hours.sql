-- An area (terrace, bar) may keep weekly hours and exceptions of its own: its tables are open only when both they
-- and their area are (docs/scheduling-rules.md §2). A row belongs to one owner: a resource, an area, or neither
-- (the organization). The hours go with a deleted area.
alter table reservation_resource_availability
    add column area_id uuid,
    add constraint reservation_resource_availability_area_fkey foreign key (organization_id, area_id)
        references reservation_areas (organization_id, id) on delete cascade,
    add constraint reservation_resource_availability_one_owner check (resource_id is null or area_id is null),
    drop constraint reservation_resource_availability_no_overlap,
    -- Ids are unique across tables (UUIDv7), so one coalesced key tells the three kinds of owner apart.
    add constraint reservation_resource_availability_no_overlap exclude using gist (
        organization_id with =,
        coalesce(resource_id, area_id, '00000000-0000-0000-0000-000000000000'::uuid) with =,
        reservation_week_span(day_of_week, start_time, end_time) with &&);

create index reservation_resource_availability_area_idx
    on reservation_resource_availability (organization_id, area_id) where area_id is not null;

alter table reservation_resource_exceptions
    add column area_id uuid,
    add constraint reservation_resource_exceptions_area_fkey foreign key (organization_id, area_id)
        references reservation_areas (organization_id, id) on delete cascade,
    add constraint reservation_resource_exceptions_one_owner check (resource_id is null or area_id is null);

create index reservation_resource_exceptions_area_idx
    on reservation_resource_exceptions (organization_id, area_id, date) where area_id is not null;
