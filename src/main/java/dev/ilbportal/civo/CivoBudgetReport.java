package dev.ilbportal.civo;

import java.time.Duration;
import java.util.List;

/**
 * The account's Civo budget as the administration page shows it: the rate and burst, whether every instance shares
 * it through PostgreSQL, and each lane's use.
 */
public record CivoBudgetReport(double requestsPerSecond, int burst, boolean shared, List<Lane> lanes) {

    /**
     * One lane.
     *
     * @param share         its weight when lanes compete, and that weight as a percentage of all weights
     * @param accountCalls  calls of this lane by every instance (shared budget), or by this one
     * @param meanWait      the mean wait for a token, every instance
     * @param longestWait   the longest wait for a token, every instance
     * @param localCalls    calls of this lane by this instance since it started
     * @param localMedian   median wait of this instance's recent calls
     * @param localP95      95th percentile wait of this instance's recent calls
     */
    public record Lane(CivoLane lane, int share, int sharePercent, long accountCalls, Duration meanWait,
                       Duration longestWait, long localCalls, Duration localMedian, Duration localP95) {
    }
}
