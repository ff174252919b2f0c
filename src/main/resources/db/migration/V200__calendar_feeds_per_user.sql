-- A calendar feed per staff user (issue 13 §5): the bookings of every person resource that names the user
-- (reservation_resources.user_id), looked up when the feed is read, so a person added or unlinked later counts.
alter table calendar_feeds
    add column user_id uuid references users (id) on delete cascade,
    add constraint calendar_feeds_one_scope check (resource_id is null or user_id is null);
