package io.reserva.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

class MessageComposerTests {

    static final UUID RESERVATION = UUID.fromString("0192f3c4-5d6e-7f80-9a1b-2c3d4e5f6a7b");
    static final MessageData HOSTILE = new MessageData(
            UUID.randomUUID(),
            "<script>alert(1)</script>",
            "O'Brien & \"Sons\"\r\nBcc: victim@example.org",
            UUID.randomUUID(),
            4,
            Instant.parse("2027-03-28T18:30:00Z"),
            Instant.parse("2027-03-28T20:30:00Z"),
            "K7QX4M",
            null);

    static MessageContext context(String language) {
        return new MessageContext(
                "Trattoria <Sole>",
                "hola@trattoriasole.es",
                "Calle Mayor 1, Madrid",
                ZoneId.of("Europe/Madrid"),
                Locale.forLanguageTag(language),
                "Cena");
    }

    static NotificationRepository.Claim claim(NotificationKind kind, int sequence) {
        return new NotificationRepository.Claim(
                UUID.randomUUID(),
                UUID.randomUUID(),
                RESERVATION,
                kind,
                sequence,
                "guest@example.org",
                "{}",
                Instant.parse("2027-03-01T10:00:00Z"),
                1);
    }

    @Test
    void whatAGuestTypedIsEscapedInHtmlAndCannotAddAHeader() {
        Message message = MessageComposer.compose(
                claim(NotificationKind.CONFIRMATION, 0),
                HOSTILE,
                context("en"),
                DefaultTemplates.of(NotificationKind.CONFIRMATION, java.util.Locale.forLanguageTag("en")),
                Instant.parse("2027-03-01T10:00:00Z"));
        assertThat(message.html())
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("Trattoria &lt;Sole&gt;")
                .doesNotContain("<script>")
                .doesNotContain("<Sole>");
        assertThat(message.text()).contains("<script>alert(1)</script>");
        assertThat(message.subject()).doesNotContain("\n").doesNotContain("\r");
    }

    @Test
    void spanishGuestsReadSpanishOnTheVenuesWallClock() {
        Message message = MessageComposer.compose(
                claim(NotificationKind.REMINDER, 0),
                HOSTILE,
                context("es-ES"),
                DefaultTemplates.of(NotificationKind.REMINDER, java.util.Locale.forLanguageTag("es-ES")),
                Instant.parse("2027-03-01T10:00:00Z"));
        assertThat(message.subject()).startsWith("Recordatorio: Trattoria <Sole>");
        // 18:30 UTC is 20:30 in Madrid on the first day of summer time.
        assertThat(message.text())
                .contains("domingo, 28 de marzo de 2027")
                .contains("20:30")
                .contains("Personas: 4");
        assertThat(message.invite()).as("a reminder carries no invite").isNull();
    }

    @Test
    void aCancellationCancelsTheSameEventWithAHigherSequence() throws Exception {
        Message confirmation = MessageComposer.compose(
                claim(NotificationKind.CONFIRMATION, 0),
                HOSTILE,
                context("en"),
                DefaultTemplates.of(NotificationKind.CONFIRMATION, java.util.Locale.forLanguageTag("en")),
                Instant.parse("2027-03-01T10:00:00Z"));
        Message cancellation = MessageComposer.compose(
                claim(NotificationKind.CANCELLATION, 2),
                HOSTILE,
                context("en"),
                DefaultTemplates.of(NotificationKind.CANCELLATION, java.util.Locale.forLanguageTag("en")),
                Instant.parse("2027-03-02T10:00:00Z"));

        Calendar request = parse(confirmation.invite().ics());
        Calendar cancel = parse(cancellation.invite().ics());
        assertThat(confirmation.invite().method()).isEqualTo("REQUEST");
        assertThat(cancellation.invite().method()).isEqualTo("CANCEL");
        assertThat(value(request, Property.METHOD)).isEqualTo("REQUEST");
        assertThat(value(cancel, Property.METHOD)).isEqualTo("CANCEL");
        VEvent requested = event(request);
        VEvent cancelled = event(cancel);
        assertThat(requested.getProperty(Property.UID).orElseThrow().getValue())
                .isEqualTo(cancelled.getProperty(Property.UID).orElseThrow().getValue())
                .isEqualTo(CalendarInvites.uidOf(RESERVATION));
        assertThat(cancelled.getProperty(Property.SEQUENCE).orElseThrow().getValue())
                .isEqualTo("2");
        assertThat(cancelled.getProperty(Property.STATUS).orElseThrow().getValue())
                .isEqualTo("CANCELLED");
        assertThat(requested.getProperty(Property.STATUS).orElseThrow().getValue())
                .isEqualTo("CONFIRMED");
        assertThat(Instant.from(requested.getDateTimeStart().getDate())).isEqualTo(HOSTILE.startDatetime());
    }

