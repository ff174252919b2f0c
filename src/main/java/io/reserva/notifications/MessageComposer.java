package io.reserva.notifications;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.util.HtmlUtils;

/**
 * Turns a queued message into what the guest reads, from the built-in texts in English and Spanish. Every value
 * that comes from a guest or a venue (names, notes) is escaped for HTML; the plain text and the subject carry
 * them as typed, with line breaks flattened in the subject so a name cannot add a mail header.
 */
final class MessageComposer {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");

    /** The placeholders a template may use. */
    static final Set<String> PLACEHOLDERS = Set.of(
            "guest_name",
            "organization_name",
            "service_name",
            "date",
            "time",
            "party_size",
            "confirmation_code",
            "manage_link",
            "unsubscribe_link",
            "logo_url",
            "brand_color",
            "offer_until");

    /** Formatters per language, made once: building a localized one per message showed in the senders' profile. */
    private static final Map<Locale, DateTimeFormatter> DATES = new ConcurrentHashMap<>();

    private static final Map<Locale, DateTimeFormatter> TIMES = new ConcurrentHashMap<>();

    private MessageComposer() {}

    private static DateTimeFormatter timeFormat(Locale locale) {
        return TIMES.computeIfAbsent(
                locale,
                l -> DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(l));
    }

    static Message compose(
            NotificationRepository.Claim claim,
            MessageData data,
            MessageContext context,
            DefaultTemplates.Template template,
            Instant now) {
        Map<String, String> values = values(data, context);
        String subject = render(template.subject(), values, false).replaceAll("[\\r\\n\\t]+", " ");
        String text = render(template.text(), values, false);
        String html = render(template.html(), values, true);
        Message.CalendarInvite invite = !claim.kind().carriesInvite()
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
        return new Message(subject, text, html, invite, context.extras().unsubscribeLink());
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
                start.format(DATES.computeIfAbsent(
                        locale,
                        l -> DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(l))));
        values.put("time", start.format(timeFormat(locale)));
        values.put("party_size", Integer.toString(data.partySize()));
        values.put("confirmation_code", data.confirmationCode() == null ? "" : data.confirmationCode());
        values.put(
                "offer_until",
                data.offerExpiresAt() == null
                        ? ""
                        : data.offerExpiresAt().atZone(context.zone()).format(timeFormat(locale)));
        MessageExtras extras = context.extras();
        values.put("manage_link", extras.manageLink() == null ? "" : extras.manageLink());
        values.put("unsubscribe_link", extras.unsubscribeLink() == null ? "" : extras.unsubscribeLink());
        values.put("logo_url", extras.logoUrl() == null ? "" : extras.logoUrl());
        values.put("brand_color", extras.colorOrDefault());
        return values;
    }

    /** Renders a template's three texts: values escaped in the HTML, line breaks flattened in the subject. */
    static RenderedMessage render(DefaultTemplates.Template template, MessageData data, MessageContext context) {
        Map<String, String> values = values(data, context);
        return new RenderedMessage(
                render(template.subject(), values, false).replaceAll("[\\r\\n\\t]+", " "),
                render(template.text(), values, false),
                render(template.html(), values, true));
    }

    /** The placeholders in {@code template} that are not known, in order of appearance, each once. */
    /** Every placeholder a template uses, known or not, in order of first use. */
    static List<String> placeholdersIn(String template) {
        Set<String> used = new LinkedHashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(template);
        while (matcher.find()) {
            used.add(matcher.group(1));
        }
        return List.copyOf(used);
    }

    static List<String> unknownPlaceholders(String template) {
        Set<String> unknown = new LinkedHashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(template);
        while (matcher.find()) {
            if (!PLACEHOLDERS.contains(matcher.group(1))) {
                unknown.add(matcher.group(1));
            }
        }
        return List.copyOf(unknown);
    }

    /** Replaces every known placeholder; templates are checked to hold no other when they are saved. */
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
