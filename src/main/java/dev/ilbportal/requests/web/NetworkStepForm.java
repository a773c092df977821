package dev.ilbportal.requests.web;

import dev.ilbportal.requests.internal.LoadBalancerSpec;
import dev.ilbportal.requests.internal.LoadBalancerSpec.AdvancedSettings;
import dev.ilbportal.requests.internal.LoadBalancerSpec.FirewallChoice;
import java.util.List;

/**
 * The network step (step 1) as typed: team, region, network and the firewall choice, kept as strings so bad input
 * is shown back.
 */
public class NetworkStepForm {

    public static final String CREATE = "CREATE";
    public static final String EXISTING = "EXISTING";

    private String team;
    private String region;
    private String networkId;
    private String firewallMode = CREATE;
    private String firewallName;
    private String firewallId;

    /** A fresh step 1: the only team preselected, the default region. */
    static NetworkStepForm blank(List<String> teams, String defaultRegion) {
        NetworkStepForm form = new NetworkStepForm();
        form.team = teams.size() == 1 ? teams.getFirst() : null;
        form.region = defaultRegion;
        return form;
    }

    static NetworkStepForm of(String team, LoadBalancerSpec spec) {
        NetworkStepForm form = new NetworkStepForm();
        form.team = team;
        form.region = spec.region();
        form.networkId = spec.networkId();
        FirewallChoice firewall = spec.firewall();
        if (firewall != null && firewall.mode() == FirewallChoice.Mode.EXISTING) {
            form.firewallMode = EXISTING;
            form.firewallId = firewall.existingId();
        } else if (firewall != null) {
            form.firewallName = firewall.newName();
        }
        return form;
    }

    /** A spec with nothing chosen yet but Civo's defaults. */
    static LoadBalancerSpec blankSpec() {
        return new LoadBalancerSpec(null, null, null, "round_robin", null, null, List.of(),
                AdvancedSettings.defaults(), null);
    }

    LoadBalancerSpec applyTo(LoadBalancerSpec base) {
        FirewallChoice firewall = switch (firewallMode == null ? "" : firewallMode) {
            case CREATE -> FirewallChoice.create(trimmed(firewallName));
            case EXISTING -> FirewallChoice.existing(trimmed(firewallId));
            default -> new FirewallChoice(null, null, null);
        };
        return new LoadBalancerSpec(trimmed(region), trimmed(networkId), base.name(), base.algorithm(), firewall,
                base.target(), base.ports(), base.advanced(), base.justification());
    }

    static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public String getTeam() {
        return team;
    }

    public void setTeam(String team) {
        this.team = team;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public String getNetworkId() {
        return networkId;
    }

    public void setNetworkId(String networkId) {
        this.networkId = networkId;
    }

    public String getFirewallMode() {
        return firewallMode;
    }

    public void setFirewallMode(String firewallMode) {
        this.firewallMode = firewallMode;
    }

    public String getFirewallName() {
        return firewallName;
    }

    public void setFirewallName(String firewallName) {
        this.firewallName = firewallName;
    }

    public String getFirewallId() {
        return firewallId;
    }

    public void setFirewallId(String firewallId) {
        this.firewallId = firewallId;
    }
}
