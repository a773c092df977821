package dev.ilbportal.identity.internal;

import dev.ilbportal.identity.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * The API's 401 and 403 as Problem Details (RFC 9457). A missing or bad token is 401 with a {@code Bearer}
 * challenge; a person without the role is 403, recorded in the audit trail like a page's refusal.
 */
final class ApiRefusals implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final String PROBLEM_JSON = "application/problem+json";

    private final RefusalRecords refusals;

    ApiRefusals(RefusalRecords refusals) {
        this.refusals = refusals;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        boolean tokenSent = request.getHeader("Authorization") != null;
        response.setHeader("WWW-Authenticate", tokenSent
                ? "Bearer error=\"invalid_token\", error_description=\"The token is missing, expired or not ours\""
                : "Bearer");
        write(response, 401, "Unauthorized", tokenSent
                ? "The bearer token was not accepted: it is malformed, expired or not from the portal's provider."
                : "Send a bearer token from the portal's OpenID Connect provider (see docs/api.md).", request);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        refusals.deniedIfSignedIn(request, denied);
        write(response, 403, "Forbidden", "Your roles do not allow this.", request);
    }

    private static void write(HttpServletResponse response, int status, String title, String detail,
                              HttpServletRequest request) throws IOException {
        response.setStatus(status);
        response.setContentType(PROBLEM_JSON);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String instance = CurrentUser.shortened(request.getRequestURI(), RefusalRecords.MAX_PATH);
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\",\"instance\":\"" + jsonEscaped(instance) + "\"}");
    }

    private static String jsonEscaped(String text) {
        StringBuilder escaped = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                escaped.append('\\').append(c);
            } else if (c < 0x20) {
                escaped.append(String.format("\\u%04x", (int) c));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
