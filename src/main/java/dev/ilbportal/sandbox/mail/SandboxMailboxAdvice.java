package dev.ilbportal.sandbox.mail;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Tells the layout that the sandbox mailbox exists, so it can link to it. */
@ControllerAdvice
@ConditionalOnSandboxMail
class SandboxMailboxAdvice {

    @ModelAttribute("sandboxMailbox")
    String sandboxMailbox() {
        return "/sandbox/mailbox";
    }
}
