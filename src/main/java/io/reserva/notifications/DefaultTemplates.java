package io.reserva.notifications;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The built-in texts of every kind of message, in English and Spanish. Placeholders are {@code {{name}}}; the
 * HTML is plain markup with inline styles and no remote content but the venue's own logo, so it shows the same in
 * every mail client. The venue's colour marks the top and the links; the logo, the manage link and the unsubscribe
 * link appear only when the message has them.
 */
final class DefaultTemplates {

    record Template(String subject, String text, String html) {}

    /** The words of one kind in one language; {@code withCode} when the message has a booking's code to show. */
    private record Texts(String subject, String greeting, String lead, String closing, boolean withCode) {

        Texts(String subject, String greeting, String lead, String closing) {
            this(subject, greeting, lead, closing, true);
        }
    }

    /** The words every kind shares in one language. */
    private record Common(String guests, String code, String manage, String unsubscribe) {}

    private static final Common ENGLISH_COMMON = new Common(
            "Guests",
            "Confirmation code",
            "Change or cancel your booking",
            "No more reminders from {{organization_name}}? Unsubscribe");

    private static final Common SPANISH_COMMON = new Common(
            "Personas",
            "Código de confirmación",
            "Cambiar o cancelar tu reserva",
            "¿No quieres más recordatorios de {{organization_name}}? Darse de baja");

    private static final Map<NotificationKind, Texts> ENGLISH = Map.of(
            NotificationKind.CONFIRMATION,
            new Texts(
                    "Your booking at {{organization_name}} is confirmed: {{date}}, {{time}}",
                    "Hello {{guest_name}},",
                    "your booking at {{organization_name}} is confirmed.",
                    "The calendar invite attached adds it to your calendar."),
            NotificationKind.CHANGE,
            new Texts(
                    "Your booking at {{organization_name}} has changed: {{date}}, {{time}}",
                    "Hello {{guest_name}},",
                    "your booking at {{organization_name}} has changed. This is how it stands now.",
                    "The calendar invite attached updates your calendar."),
            NotificationKind.CANCELLATION,
            new Texts(
                    "Your booking at {{organization_name}} is cancelled",
                    "Hello {{guest_name}},",
                    "your booking at {{organization_name}} is cancelled.",
                    "The calendar invite attached removes it from your calendar."),
            NotificationKind.REMINDER,
            new Texts(
                    "Reminder: {{organization_name}}, {{date}}, {{time}}",
                    "Hello {{guest_name}},",
                    "this is a reminder of your booking at {{organization_name}}.",
                    "We look forward to seeing you."),
            NotificationKind.HOLD_EXPIRED,
            new Texts(
                    "The time held for you at {{organization_name}} has been released",
                    "Hello {{guest_name}},",
                    "the time we were holding for you at {{organization_name}} was not confirmed in time and has been"
                            + " released.",
                    "If you still want it, book again: it may still be free.",
                    false),
            NotificationKind.WAITLIST_OFFER,
            new Texts(
                    "A place for you at {{organization_name}}: {{date}}, {{time}}",
                    "Hello {{guest_name}},",
                    "a place has opened up at {{organization_name}} and we are holding it for you until"
                            + " {{offer_until}}.",
                    "To take it, contact {{organization_name}} before then; after that it passes to the next guest on"
                            + " the list.",
                    false),
            NotificationKind.WAITLIST_READY,
            new Texts(
                    "Your table at {{organization_name}} is ready",
                    "Hello {{guest_name}},",
                    "your table at {{organization_name}} is ready.",
                    "Please come to the host stand now.",
                    false));

