package io.reserva.notifications;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.util.HtmlUtils;

/**
 * Turns a queued message into what the guest reads, from the built-in texts in English and Spanish. Every value
 * that comes from a guest or a venue (names, notes) is escaped for HTML; the plain text and the subject carry
 * them as typed, with line breaks flattened in the subject so a name cannot add a mail header.
 */
final class MessageComposer {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-z_]+)\\s*}}");

    private MessageComposer() {}

    static Message compose(NotificationRepository.Claim claim, MessageData data, MessageContext context, Instant now) {
        Map<String, String> values = values(data, context);
        DefaultTemplates.Template template = DefaultTemplates.of(claim.kind(), context.locale());
        String subject = render(template.subject(), values, false).replaceAll("[\\r\\n\\t]+", " ");
        String text = render(template.text(), values, false);
        String html = render(template.html(), values, true);
        Message.CalendarInvite invite = claim.kind() == NotificationKind.REMINDER
                ? null
                : CalendarInvites.of(
                        claim.reservationId(),
                        claim.kind(),
                        claim.sequence(),
                        data,
                        context,
                        context.serviceName() + " · " + context.organizationName(),
                        claim.recipient(),
                        now);
        return new Message(subject, text, html, invite);
    }

    /** The values the placeholders stand for. */
    static Map<String, String> values(MessageData data, MessageContext context) {
        ZonedDateTime start = data.startDatetime().atZone(context.zone());
        Locale locale = context.locale();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("guest_name", data.guestName());
        values.put("organization_name", context.organizationName());
        values.put("service_name", context.serviceName());
        values.put(
                "date",
                start.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale)));
        values.put(
                "time",
                start.format(
                        DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale)));
        values.put("party_size", Integer.toString(data.partySize()));
        values.put("confirmation_code", data.confirmationCode() == null ? "" : data.confirmationCode());
        return values;
    }

    /** Replaces every known placeholder; the templates are checked to hold no other. */
    static String render(String template, Map<String, String> values, boolean html) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalStateException("Unknown placeholder {{" + matcher.group(1) + "}}");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(html ? HtmlUtils.htmlEscape(value) : value));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
