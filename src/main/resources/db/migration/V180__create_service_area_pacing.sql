-- Pacing per service and area (issue 17): how fast one area of the floor may take a service's guests, beside the
-- service's own pacing. The composite foreign keys keep the service and the area in one organization; an area's
-- limits go with the area (an area with tables cannot be deleted, so only an empty one loses them).
create table service_area_pacing (
    organization_id   uuid    not null,
    service_id        uuid    not null,
    area_id           uuid    not null,
    interval_minutes  integer check (interval_minutes between 5 and 1440),
    max_covers        integer check (max_covers >= 1),
    max_parties       integer check (max_parties >= 1),
    max_seated_covers integer check (max_seated_covers >= 1),
    primary key (organization_id, service_id, area_id),
    constraint service_area_pacing_service_fkey foreign key (organization_id, service_id)
        references reservation_services (organization_id, id) on delete cascade,
    constraint service_area_pacing_area_fkey foreign key (organization_id, area_id)
        references reservation_areas (organization_id, id) on delete cascade
);

create index service_area_pacing_area_idx on service_area_pacing (organization_id, area_id);
