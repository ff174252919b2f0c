package io.reserva.contacts;

/** A contact was created, through the API or by matching a reservation's guest. Published in the transaction. */
public record ContactCreated(Contact contact) {}
