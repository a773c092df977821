package dev.ilbportal.notifications.internal;

import dev.ilbportal.notifications.NotificationsProperties;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Which webhook URLs the portal calls. A webhook call is a request the portal makes on an admin's behalf from inside
 * the network, so by default only {@code https} to public addresses is allowed: the name is resolved and refused
 * when any of its addresses is loopback, link-local (which includes the cloud metadata service at 169.254.169.254),
 * private, shared (100.64/10), unique-local, multicast or unspecified. Hosts on
 * {@code portal.notifications.webhook-allowed-hosts} are exempt from the address rule and may use {@code http}.
 * The check runs when a webhook is saved and again before every call, because a name can be re-pointed after saving.
 */
@Component
class WebhookAddresses {

    /** Resolves a host name to its addresses; the real resolver in production, swappable in tests. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final Set<String> allowedHosts;
    private final Resolver resolver;

    @Autowired
    WebhookAddresses(NotificationsProperties properties) {
        this(properties.webhookAllowedHosts(), InetAddress::getAllByName);
    }

    WebhookAddresses(Set<String> allowedHosts, Resolver resolver) {
        this.allowedHosts = allowedHosts.stream().map(host -> host.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        this.resolver = resolver;
    }

    /** Why the portal will not call {@code url}, in words for the admin; empty when it will. */
    Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException | NullPointerException e) {
            return Optional.of("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? null : uri.getHost().toLowerCase(Locale.ROOT);
        if (host == null || host.isEmpty() || !uri.isAbsolute() || uri.isOpaque()) {
            return Optional.of("must be an absolute https URL with a host name");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not carry a user name or password; the secret signs the calls");
        }
        boolean allowListed = allowedHosts.contains(unbracketed(host));
        if (!scheme.equals("https") && !(allowListed && scheme.equals("http"))) {
            return Optional.of("must use https (http only for hosts on portal.notifications.webhook-allowed-hosts)");
        }
        if (allowListed) {
            return Optional.empty();
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(unbracketed(host));
        } catch (UnknownHostException e) {
            return Optional.of("names a host that does not resolve: " + host);
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                return Optional.of("points to " + address.getHostAddress() + ", an internal address (loopback, "
                        + "link-local, metadata or private); add the host to "
                        + "portal.notifications.webhook-allowed-hosts if it is meant");
            }
        }
        return Optional.empty();
    }

    /** Whether the portal may call {@code address} without an allow-list entry. */
    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            return first != 0 && !(first == 100 && second >= 64 && second < 128) && first < 224
                    && !(first == 192 && second == 0 && (bytes[2] & 0xff) == 0)
                    && !(first == 198 && (second == 18 || second == 19));
        }
        if (address instanceof Inet6Address) {
            int first = bytes[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {
                return false; // unique local fc00::/7 (includes fd00:ec2::254, a metadata address)
            }
            if (isMappedOrCompatibleIpv4(bytes)) {
                try {
                    return isPublic(InetAddress.getByAddress(java.util.Arrays.copyOfRange(bytes, 12, 16)));
                } catch (UnknownHostException impossible) {
                    return false;
                }
            }
            if (first == 0x20 && (bytes[1] & 0xff) == 0x02) {
                return false; // 6to4 can tunnel to any IPv4 address
            }
            if (first == 0x20 && (bytes[1] & 0xff) == 0x01 && bytes[2] == 0 && bytes[3] == 0) {
                return false; // Teredo
            }
        }
        return true;
    }

    private static boolean isMappedOrCompatibleIpv4(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        boolean mapped = (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
        boolean compatible = bytes[10] == 0 && bytes[11] == 0;
        return mapped || compatible;
    }

    private static String unbracketed(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** The URL as pages and delivery rows show it: scheme, host and port, then an ellipsis for the rest. */
    static String masked(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getHost() == null) {
                return "(not a URL)";
            }
            String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
            boolean more = (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/"))
                    || uri.getRawQuery() != null || uri.getRawFragment() != null;
            return uri.getScheme() + "://" + uri.getHost() + port + (more ? "/…" : "/");
        } catch (URISyntaxException | NullPointerException e) {
            return "(not a URL)";
        }
    }

    /** The host alone, as the audit trail records a webhook. */
    static String hostOf(String url) {
        try {
            String host = new URI(url).getHost();
            return host == null ? "(none)" : host;
        } catch (URISyntaxException | NullPointerException e) {
            return "(none)";
        }
    }
}
