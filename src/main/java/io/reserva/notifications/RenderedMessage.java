package io.reserva.notifications;

/** A message as the guest would read it. */
public record RenderedMessage(String subject, String text, String html) {}
