-- Pacing: how fast a kitchen can take new guests. At most pacing_max_covers guests and/or pacing_max_parties
-- parties may start within each pacing_interval_minutes of the service's local day, and, separately, at most
-- pacing_max_seated_covers guests of the service may be seated at once. All null: no pacing.
alter table reservation_services
    add column pacing_interval_minutes  integer check (pacing_interval_minutes between 5 and 1440),
    add column pacing_max_covers        integer check (pacing_max_covers >= 1),
    add column pacing_max_parties       integer check (pacing_max_parties >= 1),
    add column pacing_max_seated_covers integer check (pacing_max_seated_covers >= 1),
    add constraint reservation_services_pacing_interval check (
        (pacing_max_covers is null and pacing_max_parties is null) = (pacing_interval_minutes is null));
