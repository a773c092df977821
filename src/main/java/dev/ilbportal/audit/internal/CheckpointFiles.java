package dev.ilbportal.audit.internal;

import dev.ilbportal.audit.Checkpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checkpoints as append-only files: {@code checkpoints-YYYY-MM-DD.jsonl}, one per UTC day, one JSON line per
 * checkpoint, opened for appending only and flushed to the disk before the write counts. Mount the directory on
 * storage the database's owner cannot write (docs/audit-integrity.md).
 */
public final class CheckpointFiles {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu-MM-dd").withZone(ZoneOffset.UTC);
    private static final Pattern LINE = Pattern.compile("\\{\"hash\":\"([0-9a-f]{64})\",\"key_id\":\"([0-9a-f]{16})\","
            + "\"sequence\":(\\d+),\"signature\":\"([A-Za-z0-9+/=]+)\",\"time\":\"([0-9T:.\\-]+Z)\"}");

    private final Path directory;

    public CheckpointFiles(Path directory) {
        this.directory = directory;
    }

    public Path directory() {
        return directory;
    }

    public synchronized void append(Checkpoint checkpoint) {
        try {
            Files.createDirectories(directory);
            Path file = directory.resolve("checkpoints-" + DAY.format(checkpoint.time()) + ".jsonl");
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap((checkpoint.jsonLine() + "\n").getBytes(StandardCharsets.UTF_8)));
                channel.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not append the audit checkpoint to " + directory, e);
        }
    }

    /** Every checkpoint in the directory, oldest file first, in the order written; unreadable lines are skipped. */
    public synchronized List<Checkpoint> all() {
        List<Checkpoint> checkpoints = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return checkpoints;
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, "checkpoints-*.jsonl")) {
            stream.forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list the audit checkpoints in " + directory, e);
        }
        files.sort(null);
        for (Path file : files) {
            try {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    Matcher m = LINE.matcher(line.strip());
                    if (m.matches()) {
                        checkpoints.add(new Checkpoint(Long.parseLong(m.group(3)), m.group(1),
                                Instant.parse(m.group(5)), m.group(2), m.group(4)));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read the audit checkpoints in " + file, e);
            }
        }
        return checkpoints;
    }
}
