package dev.ilbportal.requests.web;

import dev.ilbportal.requests.internal.CivoLookups;
import dev.ilbportal.requests.internal.InstanceMatch;
import dev.ilbportal.requests.internal.LoadBalancerSpec;
import dev.ilbportal.requests.internal.PlanBuilder;
import dev.ilbportal.requests.internal.RequestDrafts;
import dev.ilbportal.requests.internal.SpecProblems;
import dev.ilbportal.requests.internal.SpecRules;
import dev.ilbportal.requests.internal.StepOutcome;
import dev.ilbportal.requests.internal.WizardStep;
import dev.ilbportal.civo.model.Network;
import dev.ilbportal.identity.CurrentUser;
import dev.ilbportal.requests.internal.CivoLookups.FirewallOption;
import dev.ilbportal.requests.internal.CivoLookups.Lookup;
import dev.ilbportal.requests.internal.LoadBalancerSpec.BackendTarget;
import dev.ilbportal.requests.internal.LoadBalancerSpec.FirewallChoice;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Puts together what each wizard page shows besides its form: Civo's dropdowns, the live instance list, the plan,
 * the problems by field. Kept apart so the controller only binds, calls one service and picks the page.
 */
@Component
class WizardPages {

    private final CivoLookups lookups;
    private final RequestDrafts drafts;

    WizardPages(CivoLookups lookups, RequestDrafts drafts) {
        this.lookups = lookups;
        this.drafts = drafts;
    }

    String defaultRegion() {
        return lookups.defaultRegion();
    }

    String network(Model model, CurrentUser user, RequestDrafts.Draft draft, NetworkStepForm form,
                    StepOutcome outcome) {
        common(model, draft, outcome, WizardStep.NETWORK);
        model.addAttribute("form", form);
        model.addAttribute("teams", user.sortedTeams());
        model.addAttribute("action", draft == null ? "/requests/new" : "/requests/" + draft.id() + "/firewall");
        model.addAttribute("regions", lookups.regions());
        firewallChoices(model, form);
        String lbName = draft == null ? null : draft.spec().name();
        model.addAttribute("defaultFirewallName", (lbName == null ? "<lb-name>" : lbName) + "-internal");
        return "requests/network";
    }

    /** The network and existing-firewall dropdowns for the region and network in the form (also htmx's piece). */
    void firewallChoices(Model model, NetworkStepForm form) {
        model.addAttribute("form", form);
        model.addAttribute("networks", lookups.networks(form.getRegion()));
        model.addAttribute("firewalls", lookups.firewalls(form.getRegion(), form.getNetworkId()));
    }

    String loadBalancer(Model model, RequestDrafts.Draft draft, LoadBalancerStepForm form, StepOutcome outcome) {
        common(model, draft, outcome, WizardStep.LOAD_BALANCER);
        LoadBalancerSpec spec = draft.spec();
        lookups.stepOpened(spec.region());
        model.addAttribute("form", form);
        model.addAttribute("networkLabel", networkLabel(spec));
        model.addAttribute("firewalls", lookups.firewalls(spec.region(), spec.networkId()));
        FirewallChoice firewall = spec.firewall();
        String newName = firewall != null && firewall.mode() == FirewallChoice.Mode.CREATE
                && firewall.newName() != null ? firewall.newName()
                : (form.getName() == null || form.getName().isBlank() ? "<lb-name>" : form.getName()) + "-internal";
        model.addAttribute("newFirewallName", newName);
        model.addAttribute("clusters", lookups.clusters(spec.region()));
        instances(model, spec.region(), spec.networkId(), form);
        return "requests/load-balancer";
    }

    /** The instances matching the typed tags or names (also htmx's piece). */
    void instances(Model model, String region, String networkId, LoadBalancerStepForm form) {
        BackendTarget target = form.applyTo(NetworkStepForm.blankSpec()).target();
        model.addAttribute("targetKind", target.kind());
        model.addAttribute("instances", target.kind() == null || target.kind() == BackendTarget.Kind.BACKEND_IPS
                || target.values().isEmpty() ? null : lookups.instances(region, networkId, target));
    }

    String review(Model model, RequestDrafts.Draft draft, String justification, StepOutcome outcome) {
        common(model, draft, outcome, WizardStep.REVIEW);
        LoadBalancerSpec spec = draft.spec();
        SpecProblems incomplete = SpecRules.check(spec);
        Map<String, WizardStep> incompleteSteps = new LinkedHashMap<>();
        incomplete.byField().keySet().forEach(field -> incompleteSteps.put(field, WizardStep.whereEntered(field)));
        model.addAttribute("spec", spec);
        model.addAttribute("targetText", dev.ilbportal.requests.approval.SpecDescription.target(spec.target()));
        model.addAttribute("incomplete", new TreeMap<>(incomplete.byField()));
        model.addAttribute("incompleteSteps", incompleteSteps);
        model.addAttribute("plan", incomplete.isEmpty() ? drafts.planOf(spec) : null);
        model.addAttribute("manifestYaml", incomplete.isEmpty() && spec.target().kubernetes().isPresent()
                ? PlanBuilder.serviceManifest(spec, firewallName(spec) == null ? "<the firewall's id>"
                : "<id of firewall " + firewallName(spec) + ">").toYaml() : null);
        model.addAttribute("networkLabel", networkLabel(spec));
        model.addAttribute("firewallName", firewallName(spec));
        model.addAttribute("justification", justification);
        return "requests/review";
    }

    /** The region's cluster names by id, so a Kubernetes target records its cluster's name. */
    java.util.Map<String, String> clusterNames(String region) {
        java.util.Map<String, String> names = new java.util.HashMap<>();
        lookups.clusters(region).items().forEach(cluster -> names.put(cluster.id(), cluster.name()));
        return names;
    }

    private void common(Model model, RequestDrafts.Draft draft, StepOutcome outcome, WizardStep step) {
        model.addAttribute("draft", draft);
        model.addAttribute("step", step);
        model.addAttribute("problems", new TreeMap<>(outcome.problems().byField()));
        model.addAttribute("civoFailure", outcome.civoFailure());
        if (!model.containsAttribute("typed")) {
            model.addAttribute("typed", RefusedInput.none());
        }
    }

    private String networkLabel(LoadBalancerSpec spec) {
        if (spec.networkId() == null) {
            return null;
        }
        Lookup<Network> networks = lookups.networks(spec.region());
        return networks.items().stream().filter(n -> spec.networkId().equals(n.id())).findFirst()
                .map(n -> InstanceMatch.label(n, n.id()) + " (" + n.cidr() + ")").orElse(spec.networkId());
    }

    private String firewallName(LoadBalancerSpec spec) {
        FirewallChoice firewall = spec.firewall();
        if (firewall == null || firewall.mode() == null) {
            return null;
        }
        if (firewall.mode() == FirewallChoice.Mode.CREATE) {
            return spec.name() == null && firewall.newName() == null ? null : PlanBuilder.firewallName(spec);
        }
        return lookups.firewalls(spec.region(), spec.networkId()).items().stream()
                .filter(option -> option.id().equals(firewall.existingId())).findFirst()
                .map(FirewallOption::name).orElse(firewall.existingId());
    }
}
