package io.reserva.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseUrlTests {

    @Test
    void jdbcUrlsPassThrough() {
        DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://db:5432/reserva?sslmode=require", "u", "p");
        assertThat(url).isEqualTo(new DatabaseUrl("jdbc:postgresql://db:5432/reserva?sslmode=require", "u", "p"));
    }

    @Test
    void postgresUrlsCarryTheirCredentials() {
        DatabaseUrl url = DatabaseUrl.parse(
                "postgres://app:s%40cret%3A1@db.internal:6543/bookings?sslmode=verify-full", null, null);
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6543/bookings?sslmode=verify-full");
        assertThat(url.username()).isEqualTo("app");
        assertThat(url.password()).isEqualTo("s@cret:1");
    }

    @Test
    void postgresqlSchemeAndDefaultsWork() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://db", "fallback", "pw");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db/postgres");
        assertThat(url.username()).isEqualTo("fallback");
    }

    @Test
    void otherUrlsAreRefusedWithAClearMessage() {
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://db/x", null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("RESERVA_DATABASE_URL");
    }
}
