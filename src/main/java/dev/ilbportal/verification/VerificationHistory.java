package dev.ilbportal.verification;

import dev.ilbportal.verification.internal.VerificationRuns;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What other modules may read of verification's record: a load balancer's runs with every check and vantage point. */
@Service
public class VerificationHistory {

    private final VerificationRuns runs;

    VerificationHistory(VerificationRuns runs) {
        this.runs = runs;
    }

    /** Every run of the load balancer, oldest first, each with its checks; empty for an unknown id. */
    @Transactional(readOnly = true)
    public List<VerificationRun> everyRunOf(UUID loadBalancerId) {
        return runs.history(loadBalancerId);
    }
}
