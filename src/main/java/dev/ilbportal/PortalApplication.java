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

    /**
     * Starts the portal, or with {@code --probe-agent} only the probe agent (see docs/verification.md), or with
     * {@code --civo-sandbox} only the Civo API simulator (see docs/production.md).
     */
    public static void main(String[] args) throws java.io.IOException, InterruptedException {
        if (java.util.Arrays.asList(args).contains("--civo-sandbox")) {
            dev.ilbportal.sandbox.CivoSandbox.main(args);
            return;
        }
        if (java.util.Arrays.asList(args).contains("--probe-agent")) {
            dev.ilbportal.verification.ProbeAgent.main(args);
            return;
        }
        SpringApplication.run(PortalApplication.class, args);
    }
}
