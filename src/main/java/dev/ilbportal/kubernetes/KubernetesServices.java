package dev.ilbportal.kubernetes;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import dev.ilbportal.kubernetes.internal.Kubeconfig;
import dev.ilbportal.kubernetes.internal.PemKeys;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads, creates, replaces and deletes Services in one cluster through its Kubernetes API, because that is the only
 * Kubernetes resource the portal touches.
 *
 * <p>Why a minimal client over the JDK's {@link HttpClient} rather than fabric8 or the official Kubernetes Java
 * client: the portal needs one resource (v1 Service), four verbs and no watch; the call shapes are stable core/v1
 * REST; this adds no dependency (both full clients bring tens of transitive jars, their own Jackson or OkHttp/Gson,
 * and a large surface to keep patched); and the sandbox emulates exactly these calls, so tests exercise the same code
 * that runs in production. The trade-off, stated honestly: kubeconfig support is narrow (the current context's cluster and user; a bearer token
 * or a client certificate with an EC, RSA or PKCS#8 key; optional CA data; no exec plugins or auth providers, which
 * {@link Kubeconfig} refuses; the sandbox exercises only the token path over plain HTTP), there
 * is no watch (the portal polls), no server-side apply and no retries on 429/5xx; if the portal ever needs more
 * resources or those auth modes, switching to fabric8 is the better move.
 */
public final class KubernetesServices {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final Kubeconfig kubeconfig;
    private final HttpClient http;

    KubernetesServices(Kubeconfig kubeconfig) {
        this.kubeconfig = kubeconfig;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
        if (kubeconfig.certificateAuthorityPem() != null || kubeconfig.hasClientCertificate()) {
            builder.sslContext(sslContext(kubeconfig));
        }
        this.http = builder.build();
    }

    /** A client for the cluster a Civo kubeconfig describes. */
    public static KubernetesServices of(String kubeconfigYaml) {
        return new KubernetesServices(Kubeconfig.parse(kubeconfigYaml));
    }

    public URI server() {
        return kubeconfig.server();
    }

    public Optional<AppliedService> get(String namespace, String name) {
        HttpResponse<String> response = send(request(path(namespace, name)).GET());
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        return Optional.of(parse(expect(response, 200)));
    }

