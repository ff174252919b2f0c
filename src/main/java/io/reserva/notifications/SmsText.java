package io.reserva.notifications;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The text of an SMS: the built-in wording per kind and language, rendered with the same placeholders as email,
 * and kept within a number of segments. A segment is 160 GSM-7 characters (153 each when a message is split,
 * characters of the extension table counting twice), or 70 UTF-16 units (67 when split) as soon as one character
 * is outside GSM-7, as an accented Spanish {@code ó} is.
 */
final class SmsText {

    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM_EXTENSION = "^{}\\[~]|€\f";
    private static final String ELLIPSIS = "...";

    private static final Map<NotificationKind, String> ENGLISH = Map.of(
            NotificationKind.CONFIRMATION,
            "{{organization_name}}: your booking for {{party_size}} on {{date}} at {{time}} is confirmed."
                    + " Code {{confirmation_code}}. Reply STOP to get no more texts.",
            NotificationKind.CHANGE,
            "{{organization_name}}: your booking has changed. It is now for {{party_size}} on {{date}} at {{time}}."
                    + " Code {{confirmation_code}}.",
            NotificationKind.CANCELLATION,
            "{{organization_name}}: your booking on {{date}} at {{time}} is cancelled. Code {{confirmation_code}}.",
            NotificationKind.REMINDER,
            "{{organization_name}}: a reminder of your booking for {{party_size}} on {{date}} at {{time}}."
                    + " Code {{confirmation_code}}.",
            NotificationKind.HOLD_EXPIRED,
            "{{organization_name}}: the time held for you on {{date}} at {{time}} was not confirmed in time and has"
                    + " been released. Book again if you still want it.",
            NotificationKind.WAITLIST_OFFER,
            "{{organization_name}}: a place for {{party_size}} on {{date}} at {{time}} is held for you until"
                    + " {{offer_until}}. Contact us before then to take it.",
            NotificationKind.WAITLIST_READY,
            "{{organization_name}}: your table is ready. Please come to the host stand now.");

    private static final Map<NotificationKind, String> SPANISH = Map.of(
            NotificationKind.CONFIRMATION,
            "{{organization_name}}: tu reserva para {{party_size}} el {{date}} a las {{time}} está confirmada."
                    + " Código {{confirmation_code}}. Responde STOP para no recibir más SMS.",
            NotificationKind.CHANGE,
            "{{organization_name}}: tu reserva ha cambiado. Ahora es para {{party_size}} el {{date}} a las {{time}}."
                    + " Código {{confirmation_code}}.",
            NotificationKind.CANCELLATION,
            "{{organization_name}}: tu reserva del {{date}} a las {{time}} está cancelada."
                    + " Código {{confirmation_code}}.",
            NotificationKind.REMINDER,
            "{{organization_name}}: te recordamos tu reserva para {{party_size}} el {{date}} a las {{time}}."
                    + " Código {{confirmation_code}}.",
            NotificationKind.HOLD_EXPIRED,
            "{{organization_name}}: la hora que te guardábamos el {{date}} a las {{time}} no se confirmó a tiempo y"
                    + " se ha liberado. Si aún la quieres, vuelve a reservar.",
            NotificationKind.WAITLIST_OFFER,
            "{{organization_name}}: te guardamos un hueco para {{party_size}} el {{date}} a las {{time}} hasta las"
                    + " {{offer_until}}. Contacta con nosotros antes para quedártelo.",
            NotificationKind.WAITLIST_READY,
            "{{organization_name}}: tu mesa está lista. Acércate ahora a recepción.");

    private SmsText() {}

    /** The built-in SMS text of a kind in a language (Spanish for {@code es}, English otherwise). */
    static String template(NotificationKind kind, Locale locale) {
        return ("es".equals(locale.getLanguage()) ? SPANISH : ENGLISH).get(kind);
    }

    /** The message a guest reads, within {@code maxSegments}. */
    static String compose(NotificationKind kind, MessageData data, MessageContext context, int maxSegments) {
        return compose(template(kind, context.locale()), data, context, maxSegments);
    }

    /** {@code template} (built-in or the organization's own) rendered, within {@code maxSegments}. */
    static String compose(String template, MessageData data, MessageContext context, int maxSegments) {
        String text = MessageComposer.render(template, MessageComposer.values(data, context), false);
        return fit(text.strip(), maxSegments);
    }

    /** Why a number (E.164) cannot take SMS, or empty when it is a mobile number. */
    static Optional<String> cannotTakeSms(String phone) {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        PhoneNumber number;
        try {
            number = util.parse(phone, "ZZ");
        } catch (NumberParseException e) {
            return Optional.of("invalid phone number: " + phone);
        }
        if (!util.isValidNumber(number)) {
            return Optional.of("invalid phone number: " + phone);
        }
        PhoneNumberType type = util.getNumberType(number);
        if (type == PhoneNumberType.MOBILE || type == PhoneNumberType.FIXED_LINE_OR_MOBILE) {
            return Optional.empty();
        }
        return Optional.of("the phone number " + phone + " cannot take SMS ("
                + type.name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")");
    }

    /** How many segments {@code text} is sent as. */
    static int segments(String text) {
        int gsmUnits = 0;
        boolean gsm = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (GSM_BASIC.indexOf(c) >= 0) {
                gsmUnits += 1;
            } else if (GSM_EXTENSION.indexOf(c) >= 0) {
                gsmUnits += 2;
            } else {
                gsm = false;
                break;
            }
        }
        if (gsm) {
            return gsmUnits <= 160 ? 1 : (gsmUnits + 152) / 153;
        }
        return text.length() <= 70 ? 1 : (text.length() + 66) / 67;
    }

    /** {@code text}, or as much of it as fits in {@code maxSegments} with {@code ...} at the end. */
    static String fit(String text, int maxSegments) {
        if (segments(text) <= maxSegments) {
            return text;
        }
        // Nothing longer than 160 characters a segment can fit; start there rather than one character at a time.
        String cut = text.length() > maxSegments * 160 ? text.substring(0, maxSegments * 160) : text;
        while (!cut.isEmpty()) {
            cut = cut.substring(0, cut.offsetByCodePoints(cut.length(), -1)).stripTrailing();
            if (segments(cut + ELLIPSIS) <= maxSegments) {
                return cut + ELLIPSIS;
            }
        }
        return ELLIPSIS;
    }
}
