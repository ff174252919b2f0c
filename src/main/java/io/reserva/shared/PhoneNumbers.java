package io.reserva.shared;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Optional;

/** E.164 phone numbers (libphonenumber). A number without a country prefix is read as one of the given country. */
public final class PhoneNumbers {

    private PhoneNumbers() {}

    /** The number in E.164, or empty when it is not a valid phone number. */
    public static Optional<String> toE164(String raw, String country) {
        if (raw == null || raw.length() > 50) {
            return Optional.empty();
        }
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        try {
            PhoneNumber number = util.parse(raw, country == null ? "ZZ" : country);
            return util.isValidNumber(number)
                    ? Optional.of(util.format(number, PhoneNumberUtil.PhoneNumberFormat.E164))
                    : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
