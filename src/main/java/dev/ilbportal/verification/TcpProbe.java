package dev.ilbportal.verification;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A real TCP connection attempt, with an optional HTTP GET, bounded by a timeout. */
public final class TcpProbe {

    private TcpProbe() {
    }

    public static Probe connect(InetSocketAddress address, String hostHeader, boolean http, Duration timeout) {
        int millis = (int) Math.max(1, timeout.toMillis());
        try (Socket socket = new Socket()) {
            socket.connect(address, millis);
            if (!http) {
                return new Probe(Probe.Reach.CONNECTED, "TCP connect succeeded", null);
            }
            socket.setSoTimeout(millis);
            OutputStream out = socket.getOutputStream();
            out.write(("GET / HTTP/1.1\r\nHost: " + hostHeader + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String statusLine = readLine(socket.getInputStream());
            Integer status = parseStatus(statusLine);
            return new Probe(Probe.Reach.CONNECTED, status == null ? "Connected; no HTTP answer"
                    : "Connected; HTTP " + status, status);
        } catch (SocketTimeoutException e) {
            return new Probe(Probe.Reach.TIMED_OUT, "No answer within " + timeout.toMillis() + " ms", null);
        } catch (ConnectException e) {
            return new Probe(Probe.Reach.REFUSED, "Connection refused", null);
        } catch (IOException e) {
            return new Probe(Probe.Reach.ERROR, "Could not connect: " + e.getMessage(), null);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n' && line.length() < 200) {
            line.append((char) c);
        }
        return line.toString().strip();
    }

    private static Integer parseStatus(String statusLine) {
        String[] parts = statusLine.split(" ");
        if (parts.length >= 2 && parts[0].startsWith("HTTP/")) {
            try {
                return Integer.parseInt(parts[1]);
            } catch (NumberFormatException ignored) {
                return null;
            }
        }
        return null;
    }
}
