package dev.ilbportal.provisioning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One internal load balancer the portal built, as the inventory shows it to verification, pages and auditors: a
 * read-only view. Only provisioning changes the inventory; verification writes its verdicts through
 * {@link InventoryVerificationState}.
 *
 * @param status its life as the inventory shows it; what verification proved is apart, in {@code proofStatus}
 * @param listeningPorts what it listens on, as approved
 * @param proofStatus what verification proved last: PROVEN, EXPOSED, UNPROVEN or STALE
 * @param lastPassedAt when a run last passed, or null if none ever did
 * @param endsOn the day it should end, or null when its request set none
 */
public record InternalLoadBalancer(UUID id, UUID requestId, String team, String region, String networkId,
                                   String name, String civoId, String firewallId, boolean firewallCreated,
                                   String privateIp, String publicIp, Status status,
                                   List<ListeningPort> listeningPorts, Instant lastVerifiedAt, String lastVerification,
                                   String proofStatus, Instant proofStatusSince, Instant lastPassedAt,
                                   LocalDate endsOn, Instant createdAt) {

    /** Its life as the inventory shows it; what verification proved is apart, in {@link #proofStatus()}. */
    public enum Status { ACTIVE, DECOMMISSIONING, DECOMMISSIONED }

    public InternalLoadBalancer {
        listeningPorts = List.copyOf(listeningPorts);
    }

    /** Whether a requester may ask for it to be taken down now. */
    public boolean canBeDecommissioned() {
        return status == Status.ACTIVE;
    }

    /** A port the load balancer listens on. */
    public record ListeningPort(int port, String protocol) {

        /** Each port of the stored form {@code 443/TCP,80/HTTP} (a port without protocol is TCP). */
        public static List<ListeningPort> parseAll(String ports) {
            if (ports == null || ports.isBlank()) {
                return List.of();
            }
            return java.util.Arrays.stream(ports.split(",")).map(ListeningPort::parse).toList();
        }

        static ListeningPort parse(String text) {
            String[] parts = text.split("/");
            return new ListeningPort(Integer.parseInt(parts[0]), parts.length > 1 ? parts[1] : "TCP");
        }

        public boolean isHttp() {
            return "HTTP".equals(protocol);
        }
    }
}
