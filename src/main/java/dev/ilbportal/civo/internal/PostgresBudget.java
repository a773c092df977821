package dev.ilbportal.civo.internal;

import dev.ilbportal.civo.CivoLane;
import dev.ilbportal.civo.CivoProperties;
import dev.ilbportal.civo.Sleeper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;

/**
 * The account's one budget, kept in PostgreSQL so that every portal instance spends the same tokens.
 *
 * <p>Each attempt is one short transaction on the account's row (row lock, a few statements, commit): the bucket is
 * refilled at the configured rate on the database's clock, and a token is taken if the lane may have it. Between
 * attempts no connection is held. Lanes compete by stride scheduling: each lane's {@code pass} grows by 1/share per
 * call, and among the lanes with a call waiting anywhere ({@code wanted_until_us} in the future) the lowest pass goes
 * next, so under contention the lanes split the budget by their shares and a lane alone gets all of it. A lane alone
 * leaves its reserve of tokens in the bucket, so a person arriving during a background burst finds a token at once.
 *
 * <p>People come first: while the interactive lane has a caller waiting (or lingering, below), background work takes
 * no token, however the passes stand, unless its own caller has waited longer than {@code interactive-share ÷
 * background-share} tokens' time; so a person's save of a few calls is not interleaved with background calls that
 * drain the tokens left for people.
 *
 * <p>A lane that just took its token keeps its turn for two tokens' time ({@code lingerUs}), so a caller making one call
 * after another does not lose its place to a lower lane between two calls.
 *
 * <p>Inside one instance only the oldest waiter of each lane polls the database (a fair lock per lane); the others
 * queue behind it in order.
 */
public final class PostgresBudget implements Budget {

    private static final long HEARTBEAT_US = 2_000_000;
    private static final long MIN_POLL_US = 2_000;
    private static final long MIN_LINGER_US = 20_000;
    private static final long MAX_POLL_US = 250_000;

    private final DataSource dataSource;
    private final String account;
    private final double tokensPerMicro;
    private final int burst;
    private final CivoProperties.Budget lanes;
    private final Clock clock;
    private final Sleeper sleeper;
    private final long lingerUs;
    private final Map<CivoLane, ReentrantLock> heads = new EnumMap<>(CivoLane.class);
    private final Map<CivoLane, AtomicInteger> waiting = new EnumMap<>(CivoLane.class);
    private volatile boolean rowsExist;

    public PostgresBudget(DataSource dataSource, String account, CivoProperties.RateLimit rate,
                          CivoProperties.Budget lanes, Clock clock, Sleeper sleeper) {
        if (rate.requestsPerSecond() <= 0 || rate.burst() < 1) {
            throw new IllegalArgumentException("rate and burst must be positive");
        }
        this.dataSource = dataSource;
        this.account = account;
        this.tokensPerMicro = rate.requestsPerSecond() / 1_000_000d;
        this.burst = rate.burst();
        this.lanes = lanes;
        this.clock = clock;
        this.sleeper = sleeper;
        this.lingerUs = Math.max(MIN_LINGER_US, Math.min(HEARTBEAT_US, (long) (2 / tokensPerMicro)));
        for (CivoLane lane : CivoLane.values()) {
            heads.put(lane, new ReentrantLock(true));
            waiting.put(lane, new AtomicInteger());
        }
    }

    @Override
    public Duration acquire(CivoLane lane) throws InterruptedException {
        long started = System.nanoTime();
        AtomicInteger queued = waiting.get(lane);
        queued.incrementAndGet();
        ReentrantLock head = heads.get(lane);
        try {
            head.lockInterruptibly();
            try {
                while (true) {
                    long waitedUs = (System.nanoTime() - started) / 1_000;
                    long retryInUs = attempt(lane, queued.get() > 1, waitedUs);
                    if (retryInUs < 0) {
                        return Duration.ofNanos(System.nanoTime() - started);
                    }
                    sleeper.sleep(Duration.ofNanos(retryInUs * 1_000));
                }
            } finally {
                head.unlock();
            }
        } finally {
            queued.decrementAndGet();
        }
    }

