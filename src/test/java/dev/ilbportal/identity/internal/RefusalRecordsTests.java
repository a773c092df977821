package dev.ilbportal.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ilbportal.identity.AccessDenied;
import dev.ilbportal.identity.CurrentUser;
import dev.ilbportal.identity.IdentityProperties;
import dev.ilbportal.identity.SignInFailed;
import dev.ilbportal.support.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mock.web.MockHttpServletRequest;

/** Repeated refusals cost a bounded number of audit rows, and keep their count. */
class RefusalRecordsTests {

    private final MutableClock clock = new MutableClock();
    private final List<Object> published = new ArrayList<>();
    private final RefusalRecords refusals = new RefusalRecords(published::add, properties(Duration.ofMinutes(10)),
            clockProvider());

    private org.springframework.beans.factory.ObjectProvider<java.time.Clock> clockProvider() {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("clock", clock);
        return beans.getBeanProvider(java.time.Clock.class);
    }

    private static IdentityProperties properties(Duration window) {
        return new IdentityProperties("groups", null, "team-", Set.of(), Duration.ofHours(12), window,
                new IdentityProperties.Oidc(null, null, null, "openid"));
    }

    private static MockHttpServletRequest callbackFrom(String address) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/login/oauth2/code/portal");
        request.setRemoteAddr(address);
        return request;
    }

    @Test
    void manyFailedSignInsFromOneAddressWriteOneRowAndThenOneRowWithTheirCount() {
        for (int i = 0; i < 500; i++) {
            refusals.signInFailed(callbackFrom("203.0.113.7"), "authorization_request_not_found");
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(published).hasSize(1).first().isInstanceOfSatisfying(SignInFailed.class, first -> {
            assertThat(first.count()).isEqualTo(1);
            assertThat(first.remoteAddress()).isEqualTo("203.0.113.7");
        });

        refusals.closeWindows();
        assertThat(published).as("the window is still open").hasSize(1);
        clock.advance(Duration.ofMinutes(10));
        refusals.closeWindows();

        assertThat(published).hasSize(2).last().isInstanceOfSatisfying(SignInFailed.class, repeats -> {
            assertThat(repeats.count()).isEqualTo(499);
            assertThat(repeats.reason()).isEqualTo("authorization_request_not_found");
            assertThat(repeats.lastAt()).isAfter(repeats.firstAt());
        });
    }

    @Test
    void eachAddressHasItsOwnWindowAndAFailureAfterTheWindowIsRecordedAgain() {
        refusals.signInFailed(callbackFrom("203.0.113.7"), "invalid_state_parameter");
        refusals.signInFailed(callbackFrom("198.51.100.2"), "invalid_state_parameter");
        clock.advance(Duration.ofMinutes(11));
        refusals.closeWindows();
        refusals.signInFailed(callbackFrom("203.0.113.7"), "invalid_state_parameter");

        assertThat(published).hasSize(3).allSatisfy(event -> assertThat(((SignInFailed) event).count()).isOne());
    }

    @Test
    void sourcesBeyondTheBoundShareOneBucket() {
        for (int i = 0; i < RepeatedRefusals.MAX_SOURCES + 500; i++) {
            refusals.signInFailed(callbackFrom("10.0." + (i / 256) + "." + (i % 256)), "invalid_state_parameter");
        }
        assertThat(published).as("one row per source up to the bound, one for the first beyond it")
                .hasSize(RepeatedRefusals.MAX_SOURCES + 1);

        clock.advance(Duration.ofMinutes(10));
        refusals.closeWindows();
        assertThat(published).hasSize(RepeatedRefusals.MAX_SOURCES + 2).last()
                .isInstanceOfSatisfying(SignInFailed.class, others -> {
                    assertThat(others.remoteAddress()).isEqualTo(RepeatedRefusals.OTHER_SOURCES);
                    assertThat(others.count()).isEqualTo(499);
                });
    }

    @Test
    void providerChosenErrorCodesAndLongPathsAreCut() {
        refusals.signInFailed(callbackFrom("203.0.113.7"), "x".repeat(5000) + "\u0000\n");
        CurrentUser nobody = new CurrentUser("nina", "Nina", null, Set.of(), Set.of());
        MockHttpServletRequest longPath = new MockHttpServletRequest("GET", "/" + "a".repeat(8000));
        refusals.denied(nobody, longPath, "AuthorizationDeniedException");
        for (int i = 0; i < 100; i++) {
            refusals.denied(nobody, new MockHttpServletRequest("POST", "/admin/webhooks/" + i), "CsrfException");
        }

        assertThat(((SignInFailed) published.get(0)).reason()).hasSize(RefusalRecords.MAX_REASON)
                .doesNotContain("\u0000");
        assertThat(published).hasSize(2);
        AccessDenied denied = (AccessDenied) published.get(1);
        assertThat(denied.path()).hasSize(RefusalRecords.MAX_PATH).startsWith("/aaa");
        assertThat(denied.subject().id()).hasSize(RefusalRecords.MAX_PATH);

        clock.advance(Duration.ofMinutes(10));
        refusals.closeWindows();
        AccessDenied folded = (AccessDenied) published.getLast();
        assertThat(folded.count()).isEqualTo(100);
        assertThat(folded.path()).isEqualTo("/admin/webhooks/99");
        assertThat(folded.actor().subject()).isEqualTo("nina");
    }

    @Test
    void closingAllWindowsWritesTheCountsFoldedSoFar() {
        for (int i = 0; i < 5; i++) {
            refusals.signInFailed(callbackFrom("203.0.113.7"), "invalid_state_parameter");
        }
        refusals.signInFailed(callbackFrom("198.51.100.2"), "invalid_state_parameter");

        refusals.closeAllWindows();

        assertThat(published).hasSize(3).last().isInstanceOfSatisfying(SignInFailed.class, repeats -> {
            assertThat(repeats.remoteAddress()).isEqualTo("203.0.113.7");
            assertThat(repeats.count()).isEqualTo(4);
        });
        refusals.signInFailed(callbackFrom("203.0.113.7"), "invalid_state_parameter");
        assertThat(published).as("a new window opens").hasSize(4);
    }
}
