package dev.ilbportal.provisioning;

/** The steps of building an internal load balancer, in order; each looks up before it creates. */
public enum ProvisioningStep {
    ENSURE_FIREWALL("Firewall with no inbound rules"),
    CHECK_FIREWALL_RULES("Firewall has no ingress rule"),
    ENSURE_LOAD_BALANCER("Load balancer with firewall_id set"),
    WAIT_UNTIL_AVAILABLE("Load balancer available with IPs"),
    RECORD_INVENTORY("Recorded in the inventory"),
    DONE("Done"),
    /** Clean-up after an admin abandons a job: what the job created is deleted and checked gone. */
    DELETE_LOAD_BALANCER("Load balancer deleted"),
    DELETE_FIREWALL("Firewall deleted"),
    CONFIRM_GONE("Both confirmed gone"),
    CLEANED_UP("Cleaned up");

    private final String title;

    ProvisioningStep(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    public ProvisioningStep next() {
        return switch (this) {
            case DONE -> DONE;
            case CLEANED_UP -> CLEANED_UP;
            default -> values()[ordinal() + 1];
        };
    }

    public boolean isCleanUp() {
        return ordinal() >= DELETE_LOAD_BALANCER.ordinal();
    }
}
