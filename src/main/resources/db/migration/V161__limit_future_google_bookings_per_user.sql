-- A merchant may cap how many future bookings one Google user holds with it (USER_OVER_BOOKING_LIMIT); null: no cap.
alter table google_integrations
    add column max_future_bookings_per_user integer
        check (max_future_bookings_per_user between 1 and 1000);
