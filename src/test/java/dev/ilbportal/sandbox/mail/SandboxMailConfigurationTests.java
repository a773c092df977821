package dev.ilbportal.sandbox.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import dev.ilbportal.sandbox.internal.SandboxNotice;
import dev.ilbportal.sandbox.SandboxProperties;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/** The mail catcher stands in only when GreenMail is there and no real mail server is configured. */
class SandboxMailConfigurationTests {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SandboxProperties.class)
    static class Settings {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Settings.class, SandboxMailConfiguration.class)
            .withPropertyValues("portal.sandbox.smtp-port=0");

    @Test
    void catchesMailSentThroughTheMailSenderWhenNoMailHostIsSet() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(GreenMail.class).hasSingleBean(JavaMailSender.class);
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom("portal@ilbportal.invalid");
            message.setTo("april@platform.example");
            message.setSubject("Hello");
            message.setText("See http://localhost:8080/requests/1");
            context.getBean(JavaMailSender.class).send(message);
            assertThat(context.getBean(GreenMail.class).getReceivedMessages()).singleElement()
                    .satisfies(mail -> assertThat(mail.getSubject()).isEqualTo("Hello"));
            assertThat(context.getBeanProvider(SandboxNotice.Part.class).stream().map(SandboxNotice.Part::name).toList())
                    .isEqualTo(List.of("SMTP server (mail catcher)"));
        });
    }

    @Test
    void standsAsideWhenARealMailServerIsConfigured() {
        runner.withPropertyValues("spring.mail.host=smtp.example.com")
                .run(context -> assertThat(context).doesNotHaveBean(GreenMail.class)
                        .doesNotHaveBean(JavaMailSender.class));
    }

    @Test
    void standsAsideWhenGreenMailIsNotOnTheClassPathAsInTheProductionJar() {
        runner.withClassLoader(new FilteredClassLoader("com.icegreen.greenmail"))
                .run(context -> assertThat(context).doesNotHaveBean(JavaMailSender.class)
                        .doesNotHaveBean(SandboxNotice.Part.class));
    }

    @Test
    void cutsMailBodiesIntoTextAndClickableLinks() {
        assertThat(CaughtMail.segments("Open http://localhost:8080/requests/7 now.\nBye"))
                .containsExactly(new CaughtMail.Segment("Open ", false),
                        new CaughtMail.Segment("http://localhost:8080/requests/7", true),
                        new CaughtMail.Segment(" now.\nBye", false));
    }
}
