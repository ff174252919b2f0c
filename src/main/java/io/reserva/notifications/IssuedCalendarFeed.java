package io.reserva.notifications;

import io.swagger.v3.oas.annotations.media.Schema;

/** A feed just created, with its secret URL: the only time the token is shown. */
public record IssuedCalendarFeed(
        CalendarFeed feed,

        @Schema(
                description = "The feed's secret token (256 bits); stored only as a hash, never shown again",
                example = "cal_3q2-7wEvdS0mH1Xz8H2yQk9sB4cU6eV5tR0pL1oN2mA")
        String token,

        @Schema(
                description = "The path to subscribe to, relative to this server (no API key needed)",
                example = "/calendars/cal_3q2-7wEvdS0mH1Xz8H2yQk9sB4cU6eV5tR0pL1oN2mA.ics")
        String path) {}
