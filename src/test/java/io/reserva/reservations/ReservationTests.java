package io.reserva.reservations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reserva.catalog.ReservationService;
import io.reserva.catalog.Seating;
import io.reserva.reservations.ReservationOccurrences.ReservationCancelled;
import io.reserva.reservations.ReservationOccurrences.ReservationCompleted;
import io.reserva.reservations.ReservationOccurrences.StatusMoved;
import io.reserva.shared.ErrorCode;
import io.reserva.shared.ReservaException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The reservation's status machine and its guards, as docs/reservations.md ("Statuses") states them: no Spring, no database. */
class ReservationTests {

    private static final Instant NOW = Instant.parse("2027-03-20T12:00:00Z");
    private static final Instant START = Instant.parse("2027-03-28T18:30:00Z");
    private static final CancellationPolicy ANYTIME = new CancellationPolicy(true, null);

    /** The allowed moves, written out from the product rules rather than read from ReservationStatus. */
    private static final Map<ReservationStatus, Set<ReservationStatus>> ALLOWED = Map.of(
            ReservationStatus.HELD,
                    EnumSet.of(
                            ReservationStatus.PENDING,
                            ReservationStatus.CONFIRMED,
                            ReservationStatus.CANCELLED,
                            ReservationStatus.EXPIRED),
            ReservationStatus.PENDING, EnumSet.of(ReservationStatus.CONFIRMED, ReservationStatus.CANCELLED),
            ReservationStatus.CONFIRMED,
                    EnumSet.of(
                            ReservationStatus.SEATED,
                            ReservationStatus.COMPLETED,
                            ReservationStatus.NO_SHOW,
                            ReservationStatus.CANCELLED),
            ReservationStatus.SEATED, EnumSet.of(ReservationStatus.COMPLETED),
            ReservationStatus.COMPLETED, EnumSet.noneOf(ReservationStatus.class),
            ReservationStatus.CANCELLED, EnumSet.noneOf(ReservationStatus.class),
            ReservationStatus.NO_SHOW, EnumSet.noneOf(ReservationStatus.class),
            ReservationStatus.EXPIRED, EnumSet.noneOf(ReservationStatus.class));

    static Stream<Arguments> everyMove() {
        List<Arguments> moves = new ArrayList<>();
        for (ReservationStatus from : ReservationStatus.values()) {
            for (ReservationStatus to : ReservationStatus.values()) {
                moves.add(Arguments.of(from, to, ALLOWED.get(from).contains(to)));
            }
        }
        return moves.stream();
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @MethodSource("everyMove")
    void everyMoveIsAllowedOrRefusedAsTheRulesSay(ReservationStatus from, ReservationStatus to, boolean allowed) {
        Reservation reservation =
                new Reservation(row(from, from == ReservationStatus.HELD ? NOW.plusSeconds(300) : null));
        if (allowed) {
            reservation.moveStatusTo(to, null, null, NOW, ANYTIME);
            assertThat(reservation.status()).isEqualTo(to);
            StatusMoved move = reservation.statusMove().orElseThrow();
            assertThat(move.from()).isEqualTo(from);
            assertThat(move.to()).isEqualTo(to);
            assertThat(reservation.changedFields()).containsExactly("status");
            assertThat(reservation.state.updatedAt()).isEqualTo(NOW);
            assertThat(reservation.state.holdExpiresAt())
                    .as("only a hold has a hold expiry")
                    .isNull();
        } else {
            assertThatThrownBy(() -> reservation.moveStatusTo(to, null, null, NOW, ANYTIME))
                    .isInstanceOfSatisfying(
                            ReservaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_TRANSITION));
            assertThat(reservation.status()).isEqualTo(from);
            assertThat(reservation.occurrences()).isEmpty();
        }
    }

