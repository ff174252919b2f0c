package io.reserva.support;

import org.springframework.jdbc.core.simple.JdbcClient;

/** What the database says about double bookings, independent of the application's own view. */
public final class AllocationAudit {

    private AllocationAudit() {}

    /** Pairs of allocations that hold one unit of one resource over overlapping intervals: must be zero. */
    public static long overlappingAllocations(JdbcClient jdbc) {
        return jdbc.sql("""
                        select count(*) from reservation_allocations a join reservation_allocations b
                          on a.organization_id = b.organization_id and a.resource_id = b.resource_id
                         and a.unit_index = b.unit_index and a.reservation_id < b.reservation_id
                         and a.occupied && b.occupied
                        """).query(Long.class).single();
    }
}
