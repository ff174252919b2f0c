package io.reserva.reservations;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;

import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;

/** Which failures of an allocation write mean "a concurrent booking got there first": plan again. */
class AllocationsTests {

    final ReservationRepository repository = mock(ReservationRepository.class);
    final Allocations allocations = new Allocations(repository);

    @Test
    void anExclusionViolationIsALostRace() {
        failWith(new DataIntegrityViolationException("overlap", new SQLException("conflicting key", "23P01")));

        assertThatThrownBy(this::move).isInstanceOf(SlotTakenException.class);
    }

    @Test
    void aDeadlockWhileCheckingTheConstraintIsALostRaceToo() {
        failWith(new CannotAcquireLockException("deadlock", new SQLException("deadlock detected", "40P01")));

        assertThatThrownBy(this::move).isInstanceOf(SlotTakenException.class);
    }

    @Test
    void anyOtherFailureIsNot() {
        failWith(new DataIntegrityViolationException("fk", new SQLException("no such resource", "23503")));

        assertThatThrownBy(this::move).isInstanceOf(DataIntegrityViolationException.class);
    }

    private void failWith(RuntimeException failure) {
        doThrow(failure).when(repository).insertAllocations(any(), any());
    }

    private void move() {
        allocations.replace(UUID.randomUUID(), UUID.randomUUID(), List.of());
    }
}
