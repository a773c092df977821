package dev.ilbportal.identity.internal;

import dev.ilbportal.identity.AccessDenied;
import dev.ilbportal.identity.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * A signed-in person without any portal role is sent to the page that explains which groups grant access;
 * everyone else who is refused gets the 403 page. Every refusal of a signed-in person is published as
 * {@link AccessDenied}, so the audit trail shows who tried what; repeats are folded and paths cut to 256 characters
 * ({@link RefusalRecords}).
 */
class PortalAccessDeniedHandler implements AccessDeniedHandler {

    private static final Logger log = LoggerFactory.getLogger(PortalAccessDeniedHandler.class);

    private final RefusalRecords refusals;

    PortalAccessDeniedHandler(RefusalRecords refusals) {
        this.refusals = refusals;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        Authentication signedIn = refusals.deniedIfSignedIn(request, denied);
        if (signedIn != null && !CurrentUser.of(signedIn).hasAnyRole() && "GET".equals(request.getMethod())) {
            response.sendRedirect(request.getContextPath() + "/no-access");
            return;
        }
        log.info("Access denied: {} {} for {}", request.getMethod(),
                CurrentUser.shortened(request.getRequestURI(), RefusalRecords.MAX_PATH),
                signedIn != null ? signedIn.getName() : "anonymous");
        response.sendError(HttpServletResponse.SC_FORBIDDEN);
    }
}
