package dev.ilbportal.provisioning.web;

import dev.ilbportal.requests.ProvisioningPlan;
import dev.ilbportal.provisioning.internal.Inventory;
import dev.ilbportal.provisioning.internal.ProvisioningAdministration;
import dev.ilbportal.provisioning.internal.ProvisioningJob;
import dev.ilbportal.provisioning.internal.ProvisioningJobs;
import dev.ilbportal.provisioning.internal.ProvisioningProgress;
import dev.ilbportal.provisioning.internal.StepLog;
import dev.ilbportal.identity.CurrentUser;
import dev.ilbportal.requests.RequestLookup;
import dev.ilbportal.requests.RequestView;
import dev.ilbportal.web.NotFoundException;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The live progress of a request's provisioning, and the admin's retry and abandon. */
@Controller
class ProvisioningProgressController {

    private final ProvisioningJobs jobs;
    private final StepLog stepLog;
    private final RequestLookup requests;
    private final ProvisioningAdministration administration;
    private final Inventory inventory;
    private final org.springframework.transaction.support.TransactionTemplate snapshot;
    private final java.time.Clock clock;

    ProvisioningProgressController(ProvisioningJobs jobs, StepLog stepLog, RequestLookup requests,
                                   ProvisioningAdministration administration, Inventory inventory,
                                   org.springframework.transaction.PlatformTransactionManager transactions,
                                   java.time.Clock clock) {
        this.clock = clock;
        this.inventory = inventory;
        this.snapshot = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(org.springframework.transaction.TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.jobs = jobs;
        this.stepLog = stepLog;
        this.requests = requests;
        this.administration = administration;
    }

    /** The progress panel: a fragment for htmx polling, or a whole page without JavaScript. */
    @GetMapping("/provisioning/requests/{requestId}")
    String progress(@PathVariable UUID requestId, CurrentUser user,
                    @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        RequestView request = visibleRequest(requestId, user);
        model.addAttribute("request", request);
        // Job, its step log and the inventory entry from one snapshot: a job read as SUCCEEDED always comes with the
        // entry its last step wrote, so the panel never shows "Succeeded" without the link and stops polling.
        snapshot.executeWithoutResult(tx -> {
            java.util.Optional<ProvisioningJob> job = jobs.findByRequestId(requestId);
            model.addAttribute("manifestAvailable", job.map(ProvisioningProgressController::hasManifest)
                    .orElse(false));
            model.addAttribute("progress", job.map(found -> ProvisioningProgress.of(found, stepLog.of(found.id())))
                    .orElse(null));
            model.addAttribute("stepRunning", job.map(found -> found.isStepRunning(clock.instant())).orElse(false));
            model.addAttribute("loadBalancer", inventory.findByRequestId(requestId).orElse(null));
        });
        return htmx != null ? "provisioning/progress :: progress" : "provisioning/progress";
    }

    /** The Service manifest with the created firewall's id, for teams that apply it themselves. */
    @GetMapping("/provisioning/requests/{requestId}/manifest.yaml")
    org.springframework.http.ResponseEntity<String> manifest(@PathVariable UUID requestId,
                                                             CurrentUser user) {
        visibleRequest(requestId, user);
        ProvisioningJob job = jobs.findByRequestId(requestId).filter(ProvisioningProgressController::hasManifest)
                .orElseThrow(() -> new NotFoundException("A Service manifest for request " + requestId));
        String yaml = job.plan().serviceManifest(job.firewallId()).toYaml();
        return org.springframework.http.ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.parseMediaType("application/yaml;charset=UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"" + job.loadBalancerName() + "-service.yaml\"")
                .body(yaml);
    }

    private static boolean hasManifest(ProvisioningJob job) {
        return job.kind() == ProvisioningJob.Kind.PROVISION && job.firewallId() != null
                && job.plan().isKubernetes();
    }

    @PostMapping("/provisioning/jobs/{jobId}/retry")
    String retry(@PathVariable UUID jobId, CurrentUser user, RedirectAttributes redirect) {
        ProvisioningJob job = administration.retry(jobId, user);
        redirect.addFlashAttribute("message", "Provisioning retries from the failed step.");
        return "redirect:/provisioning/requests/" + job.requestId();
    }

    @PostMapping("/provisioning/jobs/{jobId}/abandon")
    String abandon(@PathVariable UUID jobId, CurrentUser user, RedirectAttributes redirect) {
        ProvisioningJob job = administration.abandon(jobId, user);
        redirect.addFlashAttribute("message", "Provisioning abandoned: what it created is being deleted.");
        return "redirect:/provisioning/requests/" + job.requestId();
    }

    private RequestView visibleRequest(UUID requestId, CurrentUser user) {
        return requests.findVisibleTo(requestId, user).orElseThrow(() -> new NotFoundException("Request " + requestId));
    }

}
