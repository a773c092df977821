package dev.ilbportal.sandbox.internal;

import dev.ilbportal.sandbox.DemoPerson;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Prints where to open the portal and who can sign in, once the sandbox portal is ready. */
@Component
class SandboxWelcome {

    private static final Logger log = LoggerFactory.getLogger(SandboxWelcome.class);

    private final ObjectProvider<SandboxNotice.Part> parts;

    SandboxWelcome(ObjectProvider<SandboxNotice.Part> parts) {
        this.parts = parts;
    }

    @EventListener
    void onReady(ApplicationReadyEvent event) {
        List<SandboxNotice.Part> running = parts.orderedStream().toList();
        if (running.isEmpty() || !(event.getApplicationContext() instanceof WebServerApplicationContext web)) {
            return;
        }
        StringBuilder text = new StringBuilder("\n\n  ILB Portal (sandbox mode) is ready: open http://localhost:")
                .append(web.getWebServer().getPort()).append("/\n\n  Sandbox parts:\n");
        running.forEach(part -> text.append("    - ").append(part.name()).append(": ").append(part.location())
                .append('\n'));
        text.append("\n  Demo people (one click each on the sandbox sign-in page):\n");
        DemoPerson.all().forEach(person -> text.append("    - ").append(person.name()).append(" (")
                .append(person.username()).append("): ").append(person.summary()).append('\n'));
        log.info(text.toString());
    }
}
