package dev.ilbportal.migrations;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** One line of {@code released-migrations.txt}: a migration some database may already have applied. */
record ReleasedMigration(List<BigInteger> version, String name, int checksum) {

    static final String LIST = "/released-migrations.txt";

    static List<ReleasedMigration> all() {
        try (InputStream in = ReleasedMigration.class.getResourceAsStream(LIST)) {
            if (in == null) {
                throw new IllegalStateException(LIST + " is missing from the test resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(ReleasedMigration::parse)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ReleasedMigration parse(String line) {
        String[] fields = line.split("\\s+");
        if (fields.length != 3) {
            throw new IllegalStateException(LIST + ": expected 'version file checksum', got '" + line + "'");
        }
        return new ReleasedMigration(MigrationFile.parseVersion(fields[0]), fields[1], Integer.parseInt(fields[2]));
    }
}
