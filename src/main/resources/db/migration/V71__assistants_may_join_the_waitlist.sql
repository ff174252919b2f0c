-- A sixth assistant tool: join_waitlist (POST /waitlist-entries), off unless an admin enables it.
alter table ai_assistants drop constraint ai_assistants_tools_known;
alter table ai_assistants add constraint ai_assistants_tools_known check (
    tools <@ array['find_reservations', 'create_reservation', 'update_reservation',
                   'get_reservation_services', 'get_available_slots', 'join_waitlist']::text[]);
