package io.reserva.notifications;

import java.time.ZoneId;
import java.util.Locale;

/**
 * Everything a message is rendered with besides its booking: the venue, its zone and the guest's language.
 *
 * @param organizationName the venue's name
 * @param organizationEmail the venue's address (the organizer of the invite, and where replies go); may be null
 * @param organizationAddress where the venue is (the invite's location); may be null
 * @param zone the organization's zone: dates and times are told on its wall clock
 * @param locale {@code en} or {@code es}
 * @param serviceName what was booked
 * @param extras the venue's look and the guest's own links
 */
record MessageContext(
        String organizationName,
        String organizationEmail,
        String organizationAddress,
        ZoneId zone,
        Locale locale,
        String serviceName,
        MessageExtras extras) {

    MessageContext(
            String organizationName,
            String organizationEmail,
            String organizationAddress,
            ZoneId zone,
            Locale locale,
            String serviceName) {
        this(organizationName, organizationEmail, organizationAddress, zone, locale, serviceName, MessageExtras.NONE);
    }

    MessageContext {
        extras = extras == null ? MessageExtras.NONE : extras;
    }

    MessageContext withLocale(Locale other) {
        return new MessageContext(
                organizationName, organizationEmail, organizationAddress, zone, other, serviceName, extras);
    }
}
