package dev.ilbportal.sandbox.mail;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sandbox mailbox: every mail the mail catcher caught, newest first, so a demo can follow a mail's link. */
@Controller
@ConditionalOnSandboxMail
class SandboxMailboxController {

    static final int SHOWN = 100;

    private final GreenMail server;

    SandboxMailboxController(GreenMail server) {
        this.server = server;
    }

    @GetMapping("/sandbox/mailbox")
    String mailbox(Model model) throws MessagingException, IOException {
        // newest caught first: the order of arrival, not the Date header, which a sender's clock may set ahead
        MimeMessage[] received = server.getReceivedMessages();
        List<CaughtMail> mails = new java.util.ArrayList<>();
        for (int i = received.length - 1; i >= 0 && mails.size() < SHOWN; i--) {
            mails.add(caught(received[i]));
        }
        model.addAttribute("mails", mails);
        model.addAttribute("total", received.length);
        return "sandbox/mailbox";
    }

    private static CaughtMail caught(MimeMessage message) throws MessagingException, IOException {
        Address[] recipients = message.getAllRecipients();
        String to = recipients == null ? "" : Arrays.stream(recipients).map(Address::toString)
                .collect(Collectors.joining(", "));
        Instant sent = message.getSentDate() == null ? null : message.getSentDate().toInstant();
        Object content = message.getContent();
        String text = content instanceof String body ? body : "(not a plain-text mail)";
        return new CaughtMail(to, message.getSubject(), sent, CaughtMail.segments(text.replace("\r\n", "\n")));
    }
}
