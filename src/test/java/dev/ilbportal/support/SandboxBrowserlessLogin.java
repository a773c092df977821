package dev.ilbportal.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Signs a demo person in through the sandbox OIDC provider the way a browser does, over real HTTP: the portal
 * redirects to the provider, the person's button posts the form, the provider redirects back with a code.
 */
public final class SandboxBrowserlessLogin {

    private static final Pattern PERSON_FORM = Pattern.compile(
            "name=\"username\" value=\"([^\"]+)\">\\s*<input type=\"hidden\" name=\"claims\" value=\"([^\"]+)\">");

    private final HttpClient http;
    private final URI portal;

    public SandboxBrowserlessLogin(URI portal) {
        this.portal = portal;
        this.http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** A session of the portal at {@code portal} in which {@code username} has signed in. */
    public static SandboxBrowserlessLogin signedIn(URI portal, String username)
            throws IOException, InterruptedException {
        SandboxBrowserlessLogin login = new SandboxBrowserlessLogin(portal);
        login.signIn(username);
        return login;
    }

    public HttpClient client() {
        return http;
    }

    /** Follows the whole sign-in for {@code username} and returns the page the portal shows afterwards. */
    public HttpResponse<String> signIn(String username) throws IOException, InterruptedException {
        return signIn(username, claims -> claims);
    }

    /**
     * Signs {@code username} in with the claims the sandbox offers for them, changed by {@code claims} first (a
     * provider that sends something unusual: a very long name, odd groups).
     */
    public HttpResponse<String> signIn(String username, java.util.function.UnaryOperator<String> claims)
            throws IOException, InterruptedException {
        return signIn(username, username, claims);
    }

    /**
     * Signs in with {@code username}'s claims (changed by {@code claims}) under another subject: the sandbox provider
     * makes the posted user name the token's {@code sub}.
     */
    public HttpResponse<String> signIn(String username, String subject, java.util.function.UnaryOperator<String> claims)
            throws IOException, InterruptedException {
        HttpResponse<String> response = get(portal.resolve("/"));
        URI authorize = null;
        while (response.statusCode() == 302) {
            URI next = location(response);
            if (next.getPath().endsWith("/authorize")) {
                authorize = next;
                break;
            }
            response = get(next);
        }
        if (authorize == null) {
            throw new IllegalStateException("The portal did not send the browser to the provider");
        }
        String loginPage = get(authorize).body();
        String sent = claims.apply(claimsOf(loginPage, username));
        HttpResponse<String> callback = http.send(HttpRequest.newBuilder(authorize)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=" + encode(subject) + "&claims="
                                + encode(sent)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return followRedirects(callback);
    }

    public HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).header("Accept", "text/html").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> followRedirects(HttpResponse<String> response)
            throws IOException, InterruptedException {
        HttpResponse<String> current = response;
        for (int hops = 0; current.statusCode() == 302 && hops < 10; hops++) {
            current = get(location(current));
        }
        return current;
    }

    public static URI location(HttpResponse<?> response) {
        String location = response.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("redirect without Location"));
        return response.uri().resolve(location);
    }

    private static String claimsOf(String loginPage, String username) {
        Matcher matcher = PERSON_FORM.matcher(loginPage);
        while (matcher.find()) {
            if (matcher.group(1).equals(username)) {
                return org.springframework.web.util.HtmlUtils.htmlUnescape(matcher.group(2));
            }
        }
        throw new IllegalStateException("The sandbox sign-in page offers no person " + username);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
