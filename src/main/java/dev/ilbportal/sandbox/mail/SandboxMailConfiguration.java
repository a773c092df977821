package dev.ilbportal.sandbox.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.ilbportal.identity.PortalRole;
import dev.ilbportal.identity.UrlAccessRules;
import dev.ilbportal.sandbox.internal.SandboxNotice;
import dev.ilbportal.sandbox.SandboxProperties;
import java.util.Arrays;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * An embedded SMTP server on 127.0.0.1 that catches every mail the portal sends, and the mail sender that talks to
 * it, when {@code spring.mail.host} is not set.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnSandboxMail
class SandboxMailConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SandboxMailConfiguration.class);

    @Bean(destroyMethod = "stop")
    GreenMail sandboxMailServer(SandboxProperties properties) {
        ServerSetup smtp = new ServerSetup(properties.smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        GreenMail server = new GreenMail(properties.smtpPort() == 0 ? smtp.dynamicPort() : smtp);
        server.start();
        log.info("Sandbox mail catcher (SMTP) is listening on 127.0.0.1:{}; caught mail is at /sandbox/mailbox",
                server.getSmtp().getPort());
        return server;
    }

    @Bean
    JavaMailSenderImpl mailSender(GreenMail server) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(server.getSmtp().getPort());
        Properties timeouts = new Properties();
        timeouts.setProperty("mail.smtp.connectiontimeout", "5000");
        timeouts.setProperty("mail.smtp.timeout", "10000");
        timeouts.setProperty("mail.smtp.writetimeout", "10000");
        sender.setJavaMailProperties(timeouts);
        return sender;
    }

    @Bean
    SandboxNotice.Part sandboxMailPart(GreenMail server) {
        return new SandboxNotice.Part("SMTP server (mail catcher)",
                "127.0.0.1:" + server.getSmtp().getPort() + ", caught mail at /sandbox/mailbox");
    }

    @Bean
    UrlAccessRules sandboxMailboxRules() {
        String[] everyRole = Arrays.stream(PortalRole.values()).map(PortalRole::roleName).toArray(String[]::new);
        return rules -> rules.requestMatchers("/sandbox/mailbox").hasAnyRole(everyRole);
    }
}
