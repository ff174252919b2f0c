package io.reserva.users.web;

import io.reserva.users.UsersProperties;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/**
 * The session cookie: {@code HttpOnly}, {@code SameSite=Lax}, path {@code /}, and {@code Secure} when the
 * request came over https. A proxy's {@code X-Forwarded-Proto} is believed only when the connection comes from
 * one of {@code reserva.users.trusted-proxies}; anyone else could send the header.
 */
class SessionCookies {

    static final String NAME = "reserva_session";

    private final List<Block> trustedProxies;

    SessionCookies(UsersProperties properties) {
        this.trustedProxies =
                properties.trustedProxies().stream().map(Block::parse).toList();
    }

    static Optional<String> read(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        return Arrays.stream(cookies)
                .filter(cookie -> NAME.equals(cookie.getName()))
                .map(Cookie::getValue)
                .findFirst();
    }

    void set(HttpServletRequest request, HttpServletResponse response, String secret, Duration maxAge) {
        response.addHeader(
                HttpHeaders.SET_COOKIE, cookie(request, secret, maxAge).toString());
    }

    void clear(HttpServletRequest request, HttpServletResponse response) {
        response.addHeader(
                HttpHeaders.SET_COOKIE, cookie(request, "", Duration.ZERO).toString());
    }

    private ResponseCookie cookie(HttpServletRequest request, String value, Duration maxAge) {
        return ResponseCookie.from(NAME, value)
                .httpOnly(true)
                .secure(isHttps(request))
                .sameSite("Lax")
                .path("/")
                .maxAge(maxAge)
                .build();
    }

    boolean isHttps(HttpServletRequest request) {
        if (request.isSecure()) {
            return true;
        }
        String forwarded = request.getHeader("X-Forwarded-Proto");
        return forwarded != null
                && "https".equalsIgnoreCase(forwarded.split(",")[0].strip())
                && isTrustedProxy(request.getRemoteAddr());
    }

    boolean isTrustedProxy(String address) {
        if (trustedProxies.isEmpty() || address == null) {
            return false;
        }
        try {
            // Only literal addresses reach here (the connection's peer), so this never queries DNS.
            InetAddress peer = InetAddress.getByName(address);
            return trustedProxies.stream().anyMatch(block -> block.contains(peer));
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** An address or a CIDR block: {@code 10.0.0.0/8}, {@code 127.0.0.1}, {@code ::1}. */
    record Block(byte[] network, int prefix) {

        static Block parse(String text) {
            String[] parts = text.strip().split("/", 2);
            if (!parts[0].matches("[0-9a-fA-F:.]+")) {
                throw new IllegalArgumentException("reserva.users.trusted-proxies: not an address: " + text);
            }
            try {
                byte[] address = InetAddress.getByName(parts[0]).getAddress();
                int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : address.length * 8;
                if (prefix < 0 || prefix > address.length * 8) {
                    throw new IllegalArgumentException("reserva.users.trusted-proxies: bad prefix in " + text);
                }
                return new Block(address, prefix);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("reserva.users.trusted-proxies: not an address: " + text, e);
            }
        }

        boolean contains(InetAddress peer) {
            byte[] address = peer.getAddress();
            if (address.length != network.length) {
                return false;
            }
            int bits = address.length * 8;
            BigInteger mask = BigInteger.ONE
                    .shiftLeft(bits)
                    .subtract(BigInteger.ONE)
                    .shiftRight(prefix)
                    .not();
            return new BigInteger(1, address).and(mask).equals(new BigInteger(1, network).and(mask));
        }
    }
}
