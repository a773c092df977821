package dev.ilbportal.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The migrations folder keeps the one global sequence (see docs/operations.md, "Adding a migration"). */
class MigrationSequenceTests {

    private static final List<ReleasedMigration> RELEASED = ReleasedMigration.all();

    @TempDir
    Path folder;

    @Test
    void theMigrationsFolderKeepsTheGlobalSequence() {
        assertThat(MigrationSequence.problems(MigrationFile.FOLDER, RELEASED)).isEmpty();
    }

    @Test
    void todaysMigrationsAreAllListedAsReleased() {
        assertThat(RELEASED).extracting(ReleasedMigration::name).contains("V1__spring_session.sql",
                "V2__audit_event.sql", "V10__requests.sql", "V11__request_kind.sql", "V20__provisioning.sql",
                "V30__verification.sql", "V40__notifications.sql");
    }

    @Test
    void aNewMigrationAboveTheHighestReleasedVersionIsAccepted() throws IOException {
        List<ReleasedMigration> released = releasedCopies("V1__a.sql", "V40__b.sql");
        write("V40_1__between_forty_and_forty_one.sql", "SELECT 2;");
        write("V41__c.sql", "SELECT 3;");

        assertThat(MigrationSequence.problems(folder, released)).isEmpty();
    }

    @Test
    void aNewMigrationBelowTheHighestReleasedVersionIsRefused() throws IOException {
        List<ReleasedMigration> released = releasedCopies("V10__a.sql", "V40__b.sql");
        write("V12__requests_column.sql", "ALTER TABLE t ADD COLUMN c TEXT;");

        assertThat(onlyProblem(released)).startsWith("V12__requests_column.sql is not above the highest released"
                + " version 40");
    }

    @Test
    void aNewMigrationReusingAReleasedVersionIsRefused() throws IOException {
        List<ReleasedMigration> released = releasedCopies("V40__b.sql");
        write("V40.0__again.sql", "SELECT 9;");

        assertThat(MigrationSequence.problems(folder, released))
                .anyMatch(problem -> problem.equals("one version, several files: V40.0__again.sql, V40__b.sql"))
                .anyMatch(problem -> problem.startsWith("V40.0__again.sql is not above"));
    }

    @Test
    void anEditedOrDeletedReleasedMigrationIsRefused() throws IOException {
        List<ReleasedMigration> released = releasedCopies("V1__a.sql");
        write("V1__a.sql", "SELECT 1; -- edited after release");
        assertThat(onlyProblem(released)).startsWith("released V1__a.sql was edited");

        Files.delete(folder.resolve("V1__a.sql"));
        assertThat(onlyProblem(released)).startsWith("released V1__a.sql is gone");
    }

    @Test
    void aFileFlywayWouldSkipIsRefused() throws IOException {
        write("V41_single_underscore.sql", "SELECT 1;");

        assertThat(onlyProblem(List.of())).isEqualTo("V41_single_underscore.sql is not named"
                + " V<version>__<description>.sql, so Flyway would skip it");
    }

    @Test
    void checksumsAreTheOnesFlywayComputesWhateverTheLineEndings() throws IOException {
        Path unix = write("V1__unix.sql", "SELECT 1;\nSELECT 2;\n");
        Path windows = write("V2__windows.sql", "\uFEFFSELECT 1;\r\nSELECT 2;\r\n");

        assertThat(MigrationFile.checksum(unix)).isEqualTo(MigrationFile.checksum(windows));
    }

    @Test
    void versionsCompareNumericallyPartByPart() {
        assertThat(MigrationFile.VERSION_ORDER.compare(MigrationFile.parseVersion("9"),
                MigrationFile.parseVersion("10"))).isNegative();
        assertThat(MigrationFile.VERSION_ORDER.compare(MigrationFile.parseVersion("40.1"),
                MigrationFile.parseVersion("40"))).isPositive();
        assertThat(MigrationFile.parseVersion("41.0")).isEqualTo(List.of(BigInteger.valueOf(41)));
    }

    private String onlyProblem(List<ReleasedMigration> released) {
        List<String> problems = MigrationSequence.problems(folder, released);
        assertThat(problems).hasSize(1);
        return problems.getFirst();
    }

    /** Writes the files and lists them as released, as they are now. */
    private List<ReleasedMigration> releasedCopies(String... names) throws IOException {
        for (String name : names) {
            write(name, "SELECT 1; -- " + name);
        }
        return java.util.Arrays.stream(names).map(name -> MigrationFile.of(folder.resolve(name)))
                .map(file -> new ReleasedMigration(file.version(), file.name(), file.checksum())).toList();
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(folder.resolve(name), content);
    }
}
