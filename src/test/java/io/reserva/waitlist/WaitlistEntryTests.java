package io.reserva.waitlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reserva.shared.ErrorCode;
import io.reserva.shared.ReservaException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
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

/** The waitlist entry's status machine and its guards, as docs/waitlist.md states them: no Spring, no database. */
class WaitlistEntryTests {

    private static final Instant JOINED = Instant.parse("2027-03-28T18:00:00Z");
    private static final Instant NOW = Instant.parse("2027-03-28T18:20:00Z");

    /** The allowed moves, written out from the rules rather than read from WaitlistEntryStatus. */
    private static final Map<WaitlistEntryStatus, Set<WaitlistEntryStatus>> ALLOWED = Map.of(
            WaitlistEntryStatus.WAITING,
            EnumSet.of(
                    WaitlistEntryStatus.OFFERED,
                    WaitlistEntryStatus.CHECKED_IN,
                    WaitlistEntryStatus.SEATED,
                    WaitlistEntryStatus.CANCELLED,
                    WaitlistEntryStatus.DECLINED_BY_MERCHANT,
                    WaitlistEntryStatus.NO_SHOW,
                    WaitlistEntryStatus.EXPIRED),
            WaitlistEntryStatus.OFFERED,
            EnumSet.of(
                    WaitlistEntryStatus.WAITING,
                    WaitlistEntryStatus.CHECKED_IN,
                    WaitlistEntryStatus.SEATED,
                    WaitlistEntryStatus.CANCELLED,
                    WaitlistEntryStatus.DECLINED_BY_MERCHANT,
                    WaitlistEntryStatus.NO_SHOW,
                    WaitlistEntryStatus.EXPIRED),
            WaitlistEntryStatus.CHECKED_IN,
            EnumSet.of(
                    WaitlistEntryStatus.SEATED,
                    WaitlistEntryStatus.CANCELLED,
                    WaitlistEntryStatus.DECLINED_BY_MERCHANT),
            WaitlistEntryStatus.SEATED,
            EnumSet.noneOf(WaitlistEntryStatus.class),
            WaitlistEntryStatus.CANCELLED,
            EnumSet.noneOf(WaitlistEntryStatus.class),
            WaitlistEntryStatus.DECLINED_BY_MERCHANT,
            EnumSet.noneOf(WaitlistEntryStatus.class),
            WaitlistEntryStatus.NO_SHOW,
            EnumSet.noneOf(WaitlistEntryStatus.class),
            WaitlistEntryStatus.EXPIRED,
            EnumSet.noneOf(WaitlistEntryStatus.class));

