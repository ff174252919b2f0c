package io.reserva.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** SMS wording, length and keywords, without Spring. */
class SmsTextTests {

    static final MessageData DATA = new MessageData(
            UUID.randomUUID(),
            "Ana",
            "García",
            UUID.randomUUID(),
            4,
            Instant.parse("2027-03-28T18:30:00Z"),
            Instant.parse("2027-03-28T20:30:00Z"),
            "K7QX4M",
            null);

    @Test
    void segmentsCountGsmCharactersAndFallBackToUnicode() {
        assertThat(SmsText.segments("a".repeat(160))).isEqualTo(1);
        assertThat(SmsText.segments("a".repeat(161))).isEqualTo(2);
        assertThat(SmsText.segments("a".repeat(306))).isEqualTo(2);
        assertThat(SmsText.segments("a".repeat(307))).isEqualTo(3);
        assertThat(SmsText.segments("€".repeat(80)))
                .as("extension characters count twice")
                .isEqualTo(1);
        assertThat(SmsText.segments("€".repeat(81))).isEqualTo(2);
        assertThat(SmsText.segments("ó" + "a".repeat(69)))
                .as("one non-GSM character: UCS-2")
                .isEqualTo(1);
        assertThat(SmsText.segments("ó" + "a".repeat(70))).isEqualTo(2);
    }

    @Test
    void aLongTextIsCutToFitWithAnEllipsis() {
        String fitted = SmsText.fit("word ".repeat(200), 2);
        assertThat(SmsText.segments(fitted)).isEqualTo(2);
        assertThat(fitted).endsWith("...").hasSizeGreaterThan(290);
        String emoji = SmsText.fit("😀".repeat(200), 1);
        assertThat(SmsText.segments(emoji)).isEqualTo(1);
        assertThat(emoji.codePoints().noneMatch(cp -> cp >= 0xD800 && cp <= 0xDFFF))
                .as("no half a character")
                .isTrue();
        assertThat(SmsText.fit("short", 1)).isEqualTo("short");
    }

    @Test
    void theTextSaysWhatAndWhenInTheGuestsLanguageOnTheVenuesClock() {
        MessageContext madrid = new MessageContext(
                "Casa Lucía", null, null, ZoneId.of("Europe/Madrid"), Locale.forLanguageTag("es"), "Cena");
        String spanish = SmsText.compose(NotificationKind.CONFIRMATION, DATA, madrid, 3);
        assertThat(spanish)
                .startsWith("Casa Lucía: tu reserva para 4 el domingo, 28 de marzo de 2027 a las 20:30")
                .contains("K7QX4M")
                .contains("STOP");
        MessageContext english = new MessageContext(
                "A venue with a very long name ".repeat(20),
                null,
                null,
                ZoneId.of("Europe/Madrid"),
                Locale.ENGLISH,
                "");
        String cut = SmsText.compose(NotificationKind.REMINDER, DATA, english, 1);
        assertThat(SmsText.segments(cut)).isEqualTo(1);
        for (NotificationKind kind : NotificationKind.values()) {
            for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.forLanguageTag("es")}) {
                assertThat(SmsText.template(kind, locale))
                        .as("every kind has a text: " + kind + " " + locale)
                        .isNotBlank();
                assertThat(MessageComposer.unknownPlaceholders(SmsText.template(kind, locale)))
                        .as(kind + " " + locale)
                        .isEmpty();
            }
        }
    }

    @Test
    void theHoldAndWaitlistNotesSayWhatHappenedAndTheOfferSaysUntilWhen() {
        MessageContext madrid = new MessageContext(
                "Casa Lucía", null, null, ZoneId.of("Europe/Madrid"), Locale.forLanguageTag("es"), "Cena");
        MessageContext english =
                new MessageContext("Casa Lucía", null, null, ZoneId.of("Europe/Madrid"), Locale.ENGLISH, "Dinner");
        MessageData offered = new MessageData(
                DATA.contactId(),
                "Ana",
                "García",
                DATA.serviceId(),
                4,
                DATA.startDatetime(),
                DATA.endDatetime(),
                null,
                null,
                Instant.parse("2027-03-28T17:45:00Z"));
        assertThat(SmsText.compose(NotificationKind.WAITLIST_OFFER, offered, english, 3))
                // JDK 20+ writes a narrow no-break space before PM, older JDKs a space: \h takes either.
                .containsPattern("held for you until 7:45\\hPM")
                .containsPattern("8:30\\hPM");
        assertThat(SmsText.compose(NotificationKind.WAITLIST_OFFER, offered, madrid, 3))
                .contains("hasta las 19:45");
        assertThat(SmsText.compose(NotificationKind.HOLD_EXPIRED, DATA, english, 3))
                .startsWith("Casa Lucía: the time held for you")
                .contains("released");
        assertThat(SmsText.compose(NotificationKind.WAITLIST_READY, DATA, madrid, 3))
                .isEqualTo("Casa Lucía: tu mesa está lista. Acércate ahora a recepción.");
    }

    @Test
    void onlyMobileNumbersCanTakeSms() {
        assertThat(SmsText.cannotTakeSms("+4915123456789")).isEmpty();
        assertThat(SmsText.cannotTakeSms("+4930123456"))
                .hasValueSatisfying(
                        reason -> assertThat(reason).contains("cannot take SMS").contains("fixed line"));
        assertThat(SmsText.cannotTakeSms("+12")).hasValue("invalid phone number: +12");
        assertThat(SmsText.cannotTakeSms("not a number")).hasValue("invalid phone number: not a number");
    }

    @Test
    void stopAndStartAreRecognizedInAnyCaseWithTrailingPunctuation() {
        for (String stop :
                new String[] {"STOP", " stop ", "Stop.", "STOPALL", "unsubscribe", "CANCEL", "end!", "quit"}) {
            assertThat(SmsCallbacks.keyword(stop)).as(stop).isPresent();
            assertThat(SmsCallbacks.STOP_WORDS)
                    .contains(SmsCallbacks.keyword(stop).get());
        }
        assertThat(SmsCallbacks.keyword("start")).hasValue("START");
        assertThat(SmsCallbacks.keyword("Unstop")).hasValue("UNSTOP");
        assertThat(SmsCallbacks.keyword("please stop sending")).isEmpty();
        assertThat(SmsCallbacks.keyword("")).isEmpty();
        assertThat(SmsCallbacks.keyword(null)).isEmpty();
    }

    @Test
    void twilioSignaturesFollowTheDocumentedExample() {
        // The example of Twilio's security documentation: this URL, these parameters and token sign to this value.
        Map<String, String> parameters = Map.of(
                "CallSid", "CA1234567890ABCDE",
                "Caller", "+14158675310",
                "Digits", "1234",
                "From", "+14158675310",
                "To", "+18005551212");
        assertThat(SmsSignatures.twilio("12345", "https://mycompany.com/myapp.php?foo=1&bar=2", parameters))
                .isEqualTo("GvWf1cFY/Q7PnoempGyD5oXAezc=");
    }
}