    @Override
    public void pauseUntil(Instant until) {
        long delayUs = Duration.between(clock.instant(), until).toNanos() / 1_000;
        if (delayUs <= 0) {
            return;
        }
        ensureRows();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement pause = connection.prepareStatement("""
                     UPDATE civo_budget SET paused_until_us = greatest(paused_until_us,
                         (extract(epoch from clock_timestamp()) * 1000000)::bigint + ?) WHERE account = ?""")) {
            pause.setLong(1, delayUs);
            pause.setString(2, account);
            pause.executeUpdate();
        } catch (SQLException failure) {
            throw new BudgetUnavailableException(failure);
        }
    }

    /** What each lane spent and waited, account-wide, since the budget's rows were created. */
    public List<LaneTotals> totals() {
        ensureRows();
        List<LaneTotals> totals = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("""
                     SELECT lane, calls, waited_us, longest_wait_us FROM civo_budget_lane WHERE account = ?""")) {
            select.setString(1, account);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    totals.add(new LaneTotals(CivoLane.valueOf(rows.getString(1)), rows.getLong(2),
                            Duration.ofNanos(rows.getLong(3) * 1_000), Duration.ofNanos(rows.getLong(4) * 1_000)));
                }
            }
        } catch (SQLException failure) {
            throw new BudgetUnavailableException(failure);
        }
        totals.sort((a, b) -> a.lane().compareTo(b.lane()));
        return totals;
    }

    /** One lane's account-wide use. */
    public record LaneTotals(CivoLane lane, long calls, Duration waited, Duration longestWait) {
    }

    /**
     * One try at taking a token for the lane; -1 when taken, otherwise how many microseconds to wait before the next
     * try.
     */
    private long attempt(CivoLane lane, boolean moreWaiting, long waitedUs) {
        ensureRows();
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                long result = attempt(connection, lane, moreWaiting, waitedUs);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException failure) {
                connection.rollback();
                throw failure;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException failure) {
            throw new BudgetUnavailableException(failure);
        }
    }

    private long attempt(Connection connection, CivoLane lane, boolean moreWaiting, long waitedUs)
            throws SQLException {
        double tokens;
        long refilledUs;
        long pausedUntilUs;
        long nowUs;
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT tokens, refilled_us, paused_until_us, (extract(epoch from clock_timestamp()) * 1000000)::bigint
                FROM civo_budget WHERE account = ? FOR UPDATE""")) {
            select.setString(1, account);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                tokens = row.getDouble(1);
                refilledUs = row.getLong(2);
                pausedUntilUs = row.getLong(3);
                nowUs = row.getLong(4);
            }
        }
        Map<CivoLane, double[]> passAndWanted = new EnumMap<>(CivoLane.class);
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT lane, pass, wanted_until_us FROM civo_budget_lane WHERE account = ?")) {
            select.setString(1, account);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    passAndWanted.put(CivoLane.valueOf(rows.getString(1)),
                            new double[] {rows.getDouble(2), rows.getLong(3)});
                }
            }
        }
        if (nowUs > refilledUs) {
            tokens = Math.min(burst, tokens + (nowUs - refilledUs) * tokensPerMicro);
            refilledUs = nowUs;
        }
        double[] mine = passAndWanted.get(lane);
        double pass = mine[0];
        boolean wasWanting = mine[1] > nowUs;
        List<CivoLane> others = new ArrayList<>();
        double lowestOther = Double.MAX_VALUE;
        for (Map.Entry<CivoLane, double[]> entry : passAndWanted.entrySet()) {
            if (entry.getKey() != lane && entry.getValue()[1] > nowUs) {
                others.add(entry.getKey());
                lowestOther = Math.min(lowestOther, entry.getValue()[0]);
            }
        }
        if (!wasWanting && !others.isEmpty() && pass < lowestOther) {
            pass = lowestOther; // a lane back from idling banks no credit against those that kept waiting
        }
        // People first: while a person waits (or has just been served and may call again at once), background work
        // takes no token, unless it has itself waited longer than its share allows (so it never starves). Between
        // people and provisioning, and between provisioning and background work, the passes decide.
        boolean peopleWaiting = lane == CivoLane.BACKGROUND && others.contains(CivoLane.INTERACTIVE);
        boolean yieldsToPeople = peopleWaiting && waitedUs < longestYieldUs();
        boolean myTurn = !yieldsToPeople;
        for (CivoLane other : others) {
            if (peopleFirst(lane, other)) {
                continue;
            }
            double otherPass = passAndWanted.get(other)[0];
            if (otherPass < pass || (otherPass == pass && other.ordinal() < lane.ordinal())) {
                myTurn = false;
            }
        }
        if (yieldsToPeople) {
            // yielding to people banks no credit against provisioning
            for (CivoLane other : others) {
                if (other != CivoLane.INTERACTIVE) {
                    pass = Math.max(pass, passAndWanted.get(other)[0]);
                }
            }
        }
        double needed = 1 + (others.isEmpty() ? Math.min(lanes.reserve(lane), burst - 1) : 0);
        boolean paused = pausedUntilUs > nowUs;
        boolean granted = !paused && myTurn && tokens >= needed;
        long retryInUs = -1;
        long wantedUntilUs;
        if (granted) {
            tokens -= 1;
            pass += 1d / lanes.share(lane);
            wantedUntilUs = nowUs + (moreWaiting ? HEARTBEAT_US : lingerUs);
        } else {
            wantedUntilUs = nowUs + HEARTBEAT_US;
            long untilUs;
            if (paused) {
                untilUs = pausedUntilUs - nowUs;
            } else if (tokens < needed) {
                untilUs = (long) Math.ceil((needed - tokens) / tokensPerMicro);
            } else {
                untilUs = (long) Math.ceil(1 / tokensPerMicro);
            }
            retryInUs = Math.max(MIN_POLL_US, Math.min(MAX_POLL_US, untilUs));
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE civo_budget SET tokens = ?, refilled_us = ? WHERE account = ?")) {
            update.setDouble(1, tokens);
            update.setLong(2, refilledUs);
            update.setString(3, account);
            update.executeUpdate();
        }
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE civo_budget_lane SET pass = ?, wanted_until_us = ?, calls = calls + ?,
                    waited_us = waited_us + ?, longest_wait_us = greatest(longest_wait_us, ?)
                WHERE account = ? AND lane = ?""")) {
            update.setDouble(1, pass);
            update.setLong(2, wantedUntilUs);
            update.setLong(3, granted ? 1 : 0);
            update.setLong(4, granted ? waitedUs : 0);
            update.setLong(5, granted ? waitedUs : 0);
            update.setString(6, account);
            update.setString(7, lane.name());
            update.executeUpdate();
        }
        return retryInUs;
    }

    /** Whether {@code lane} goes ahead of {@code other} whatever their passes: people ahead of background work. */
    private static boolean peopleFirst(CivoLane lane, CivoLane other) {
        return lane == CivoLane.INTERACTIVE && other == CivoLane.BACKGROUND;
    }

    /**
     * How long background work yields to people before it takes a token anyway: as many tokens' time as people's
     * share outweighs background's, so under people's full demand background work still gets about its share.
     */
    private long longestYieldUs() {
        double ratio = (double) lanes.share(CivoLane.INTERACTIVE) / lanes.share(CivoLane.BACKGROUND);
        return (long) Math.ceil(Math.max(1, ratio) / tokensPerMicro);
    }

    private void ensureRows() {
        if (rowsExist) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement budget = connection.prepareStatement("""
                     INSERT INTO civo_budget (account, tokens, refilled_us)
                     VALUES (?, ?, (extract(epoch from clock_timestamp()) * 1000000)::bigint)
                     ON CONFLICT (account) DO NOTHING""");
             PreparedStatement lane = connection.prepareStatement("""
                     INSERT INTO civo_budget_lane (account, lane) VALUES (?, ?)
                     ON CONFLICT (account, lane) DO NOTHING""")) {
            budget.setString(1, account);
            budget.setDouble(2, burst);
            budget.executeUpdate();
            for (CivoLane each : CivoLane.values()) {
                lane.setString(1, account);
                lane.setString(2, each.name());
                lane.executeUpdate();
            }
            rowsExist = true;
        } catch (SQLException failure) {
            throw new BudgetUnavailableException(failure);
        }
    }

    @Override
    public String toString() {
        return "PostgresBudget[account=" + account + ", perSecond=" + tokensPerMicro * 1_000_000d + ", burst="
                + burst + "]";
    }

    /** The budget's rows could not be read or written; no Civo call is sent without its token. */
    public static final class BudgetUnavailableException extends RuntimeException {

        BudgetUnavailableException(SQLException cause) {
            super("The shared Civo budget in PostgreSQL is unavailable: " + cause.getMessage(), cause);
        }
    }
}
