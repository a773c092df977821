package dev.ilbportal.migrations;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/** A versioned Flyway migration file: its version as Flyway reads it from the name, and Flyway's checksum of it. */
record MigrationFile(String name, List<BigInteger> version, int checksum) {

    /** Where the portal's migrations live (packaged as {@code classpath:db/migration}). */
    static final Path FOLDER = Path.of("db", "migration");

    /** Flyway's default naming: {@code V<version>__<description>.sql}, version parts separated by {@code _} or {@code .}. */
    private static final Pattern NAME = Pattern.compile("V(\\d+(?:[._]\\d+)*)__\\w+\\.sql");

    /** Orders versions as Flyway does: part by part, numerically, a missing part counting as zero. */
    static final Comparator<List<BigInteger>> VERSION_ORDER = (left, right) -> {
        for (int i = 0; i < Math.max(left.size(), right.size()); i++) {
            BigInteger a = i < left.size() ? left.get(i) : BigInteger.ZERO;
            BigInteger b = i < right.size() ? right.get(i) : BigInteger.ZERO;
            if (a.compareTo(b) != 0) {
                return a.compareTo(b);
            }
        }
        return 0;
    };

    /** Every file in the migrations folder, whatever its name (so a misnamed one can be reported). */
    static List<Path> allIn(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether Flyway would take this file name as a versioned migration. */
    static boolean isVersionedMigrationName(String name) {
        return NAME.matcher(name).matches();
    }

    static MigrationFile of(Path file) {
        String name = file.getFileName().toString();
        return new MigrationFile(name, version(name), checksum(file));
    }

    static List<BigInteger> version(String name) {
        Matcher matcher = NAME.matcher(name);
        if (!matcher.matches()) {
            throw new IllegalArgumentException(name + " is not named V<version>__<description>.sql");
        }
        return parseVersion(matcher.group(1));
    }

    static List<BigInteger> parseVersion(String text) {
        List<BigInteger> parts = Arrays.stream(text.split("[._]")).map(BigInteger::new).toList();
        int length = parts.size();
        while (length > 1 && parts.get(length - 1).signum() == 0) {
            length--;
        }
        return parts.subList(0, length);
    }

    /** Flyway's checksum: a CRC32 over the UTF-8 bytes of each line, line breaks and byte-order marks left out. */
    static int checksum(Path file) {
        CRC32 crc = new CRC32();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                crc.update(line.replace("\uFEFF", "").getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return (int) crc.getValue();
    }
}
