package io.reserva.shared.query;

/** One ordering term of a list. */
record SortKey(QueryField field, boolean ascending) {}
