package dev.ilbportal.identity.internal;

import dev.ilbportal.identity.PortalClientRegistration;
import java.net.ConnectException;
import java.sql.SQLException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/** Start-up failures that come from an outside service, explained with the setting to fix. */
final class StartupFailureAnalyzer {

    private StartupFailureAnalyzer() {
    }

    /** The OIDC provider did not answer discovery. */
    static class ProviderUnreachable extends AbstractFailureAnalyzer<PortalClientRegistration.ProviderUnreachableException>
            implements FailureAnalyzer {

        @Override
        protected FailureAnalysis analyze(Throwable rootFailure,
                                          PortalClientRegistration.ProviderUnreachableException cause) {
            return new FailureAnalysis(
                    "The portal could not reach its OpenID Connect provider at " + cause.issuerUri() + ".",
                    "Check portal.identity.oidc.issuer-uri (environment variable PORTAL_IDENTITY_OIDC_ISSUER_URI): "
                            + "it must be the provider's issuer URL, reachable from this machine, serving "
                            + "/.well-known/openid-configuration. Remove it to use the sandbox provider.",
                    cause);
        }
    }

    /** PostgreSQL refused the connection, or is not there. */
    static class DatabaseUnreachable extends AbstractFailureAnalyzer<SQLException> implements FailureAnalyzer {

        @Override
        protected FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
            if (!isConnectionFailure(cause)) {
                return null;
            }
            return new FailureAnalysis(
                    "The portal could not connect to its PostgreSQL database: " + cause.getMessage(),
                    "Check spring.datasource.url, spring.datasource.username and spring.datasource.password "
                            + "(environment variables SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME, "
                            + "SPRING_DATASOURCE_PASSWORD). Remove spring.datasource.url to use the sandbox's "
                            + "embedded PostgreSQL.",
                    cause);
        }

        private static boolean isConnectionFailure(SQLException cause) {
            String state = cause.getSQLState();
            if (state != null && (state.startsWith("08") || state.equals("28P01") || state.equals("3D000"))) {
                return true;
            }
            for (Throwable t = cause; t != null; t = t.getCause()) {
                if (t instanceof ConnectException) {
                    return true;
                }
            }
            return false;
        }
    }
}
