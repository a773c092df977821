package dev.ilbportal.notifications;

import org.springframework.context.ApplicationContext;

/** For journeys outside this package: sends the due deliveries now (tests keep the scheduled dispatcher idle). */
public final class DueMail {

    private DueMail() {
    }

    public static int send(ApplicationContext context) {
        return context.getBean(DeliveryDispatcher.class).dispatchDue();
    }
}
