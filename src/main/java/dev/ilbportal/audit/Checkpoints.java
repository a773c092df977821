package dev.ilbportal.audit;

import dev.ilbportal.audit.internal.CheckpointFiles;
import dev.ilbportal.audit.internal.SigningKey;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Signs the chain's head and writes it outside the database: on a schedule ({@code portal.audit.checkpoint-interval},
 * 5 minutes by default) and whenever an auditor asks. Each checkpoint is appended to the checkpoint files and
 * published as {@link CheckpointWritten}, which the notifications module delivers to the webhooks subscribed to
 * {@code audit.checkpoint}.
 */
@Service
public class Checkpoints {

    private static final Logger log = LoggerFactory.getLogger(Checkpoints.class);

    /** What a checkpoint's signature is checked against, and what {@link ChainCheck} compares the trail with. */
    public record Verified(List<Checkpoint> valid, int badSignatures, int otherKeys) {
    }

    private final AuditLog trail;
    private final SigningKey key;
    private final CheckpointFiles files;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public Checkpoints(AuditLog trail, AuditProperties properties, ApplicationEventPublisher events,
                       Clock clock) {
        this.trail = trail;
        this.key = SigningKey.from(properties);
        this.files = new CheckpointFiles(properties.checkpointDirectory());
        this.events = events;
        this.clock = clock;
        log.info("Audit checkpoints are signed with key {} and written to {}", key.keyId(),
                properties.checkpointDirectory().toAbsolutePath());
    }

    @Scheduled(fixedDelayString = "${portal.audit.checkpoint-interval:5m}",
            initialDelayString = "${portal.audit.checkpoint-interval:5m}")
    void onSchedule() {
        try {
            write();
        } catch (RuntimeException e) {
            log.error("Could not write the scheduled audit checkpoint: {}", e.getMessage());
        }
    }

    /** Signs the current head now, appends it to the files and publishes it. */
    public Checkpoint write() {
        ChainHead head = trail.head();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String signature = key.sign(Checkpoint.signedText(head.sequence(), head.hash(), now));
        Checkpoint checkpoint = new Checkpoint(head.sequence(), head.hash(), now, key.keyId(), signature);
        files.append(checkpoint);
        events.publishEvent(new CheckpointWritten(checkpoint));
        return checkpoint;
    }

    /** Every checkpoint written so far, with those not signed by this key (or not at all) counted, not trusted. */
    public Verified verified() {
        List<Checkpoint> all = files.all();
        int bad = 0;
        int other = 0;
        List<Checkpoint> valid = new java.util.ArrayList<>(all.size());
        for (Checkpoint checkpoint : all) {
            if (!checkpoint.keyId().equals(key.keyId())) {
                other++;
            } else if (!key.verifies(checkpoint.signedText(), checkpoint.signature())) {
                bad++;
            } else {
                valid.add(checkpoint);
            }
        }
        return new Verified(List.copyOf(valid), bad, other);
    }

    /** The newest valid checkpoint that covers {@code sequence} (its sequence is at least that), if any. */
    public Optional<Checkpoint> covering(long sequence) {
        return verified().valid().stream().filter(c -> c.sequence() >= sequence)
                .min(java.util.Comparator.comparingLong(Checkpoint::sequence).thenComparing(Checkpoint::time));
    }

    public Optional<Checkpoint> latest() {
        List<Checkpoint> valid = verified().valid();
        return valid.isEmpty() ? Optional.empty() : Optional.of(valid.getLast());
    }

    public String publicKeyPem() {
        return key.publicKeyPem();
    }

    public String keyId() {
        return key.keyId();
    }

    /** Signs other documents (evidence packs) with the same key. */
    public String sign(byte[] document) {
        return key.sign(document);
    }
}
