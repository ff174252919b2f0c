package io.reserva.webhooks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Keeps webhooks away from the server's own networks (SSRF): a target must be http(s), and every address its host
 * resolves to must be public. Loopback, private (RFC 1918), link-local (with the cloud metadata address
 * 169.254.169.254), unique-local IPv6 (with fd00:ec2::254), CGNAT, unspecified, multicast and reserved ranges are
 * refused, also when wrapped in IPv4-mapped, NAT64 or 6to4 IPv6 addresses; ports outside 1–65535 and IPv4 addresses
 * in any form but four decimal numbers ({@code 127.1}, {@code 0x7f.1}, {@code 2130706433}) are refused too. Checked when an endpoint is registered
 * or changed and again before every attempt. {@code RESERVA_WEBHOOKS_ALLOW_PRIVATE_NETWORKS=true} turns the address
 * check off (development and tests); the scheme check stays.
 */
@Component
public class AddressGuard {

    /** Why a target is refused; the message names the address, never secrets. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    private volatile boolean allowPrivateNetworks;

    AddressGuard(WebhookProperties properties) {
        this.allowPrivateNetworks = properties.allowPrivateNetworks();
    }

    /** For tests that check the guard on an application configured without it. */
    void allowPrivateNetworks(boolean allow) {
        this.allowPrivateNetworks = allow;
    }

    boolean allowsPrivateNetworks() {
        return allowPrivateNetworks;
    }

    /**
     * Why the server may not call {@code url}, or empty when it may: the same rules as webhook endpoints, for other
     * modules that call addresses their users give (the SMS webhook).
     */
    public java.util.Optional<String> refusal(String url) {
        try {
            check(url);
            return java.util.Optional.empty();
        } catch (Refused refused) {
            return java.util.Optional.of(refused.getMessage());
        }
    }

    /** The URL as a URI if it is an acceptable target; otherwise why not. */
    URI check(String url) throws Refused {
        URI uri = parse(url);
        addresses(uri);
        return uri;
    }

    /** Resolves the target's host and returns its addresses, refusing if any of them is not public. */
    List<InetAddress> addresses(URI uri) throws Refused {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw new Refused("the host " + uri.getHost() + " does not resolve");
        }
        if (!allowPrivateNetworks) {
            for (InetAddress address : addresses) {
                if (isInternal(address)) {
                    throw new Refused("the host " + uri.getHost() + " resolves to " + address.getHostAddress()
                            + ", which is not a public address (RESERVA_WEBHOOKS_ALLOW_PRIVATE_NETWORKS=true allows"
                            + " it in development)");
                }
            }
        }
        return Arrays.asList(addresses);
    }

    static URI parse(String url) throws Refused {
        if (url == null || url.isBlank()) {
            throw new Refused("is required");
        }
        if (url.length() > 2048) {
            throw new Refused("is longer than 2048 characters");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new Refused("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new Refused("must be an http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            // java.net.URI leaves the host out when it is not a valid host name, as with 127.1 or 0x7f.1
            if (uri.getRawAuthority() != null && uri.getRawUserInfo() == null) {
                checkIpv4Form(uri.getRawAuthority().replaceFirst(":[0-9]*$", ""));
            }
            throw new Refused("must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new Refused("must not carry a user name or password");
        }
        if (uri.getRawFragment() != null) {
            throw new Refused("must not have a fragment (#...)");
        }
        if (uri.getPort() != -1 && (uri.getPort() < 1 || uri.getPort() > 65535)) {
            throw new Refused("has port " + uri.getPort() + "; a port is a number from 1 to 65535");
        }
        checkIpv4Form(uri.getHost());
        return uri;
    }

    /**
     * A host that ends in a number is an IPv4 address to URL parsers (the WHATWG "ends in a number" rule), and
     * they read short, hexadecimal, octal and single-number forms differently: {@code 127.1}, {@code 0x7f.1},
     * {@code 0177.0.0.1} and {@code 2130706433} are all loopback to some of them and host names to others. Such a
     * host must be four decimal numbers without leading zeros, so the address checked is the address connected to.
     */
    private static void checkIpv4Form(String host) throws Refused {
        if (host.startsWith("[")) {
            return; // an IPv6 literal, parsed strictly by java.net.URI
        }
        String[] labels = host.toLowerCase(Locale.ROOT).split("\\.", -1);
        String last = labels[labels.length - 1];
        if (last.isEmpty() && labels.length > 1) {
            last = labels[labels.length - 2];
        }
        boolean endsInNumber = last.matches("[0-9]+") || last.matches("0x[0-9a-f]*");
        if (endsInNumber && !isCanonicalIpv4(labels)) {
            throw new Refused("names the IPv4 address '" + host
                    + "' in a form URL parsers read differently; write it as four decimal numbers, like 203.0.113.7");
        }
    }

    private static boolean isCanonicalIpv4(String[] labels) {
        if (labels.length != 4) {
            return false;
        }
        for (String label : labels) {
            if (!label.matches("0|[1-9][0-9]{0,2}") || Integer.parseInt(label) > 255) {
                return false;
            }
        }
        return true;
    }

    static boolean isInternal(InetAddress address) {
        if (address.isAnyLocalAddress()
                || address.isLoopbackAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return isInternalV4(b);
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {
                return true; // fc00::/7 unique local, fd00:ec2::254 among them
            }
            if (isZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                return isInternalV4(Arrays.copyOfRange(b, 12, 16)); // ::ffff:a.b.c.d
            }
            if (isZero(b, 0, 12)) {
                return true; // ::a.b.c.d, deprecated IPv4-compatible
            }
            if (first == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
                return isInternalV4(Arrays.copyOfRange(b, 12, 16)); // 64:ff9b::/96 NAT64
            }
            if (first == 0x20 && (b[1] & 0xff) == 0x02) {
                return isInternalV4(Arrays.copyOfRange(b, 2, 6)); // 2002::/16 6to4
            }
            if (first == 0x20 && (b[1] & 0xff) == 0x01 && b[2] == 0 && b[3] == 0) {
                return true; // 2001::/32 Teredo: the real target is hidden in the address
            }
            return false;
        }
        return true;
    }

    private static boolean isInternalV4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        return a0 == 0 // 0.0.0.0/8 "this network"
                || a0 == 10
                || a0 == 127
                || (a0 == 100 && a1 >= 64 && a1 <= 127) // 100.64.0.0/10 CGNAT (and some clouds' metadata)
                || (a0 == 169 && a1 == 254) // link-local, 169.254.169.254 metadata
                || (a0 == 172 && a1 >= 16 && a1 <= 31)
                || (a0 == 192 && a1 == 168)
                || (a0 == 192 && a1 == 0 && a2 == 0) // 192.0.0.0/24 protocol assignments
                || (a0 == 198 && (a1 == 18 || a1 == 19)) // 198.18.0.0/15 benchmarking
                || a0 >= 224; // multicast, reserved and broadcast
    }

    private static boolean isZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
