package dev.ilbportal.verification.internal;

import dev.ilbportal.verification.Probe;
import dev.ilbportal.verification.Side;
import dev.ilbportal.verification.TcpProbe;
import dev.ilbportal.verification.Vantage;
import dev.ilbportal.verification.VerificationProperties;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** The portal's own process as a vantage point, for a portal deployed inside (or outside) the private network. */
@Component
@ConditionalOnProperty(prefix = "portal.verification", name = "local-side")
class LocalVantage implements Vantage {

    private final Side side;

    LocalVantage(VerificationProperties properties) {
        this.side = properties.localSide();
    }

    @Override
    public String name() {
        return "portal-" + side.name().toLowerCase();
    }

    @Override
    public Side side() {
        return side;
    }

    @Override
    public Probe probe(String networkId, String ip, int port, boolean http, Duration timeout) {
        return TcpProbe.connect(new InetSocketAddress(ip, port), ip, http, timeout);
    }
}
