package dev.ilbportal.requests.web;

import dev.ilbportal.requests.internal.SpecRules;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * The wizard's forms grow their port rows only as far as the spec rules allow, so a posted {@code ports[255]} cannot
 * make the binder allocate 256 rows; an index beyond the limit is refused as a malformed form.
 */
@ControllerAdvice(basePackages = "dev.ilbportal.requests")
class WizardBinding {

    @InitBinder
    void limitRows(WebDataBinder binder) {
        binder.setAutoGrowCollectionLimit(SpecRules.MAX_PORTS);
    }
}
