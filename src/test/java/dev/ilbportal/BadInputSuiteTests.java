package dev.ilbportal;

import static dev.ilbportal.identity.TestPeople.personWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import dev.ilbportal.identity.PortalRole;
import dev.ilbportal.requests.Participant;
import dev.ilbportal.requests.SubmittedRequests;
import dev.ilbportal.requests.internal.LoadBalancerRequest;
import dev.ilbportal.requests.internal.LoadBalancerRequests;
import dev.ilbportal.support.PortalApplicationTest;
import java.beans.PropertyDescriptor;
import java.lang.reflect.RecordComponent;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The bad-input suite: every page and every form of the portal, as Spring MVC lists them, is fed a generated corpus
 * of careless and hostile values in each of its path variables, query parameters and form fields, by each kind of
 * demo person; form posts also without and with a wrong CSRF token. Nothing may answer 5xx, a POST without a valid
 * token is refused, and refused input changes no request, job, inventory entry or webhook.
 */
@PortalApplicationTest
@AutoConfigureMockMvc
class BadInputSuiteTests {

    /** Values nobody's browser sends, one of each kind. */
    static final List<String> CORPUS = List.of(
            "", "x".repeat(10_000), "nul\u0000byte", "bell\u0007tab\tcr\rlf\n", "\u202Eevil\u200B\uFEFF",
            "\uD83D\uDE00\u0301", "\uD800", "-1", "2147483648", "NOT_A_KIND", "../../etc/passwd", "%",
            "=cmd|'/c calc'!A1", UUID.randomUUID().toString());

    /** What the second person (an admin, who sees every team) is fed: the values most likely to break a query. */
    static final List<String> SHORT_CORPUS = List.of("x".repeat(10_000), "nul\u0000byte", "-1", "2147483648",
            "NOT_A_KIND", UUID.randomUUID().toString());

    static final Map<String, RequestPostProcessor> PEOPLE = new LinkedHashMap<>();

    static {
        PEOPLE.put("requester of payments", personWith(PortalRole.REQUESTER, "payments"));
        PEOPLE.put("requester of search", personWith(PortalRole.REQUESTER, "search"));
        PEOPLE.put("approver", personWith(PortalRole.APPROVER));
        PEOPLE.put("auditor", personWith(PortalRole.AUDITOR));
        PEOPLE.put("admin", personWith(PortalRole.ADMIN));
    }

    static final List<String> TABLES = List.of("lb_request", "provisioning_job", "internal_load_balancer",
            "notification_webhook");

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    LoadBalancerRequests requests;

    @Autowired
    JdbcTemplate jdbc;

    record Endpoint(HttpMethod method, String pattern, Set<String> parameters) {
    }

