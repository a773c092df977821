package dev.ilbportal.sandbox.internal;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Tells every page which sandbox parts stand in for production services, so nobody mistakes a demo for Civo. */
@ControllerAdvice
public class SandboxNotice {

    /** One sandbox part that is running, and where. */
    public record Part(String name, String location) {
    }

    private final ObjectProvider<Part> parts;

    SandboxNotice(ObjectProvider<Part> parts) {
        this.parts = parts;
    }

    @ModelAttribute("sandboxParts")
    List<Part> sandboxParts() {
        return parts.orderedStream().toList();
    }
}
