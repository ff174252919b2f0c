package io.reserva.shared.query;

import java.util.List;

/** One parsed condition: field, operator and the parsed value(s); a null value means SQL NULL. */
record Filter(QueryField field, Operator operator, List<Object> values) {}
