/**
 * The waitlist: parties queueing at the door with an honest quoted wait, and guests waiting for a start on a
 * later day who are offered one when it frees up. Seating an entry or accepting an offer books through the
 * reservations module, so the allocation constraint still has the final word.
 */
@org.springframework.modulith.ApplicationModule
package io.reserva.waitlist;
