-- The areas of the floor a booking link lets its guests choose from, in the order the page lists them. An area of
-- another organization cannot be named (the composite foreign key), and an area that is deleted simply drops out
-- of every offer ("on delete cascade"): the link keeps offering the others, and none offered means no choice.
alter table reservation_booking_links
    add constraint reservation_booking_links_organization_id_id_key unique (organization_id, id);

create table booking_link_areas (
    organization_id  uuid    not null,
    booking_link_id  uuid    not null,
    area_id          uuid    not null,
    position         integer not null,
    constraint booking_link_areas_pkey primary key (organization_id, booking_link_id, area_id),
    constraint booking_link_areas_link_fkey foreign key (organization_id, booking_link_id)
        references reservation_booking_links (organization_id, id) on delete cascade,
    constraint booking_link_areas_area_fkey foreign key (organization_id, area_id)
        references reservation_areas (organization_id, id) on delete cascade
);

create index booking_link_areas_area_idx on booking_link_areas (organization_id, area_id);