    @Test
    void aLapsedHoldCanOnlyBeCancelledOrExpired() {
        Instant lapsedAt = NOW.minusSeconds(1);
        for (ReservationStatus next : List.of(ReservationStatus.CONFIRMED, ReservationStatus.PENDING)) {
            Reservation hold = new Reservation(row(ReservationStatus.HELD, lapsedAt));
            assertThatThrownBy(() -> hold.moveStatusTo(next, null, null, NOW, ANYTIME))
                    .isInstanceOfSatisfying(
                            ReservaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.HOLD_EXPIRED));
            assertThat(hold.status()).isEqualTo(ReservationStatus.HELD);
        }
        Reservation expiring = new Reservation(row(ReservationStatus.HELD, lapsedAt));
        expiring.expire(NOW);
        assertThat(expiring.status()).isEqualTo(ReservationStatus.EXPIRED);
        Reservation cancelled = new Reservation(row(ReservationStatus.HELD, lapsedAt));
        cancelled.cancel(CancelledBy.ORGANIZATION, null, NOW, ANYTIME);
        assertThat(cancelled.status()).isEqualTo(ReservationStatus.CANCELLED);
    }

    @Test
    void aHoldThatRunsOutExactlyNowHasLapsed() {
        Reservation hold = new Reservation(row(ReservationStatus.HELD, NOW));
        assertThatThrownBy(() -> hold.confirm(NOW))
                .isInstanceOfSatisfying(
                        ReservaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.HOLD_EXPIRED));
        Reservation stillHeld = new Reservation(row(ReservationStatus.HELD, NOW.plusNanos(1000)));
        stillHeld.confirm(NOW);
        assertThat(stillHeld.status()).isEqualTo(ReservationStatus.CONFIRMED);
    }

    @Test
    void bookingAnExpiredHoldIsHoldExpiredNotAnInvalidMove() {
        Reservation expired = new Reservation(row(ReservationStatus.EXPIRED, null));
        assertThatThrownBy(() -> expired.refuseToBookIfExpired(ReservationStatus.CONFIRMED))
                .isInstanceOfSatisfying(
                        ReservaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.HOLD_EXPIRED));
        expired.refuseToBookIfExpired(ReservationStatus.SEATED);
        assertThatThrownBy(() -> expired.seat(NOW))
                .isInstanceOfSatisfying(
                        ReservaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_TRANSITION));
    }

    @Test
    void aGuestCancelsOnlyUntilTheDeadlineTheVenueAlways() {
        CancellationPolicy dayBefore = new CancellationPolicy(true, 24);
        Instant deadline = START.minus(Duration.ofHours(24));

        Reservation onTime = new Reservation(row(ReservationStatus.CONFIRMED, null));
        onTime.cancel(CancelledBy.CONTACT, "ill", deadline, dayBefore);
        assertThat(onTime.status()).isEqualTo(ReservationStatus.CANCELLED);
        assertThat(onTime.state.cancelledBy()).isEqualTo(CancelledBy.CONTACT);
        assertThat(onTime.state.cancellationReason()).isEqualTo("ill");
        assertThat(onTime.state.cancelledAt()).isEqualTo(deadline);
        assertThat(onTime.occurrences())
                .containsExactly(new ReservationCancelled(ReservationStatus.CONFIRMED, CancelledBy.CONTACT, "ill"));

        Reservation late = new Reservation(row(ReservationStatus.CONFIRMED, null));
        assertThatThrownBy(() -> late.cancel(CancelledBy.CONTACT, null, deadline.plusSeconds(1), dayBefore))
                .isInstanceOfSatisfying(
                        ReservaException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.OUTSIDE_CANCELLATION_WINDOW));
        assertThat(late.status()).isEqualTo(ReservationStatus.CONFIRMED);

        Reservation notAllowed = new Reservation(row(ReservationStatus.CONFIRMED, null));
        assertThatThrownBy(() -> notAllowed.cancel(CancelledBy.CONTACT, null, NOW, new CancellationPolicy(false, null)))
                .isInstanceOfSatisfying(
                        ReservaException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.OUTSIDE_CANCELLATION_WINDOW));

        Reservation byVenue = new Reservation(row(ReservationStatus.CONFIRMED, null));
        byVenue.cancel(null, null, START.plusSeconds(60), new CancellationPolicy(false, null));
        assertThat(byVenue.state.cancelledBy()).isEqualTo(CancelledBy.ORGANIZATION);
    }

    @Test
    void thePolicyShowsItsDeadlineAndSaysWhetherAGuestMayChange() {
        CancellationPolicy dayBefore = new CancellationPolicy(true, 24);
        assertThat(dayBefore.deadline(START)).isEqualTo(START.minus(Duration.ofHours(24)));
        assertThat(dayBefore.shownDeadline(START)).isEqualTo(START.minus(Duration.ofHours(24)));
        assertThat(dayBefore.guestMayChange(START, START.minus(Duration.ofHours(24))))
                .isTrue();
        assertThat(dayBefore.guestMayChange(START, START.minus(Duration.ofHours(23))))
                .isFalse();
        assertThat(ANYTIME.shownDeadline(START)).isNull();
        assertThat(ANYTIME.guestMayChange(START, START)).isTrue();
        assertThat(new CancellationPolicy(false, 24).shownDeadline(START)).isNull();
        assertThat(new CancellationPolicy(false, 24).guestMayChange(START, NOW)).isFalse();
    }

    @Test
    void completingEarlyFreesTheRestOfTheTimeButKeepsTheBufferAfter() {
        // 18:30–20:30, 15 minutes kept free after; completed at 19:30 frees from 19:45.
        Reservation seated = new Reservation(row(ReservationStatus.SEATED, null));
        Instant completedAt = START.plus(Duration.ofHours(1));
        seated.complete(completedAt);
        assertThat(seated.state.occupiedUntil()).isEqualTo(completedAt.plus(Duration.ofMinutes(15)));
        assertThat(seated.occurrences())
                .containsExactly(
                        new ReservationCompleted(ReservationStatus.SEATED, completedAt.plus(Duration.ofMinutes(15))));

        Reservation late = new Reservation(row(ReservationStatus.SEATED, null));
        late.complete(START.plus(Duration.ofHours(3)));
        assertThat(late.state.occupiedUntil())
                .isEqualTo(row(ReservationStatus.SEATED, null).occupiedUntil());
        assertThat(late.occurrences()).containsExactly(new ReservationCompleted(ReservationStatus.SEATED, null));
    }

    @Test
    void onlyAReservationHoldingItsPlaceCanMove() {
        Instant later = START.plus(Duration.ofHours(1));
        Placement elsewhere = Placement.unassigned(service(), later, 4);
        for (ReservationStatus status : ReservationStatus.values()) {
            Reservation reservation = new Reservation(row(status, null));
            Set<String> sent = Set.of("start_datetime", "party_size");
            if (status.occupies()) {
                reservation.moveTo(elsewhere, null, null, false, sent, NOW);
                assertThat(reservation.state.startDatetime()).isEqualTo(later);
                assertThat(reservation.state.partySize()).isEqualTo(4);
                assertThat(reservation.state.occupiedUntil()).isEqualTo(later.plus(Duration.ofMinutes(90 + 15)));
                assertThat(reservation.status()).isEqualTo(status);
                assertThat(reservation.changedFields()).isEqualTo(sent);
            } else {
                assertThatThrownBy(() -> reservation.moveTo(elsewhere, null, null, false, sent, NOW))
                        .isInstanceOfSatisfying(
                                ReservaException.class,
                                e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_TRANSITION));
                assertThat(reservation.state.startDatetime()).isEqualTo(START);
            }
        }
    }

    @Test
    void changedFieldsAreWhatTheChangeSentPlusStatus() {
        Reservation reservation = new Reservation(row(ReservationStatus.PENDING, null));
        reservation.changeDetails(null, "window seat", null, null, null, Map.of(), Set.of("customer_notes"), NOW);
        reservation.confirm(NOW);
        assertThat(reservation.changedFields()).containsExactlyInAnyOrder("customer_notes", "status");
        assertThat(reservation.state.customerNotes()).isEqualTo("window seat");

        Reservation untouched = new Reservation(row(ReservationStatus.PENDING, null));
        untouched.changeDetails(null, null, null, null, null, Map.of(), Set.of(), NOW);
        assertThat(untouched.changedFields()).isEmpty();
        assertThat(untouched.state.updatedAt())
                .isEqualTo(row(ReservationStatus.PENDING, null).updatedAt());
    }

    private static ReservationService service() {
        return new ReservationService(
                UUID.fromString("00000000-0000-7000-8000-000000000003"),
                UUID.fromString("00000000-0000-7000-8000-000000000002"),
                "Dinner",
                null,
                90,
                0,
                15,
                null,
                null,
                8,
                1,
                List.of(),
                Seating.SEPARATE,
                null,
                null,
                "EUR",
                null,
                0,
                false,
                true,
                24,
                true,
                true,
                null,
                null,
                "Europe/Madrid",
                null,
                List.of(),
                NOW,
                NOW);
    }

    private static ReservationRow row(ReservationStatus status, Instant holdExpiresAt) {
        Instant created = NOW.minus(Duration.ofDays(1));
        return new ReservationRow(
                UUID.fromString("00000000-0000-7000-8000-000000000001"),
                UUID.fromString("00000000-0000-7000-8000-000000000002"),
                UUID.fromString("00000000-0000-7000-8000-000000000003"),
                null,
                2,
                START,
                START.plus(Duration.ofHours(2)),
                START,
                START.plus(Duration.ofHours(2)).plus(Duration.ofMinutes(15)),
                status,
                ReservationSource.API,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                Map.of(),
                "K7QX4M",
                holdExpiresAt,
                null,
                null,
                null,
                false,
                null,
                created,
                created,
                null,
                null);
    }
}
