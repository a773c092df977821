package dev.ilbportal.kubernetes;

import java.util.List;

/** Thrown instead of applying a Service that would not give an internal load balancer, with every reason. */
public class ManifestRefused extends RuntimeException {

    private final List<String> problems;

    public ManifestRefused(List<String> problems) {
        super(String.join(" ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
