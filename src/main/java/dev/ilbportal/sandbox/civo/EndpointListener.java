package dev.ilbportal.sandbox.civo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One listening socket on 127.0.0.1 standing in for a load balancer's address and port. It answers an HTTP request
 * line with {@code 200 ok}; any other client is accepted and left to talk until it closes or goes quiet.
 */
final class EndpointListener implements AutoCloseable {

    private static final byte[] OK = ("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 3\r\n"
            + "Connection: close\r\n\r\nok\n").getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket socket;
    private final Thread acceptor;

    private EndpointListener(ServerSocket socket) {
        this.socket = socket;
        this.acceptor = Thread.ofVirtual().name("sandbox-lb-" + socket.getLocalPort()).start(this::acceptLoop);
    }

    /** Listens on the wanted loopback port, or on a free one when it is 0 or no longer free. */
    static EndpointListener open(int wantedPort) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        try {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), wantedPort), 1024);
        } catch (IOException taken) {
            if (wantedPort == 0) {
                socket.close();
                throw taken;
            }
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        }
        return new EndpointListener(socket);
    }

    int port() {
        return socket.getLocalPort();
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Thread.ofVirtual().start(() -> serve(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void serve(Socket client) {
        try (client) {
            client.setSoTimeout(5_000);
            InputStream in = client.getInputStream();
            byte[] first = new byte[8];
            int read = in.read(first);
            if (read <= 0) {
                return;
            }
            String start = new String(first, 0, read, StandardCharsets.US_ASCII);
            if (start.matches("^(GET|HEAD|POST|PUT|DELETE|OPTIONS|PATCH) .*")
                    || start.matches("^(GET|HEAD|POST|PUT|DELETE|OPTIONS|PATCH)$")) {
                OutputStream out = client.getOutputStream();
                out.write(OK);
                out.flush();
                return;
            }
            while (in.read(first) > 0) {
                // a plain TCP client: keep the connection until it closes or goes quiet
            }
        } catch (SocketTimeoutException quiet) {
            // closed below
        } catch (IOException ignored) {
            // the client went away
        }
    }

    /**
     * Closes the socket and waits for the accepting thread to leave: a socket closed while a virtual thread is in
     * {@code accept} is only released when that thread wakes, and until then the kernel still completes handshakes.
     */
    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
        if (Thread.currentThread() != acceptor) {
            try {
                acceptor.join(Duration.ofSeconds(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
