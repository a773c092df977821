package dev.ilbportal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The ILB Portal: self-service internal load balancers on Civo. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@EnableAsync
public class PortalApplication {

    /** Starts the portal, or with {@code --probe-agent} only the probe agent (see docs/verification.md). */
    public static void main(String[] args) throws java.io.IOException {
        if (java.util.Arrays.asList(args).contains("--probe-agent")) {
            dev.ilbportal.verification.ProbeAgent.main(args);
            return;
        }
        SpringApplication.run(PortalApplication.class, args);
    }
}
