package io.reserva.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import org.junit.jupiter.api.Test;

class AddressGuardTests {

    @Test
    void internalAddressesAreRecognizedInEveryDisguise() throws Exception {
        for (String internal : new String[] {
            "127.0.0.1",
            "127.8.9.10",
            "10.0.0.1",
            "172.16.0.1",
            "172.31.255.255",
            "192.168.0.1",
            "169.254.169.254",
            "169.254.1.1",
            "100.64.0.1",
            "100.127.255.255",
            "0.0.0.0",
            "0.1.2.3",
            "224.0.0.1",
            "255.255.255.255",
            "198.18.0.1",
            "192.0.0.8",
            "::1",
            "::",
            "fe80::1",
            "fd00:ec2::254",
            "fc00::1",
            "ff02::1",
            "::ffff:10.0.0.1",
            "::127.0.0.1",
            "64:ff9b::a9fe:a9fe",
            "2002:7f00:1::1",
            "2001:0:4136:e378::1"
        }) {
            assertThat(AddressGuard.isInternal(InetAddress.getByName(internal)))
                    .as(internal)
                    .isTrue();
        }
    }

    @Test
    void publicAddressesPass() throws Exception {
        for (String external : new String[] {
            "93.184.216.34",
            "8.8.8.8",
            "1.1.1.1",
            "172.32.0.1",
            "100.128.0.1",
            "2606:4700:4700::1111",
            "2a00:1450:4001:81b::200e",
            "64:ff9b::808:808"
        }) {
            assertThat(AddressGuard.isInternal(InetAddress.getByName(external)))
                    .as(external)
                    .isFalse();
        }
    }

    @Test
    void onlyPlainHttpUrlsAreTargets() throws Exception {
        assertThat(AddressGuard.parse("https://example.com/hook")).isEqualTo(URI.create("https://example.com/hook"));
        for (String bad : new String[] {
            "ftp://example.com",
            "file:///etc/passwd",
            "gopher://x",
            "https:///nohost",
            "https://u:p@example.com/",
            "https://example.com/#frag",
            "not a url",
            " ",
            "http://" + "a".repeat(2050)
        }) {
            assertThatThrownBy(() -> AddressGuard.parse(bad)).as(bad).isInstanceOf(AddressGuard.Refused.class);
        }
    }

    @Test
    void portsOutsideOneTo65535AreRefused() throws Exception {
        for (String bad : new String[] {
            "http://example.com:99999/hook",
            "http://example.com:0/hook",
            "https://example.com:65536/",
            "http://[2606:4700::1111]:70000/"
        }) {
            assertThatThrownBy(() -> AddressGuard.parse(bad))
                    .as(bad)
                    .isInstanceOf(AddressGuard.Refused.class)
                    .hasMessageContaining("1 to 65535");
        }
        assertThat(AddressGuard.parse("https://example.com:65535/").getPort()).isEqualTo(65535);
        assertThat(AddressGuard.parse("http://example.com:1/").getPort()).isEqualTo(1);
        assertThat(AddressGuard.parse("http://example.com/").getPort()).isEqualTo(-1);
    }

    @Test
    void ipv4AddressesMustBeFourDecimalNumbers() throws Exception {
        for (String bad : new String[] {
            "http://0x7f.1/",
            "http://0x7f000001/",
            "http://2130706433/",
            "http://127.1/",
            "http://127.0.1/",
            "http://0177.0.0.1/",
            "http://127.0.0.01/",
            "http://0x7f.0x0.0x0.0x1/",
            "http://1.2.3.4./",
            "http://1.2.3.256/",
            "http://1.2.3.4.5/",
            "http://api.example.123/",
            "http://0x7f.1:8080/"
        }) {
            assertThatThrownBy(() -> AddressGuard.parse(bad))
                    .as(bad)
                    .isInstanceOf(AddressGuard.Refused.class)
                    .hasMessageContaining("four decimal numbers");
        }
        for (String good : new String[] {
            "http://203.0.113.7/",
            "http://0.0.0.0/",
            "http://1e100.net/",
            "http://0x7f.example.com/",
            "http://123.example/"
        }) {
            assertThat(AddressGuard.parse(good).getHost()).as(good).isNotNull();
        }
    }

    @Test
    void theSwitchForDevelopmentLetsPrivateAddressesThrough() throws Exception {
        AddressGuard guard = new AddressGuard(properties(false));
        assertThatThrownBy(() -> guard.check("http://127.0.0.1:9/x"))
                .isInstanceOf(AddressGuard.Refused.class)
                .hasMessageContaining("127.0.0.1")
                .hasMessageContaining("RESERVA_WEBHOOKS_ALLOW_PRIVATE_NETWORKS");
        guard.allowPrivateNetworks(true);
        assertThat(guard.check("http://127.0.0.1:9/x").getPort()).isEqualTo(9);
    }

    static WebhookProperties properties(boolean allowPrivate) {
        return new WebhookProperties(allowPrivate, null, null, null, null, null, null, null, null, null, null, null);
    }
}
