package dev.ilbportal.provisioning;

/**
 * The steps of building an internal load balancer, in order (each looks up before it creates), of cleaning one up, and
 * of restoring its firewall.
 */
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
    CLEANED_UP("Cleaned up"),
    /** Restoring a firewall: the approved firewall goes back on the load balancer, if it was swapped. */
    ATTACH_FIREWALL("Approved firewall attached"),
    DELETE_INGRESS_RULES("Offending ingress rules deleted"),
    CONFIRM_RESTORED("Confirmed: approved firewall, no ingress rule"),
    RESTORED("Restored");

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
            case RESTORED -> RESTORED;
            default -> values()[ordinal() + 1];
        };
    }

    public boolean isCleanUp() {
        return ordinal() >= DELETE_LOAD_BALANCER.ordinal() && ordinal() <= CLEANED_UP.ordinal();
    }

    /** Whether the step belongs to restoring a load balancer's firewall. */
    public boolean isRestore() {
        return ordinal() >= ATTACH_FIREWALL.ordinal();
    }
}