    private List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
            if (!entry.getValue().getBeanType().getPackageName().startsWith("dev.ilbportal")) {
                continue;
            }
            Set<String> parameters = new LinkedHashSet<>();
            for (MethodParameter parameter : entry.getValue().getMethodParameters()) {
                RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
                if (param != null) {
                    String name = !param.name().isEmpty() ? param.name() : !param.value().isEmpty() ? param.value()
                            : parameter.getParameterName();
                    if (name != null) {
                        parameters.add(name);
                    }
                }
                if (parameter.hasParameterAnnotation(ModelAttribute.class)) {
                    Class<?> form = parameter.getParameterType();
                    if (form.isRecord()) {
                        for (RecordComponent component : form.getRecordComponents()) {
                            parameters.add(component.getName());
                        }
                    } else {
                        for (PropertyDescriptor property : BeanUtils.getPropertyDescriptors(form)) {
                            if (property.getWriteMethod() != null) {
                                parameters.add(property.getName());
                            }
                        }
                    }
                }
            }
            for (String pattern : entry.getKey().getPatternValues()) {
                Set<org.springframework.web.bind.annotation.RequestMethod> methods =
                        entry.getKey().getMethodsCondition().getMethods();
                if (methods.isEmpty()) {
                    endpoints.add(new Endpoint(HttpMethod.GET, pattern, parameters));
                }
                for (org.springframework.web.bind.annotation.RequestMethod method : methods) {
                    endpoints.add(new Endpoint(HttpMethod.valueOf(method.name()), pattern, parameters));
                }
            }
        }
        return endpoints;
    }

    /** A pattern's variables, {@code {id}} or {@code {id:[0-9a-f\\-]{36}}} (whose regex has braces of its own). */
    private static List<String[]> parts(String pattern) {
        List<String[]> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            if (pattern.charAt(i) != '{') {
                literal.append(pattern.charAt(i));
                continue;
            }
            int depth = 0;
            int end = i;
            for (; end < pattern.length(); end++) {
                depth += pattern.charAt(end) == '{' ? 1 : pattern.charAt(end) == '}' ? -1 : 0;
                if (depth == 0) {
                    break;
                }
            }
            parts.add(new String[] {literal.toString(), null});
            literal.setLength(0);
            parts.add(new String[] {null, pattern.substring(i + 1, end).split(":", 2)[0]});
            i = end;
        }
        parts.add(new String[] {literal.toString(), null});
        return parts;
    }

    private static List<String> variables(String pattern) {
        return parts(pattern).stream().filter(part -> part[1] != null).map(part -> part[1]).toList();
    }

    private static String path(String pattern, Map<String, String> values) {
        StringBuilder path = new StringBuilder();
        for (String[] part : parts(pattern)) {
            path.append(part[1] == null ? part[0]
                    : URLEncoder.encode(values.get(part[1]), StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return path.toString();
    }

    private Map<String, Long> rowCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        TABLES.forEach(table -> counts.put(table, jdbc.queryForObject("select count(*) from " + table
                // an inventory row comes from a job; a job already approved before the suite may finish meanwhile
                // in another test context on the shared database, so only rows without a job count here
                + ("internal_load_balancer".equals(table) ? " l where not exists (select 1 from provisioning_job j "
                + "where j.request_id = l.request_id)" : ""), Long.class)));
        return counts;
    }

    private int tried;
    private int refused;
    private final List<String> serverErrors = new ArrayList<>();
    private final List<String> refusedWithoutMessage = new ArrayList<>();
    /** The statuses answered through the servlet container's error page (MockMvc does not render it). */
    private final Set<Integer> errorPageStatuses = new java.util.TreeSet<>();

    private int perform(String person, MockHttpServletRequestBuilder builder, String what) throws Exception {
        tried++;
        int status;
        try {
            MockHttpServletResponse response = mvc.perform(builder.with(PEOPLE.get(person))
                    .accept(MediaType.TEXT_HTML)).andReturn().getResponse();
            status = response.getStatus();
            if (status >= 400 && status < 500) {
                refused++;
                if (!tellsWhy(response)) {
                    refusedWithoutMessage.add(status + " " + what + " as " + person);
                }
            }
        } catch (jakarta.servlet.ServletException escaped) {
            // What escapes every handler is a 500 page in the running server.
            status = 500;
            Throwable root = escaped;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            what += " (" + root.getClass().getSimpleName() + ": " + shown(String.valueOf(root.getMessage())) + ")";
        }
        if (status >= 500) {
            serverErrors.add(status + " " + what + " as " + person);
        }
        return status;
    }

    @Test
    void noPageOrFormAnswers500ToAnyInputAndRefusedInputChangesNothing() throws Exception {
        Map<String, Long> before = rowCounts();
        Participant alice = new Participant("alice-test", "Alice Test", Set.of("REQUESTER"));
        LoadBalancerRequest submitted = SubmittedRequests.submitted("payments", alice,
                SubmittedRequests.spec("bad-input-" + UUID.randomUUID().toString().substring(0, 8), "LON1"),
                Instant.now());
        UUID requestId = requests.save(submitted).id();
        Map<String, String> realIds = Map.of("id", requestId.toString(), "requestId", requestId.toString(),
                "jobId", UUID.randomUUID().toString(), "sequence", "1");
        List<String> csrfNotRefused = new ArrayList<>();
        long started = System.nanoTime();
        try {
            List<Endpoint> endpoints = endpoints();
            assertThat(endpoints).as("endpoints found").hasSizeGreaterThan(40);
            for (Endpoint endpoint : endpoints) {
                boolean post = endpoint.method() != HttpMethod.GET;
                Map<String, String> base = new LinkedHashMap<>();
                variables(endpoint.pattern()).forEach(name -> base.put(name, realIds.getOrDefault(name,
                        UUID.randomUUID().toString())));
                String basePath = path(endpoint.pattern(), base);
                // Everyone, with the real ids and no parameters; posts also without and with a wrong token.
                for (String person : PEOPLE.keySet()) {
                    MockHttpServletRequestBuilder plain = request(endpoint.method(), basePath);
                    perform(person, post ? plain.with(csrf()) : plain, endpoint.method() + " " + basePath);
                    // The JSON API takes bearer tokens, never cookies, so it has no CSRF to check (docs/api.md).
                    if (post && !basePath.startsWith("/api/")) {
                        int missing = perform(person, request(endpoint.method(), basePath),
                                "POST without CSRF " + basePath);
                        int wrong = perform(person, request(endpoint.method(), basePath).with(csrf().useInvalidToken()),
                                "POST with a wrong CSRF token " + basePath);
                        if (missing != 403 || wrong != 403) {
                            csrfNotRefused.add(basePath + " answered " + missing + "/" + wrong);
                        }
                    }
                }
                // The corpus in each path variable and each parameter, by a team member and by an admin.
                for (String person : List.of("requester of payments", "admin")) {
                    List<String> corpus = person.equals("admin") ? SHORT_CORPUS : CORPUS;
                    for (String variable : base.keySet()) {
                        for (String value : corpus) {
                            Map<String, String> values = new LinkedHashMap<>(base);
                            values.put(variable, value.isEmpty() ? "x" : value);
                            MockHttpServletRequestBuilder hostile = request(endpoint.method(),
                                    java.net.URI.create(path(endpoint.pattern(), values)));
                            perform(person, post ? hostile.with(csrf()) : hostile,
                                    endpoint.method() + " " + endpoint.pattern() + " with " + variable + "="
                                            + shown(value));
                        }
                    }
                    for (String parameter : endpoint.parameters()) {
                        for (String value : corpus) {
                            MockHttpServletRequestBuilder hostile = request(endpoint.method(), basePath)
                                    .param(parameter, value).param("version", "0");
                            perform(person, post ? hostile.with(csrf()) : hostile,
                                    endpoint.method() + " " + basePath + " with " + parameter + "=" + shown(value));
                        }
                    }
                }
            }
        } finally {
            requests.deleteById(requestId);
        }
        long seconds = (System.nanoTime() - started) / 1_000_000_000;
        Map<String, Long> after = rowCounts();
        System.out.printf("Bad-input suite: %d inputs tried, %d refused (4xx), %d of them without a message, %d answered"
                + " 5xx, %d s; error pages used for %s%n", tried, refused, refusedWithoutMessage.size(),
                serverErrors.size(), seconds, errorPageStatuses);
        assertThat(serverErrors).as("inputs that answered 5xx").isEmpty();
        assertThat(refusedWithoutMessage).as("refused inputs that tell the person nothing").isEmpty();
        errorPagesSayWhatHappened(errorPageStatuses);
        assertThat(csrfNotRefused).as("posts not refused without a valid CSRF token").isEmpty();
        assertThat(after).as("rows of requests, jobs, inventory and webhooks").isEqualTo(before);
    }

    /**
     * Whether a refused answer tells the person why: a page with the form's messages beside its fields, an error
     * summary or a notice; a Problem Details document with a {@code detail}; or an error the servlet container turns
     * into the portal's error page (MockMvc does not render that page; {@link #errorPagesSayWhatHappened} renders
     * each one that was used).
     */
    private boolean tellsWhy(MockHttpServletResponse response) throws Exception {
        String body = response.getContentAsString();
        String type = String.valueOf(response.getContentType());
        if (body.isEmpty()) {
            boolean toErrorPage = response.getErrorMessage() != null || response.isCommitted();
            if (toErrorPage) {
                errorPageStatuses.add(response.getStatus());
            }
            return toErrorPage;
        }
        if (type.contains("json")) {
            tools.jackson.databind.JsonNode problem = tools.jackson.databind.json.JsonMapper.builder().build()
                    .readTree(body);
            return problem.hasNonNull("detail") && !problem.get("detail").asString().isBlank();
        }
        return MESSAGE_ON_A_PAGE.matcher(body).find();
    }

    /**
     * The portal's error page for each status that went to it, rendered as the servlet container's error dispatch
     * renders it: a heading that names the refusal and a sentence that says what happened and that nothing changed.
     */
    private void errorPagesSayWhatHappened(Set<Integer> statuses) throws Exception {
        for (int status : statuses) {
            String page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/error")
                            .requestAttr(jakarta.servlet.RequestDispatcher.ERROR_STATUS_CODE, status)
                            .requestAttr(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI, "/requests")
                            .with(PEOPLE.get("requester of payments")).accept(MediaType.TEXT_HTML))
                    .andReturn().getResponse().getContentAsString();
            assertThat(page).as("the error page for %d", status).containsPattern(MESSAGE_ON_A_PAGE)
                    .containsPattern("<p>\\s*\\S");
        }
    }

    /**
     * Where a page shows why it refused: beside a field, in the error summary, as a notice, as a module's refusal
     * (the 409 pages), on the error page.
     */
    private static final java.util.regex.Pattern MESSAGE_ON_A_PAGE = java.util.regex.Pattern.compile(
            "class=\"invalid-feedback\"[^>]*>\\s*\\S|data-test=\"(problem|error-reason|refused-reason)\"[^>]*>\\s*\\S"
                    + "|data-test=\"(error-summary|error-4xx|error-403|error-404)\"");

    private Map<String, Object> decisionState(UUID id) {
        Map<String, Object> state = new LinkedHashMap<>(jdbc.queryForMap(
                "select status, version from lb_request where id = ?", id));
        state.put("decisions", jdbc.queryForObject("select count(*) from lb_request_decision where request_id = ?",
                Long.class, id));
        return state;
    }

    /** A person of the JSON API, as its bearer token names them. */
    private static RequestPostProcessor apiPerson(String subject, PortalRole role, String... teams) {
        List<org.springframework.security.core.GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new org.springframework.security.core.authority.SimpleGrantedAuthority(role.authority()));
        for (String team : teams) {
            authorities.add(new org.springframework.security.core.authority.SimpleGrantedAuthority(
                    dev.ilbportal.identity.CurrentUser.TEAM_AUTHORITY_PREFIX + team));
        }
        return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt()
                .jwt(token -> token.subject(subject).claim("name", "Test " + subject)).authorities(authorities);
    }

    /**
     * Stale versions: someone else changed the request after the person read it, and the person then decides on the
     * version they saw. The request page's forms (approve, reject, override, withdraw) send the request page back
     * with the message (a redirect with it as the page's notice); the JSON API, given the old ETag in
     * {@code If-Match}, answers 412 with a Problem Details {@code detail} (docs/api.md: a stale version is 412).
     * Nothing changes: the request's status, version and decisions stay as they were.
     */
    @Test
    void aDecisionOnAVersionSomeoneElseChangedIsRefusedWithAMessageAndChangesNothing() throws Exception {
        Participant alice = new Participant("alice-test", "Alice Test", Set.of("REQUESTER"));
        LoadBalancerRequest submitted = SubmittedRequests.submitted("payments", alice,
                SubmittedRequests.spec("stale-" + UUID.randomUUID().toString().substring(0, 8), "LON1"),
                Instant.now());
        String planHash = submitted.currentRevision().orElseThrow().planHash();
        UUID id = requests.save(submitted).id();
        try {
            long seen = jdbc.queryForObject("select version from lb_request where id = ?", Long.class, id);
            jdbc.update("update lb_request set version = version + 1 where id = ?", id);
            Map<String, Object> before = decisionState(id);

            Map<String, String> pageForms = new LinkedHashMap<>();
            pageForms.put("approve", "approver");
            pageForms.put("reject", "approver");
            pageForms.put("override", "admin");
            pageForms.put("withdraw", "requester of payments");
            for (Map.Entry<String, String> form : pageForms.entrySet()) {
                var result = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                                .post("/requests/" + id + "/" + form.getKey()).with(csrf())
                                .with(PEOPLE.get(form.getValue())).param("version", String.valueOf(seen))
                                .param("revision", "1").param("planHash", planHash)
                                .param("reason", "Decided on what I saw."))
                        .andReturn();
                assertThat(result.getResponse().getStatus()).as(form.getKey() + " on a stale version").isEqualTo(302);
                assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/requests/" + id);
                assertThat((String) result.getFlashMap().get("problem")).as(form.getKey() + "'s message")
                        .contains("Nothing was changed");
                assertThat(decisionState(id)).as("the request after a stale " + form.getKey()).isEqualTo(before);
            }

            Map<String, RequestPostProcessor> apiPeople = new LinkedHashMap<>();
            apiPeople.put("approve", apiPerson("stale-approver", PortalRole.APPROVER));
            apiPeople.put("reject", apiPerson("stale-approver", PortalRole.APPROVER));
            apiPeople.put("override", apiPerson("stale-admin", PortalRole.ADMIN));
            apiPeople.put("withdraw", apiPerson("stale-requester", PortalRole.REQUESTER, "payments"));
            for (Map.Entry<String, RequestPostProcessor> call : apiPeople.entrySet()) {
                var response = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                                .post("/api/v1/requests/" + id + "/" + call.getKey()).with(call.getValue())
                                .header("If-Match", "\"" + seen + "\"").contentType(MediaType.APPLICATION_JSON)
                                .content("{\"revisionNumber\":1,\"planHash\":\"" + planHash
                                        + "\",\"reason\":\"Decided on what I saw.\"}"))
                        .andReturn().getResponse();
                assertThat(response.getStatus()).as("API " + call.getKey() + " on a stale ETag").isEqualTo(412);
                assertThat(response.getContentAsString()).as("API " + call.getKey() + "'s problem")
                        .containsPattern("\"detail\":\"[^\"]*version");
                assertThat(decisionState(id)).as("the request after a stale API " + call.getKey()).isEqualTo(before);
            }
        } finally {
            requests.deleteById(id);
        }
    }

    private static String shown(String value) {
        String printable = value.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 40 ? printable.substring(0, 40) + "…(" + value.length() + ")" : printable;
    }
}
