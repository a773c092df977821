package dev.ilbportal.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Posts a page's forms over HTTP as a signed-in person's browser would: the hidden fields (CSRF token included)
 * are read from the HTML the person was shown, so a test can also post what a stale page held.
 */
public final class PageForms {

    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"");

    private PageForms() {
    }

    /** The hidden fields of the form whose action is {@code action}, as shown on {@code page}. */
    public static Map<String, String> hiddenFields(String page, String action) {
        int start = page.indexOf("action=\"" + action + "\"");
        if (start < 0) {
            throw new IllegalStateException("The page has no form posting to " + action);
        }
        int end = page.indexOf("</form>", start);
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher matcher = HIDDEN.matcher(page.substring(start, end));
        while (matcher.find()) {
            fields.put(matcher.group(1), org.springframework.web.util.HtmlUtils.htmlUnescape(matcher.group(2)));
        }
        return fields;
    }

    /** Posts the fields and follows the redirect; returns the page shown afterwards. */
    public static HttpResponse<String> post(SandboxBrowserlessLogin person, URI uri, Map<String, String> fields)
            throws IOException, InterruptedException {
        String body = fields.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = person.client().send(HttpRequest.newBuilder(uri)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Accept", "text/html")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        return person.followRedirects(response);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
