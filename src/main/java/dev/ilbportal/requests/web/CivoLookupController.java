package dev.ilbportal.requests.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/** The pieces htmx swaps into the wizard while the requester types: the region's networks, the matching instances. */
@Controller
class CivoLookupController {

    private final WizardPages pages;

    CivoLookupController(WizardPages pages) {
        this.pages = pages;
    }

    @GetMapping("/requests/lookups/networks")
    String networks(@ModelAttribute("form") NetworkStepForm form, Model model) {
        pages.firewallChoices(model, form);
        model.addAttribute("problems", java.util.Map.of());
        return "requests/network :: choices";
    }

    @GetMapping("/requests/lookups/instances")
    String instances(@RequestParam(name = "region", required = false) String region,
                     @RequestParam(name = "networkId", required = false) String networkId,
                     @ModelAttribute("form") LoadBalancerStepForm form, Model model) {
        pages.instances(model, region, networkId, form);
        return "requests/load-balancer :: instances";
    }
}
