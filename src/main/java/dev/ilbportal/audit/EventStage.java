package dev.ilbportal.audit;

/** Where in a load balancer's life an event belongs, so the timeline and the evidence pack group it. */
public enum EventStage {
    REQUEST("Request"), DECISION("Decision"), BUILD("Build"), VERIFICATION("Verification"), EXPOSURE("Exposure"),
    DECOMMISSION("Decommission"), AUDIT("Audit"), OTHER("Other");

    private final String label;

    EventStage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The stage of an action name, by its module prefix and verb. */
    public static EventStage of(String action) {
        return switch (action) {
            case "request.approval-recorded", "request.approved", "request.rejected" -> DECISION;
            case "verification.drifted", "verification.recovered", "provisioning.firewall-restore-requested",
                 "provisioning.firewall-restored" -> EXPOSURE;
            case "provisioning.decommission-requested", "provisioning.load-balancer-decommissioned",
                 "provisioning.cleaned-up" -> DECOMMISSION;
            default -> action.startsWith("request.") ? REQUEST
                    : action.startsWith("provisioning.") ? BUILD
                    : action.startsWith("verification.") ? VERIFICATION
                    : action.startsWith("audit.") ? AUDIT : OTHER;
        };
    }

    /** A CSS class name for the stage's marker. */
    public String cssClass() {
        return "stage-" + name().toLowerCase(java.util.Locale.ROOT);
    }
}
