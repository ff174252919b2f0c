package io.reserva.notifications;

import java.util.Locale;
import java.util.Map;

/**
 * The built-in texts of every kind of message, in English and Spanish. Placeholders are {@code {{name}}}; the
 * HTML is plain markup with no remote content, so it shows the same in every mail client.
 */
final class DefaultTemplates {

    record Template(String subject, String text, String html) {}

    private static final String HTML_DETAILS = """
            <p><strong>{{service_name}}</strong><br>{{date}}, {{time}}<br>%s: {{party_size}}<br>%s: \
            <strong>{{confirmation_code}}</strong></p>""";

    private static final Map<NotificationKind, Template> ENGLISH = Map.of(
            NotificationKind.CONFIRMATION,
            template(
                    "Your booking at {{organization_name}} is confirmed: {{date}}, {{time}}",
                    "Hello {{guest_name}},",
                    "your booking at {{organization_name}} is confirmed.",
                    "The calendar invite attached adds it to your calendar.",
                    "Guests",
                    "Confirmation code"),
            NotificationKind.CHANGE,
            template(
                    "Your booking at {{organization_name}} has changed: {{date}}, {{time}}",
                    "Hello {{guest_name}},",
                    "your booking at {{organization_name}} has changed. This is how it stands now.",
                    "The calendar invite attached updates your calendar.",
                    "Guests",
                    "Confirmation code"),
            NotificationKind.CANCELLATION,
            template(
                    "Your booking at {{organization_name}} is cancelled",
                    "Hello {{guest_name}},",
                    "your booking at {{organization_name}} is cancelled.",
                    "The calendar invite attached removes it from your calendar.",
                    "Guests",
                    "Confirmation code"),
            NotificationKind.REMINDER,
            template(
                    "Reminder: {{organization_name}}, {{date}}, {{time}}",
                    "Hello {{guest_name}},",
                    "this is a reminder of your booking at {{organization_name}}.",
                    "We look forward to seeing you.",
                    "Guests",
                    "Confirmation code"));

    private static final Map<NotificationKind, Template> SPANISH = Map.of(
            NotificationKind.CONFIRMATION,
            template(
                    "Tu reserva en {{organization_name}} está confirmada: {{date}}, {{time}}",
                    "Hola {{guest_name}}:",
                    "tu reserva en {{organization_name}} está confirmada.",
                    "La invitación adjunta la añade a tu calendario.",
                    "Personas",
                    "Código de confirmación"),
            NotificationKind.CHANGE,
            template(
                    "Tu reserva en {{organization_name}} ha cambiado: {{date}}, {{time}}",
                    "Hola {{guest_name}}:",
                    "tu reserva en {{organization_name}} ha cambiado. Así queda ahora.",
                    "La invitación adjunta actualiza tu calendario.",
                    "Personas",
                    "Código de confirmación"),
            NotificationKind.CANCELLATION,
            template(
                    "Tu reserva en {{organization_name}} está cancelada",
                    "Hola {{guest_name}}:",
                    "tu reserva en {{organization_name}} está cancelada.",
                    "La invitación adjunta la quita de tu calendario.",
                    "Personas",
                    "Código de confirmación"),
            NotificationKind.REMINDER,
            template(
                    "Recordatorio: {{organization_name}}, {{date}}, {{time}}",
                    "Hola {{guest_name}}:",
                    "te recordamos tu reserva en {{organization_name}}.",
                    "Te esperamos.",
                    "Personas",
                    "Código de confirmación"));

    private DefaultTemplates() {}

    static Template of(NotificationKind kind, Locale locale) {
        return ("es".equals(locale.getLanguage()) ? SPANISH : ENGLISH).get(kind);
    }

    private static Template template(
            String subject, String greeting, String lead, String closing, String guests, String code) {
        String text = greeting + "\n\n" + lead + "\n\n{{service_name}}\n{{date}}, {{time}}\n" + guests
                + ": {{party_size}}\n" + code + ": {{confirmation_code}}\n\n" + closing + "\n\n{{organization_name}}\n";
        String html = "<!DOCTYPE html><html><body><p>" + greeting + "</p><p>" + lead + "</p>"
                + HTML_DETAILS.formatted(guests, code) + "<p>" + closing + "</p><p>{{organization_name}}</p>"
                + "</body></html>";
        return new Template(subject, text, html);
    }
}
