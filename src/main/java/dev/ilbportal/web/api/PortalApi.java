package dev.ilbportal.web.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.web.bind.annotation.RestController;

/**
 * Marks a controller of the JSON API under {@code /api/v1}: its errors are Problem Details ({@link ApiProblems}),
 * never the pages' HTML error views.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@RestController
public @interface PortalApi {

    /** The prefix every API path starts with. */
    String PREFIX = "/api/v1";
}
