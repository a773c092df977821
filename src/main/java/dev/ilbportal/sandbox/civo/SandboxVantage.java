package dev.ilbportal.sandbox.civo;

import dev.ilbportal.verification.Probe;
import dev.ilbportal.verification.Side;
import dev.ilbportal.verification.TcpProbe;
import dev.ilbportal.verification.Vantage;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;

/**
 * The sandbox's inside and outside vantage points: an address is mapped through the network model to the loopback
 * socket that stands for it, and a real connection is tried. No route means the probe times out, as on the internet.
 */
public class SandboxVantage implements Vantage {

    private final SandboxNetwork network;
    private final Side side;

    public SandboxVantage(SandboxNetwork network, Side side) {
        this.network = network;
        this.side = side;
    }

    @Override
    public String name() {
        return "sandbox-" + side.name().toLowerCase();
    }

    @Override
    public Side side() {
        return side;
    }

    @Override
    public Probe probe(String networkId, String ip, int port, boolean http, Duration timeout) {
        VantagePoint from = side == Side.INSIDE ? VantagePoint.inside(networkId) : VantagePoint.outside();
        Optional<InetSocketAddress> socket = network.resolve(from, ip, port);
        if (socket.isEmpty()) {
            return new Probe(Probe.Reach.UNROUTABLE, "No route from " + name() + " to " + ip + ":" + port
                    + " (as a connect that times out)", null);
        }
        return TcpProbe.connect(socket.get(), ip, http, timeout);
    }
}
