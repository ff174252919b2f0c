package io.reserva.notifications;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * Calendar invites (iTIP, RFC 5546) for a guest's booking: one UID per reservation, so each message updates the
 * same event in the guest's calendar; a SEQUENCE that every change and the cancellation raise, so a calendar app
 * keeps the newest whatever order the emails arrive in. Confirmations and changes are {@code METHOD:REQUEST},
 * cancellations {@code METHOD:CANCEL} with {@code STATUS:CANCELLED}. Times are written in UTC, which every
 * calendar app shows on its own wall clock.
 */
final class CalendarInvites {

    static final String PRODUCT_ID = "-//Reserva//Guest notifications//EN";
    static final String FEED_PRODUCT_ID = "-//Reserva//Calendar feed//EN";

    private CalendarInvites() {}

    /** The UID of a reservation's event: stable for its whole life. */
    static String uidOf(UUID reservationId) {
        return "reservation-" + reservationId + "@reserva";
    }

    static Message.CalendarInvite of(
            UUID reservationId,
            NotificationKind kind,
            int sequence,
            MessageData data,
            MessageContext context,
            String summary,
            String recipient,
            Instant stamp) {
        boolean cancel = kind == NotificationKind.CANCELLATION;
        VEvent event = new VEvent(data.startDatetime(), data.endDatetime(), summary);
        event.add(new Uid(uidOf(reservationId)));
        event.add(new Sequence(sequence));
        event.add(new DtStamp(stamp));
        event.add(cancel ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        if (context.organizationAddress() != null) {
            event.add(new Location(context.organizationAddress()));
        }
        if (data.confirmationCode() != null) {
            event.add(new Description(data.confirmationCode()));
        }
        if (context.organizationEmail() != null) {
            Organizer organizer = new Organizer(URI.create("mailto:" + context.organizationEmail()));
            organizer.add(new Cn(parameterText(context.organizationName())));
            event.add(organizer);
        }
        Attendee attendee = new Attendee(URI.create("mailto:" + recipient));
        attendee.add(Role.REQ_PARTICIPANT);
        attendee.add(PartStat.ACCEPTED);
        if (!data.guestName().isEmpty()) {
            attendee.add(new Cn(parameterText(data.guestName())));
        }
        event.add(attendee);

        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT_ID));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(cancel ? ImmutableMethod.CANCEL : ImmutableMethod.REQUEST);
        calendar.add(event);
        return new Message.CalendarInvite(cancel ? "CANCEL" : "REQUEST", calendar.toString());
    }

    /**
     * One booking as an event of a published feed ({@code METHOD:PUBLISH}): the same UID as the guest's invites
     * and the SEQUENCE they reached, so a calendar that got both keeps one event; {@code DTSTAMP} and
     * {@code LAST-MODIFIED} are the booking's last change, so an unchanged booking writes the same bytes.
     */
    static VEvent feedEvent(
            UUID reservationId,
            Instant start,
            Instant end,
            int sequence,
            Status status,
            Instant lastModified,
            String summary,
            String description,
            String location) {
        VEvent event = new VEvent(start, end, summary);
        event.add(new Uid(uidOf(reservationId)));
        event.add(new Sequence(sequence));
        // The constructor stamps the event with the current time; the booking's last change replaces it.
        event.replace(new DtStamp(lastModified));
        event.add(new LastModified(lastModified));
        event.add(status);
        if (description != null && !description.isEmpty()) {
            event.add(new Description(description));
        }
        if (location != null && !location.isEmpty()) {
            event.add(new Location(location));
        }
        return event;
    }

    /** A published calendar of events, named for the subscriber's calendar app. */
    static String publish(String name, List<VEvent> events) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(FEED_PRODUCT_ID));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        calendar.add(new XProperty("X-WR-CALNAME", name));
        events.forEach(calendar::add);
        return calendar.toString();
    }

    /** A parameter value (a name) may not hold double quotes or control characters (RFC 5545, 3.1). */
    private static String parameterText(String text) {
        return text.replaceAll("[\"\\p{Cntrl}]", " ").strip();
    }
}
