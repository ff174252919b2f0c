-- Areas of the floor (dining room, terrace, bar, private room). A resource may stand in one area; a booking may
-- prefer one. The composite foreign key keeps a resource's area in its own organization, and "on delete
-- restrict" keeps an area that resources still stand in (the API answers 409 naming them first).
create table reservation_areas (
    id               uuid primary key,
    organization_id  uuid        not null references organizations (id) on delete cascade,
    name             text        not null check (char_length(name) between 1 and 200),
    description      text        check (char_length(description) <= 5000),
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    constraint reservation_areas_organization_id_id_key unique (organization_id, id)
);

create index reservation_areas_organization_name_idx on reservation_areas (organization_id, name);

alter table reservation_resources
    add column area_id uuid,
    add constraint reservation_resources_area_fkey foreign key (organization_id, area_id)
        references reservation_areas (organization_id, id) on delete restrict;

create index reservation_resources_area_idx on reservation_resources (organization_id, area_id)
    where area_id is not null;