    private static final Map<NotificationKind, Texts> SPANISH = Map.of(
            NotificationKind.CONFIRMATION,
            new Texts(
                    "Tu reserva en {{organization_name}} está confirmada: {{date}}, {{time}}",
                    "Hola {{guest_name}}:",
                    "tu reserva en {{organization_name}} está confirmada.",
                    "La invitación adjunta la añade a tu calendario."),
            NotificationKind.CHANGE,
            new Texts(
                    "Tu reserva en {{organization_name}} ha cambiado: {{date}}, {{time}}",
                    "Hola {{guest_name}}:",
                    "tu reserva en {{organization_name}} ha cambiado. Así queda ahora.",
                    "La invitación adjunta actualiza tu calendario."),
            NotificationKind.CANCELLATION,
            new Texts(
                    "Tu reserva en {{organization_name}} está cancelada",
                    "Hola {{guest_name}}:",
                    "tu reserva en {{organization_name}} está cancelada.",
                    "La invitación adjunta la quita de tu calendario."),
            NotificationKind.REMINDER,
            new Texts(
                    "Recordatorio: {{organization_name}}, {{date}}, {{time}}",
                    "Hola {{guest_name}}:",
                    "te recordamos tu reserva en {{organization_name}}.",
                    "Te esperamos."),
            NotificationKind.HOLD_EXPIRED,
            new Texts(
                    "Se ha liberado la hora que te guardábamos en {{organization_name}}",
                    "Hola {{guest_name}}:",
                    "la hora que te guardábamos en {{organization_name}} no se confirmó a tiempo y se ha liberado.",
                    "Si aún la quieres, vuelve a reservar: puede que siga libre.",
                    false),
            NotificationKind.WAITLIST_OFFER,
            new Texts(
                    "Un hueco para ti en {{organization_name}}: {{date}}, {{time}}",
                    "Hola {{guest_name}}:",
                    "se ha liberado un hueco en {{organization_name}} y te lo guardamos hasta las {{offer_until}}.",
                    "Para quedártelo, contacta con {{organization_name}} antes; después pasará a la siguiente persona"
                            + " de la lista.",
                    false),
            NotificationKind.WAITLIST_READY,
            new Texts(
                    "Tu mesa en {{organization_name}} está lista",
                    "Hola {{guest_name}}:",
                    "tu mesa en {{organization_name}} está lista.",
                    "Acércate ahora a recepción.",
                    false));

    private DefaultTemplates() {}

    /** The built-in template without the optional parts (no logo, no links). */
    static Template of(NotificationKind kind, Locale locale) {
        return of(kind, locale, MessageExtras.NONE);
    }

    /**
     * An offer with the link to the guest's status page: taken there, not by contacting the venue. The link's words
     * say what it does.
     */
    private static final Texts ENGLISH_OFFER_WITH_LINK = new Texts(
            ENGLISH.get(NotificationKind.WAITLIST_OFFER).subject(),
            ENGLISH.get(NotificationKind.WAITLIST_OFFER).greeting(),
            ENGLISH.get(NotificationKind.WAITLIST_OFFER).lead(),
            "To take it, open the link below and accept it before then; after that it passes to the next guest on"
                    + " the list.",
            false);

    private static final Texts SPANISH_OFFER_WITH_LINK = new Texts(
            SPANISH.get(NotificationKind.WAITLIST_OFFER).subject(),
            SPANISH.get(NotificationKind.WAITLIST_OFFER).greeting(),
            SPANISH.get(NotificationKind.WAITLIST_OFFER).lead(),
            "Para quedártelo, abre el enlace de abajo y acéptalo antes; después pasará a la siguiente persona de la"
                    + " lista.",
            false);

    private static final Common ENGLISH_OFFER_COMMON = new Common(
            ENGLISH_COMMON.guests(),
            ENGLISH_COMMON.code(),
            "Accept or decline the offer",
            ENGLISH_COMMON.unsubscribe());

    private static final Common SPANISH_OFFER_COMMON = new Common(
            SPANISH_COMMON.guests(),
            SPANISH_COMMON.code(),
            "Aceptar o rechazar el hueco",
            SPANISH_COMMON.unsubscribe());

    /** What a built-in template depends on: its kind, its language, and which optional parts the message has. */
    private record Shape(NotificationKind kind, boolean spanish, boolean logo, boolean manage, boolean unsubscribe) {}

