package dev.ilbportal.identity;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * Records every failed sign-in, including those refused before any authentication provider runs (a forged or
 * stale state never reaches Spring Security's failure events), then shows the sign-in-failed page.
 */
class SignInFailureHandler extends SimpleUrlAuthenticationFailureHandler {

    private final ApplicationEventPublisher events;

    SignInFailureHandler(ApplicationEventPublisher events) {
        super("/login-failed");
        this.events = events;
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException, ServletException {
        String reason = exception instanceof OAuth2AuthenticationException oauth2
                ? oauth2.getError().getErrorCode()
                : exception.getClass().getSimpleName();
        events.publishEvent(new SignInFailed(reason, request.getRemoteAddr()));
        super.onAuthenticationFailure(request, response, exception);
    }
}