    @Test
    void unknownPlaceholdersAreNamedOnceEach() {
        assertThat(MessageComposer.unknownPlaceholders("Hi {{guest_name}} {{ table }} {{table}} {{Date}} {{}}"))
                .containsExactly("table", "Date", "");
        assertThat(MessageComposer.unknownPlaceholders("{{ guest_name }} on {{date}}"))
                .isEmpty();
    }

    @Test
    void addressesThatCannotTakeMailAreRecognized() {
        assertThat(EmailChannel.invalidAddress("ana@example.org")).isEmpty();
        assertThat(EmailChannel.invalidAddress("ana@@example.org")).isPresent();
        assertThat(EmailChannel.invalidAddress("ana example.org")).isPresent();
        assertThat(EmailChannel.invalidAddress("ana@")).isPresent();
    }

    @Test
    void onlyEnglishAndSpanishAreSpoken() {
        assertThat(MessageSending.supported("es-419").getLanguage()).isEqualTo("es");
        assertThat(MessageSending.supported("de-DE").getLanguage()).isEqualTo("en");
        assertThat(MessageSending.supported(null).getLanguage()).isEqualTo("en");
    }

    private static Calendar parse(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    private static String value(Calendar calendar, String property) {
        return calendar.getProperty(property).orElseThrow().getValue();
    }

    private static VEvent event(Calendar calendar) {
        return (VEvent) calendar.getComponent("VEVENT").orElseThrow();
    }

    @Test
    void theVenuesLogoAndColourAreCheckedBeforeTheyReachTheHtml() {
        assertThat(new MessageExtras("https://cdn.example.com/logo.png\" onerror=\"alert(1)", "#AA3300", null, null))
                .extracting(MessageExtras::logoUrl, MessageExtras::brandColor)
                .containsExactly(null, "#aa3300");
        assertThat(new MessageExtras("javascript:alert(1)", "red;background:url(x)", null, null))
                .extracting(MessageExtras::logoUrl, MessageExtras::colorOrDefault)
                .containsExactly(null, MessageExtras.DEFAULT_COLOR);
        assertThat(MessageExtras.absoluteLogo("/uploads/logo.png", "https://book.example.com"))
                .isEqualTo("https://book.example.com/uploads/logo.png");
        assertThat(MessageExtras.absoluteLogo("//evil.example/x.png", "https://book.example.com"))
                .isEqualTo("//evil.example/x.png");
        assertThat(new MessageExtras("//evil.example/x.png", null, null, null).logoUrl())
                .isNull();

        MessageExtras extras =
                new MessageExtras("https://cdn.example.com/logo.png", "#1f6feb", "https://book.example.com/m", null);
        MessageContext branded = new MessageContext(
                "Trattoria <Sole>", null, null, ZoneId.of("Europe/Madrid"), Locale.ENGLISH, "Cena", extras);
        Message message = MessageComposer.compose(
                claim(NotificationKind.REMINDER, 0),
                HOSTILE,
                branded,
                DefaultTemplates.of(NotificationKind.REMINDER, Locale.ENGLISH, extras),
                Instant.parse("2027-03-01T10:00:00Z"));
        assertThat(message.html())
                .contains("<img src=\"https://cdn.example.com/logo.png\" alt=\"Trattoria &lt;Sole&gt;\"")
                .contains("border-top:6px solid #1f6feb")
                .contains("<a href=\"https://book.example.com/m\"")
                .doesNotContain("unsubscribe");
        assertThat(message.text()).contains("Change or cancel your booking: https://book.example.com/m");
        assertThat(message.unsubscribeLink()).isNull();
    }

    @Test
    void anOfferWithTheGuestsStatusLinkSaysToOpenItAndOneWithoutSaysToContactTheVenue() {
        MessageExtras link = new MessageExtras(null, null, "https://book.example.com/b/o/cena/waitlist/t", null);
        DefaultTemplates.Template withLink = DefaultTemplates.of(NotificationKind.WAITLIST_OFFER, Locale.ENGLISH, link);
        assertThat(withLink.text())
                .contains("open the link below and accept it")
                .contains("Accept or decline the offer: {{manage_link}}")
                .doesNotContain("contact {{organization_name}}");
        assertThat(withLink.html()).contains("<a href=\"{{manage_link}}\"").contains("Accept or decline the offer");
        assertThat(DefaultTemplates.of(NotificationKind.WAITLIST_OFFER, Locale.forLanguageTag("es"), link)
                        .text())
                .contains("abre el enlace de abajo")
                .contains("Aceptar o rechazar el hueco: {{manage_link}}");

        DefaultTemplates.Template without =
                DefaultTemplates.of(NotificationKind.WAITLIST_OFFER, Locale.ENGLISH, MessageExtras.NONE);
        assertThat(without.text()).contains("contact {{organization_name}}").doesNotContain("{{manage_link}}");
        // Other kinds keep their own link words.
        assertThat(DefaultTemplates.of(NotificationKind.REMINDER, Locale.ENGLISH, link)
                        .text())
                .contains("Change or cancel your booking: {{manage_link}}");
    }
}
