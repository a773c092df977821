package dev.ilbportal.provisioning.web;

import dev.ilbportal.civo.CivoClient;
import dev.ilbportal.provisioning.internal.JobStatus;
import dev.ilbportal.provisioning.internal.ProvisioningJob;
import dev.ilbportal.provisioning.internal.ProvisioningJobs;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The admin's overview: jobs that failed and wait for a retry or an abandon, jobs under way, and how the lanes use
 * the account's Civo budget.
 */
@Controller
class AdministrationController {

    private final ProvisioningJobs jobs;
    private final CivoClient civo;

    AdministrationController(ProvisioningJobs jobs, CivoClient civo) {
        this.jobs = jobs;
        this.civo = civo;
    }

    @GetMapping("/admin/provisioning")
    String provisioning(Model model) {
        List<ProvisioningJob> failed = jobs.findByStatus(JobStatus.FAILED);
        List<ProvisioningJob> running = jobs.findByStatus(JobStatus.PENDING);
        model.addAttribute("failed", failed);
        model.addAttribute("running", running);
        model.addAttribute("civoBudget", civo.budgetReport());
        return "provisioning/admin";
    }
}
