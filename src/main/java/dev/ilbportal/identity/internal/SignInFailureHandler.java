package dev.ilbportal.identity.internal;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * Records failed sign-ins, including those refused before any authentication provider runs (a forged or stale state
 * never reaches Spring Security's failure events), then shows the sign-in-failed page. Repeats from one address are
 * folded into one row per window, and no session is created: anyone can call the callback URL, and neither the
 * audit trail nor the session table may grow by one row per call.
 */
class SignInFailureHandler extends SimpleUrlAuthenticationFailureHandler {

    private final RefusalRecords refusals;

    SignInFailureHandler(RefusalRecords refusals) {
        super("/login-failed");
        this.refusals = refusals;
        setAllowSessionCreation(false);
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException, ServletException {
        String reason = exception instanceof OAuth2AuthenticationException oauth2
                ? oauth2.getError().getErrorCode()
                : exception.getClass().getSimpleName();
        refusals.signInFailed(request, reason);
        super.onAuthenticationFailure(request, response, exception);
    }
}