    /** At most 7 kinds × 2 languages × 8 combinations of parts; each is built once instead of per message. */
    private static final Map<Shape, Template> BUILT = new ConcurrentHashMap<>();

    /** The built-in template with the optional parts this message has. */
    static Template of(NotificationKind kind, Locale locale, MessageExtras extras) {
        boolean spanish = "es".equals(locale.getLanguage());
        return BUILT.computeIfAbsent(
                new Shape(
                        kind,
                        spanish,
                        extras.logoUrl() != null,
                        extras.manageLink() != null,
                        extras.unsubscribeLink() != null),
                shape -> build(kind, spanish, extras));
    }

    private static Template build(NotificationKind kind, boolean spanish, MessageExtras extras) {
        Texts texts = (spanish ? SPANISH : ENGLISH).get(kind);
        Common common = spanish ? SPANISH_COMMON : ENGLISH_COMMON;
        if (kind == NotificationKind.WAITLIST_OFFER && extras.manageLink() != null) {
            texts = spanish ? SPANISH_OFFER_WITH_LINK : ENGLISH_OFFER_WITH_LINK;
            common = spanish ? SPANISH_OFFER_COMMON : ENGLISH_OFFER_COMMON;
        }
        return new Template(texts.subject(), text(texts, common, extras), html(texts, common, extras));
    }

    private static String text(Texts texts, Common common, MessageExtras extras) {
        StringBuilder text = new StringBuilder()
                .append(texts.greeting())
                .append("\n\n")
                .append(texts.lead())
                .append("\n\n{{service_name}}\n{{date}}, {{time}}\n")
                .append(common.guests())
                .append(": {{party_size}}\n")
                .append(texts.withCode() ? common.code() + ": {{confirmation_code}}\n" : "")
                .append("\n")
                .append(texts.closing())
                .append("\n\n");
        if (extras.manageLink() != null) {
            text.append(common.manage()).append(": {{manage_link}}\n\n");
        }
        text.append("{{organization_name}}\n");
        if (extras.unsubscribeLink() != null) {
            text.append("\n").append(common.unsubscribe()).append(": {{unsubscribe_link}}\n");
        }
        return text.toString();
    }

    private static String html(Texts texts, Common common, MessageExtras extras) {
        StringBuilder html = new StringBuilder(
                        "<!DOCTYPE html><html><body style=\"margin:0;padding:0;font-family:Arial,Helvetica,sans-serif;"
                                + "color:#1f2937\"><div style=\"border-top:6px solid {{brand_color}};padding:16px 24px\">")
                .append(
                        extras.logoUrl() == null
                                ? ""
                                : "<p><img src=\"{{logo_url}}\" alt=\"{{organization_name}}\""
                                        + " style=\"max-height:64px;max-width:240px\"></p>")
                .append("<p>")
                .append(texts.greeting())
                .append("</p><p>")
                .append(texts.lead())
                .append("</p><p><strong>{{service_name}}</strong><br>{{date}}, {{time}}<br>")
                .append(common.guests())
                .append(": {{party_size}}")
                .append(texts.withCode() ? "<br>" + common.code() + ": <strong>{{confirmation_code}}</strong>" : "")
                .append("</p><p>")
                .append(texts.closing())
                .append("</p>");
        if (extras.manageLink() != null) {
            html.append("<p><a href=\"{{manage_link}}\" style=\"color:{{brand_color}};font-weight:bold\">")
                    .append(common.manage())
                    .append("</a></p>");
        }
        html.append("<p>{{organization_name}}</p>");
        if (extras.unsubscribeLink() != null) {
            html.append("<p style=\"font-size:12px;color:#6b7280\"><a href=\"{{unsubscribe_link}}\""
                            + " style=\"color:#6b7280\">")
                    .append(common.unsubscribe())
                    .append("</a></p>");
        }
        return html.append("</div></body></html>").toString();
    }
}