    static Stream<Arguments> everyMove() {
        List<Arguments> moves = new ArrayList<>();
        for (WaitlistEntryStatus from : WaitlistEntryStatus.values()) {
            for (WaitlistEntryStatus to : WaitlistEntryStatus.values()) {
                moves.add(Arguments.of(from, to, ALLOWED.get(from).contains(to)));
            }
        }
        return moves.stream();
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @MethodSource("everyMove")
    void everyMoveIsAllowedOrRefusedAsTheRulesSay(WaitlistEntryStatus from, WaitlistEntryStatus to, boolean allowed) {
        WaitlistEntry entry = new WaitlistEntry(row(WaitlistKind.NOW, from));
        UUID reservation = UUID.randomUUID();
        if (allowed) {
            move(entry, to, reservation);
            assertThat(entry.status()).isEqualTo(to);
            assertThat(entry.moves()).containsExactly(new WaitlistEntry.StatusMoved(from, to));
            assertThat(entry.state.updatedAt()).isEqualTo(NOW);
            assertThat(reachedAt(entry.state, to))
                    .as("the time " + to.wire() + " was reached")
                    .isEqualTo(NOW);
            if (to == WaitlistEntryStatus.SEATED) {
                assertThat(entry.state.reservationId()).isEqualTo(reservation);
            }
        } else {
            assertThatThrownBy(() -> move(entry, to, reservation))
                    .isInstanceOf(ReservaException.class)
                    .satisfies(e -> assertThat(((ReservaException) e).code())
                            .isIn(ErrorCode.INVALID_TRANSITION, ErrorCode.NO_OPEN_OFFER));
            assertThat(entry.status()).as("a refused move changes nothing").isEqualTo(from);
            assertThat(entry.moves()).isEmpty();
        }
    }

    @Test
    void aDeclinedOfferPutsTheEntryBackInTheQueueAndThatStartIsNeverOfferedAgain() {
        WaitlistEntry entry = new WaitlistEntry(row(WaitlistKind.LATER, WaitlistEntryStatus.WAITING));
        UUID hold = UUID.randomUUID();
        Instant start = Instant.parse("2027-03-29T19:30:00Z");
        entry.offer(hold, start, NOW.plus(Duration.ofMinutes(10)), NOW);
        assertThat(entry.state.offerReservationId()).isEqualTo(hold);
        assertThat(entry.state.offerStart()).isEqualTo(start);

        entry.withdrawOffer(NOW.plusSeconds(60));

        assertThat(entry.status()).isEqualTo(WaitlistEntryStatus.WAITING);
        assertThat(entry.state.createdAt()).as("keeps its place in the queue").isEqualTo(JOINED);
        assertThat(entry.state.offerReservationId()).isNull();
        assertThat(entry.state.offerExpiresAt()).isNull();
        assertThat(entry.state.passedStarts()).containsExactly(start);
    }

    @Test
    void anOfferIsAcceptedOnlyBeforeItLapses() {
        WaitlistEntry entry = new WaitlistEntry(row(WaitlistKind.LATER, WaitlistEntryStatus.WAITING));
        UUID hold = UUID.randomUUID();
        Instant expires = NOW.plus(Duration.ofMinutes(10));
        entry.offer(hold, Instant.parse("2027-03-29T19:30:00Z"), expires, NOW);

        assertThatThrownBy(() -> entry.acceptOffer(hold, expires))
                .isInstanceOf(ReservaException.class)
                .extracting(e -> ((ReservaException) e).code())
                .isEqualTo(ErrorCode.OFFER_EXPIRED);
        assertThat(entry.status()).isEqualTo(WaitlistEntryStatus.OFFERED);

        entry.acceptOffer(hold, expires.minusSeconds(1));
        assertThat(entry.status()).isEqualTo(WaitlistEntryStatus.SEATED);
        assertThat(entry.state.reservationId()).isEqualTo(hold);
        assertThat(entry.state.offerReservationId()).as("the offer is closed").isNull();
        assertThatThrownBy(() -> entry.acceptOffer(hold, expires.minusSeconds(1)))
                .isInstanceOf(ReservaException.class)
                .extracting(e -> ((ReservaException) e).code())
                .as("accepted twice")
                .isEqualTo(ErrorCode.NO_OPEN_OFFER);
    }

    @Test
    void onlyLaterEntriesAreOfferedAStartAndOnlyNowEntriesAreCalledToATable() {
        WaitlistEntry now = new WaitlistEntry(row(WaitlistKind.NOW, WaitlistEntryStatus.WAITING));
        assertThatThrownBy(() -> now.offer(UUID.randomUUID(), NOW, NOW.plusSeconds(600), NOW))
                .isInstanceOf(ReservaException.class);
        WaitlistEntry later = new WaitlistEntry(row(WaitlistKind.LATER, WaitlistEntryStatus.WAITING));
        assertThatThrownBy(() -> later.callToTable(NOW)).isInstanceOf(ReservaException.class);
        assertThat(now.status()).isEqualTo(WaitlistEntryStatus.WAITING);
        assertThat(later.status()).isEqualTo(WaitlistEntryStatus.WAITING);
    }

    @Test
    void seatingIsRefusedAsAStatusChangeBecauseItBooksATable() {
        WaitlistEntry entry = new WaitlistEntry(row(WaitlistKind.NOW, WaitlistEntryStatus.WAITING));
        assertThatThrownBy(() -> entry.moveStatusTo(WaitlistEntryStatus.SEATED, NOW))
                .isInstanceOf(ReservaException.class)
                .extracting(e -> ((ReservaException) e).code())
                .isEqualTo(ErrorCode.VALIDATION_FAILED);
    }

    private static void move(WaitlistEntry entry, WaitlistEntryStatus to, UUID reservation) {
        if (to == WaitlistEntryStatus.SEATED) {
            entry.seat(reservation, NOW);
        } else {
            entry.moveStatusTo(to, NOW);
        }
    }

    private static Instant reachedAt(WaitlistEntryRow row, WaitlistEntryStatus status) {
        return switch (status) {
            case WAITING -> row.updatedAt();
            case OFFERED -> row.offeredAt();
            case CHECKED_IN -> row.checkedInAt();
            case SEATED -> row.seatedAt();
            case CANCELLED -> row.cancelledAt();
            case DECLINED_BY_MERCHANT -> row.declinedAt();
            case NO_SHOW -> row.noShowAt();
            case EXPIRED -> row.expiredAt();
        };
    }

    static WaitlistEntryRow row(WaitlistKind kind, WaitlistEntryStatus status) {
        boolean later = kind == WaitlistKind.LATER;
        return new WaitlistEntryRow(
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                "+34612345678",
                4,
                kind,
                LocalDate.of(2027, 3, 29),
                later ? LocalTime.of(19, 0) : null,
                later ? LocalTime.of(21, 0) : null,
                null,
                List.of(),
                WaitlistEntrySource.PHONE,
                status,
                status == WaitlistEntryStatus.OFFERED ? JOINED.plusSeconds(60) : null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                null,
                null,
                null,
                JOINED,
                JOINED);
    }
}
