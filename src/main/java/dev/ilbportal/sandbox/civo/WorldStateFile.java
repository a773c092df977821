package dev.ilbportal.sandbox.civo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The standalone sandbox's optional state file: the whole simulated account as JSON, rewritten (to a temporary file,
 * then moved into place) after every change, and read back on start so a restarted sandbox keeps its world. Faults
 * are not kept; a load balancer that was pending when the sandbox stopped finishes provisioning after the restart.
 */
final class WorldStateFile {

    private static final Logger log = LoggerFactory.getLogger(WorldStateFile.class);
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final Path file;

    WorldStateFile(Path file) {
        this.file = file.toAbsolutePath();
    }

    boolean exists() {
        return Files.isRegularFile(file);
    }

    /** Loads the file into {@code world}; returns the load balancers still pending. */
    List<String> restoreInto(CivoWorld world) {
        try {
            CivoWorld.State state = JSON.readValue(Files.readString(file), CivoWorld.State.class);
            List<String> pending = world.restore(state);
            log.info("Civo sandbox restored {} firewall(s) and {} load balancer(s) from {}",
                    state.firewalls().size(), state.loadBalancers().size(), file);
            return pending;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Civo sandbox state file " + file, e);
        } catch (JacksonException e) {
            throw new IllegalStateException("The Civo sandbox state file " + file + " is not a sandbox state ("
                    + e.getOriginalMessage() + "); move it away to start from a fresh world", e);
        }
    }

    synchronized void save(CivoWorld world) {
        try {
            Path parent = file.getParent();
            Files.createDirectories(parent);
            Path temporary = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
            Files.writeString(temporary, JSON.writeValueAsString(world.state()));
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log.warn("Civo sandbox could not write its state file {}: {}", file, e.getMessage());
        }
    }

    Path path() {
        return file;
    }
}
