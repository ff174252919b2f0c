package io.reserva.database;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** A database URL in either form users paste: JDBC, or the {@code postgres://} form of hosting platforms. */
record DatabaseUrl(String jdbcUrl, String username, String password) {

    static DatabaseUrl parse(String url, String username, String password) {
        String trimmed = url.strip();
        if (trimmed.startsWith("jdbc:postgresql:")) {
            return new DatabaseUrl(trimmed, username, password);
        }
        if (!trimmed.startsWith("postgres://") && !trimmed.startsWith("postgresql://")) {
            throw new IllegalArgumentException(
                    "RESERVA_DATABASE_URL must start with jdbc:postgresql://, postgres:// or postgresql://");
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("RESERVA_DATABASE_URL is not a valid URL: " + e.getMessage());
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("RESERVA_DATABASE_URL names no host");
        }
        String user = username;
        String pass = password;
        if (uri.getRawUserInfo() != null) {
            String[] credentials = uri.getRawUserInfo().split(":", 2);
            user = decode(credentials[0]);
            pass = credentials.length > 1 ? decode(credentials[1]) : pass;
        }
        String database = uri.getPath() == null || uri.getPath().length() <= 1
                ? "postgres"
                : uri.getPath().substring(1);
        String jdbc = "jdbc:postgresql://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + "/"
                + database + (uri.getRawQuery() != null ? "?" + uri.getRawQuery() : "");
        return new DatabaseUrl(jdbc, user, pass);
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
