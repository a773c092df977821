package dev.ilbportal.requests;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.ilbportal.civo.CivoJson;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The exact Civo calls that carry out a request, in order, with their JSON bodies. The review page shows it, the
 * approver approves its hash, and provisioning executes the same object.
 *
 * @param region the Civo region every call goes to
 * @param calls  the calls, in order
 */
@JsonPropertyOrder({"region", "calls"})
public record ProvisioningPlan(String region, List<PlannedCall> calls) {

    /** Stands for the id Civo gives the firewall created by an earlier call of the same plan. */
    public static final String CREATED_FIREWALL_ID = "{created-firewall-id}";

    /** Stands for the id Civo gives the load balancer created by an earlier call of the same plan. */
    public static final String CREATED_LOAD_BALANCER_ID = "{created-load-balancer-id}";

    public ProvisioningPlan {
        calls = List.copyOf(calls);
    }

    /**
     * One call: a named step, the HTTP method and path (without the configurable {@code /v2/vpc} prefix choice), the
     * body that will be sent, and why it is there.
     */
    @JsonPropertyOrder({"step", "method", "path", "body", "why"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PlannedCall(String step, String method, String path, Object body, String why) {

        /** The body as pretty JSON for people to read, or null when the call sends none. */
        public String prettyBody() {
            return body == null ? null : CivoJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(body);
        }
    }

    /** The canonical JSON: fixed key order, no whitespace. What the hash is computed over. */
    public String canonicalJson() {
        return CivoJson.mapper().writeValueAsString(this);
    }

    /** SHA-256 of the canonical JSON, in hex: the identity of a revision. */
    public String hash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonicalJson().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    public SubmittedPlan toSubmitted() {
        return new SubmittedPlan(canonicalJson(), hash());
    }
}
