package io.reserva.waitlist;

import static org.assertj.core.api.Assertions.assertThat;

import io.reserva.waitlist.WaitEstimator.Occupation;
import io.reserva.waitlist.WaitEstimator.Quote;
import io.reserva.waitlist.WaitEstimator.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The quote on constructed floors, at a fixed instant. */
class WaitEstimatorTests {

    private static final Instant NOW = Instant.parse("2027-03-28T19:00:00Z");

    /** Two-tops stay 60 minutes, larger parties 90. */
    private final WaitEstimator estimator = new WaitEstimator(size -> Duration.ofMinutes(size <= 2 ? 60 : 90));

    private static Table table(String id, int capacity) {
        return new Table(id, 1, capacity);
    }

    private static Occupation seated(String table, int minutesAgo, int turnMinutes) {
        Instant from = NOW.minus(Duration.ofMinutes(minutesAgo));
        return new Occupation(table, from, from.plus(Duration.ofMinutes(turnMinutes)));
    }

    private static Instant at(int minutes) {
        return NOW.plus(Duration.ofMinutes(minutes));
    }

    @Test
    void aFreeFittingTableMeansNoWait() {
        Quote quote = estimator.quote(NOW, List.of(table("t1", 2)), List.of(), List.of(), 2);
        assertThat(quote.expectedSeat()).isEqualTo(NOW);
        assertThat(quote.seatFrom()).isEqualTo(NOW);
        assertThat(quote.seatTo()).isEqualTo(NOW.plus(WaitEstimator.MIN_SPREAD));
        assertThat(quote.partiesAhead()).isZero();
    }

    @Test
    void theWaitEndsWhenTheFirstFittingTableTurns() {
        List<Table> tables = List.of(table("t1", 2), table("t2", 4));
        List<Occupation> floor = List.of(seated("t1", 10, 60), seated("t2", 50, 90));
        // A party of 4 cannot use the two-top freeing at +50; the four-top turns at +40.
        assertThat(estimator.quote(NOW, tables, floor, List.of(), 4).expectedSeat())
                .isEqualTo(at(40));
        // A party of 2 takes whichever turns first: the four-top at +40.
        assertThat(estimator.quote(NOW, tables, floor, List.of(), 2).expectedSeat())
                .isEqualTo(at(40));
    }

    @Test
    void partiesAheadTakeTablesInQueueOrder() {
        List<Table> tables = List.of(table("t1", 2), table("t2", 2));
        List<Occupation> floor = List.of(seated("t1", 30, 60), seated("t2", 50, 60));
        // Ahead: two couples. They take t2 at +10 and t1 at +30; the next table turns at +70 (t2 again).
        Quote quote = estimator.quote(NOW, tables, floor, List.of(2, 2), 2);
        assertThat(quote.partiesAhead()).isEqualTo(2);
        assertThat(quote.expectedSeat()).isEqualTo(at(70));
        assertThat(quote.seatFrom()).isBefore(at(70));
        assertThat(quote.seatTo()).isAfter(at(70));
        assertThat(Duration.between(quote.seatFrom(), quote.seatTo()))
                .as("a quarter of the wait")
                .isEqualTo(Duration.ofMinutes(70).dividedBy(4));
    }

    @Test
    void aBookedArrivalKeepsItsTableWhenTheTurnWouldRunIntoIt() {
        List<Table> tables = List.of(table("t1", 4));
        // Free now, but booked from +30: a 90-minute party cannot sit before that booking ends at +120.
        List<Occupation> floor = List.of(new Occupation("t1", at(30), at(120)));
        assertThat(estimator.quote(NOW, tables, floor, List.of(), 4).expectedSeat())
                .isEqualTo(at(120));
        // A gap long enough is used: booked only from +100.
        List<Occupation> later = List.of(new Occupation("t1", at(100), at(190)));
        assertThat(estimator.quote(NOW, tables, later, List.of(), 4).expectedSeat())
                .isEqualTo(NOW);
    }

    @Test
    void aPartyPastItsTurnTimeIsExpectedToLeaveShortly() {
        List<Table> tables = List.of(table("t1", 2));
        List<Occupation> floor = List.of(seated("t1", 80, 60));
        assertThat(estimator.quote(NOW, tables, floor, List.of(), 2).expectedSeat())
                .isEqualTo(NOW.plus(WaitEstimator.OVERDUE_GRACE));
    }

    @Test
    void aPartyNoTableFitsGetsNoTimes() {
        Quote quote = estimator.quote(NOW, List.of(table("t1", 2)), List.of(), List.of(2), 6);
        assertThat(quote.partiesAhead()).isEqualTo(1);
        assertThat(quote.seatFrom()).isNull();
        assertThat(quote.seatTo()).isNull();
    }

    @Test
    void theSmallestOfTablesFreeAtOnceIsTakenSoALargerPartyBehindStillFitsTheBigOne() {
        List<Table> tables = List.of(table("big", 6), table("small", 2));
        // A couple ahead takes the two-top, not the six-top; the family of 5 sits at once.
        assertThat(estimator.quote(NOW, tables, List.of(), List.of(2), 5).expectedSeat())
                .isEqualTo(NOW);
    }
}
