package io.reserva.notifications;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.reserva.shared.WireEnum;

/** How an organization's SMS go out: not at all, through Twilio, or to its own signed webhook. */
public enum SmsProvider implements WireEnum {
    NONE,
    TWILIO,
    WEBHOOK;

    @Override
    @JsonValue
    public String wire() {
        return WireEnum.lowerCase(this);
    }

    @JsonCreator
    public static SmsProvider fromWire(String wire) {
        return WireEnum.parse(SmsProvider.class, wire);
    }
}
