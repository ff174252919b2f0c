package io.reserva.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.mock.web.MockHttpServletRequest;

/** How database failures reach the client: never a 500 for what a retry or the client can fix. */
class ProblemAdviceTests {

    private final ProblemAdvice advice = new ProblemAdvice();
    private final MockHttpServletRequest request = new MockHttpServletRequest("POST", "/reservations");

    @Test
    void aDeadlockIsATemporaryConditionToRetry() {
        var deadlock =
                new PessimisticLockingFailureException("deadlock", new SQLException("deadlock detected", "40P01"));
        var response = advice.concurrency(deadlock, request);
        assertThat(response.getStatusCode().value()).isEqualTo(503);
        assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("1");
        assertThat(response.getBody()).containsEntry("code", "service_unavailable");
    }

    @Test
    void aClientThatHungUpGetsNoAnswerAndNoErrorLogged() {
        var brokenPipe = new java.io.IOException("Broken pipe");
        assertThat(advice.unexpected(brokenPipe, request)).isNull();
        assertThat(advice.unexpected(new IllegalStateException("a bug"), request)
                        .getStatusCode()
                        .value())
                .isEqualTo(500);
    }

    @Test
    void aSerializationFailureToo() {
        var failure = new CannotAcquireLockException(
                "could not serialize", new SQLException("could not serialize access", "40001"));
        assertThat(advice.concurrency(failure, request).getStatusCode().value()).isEqualTo(503);
    }

    @Test
    void aBlockedDeleteIsAConflictAndAMissingReferenceIsInvalid() {
        var foreignKey = new DataIntegrityViolationException("fk", new SQLException("violates foreign key", "23503"));
        MockHttpServletRequest delete = new MockHttpServletRequest("DELETE", "/reservation-services/x");
        assertThat(advice.integrity(foreignKey, delete).getStatusCode().value()).isEqualTo(409);
        assertThat(advice.integrity(foreignKey, request).getStatusCode().value())
                .isEqualTo(422);
        var restricted = new DataIntegrityViolationException("restrict", new SQLException("restrict", "23001"));
        assertThat(advice.integrity(restricted, delete).getStatusCode().value()).isEqualTo(409);
        var overlap = new DataIntegrityViolationException("ex", new SQLException("conflicting key", "23P01"));
        assertThat(advice.integrity(overlap, request).getStatusCode().value()).isEqualTo(409);
    }
}
