package dev.ilbportal.migrations;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The rule for the one global migration sequence: released files never change, versions are unique, and every file not
 * yet released has a version above the highest released one, so a database that has every released migration accepts
 * it (Flyway refuses a new version below its highest applied one unless out-of-order runs are on).
 */
final class MigrationSequence {

    private MigrationSequence() {
    }

    /** What breaks the rule in the folder, one sentence per problem; empty when the folder is fine. */
    static List<String> problems(Path folder, List<ReleasedMigration> released) {
        List<String> problems = new ArrayList<>();
        List<MigrationFile> files = new ArrayList<>();
        for (Path path : MigrationFile.allIn(folder)) {
            String name = path.getFileName().toString();
            if (MigrationFile.isVersionedMigrationName(name)) {
                files.add(MigrationFile.of(path));
            } else {
                problems.add(name + " is not named V<version>__<description>.sql, so Flyway would skip it");
            }
        }

        Map<List<BigInteger>, List<String>> byVersion = files.stream().collect(Collectors.groupingBy(
                MigrationFile::version, HashMap::new, Collectors.mapping(MigrationFile::name, Collectors.toList())));
        byVersion.values().stream().filter(names -> names.size() > 1).forEach(names ->
                problems.add("one version, several files: " + String.join(", ", names.stream().sorted().toList())));

        Map<String, MigrationFile> byName = files.stream()
                .collect(Collectors.toMap(MigrationFile::name, Function.identity()));
        for (ReleasedMigration migration : released) {
            MigrationFile file = byName.get(migration.name());
            if (file == null) {
                problems.add("released " + migration.name() + " is gone: a database that applied it would not start");
            } else if (!file.version().equals(migration.version())) {
                problems.add("released " + migration.name() + " is listed with another version than its name says");
            } else if (file.checksum() != migration.checksum()) {
                problems.add("released " + migration.name() + " was edited (checksum " + file.checksum() + ", released "
                        + migration.checksum() + "): put the change in a new migration instead");
            }
        }

        List<BigInteger> highest = released.stream().map(ReleasedMigration::version)
                .max(MigrationFile.VERSION_ORDER).orElse(List.of(BigInteger.ZERO));
        List<String> releasedNames = released.stream().map(ReleasedMigration::name).toList();
        files.stream()
                .filter(file -> !releasedNames.contains(file.name()))
                .filter(file -> MigrationFile.VERSION_ORDER.compare(file.version(), highest) <= 0)
                .forEach(file -> problems.add(file.name() + " is not above the highest released version "
                        + highest.stream().map(Objects::toString).collect(Collectors.joining(".")) + ": a database"
                        + " that has it would refuse to start; take the next free number above it"));
        return problems;
    }
}
