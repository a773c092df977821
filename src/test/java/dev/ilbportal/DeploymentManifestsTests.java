package dev.ilbportal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What can be checked of the deployment files without a cluster or a Docker engine: deploy/kubernetes/ and
 * docker-compose.yml parse, name only the image this build makes, only environment variables the portal reads (its
 * own settings, Spring Boot's documented ones, placeholders of application.yml) and only probe paths it serves.
 */
class DeploymentManifestsTests {

    static final String LIVENESS = "/actuator/health/liveness";
    static final String READINESS = "/actuator/health/readiness";
    /** Read by the JVM itself, not by the portal. */
    static final Set<String> JVM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS");

    static Set<String> knownSettings;
    static final Path KUBERNETES = Path.of("deploy", "kubernetes");

    @BeforeAll
    static void collectKnownSettings() throws Exception {
        Set<String> names = new HashSet<>();
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        for (BeanDefinition candidate : scanner.findCandidateComponents("dev.ilbportal")) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            String prefix = type.getAnnotation(ConfigurationProperties.class).value();
            addComponents(names, prefix, type);
        }
        Pattern literal = Pattern.compile("\"((?:portal|spring|management|server|logging)\\.[a-z0-9.-]*[a-z0-9])\"");
        try (Stream<Path> sources = Files.walk(Path.of("src", "main", "java"))) {
            for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                Matcher matcher = literal.matcher(Files.readString(source));
                while (matcher.find()) {
                    names.add(matcher.group(1));
                }
            }
        }
        Matcher placeholder = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)[:}]")
                .matcher(Files.readString(Path.of("src", "main", "resources", "application.yml")));
        while (placeholder.find()) {
            names.add(placeholder.group(1));
        }
        JsonMapper json = JsonMapper.builder().build();
        for (URL metadata : Collections.list(DeploymentManifestsTests.class.getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = metadata.openStream()) {
                for (JsonNode property : json.readTree(in).path("properties")) {
                    names.add(property.path("name").asString());
                }
            }
        }
        knownSettings = new HashSet<>();
        names.forEach(name -> knownSettings.add(relaxed(name)));
    }

    private static void addComponents(Set<String> names, String prefix, Class<?> type) {
        if (!type.isRecord()) {
            names.add(prefix);
            return;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            String name = prefix + "." + component.getName();
            Class<?> componentType = component.getType();
            if (componentType.isRecord() && componentType.getName().startsWith("dev.ilbportal")) {
                addComponents(names, name, componentType);
            } else if (Map.class.isAssignableFrom(componentType)) {
                Type value = ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[1];
                names.add(name + ".*");
                if (value instanceof Class<?> valueType && valueType.isRecord()) {
                    addComponents(names, name + ".*", valueType);
                }
            } else {
                names.add(name);
            }
        }
    }

    /** Spring's relaxed binding ignores case, dashes, dots and underscores; map keys are any word. */
    private static String relaxed(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9*]", "");
    }

    private static boolean isKnown(String environmentVariable) {
        if (JVM_VARIABLES.contains(environmentVariable)) {
            return true;
        }
        String candidate = relaxed(environmentVariable);
        return knownSettings.stream().anyMatch(known -> known.contains("*")
                ? candidate.matches(known.replace("*", "[a-z0-9]+")) : known.equals(candidate));
    }

    private static List<Map<String, Object>> documents(Path file) throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(Files.readString(file))) {
            if (document != null) {
                @SuppressWarnings("unchecked")
                Map<String, Object> map = (Map<String, Object>) document;
                documents.add(map);
            }
        }
        return documents;
    }

    private static Map<String, Object> kubernetes(String kind) throws IOException {
        List<Map<String, Object>> found = new ArrayList<>();
        for (Object resource : map(documents(KUBERNETES.resolve("kustomization.yaml")).getFirst()).get("resources")
                .toString().replaceAll("[\\[\\]]", "").split(",\\s*")) {
            documents(KUBERNETES.resolve(resource.toString())).stream().filter(doc -> kind.equals(doc.get("kind")))
                    .forEach(found::add);
        }
        assertThat(found).as("one " + kind).hasSize(1);
        return found.getFirst();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return (List<Object>) value;
    }

    private static Object at(Object node, String... path) {
        Object current = node;
        for (String key : path) {
            current = key.matches("\\d+") ? list(current).get(Integer.parseInt(key)) : map(current).get(key);
        }
        return current;
    }

    private static String artifactId() throws IOException {
        Matcher matcher = Pattern.compile("</parent>\\s*<groupId>[^<]+</groupId>\\s*<artifactId>([^<]+)</artifactId>")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    @Test
    void everyKubernetesFileParsesAndTheKustomizationListsOnlyFilesThatExist() throws IOException {
        Map<String, Object> kustomization = documents(KUBERNETES.resolve("kustomization.yaml")).getFirst();
        for (Object resource : list(kustomization.get("resources"))) {
            Path file = KUBERNETES.resolve(resource.toString());
            assertThat(file).exists();
            assertThat(documents(file)).allSatisfy(doc -> assertThat(doc).containsKeys("apiVersion", "kind"));
        }
        assertThat(KUBERNETES.resolve("secrets.env.example")).exists();
        assertThat(Files.readString(Path.of(".gitignore"))).contains("secrets.env");
    }

    @Test
    void deploymentRunsSeveralReplicasOfThisBuildsImageWithProbesResourcesAndSecretsFromTheEnvironment()
            throws IOException {
        Map<String, Object> deployment = kubernetes("Deployment");
        Map<String, Object> container = map(at(deployment, "spec", "template", "spec", "containers", "0"));

        assertThat((Integer) at(deployment, "spec", "replicas")).isGreaterThanOrEqualTo(2);
        assertThat(container.get("image")).isEqualTo(artifactId());
        assertThat(at(documents(KUBERNETES.resolve("kustomization.yaml")).getFirst(), "images", "0", "name"))
                .isEqualTo(artifactId());
        assertThat(at(container, "livenessProbe", "httpGet", "path")).isEqualTo(LIVENESS);
        assertThat(at(container, "startupProbe", "httpGet", "path")).isEqualTo(LIVENESS);
        assertThat(at(container, "readinessProbe", "httpGet", "path")).isEqualTo(READINESS);
        List<Object> portNames = list(container.get("ports")).stream().map(port -> map(port).get("name")).toList();
        for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
            assertThat(portNames).contains(at(container, probe, "httpGet", "port"));
        }
        assertThat(map(at(container, "resources", "requests"))).containsKeys("cpu", "memory");
        assertThat(map(at(container, "resources", "limits"))).containsKey("memory");
        assertThat(list(container.get("envFrom"))).extracting(from -> map(from).keySet().iterator().next())
                .containsExactlyInAnyOrder("configMapRef", "secretRef");
        assertThat(at(container, "envFrom", "1", "secretRef", "name")).isEqualTo(
                at(documents(KUBERNETES.resolve("kustomization.yaml")).getFirst(), "secretGenerator", "0", "name"));
    }

    @Test
    void disruptionBudgetAndServiceSelectTheDeploymentsPods() throws IOException {
        Object labels = at(kubernetes("Deployment"), "spec", "template", "metadata", "labels");
        Map<String, Object> budget = kubernetes("PodDisruptionBudget");

        assertThat(at(budget, "spec", "selector", "matchLabels")).isEqualTo(labels);
        assertThat((Integer) at(budget, "spec", "minAvailable")).isGreaterThanOrEqualTo(1);
        assertThat(at(kubernetes("Service"), "spec", "selector")).isEqualTo(labels);
    }

    @Test
    void kubernetesNamesOnlyEnvironmentVariablesThePortalReads() throws IOException {
        Set<String> variables = new HashSet<>(map(kubernetes("ConfigMap").get("data")).keySet());
        for (String line : Files.readAllLines(KUBERNETES.resolve("secrets.env.example"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                variables.add(line.substring(0, line.indexOf('=')));
            }
        }
        list(at(kubernetes("Deployment"), "spec", "template", "spec", "containers", "0", "env"))
                .forEach(env -> variables.add(map(env).get("name").toString()));

        assertThat(variables).hasSizeGreaterThan(8).allSatisfy(variable ->
                assertThat(isKnown(variable)).as(variable + " is a setting the portal reads").isTrue());
    }

    @Test
    void composeRunsTwoPortalReplicasBehindTheProxyOnlyWithKnownSettings() throws IOException {
        Map<String, Object> compose = documents(Path.of("docker-compose.yml")).getFirst();
        Map<String, Object> services = map(compose.get("services"));
        List<String> portals = services.entrySet().stream()
                .filter(service -> ("ilb-portal:latest").equals(map(service.getValue()).get("image"))
                        && !map(service.getValue()).containsKey("command"))
                .map(Map.Entry::getKey).toList();

        assertThat(portals).hasSize(2);
        String nginx = Files.readString(Path.of("deploy", "compose", "nginx.conf"));
        for (String portal : portals) {
            assertThat(nginx).contains("server " + portal + ":8080");
            Map<String, Object> environment = map(map(services.get(portal)).get("environment"));
            assertThat(environment.keySet()).allSatisfy(variable ->
                    assertThat(isKnown(variable)).as(variable + " is a setting the portal reads").isTrue());
            assertThat(at(services.get(portal), "healthcheck", "test").toString())
                    .contains(":" + environment.get("MANAGEMENT_SERVER_PORT") + READINESS);
        }
        for (Object service : services.values()) {
            for (Object volume : (List<?>) map(service).getOrDefault("volumes", List.of())) {
                String source = volume.toString().split(":")[0];
                if (source.startsWith("./")) {
                    assertThat(Path.of(source)).as("mounted file").exists();
                }
            }
        }
        assertThat(at(services, "civo-sandbox", "command").toString()).contains("--civo-sandbox");
    }

    @Test
    void settingsCheckRejectsAVariableNobodyReads() {
        assertThat(isKnown("PORTAL_CIVO_BASE_URL")).isTrue();
        assertThat(isKnown("PORTAL_CIVO_BASEURL")).isTrue();
        assertThat(isKnown("SPRING_DATASOURCE_URL")).isTrue();
        assertThat(isKnown("PORTAL_CIVO_BASE_URI")).isFalse();
        assertThat(isKnown("SPRING_DATASOURCE_URI")).isFalse();
    }
}
