package dev.ilbportal.notifications.internal;

import dev.ilbportal.notifications.NotificationsProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends mail deliveries through the configured SMTP server ({@code spring.mail.*}, or the sandbox's mail catcher).
 * Without a mail server a mail delivery fails visibly instead of vanishing.
 */
@Component
class MailChannel {

    private final ObjectProvider<JavaMailSender> senders;
    private final NotificationsProperties properties;

    MailChannel(ObjectProvider<JavaMailSender> senders, NotificationsProperties properties) {
        this.senders = senders;
        this.properties = properties;
    }

    void send(Delivery delivery) {
        JavaMailSender sender = senders.getIfAvailable();
        if (sender == null) {
            throw new DeliveryFailure("No mail server is configured (spring.mail.host)", false);
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(properties.from());
        message.setTo(delivery.recipient());
        message.setSubject(delivery.title());
        message.setText(delivery.body());
        try {
            sender.send(message);
        } catch (MailException e) {
            throw new DeliveryFailure("The mail server refused or could not be reached: "
                    + e.getClass().getSimpleName(), e);
        }
    }
}
