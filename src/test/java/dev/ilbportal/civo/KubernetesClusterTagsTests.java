package dev.ilbportal.civo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ilbportal.civo.model.KubernetesCluster;
import org.junit.jupiter.api.Test;

class KubernetesClusterTagsTests {

    static KubernetesCluster read(String tags) {
        return CivoJson.mapper().readValue("{\"id\":\"c\",\"tags\":" + tags + "}", KubernetesCluster.class);
    }

    @Test
    void clusterTagsAreReadFromAStringOrAnArray() {
        assertThat(read("\"\"").tags()).isEmpty();
        assertThat(read("\"prod  payments\"").tags()).containsExactly("prod", "payments");
        assertThat(read("[\"prod\"]").tags()).containsExactly("prod");
        assertThat(read("null").tags()).isEmpty();
    }
}
