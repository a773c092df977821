package dev.ilbportal.verification;

/** The checks of a verification run, in the order they are shown. */
public enum CheckName {
    AVAILABLE("Load balancer exists and is available with IPs"),
    APPROVED_FIREWALL("Attached firewall is the approved one, in the load balancer's network"),
    NO_INGRESS_RULES("Firewall has zero ingress rules"),
    INSIDE_REACHABLE("Reachable from inside the private network"),
    /** The outside vantage point reached a target known to be open, in the same round: its "unreachable" counts. */
    OUTSIDE_CONTROL("Outside vantage point reached the known-open control target"),
    OUTSIDE_UNREACHABLE("Not reachable from outside"),
    /** Only for a Kubernetes target: the Service's status names this load balancer. */
    SERVICE_SHOWS_LOAD_BALANCER_IP("Kubernetes Service shows the load balancer's IP");

    private final String title;

    CheckName(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
