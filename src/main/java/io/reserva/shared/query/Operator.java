package io.reserva.shared.query;

import java.util.Arrays;
import java.util.Optional;

/** The filter operators of the query language, as written in the query string. */
public enum Operator {
    EQ(null, "="),
    NE("$ne", "<>"),
    IN("$in", null),
    NIN("$nin", null),
    GT("$gt", ">"),
    GTE("$gte", ">="),
    LT("$lt", "<"),
    LTE("$lte", "<=");

    private final String wire;
    private final String sql;

    Operator(String wire, String sql) {
        this.wire = wire;
        this.sql = sql;
    }

    static Optional<Operator> fromWire(String wire) {
        return Arrays.stream(values()).filter(op -> wire.equals(op.wire)).findFirst();
    }

    String wire() {
        return wire == null ? "=" : wire;
    }

    String sql() {
        return sql;
    }

    boolean isList() {
        return this == IN || this == NIN;
    }

    boolean isComparison() {
        return this == GT || this == GTE || this == LT || this == LTE;
    }
}
