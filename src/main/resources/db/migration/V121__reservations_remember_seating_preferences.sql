-- A guest may ask for an area (seating_preference); the booking succeeds elsewhere when that area is full and
-- remembers whether the preference was met (null when none was given). Deleting an area clears the preference of
-- the bookings that named it but keeps whether it was met: those guests were told where they sit.
alter table reservations
    add column seating_preference     uuid,
    add column seating_preference_met boolean,
    add constraint reservations_seating_preference_fkey foreign key (organization_id, seating_preference)
        references reservation_areas (organization_id, id) on delete set null (seating_preference);