    public AppliedService create(ServiceManifest manifest) {
        return parse(expect(send(request(path(manifest.namespace(), null))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(manifest, null)))), 201, 200));
    }

    /** Replaces the Service's spec and annotations, naming the version read just before (409 if it moved on). */
    public AppliedService replace(ServiceManifest manifest, String resourceVersion) {
        return parse(expect(send(request(path(manifest.namespace(), manifest.name()))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body(manifest, resourceVersion)))), 200));
    }

    /** Creates the Service, or replaces it when one of that name exists; safe to call again after a crash. */
    public AppliedService apply(ServiceManifest manifest) {
        Optional<AppliedService> current = get(manifest.namespace(), manifest.name());
        return current.isEmpty() ? create(manifest) : replace(manifest, current.get().resourceVersion());
    }

    /** Deletes the Service (and so, through the CCM, its load balancer); false when there was none. */
    public boolean delete(String namespace, String name) {
        HttpResponse<String> response = send(request(path(namespace, name)).DELETE());
        if (response.statusCode() == 404) {
            return false;
        }
        expect(response, 200, 202);
        return true;
    }

    /** The v1 Service object of a manifest, as plain maps and lists (for plans shown to people and hashed). */
    public static Map<String, Object> serviceObject(ServiceManifest manifest) {
        return JSON.convertValue(JSON.readTree(body(manifest, null)), new tools.jackson.core.type.TypeReference<>() {
        });
    }

    /** The manifest read back from {@link #serviceObject}, e.g. from an approved plan. */
    public static ServiceManifest manifestOf(String clusterId, JsonNode service) {
        JsonNode metadata = service.path("metadata");
        Map<String, String> annotations = new java.util.TreeMap<>();
        metadata.path("annotations").properties().forEach(e -> annotations.put(e.getKey(), e.getValue().asString()));
        Map<String, String> selector = new java.util.TreeMap<>();
        service.path("spec").path("selector").properties().forEach(e -> selector.put(e.getKey(),
                e.getValue().asString()));
        java.util.List<ServicePort> ports = new java.util.ArrayList<>();
        service.path("spec").path("ports").forEach(port -> ports.add(new ServicePort(port.path("name").asString(null),
                port.path("port").asInt(), port.path("targetPort").asInt(), port.path("protocol").asString("TCP"))));
        return new ServiceManifest(clusterId, metadata.path("namespace").asString(null),
                metadata.path("name").asString(null), selector, ports, annotations);
    }

    /** The JSON body the portal sends for a manifest: its YAML rendering's content, as a v1 Service object. */
    static String body(ServiceManifest manifest, String resourceVersion) {
        ObjectNode json = JSON.createObjectNode().put("apiVersion", "v1").put("kind", "Service");
        ObjectNode metadata = json.putObject("metadata").put("name", manifest.name())
                .put("namespace", manifest.namespace());
        if (resourceVersion != null) {
            metadata.put("resourceVersion", resourceVersion);
        }
        ObjectNode annotations = metadata.putObject("annotations");
        manifest.annotations().forEach(annotations::put);
        ObjectNode spec = json.putObject("spec").put("type", "LoadBalancer");
        ObjectNode selector = spec.putObject("selector");
        manifest.selector().forEach(selector::put);
        manifest.ports().forEach(port -> {
            ObjectNode item = spec.withArray("ports").addObject();
            if (port.name() != null && !port.name().isBlank()) {
                item.put("name", port.name());
            }
            item.put("protocol", port.protocol()).put("port", port.port()).put("targetPort", port.targetPort());
        });
        return JSON.writeValueAsString(json);
    }

    private String path(String namespace, String name) {
        String base = kubeconfig.server().toString();
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        String path = base + "/api/v1/namespaces/" + encode(namespace) + "/services";
        return name == null ? path : path + "/" + encode(name);
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private HttpRequest.Builder request(String uri) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(uri)).timeout(TIMEOUT)
                .header("Accept", "application/json");
        if (kubeconfig.token() != null) {
            builder.header("Authorization", "Bearer " + kubeconfig.token());
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest.Builder builder) {
        try {
            return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new KubernetesApiException(0, "Unreachable", "The cluster's API at " + kubeconfig.server()
                    + " could not be reached: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KubernetesApiException(0, "Interrupted", "Interrupted while calling the cluster's API");
        }
    }

    private static JsonNode expect(HttpResponse<String> response, int... statuses) {
        for (int status : statuses) {
            if (response.statusCode() == status) {
                return read(response.body());
            }
        }
        String reason = "Unknown";
        String message = response.body();
        try {
            JsonNode status = JSON.readTree(response.body());
            reason = status.path("reason").asString(reason);
            message = status.path("message").asString(message);
        } catch (JacksonException notJson) {
            // keep the raw body as the message
        }
        throw new KubernetesApiException(response.statusCode(), reason, "Kubernetes API answered "
                + response.statusCode() + " " + reason + ": " + message);
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            throw new KubernetesApiException(200, "Unreadable", "The cluster's API answered with a body that is not "
                    + "JSON");
        }
    }

    private static AppliedService parse(JsonNode json) {
        JsonNode metadata = json.path("metadata");
        Map<String, String> annotations = new HashMap<>();
        metadata.path("annotations").properties()
                .forEach(entry -> annotations.put(entry.getKey(), entry.getValue().asString()));
        JsonNode ingress = json.path("status").path("loadBalancer").path("ingress").path(0);
        return new AppliedService(metadata.path("namespace").asString(null), metadata.path("name").asString(null),
                metadata.path("resourceVersion").asString(null), annotations,
                ingress.path("ip").asString(null), ingress.path("hostname").asString(null));
    }

    /** Trusts the kubeconfig's CA (else the JDK's) and presents its client certificate, if any. */
    static SSLContext sslContext(Kubeconfig kubeconfig) {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            if (kubeconfig.certificateAuthorityPem() == null) {
                trust.init((KeyStore) null);
            } else {
                KeyStore authorities = KeyStore.getInstance("PKCS12");
                authorities.load(null, null);
                int n = 0;
                for (Certificate certificate : PemKeys.certificates(kubeconfig.certificateAuthorityPem())) {
                    authorities.setCertificateEntry("ca-" + n++, certificate);
                }
                trust.init(authorities);
            }
            javax.net.ssl.KeyManager[] keyManagers = null;
            if (kubeconfig.hasClientCertificate()) {
                char[] password = new char[0];
                KeyStore client = KeyStore.getInstance("PKCS12");
                client.load(null, null);
                client.setKeyEntry("client", PemKeys.privateKey(kubeconfig.clientKeyPem()), password,
                        PemKeys.certificates(kubeconfig.clientCertificatePem()).toArray(Certificate[]::new));
                javax.net.ssl.KeyManagerFactory keys = javax.net.ssl.KeyManagerFactory.getInstance(
                        javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
                keys.init(client, password);
                keyManagers = keys.getKeyManagers();
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new UnusableKubeconfig("The kubeconfig's certificates or key cannot be used: " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "KubernetesServices[" + kubeconfig + "]";
    }
}
