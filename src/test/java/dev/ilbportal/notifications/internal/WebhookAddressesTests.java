package dev.ilbportal.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Webhooks call only https URLs of public addresses, unless their host is on the allow-list. */
class WebhookAddressesTests {

    /** A resolver with fixed answers, so tests do not depend on this machine's DNS. */
    private static final Map<String, String> NAMES = Map.of(
            "hooks.example.com", "93.184.215.14",
            "rebound.example.com", "169.254.169.254",
            "intranet.example.com", "10.20.30.40",
            "chat.corp.example", "192.168.1.20");

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        String address = NAMES.get(host);
        if (address == null && !Character.isDigit(host.charAt(0)) && !host.contains(":")) {
            throw new UnknownHostException(host);
        }
        return new InetAddress[] {InetAddress.getByName(address == null ? host : address)};
    }

    private final WebhookAddresses addresses = new WebhookAddresses(Set.of("chat.corp.example", "127.0.0.1"),
            WebhookAddressesTests::resolve);

    @Test
    void httpsToAPublicAddressIsAllowed() {
        assertThat(addresses.refusal("https://hooks.example.com/ilb?token=x")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://127.0.0.3/hook", "https://localhost.localdomain.invalid/", "https://[::1]/hook",
            "https://169.254.169.254/latest/meta-data/", "https://rebound.example.com/hook",
            "https://10.0.0.5/", "https://172.16.9.9/", "https://192.168.0.1/", "https://intranet.example.com/",
            "https://100.64.1.1/", "https://0.0.0.0/", "https://[fd00:ec2::254]/", "https://[fe80::1]/",
            "https://[::ffff:10.0.0.1]/", "https://224.0.0.1/"})
    void internalOrUnknownAddressesAreRefused(String url) {
        assertThat(addresses.refusal(url)).as(url).isPresent();
    }

    @Test
    void theRefusalSaysWhichAddressAndHowToAllowIt() {
        assertThat(addresses.refusal("https://rebound.example.com/hook")).get().asString()
                .contains("169.254.169.254").contains("portal.notifications.webhook-allowed-hosts");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://hooks.example.com/", "ftp://hooks.example.com/", "hooks.example.com/x",
            "https://user:pass@hooks.example.com/", "https:///nohost", "not a url"})
    void onlyHttpsUrlsWithAHostAndNoCredentialsAreAccepted(String url) {
        assertThat(addresses.refusal(url)).as(url).isPresent();
    }

    @Test
    void allowListedHostsMayBeInternalAndUseHttp() {
        assertThat(addresses.refusal("http://chat.corp.example/hook")).isEmpty();
        assertThat(addresses.refusal("https://CHAT.corp.example/hook")).isEmpty();
        assertThat(addresses.refusal("http://127.0.0.1:8125/hook")).isEmpty();
        assertThat(addresses.refusal("http://127.0.0.2/hook")).as("only the listed host").isPresent();
    }

    @Test
    void pagesShowAUrlOnlyUpToItsHost() {
        assertThat(WebhookAddresses.masked("https://hooks.example.com/services/T000/B000/XXXX?x=1"))
                .isEqualTo("https://hooks.example.com/…");
        assertThat(WebhookAddresses.masked("http://127.0.0.1:9/team")).isEqualTo("http://127.0.0.1:9/…");
        assertThat(WebhookAddresses.masked("https://hooks.example.com")).isEqualTo("https://hooks.example.com/");
        assertThat(WebhookAddresses.masked("https://hooks.example.com/…")).isEqualTo("https://hooks.example.com/…");
        assertThat(WebhookAddresses.hostOf("https://hooks.example.com:8443/a/b")).isEqualTo("hooks.example.com");
    }
}
