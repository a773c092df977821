package dev.ilbportal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The canonical JSON the hashes are computed over: stable bytes, and strings escaped exactly as Python escapes them. */
class CanonicalJsonTests {

    private final CanonicalJson json = new CanonicalJson(JsonMapper.builder().build());

    @Test
    void escapesStringsExactlyAsPythonsJsonDumpsWithEnsureAsciiFalse() {
        // python3 -c 'import json; print(json.dumps([1, s, None, "x"], ensure_ascii=False, separators=(",",":")))'
        String s = "a\"b\\c\nd\te\u0001f\u007fg\u00e9h\u2028i/j\uD83D\uDE00k\b\f\r";
        String expected = "[1,\"a\\\"b\\\\c\\nd\\te\\u0001f\u007fg\u00e9h\u2028i/j\uD83D\uDE00k\\b\\f\\r\",null,\"x\"]";
        assertThat("[1," + CanonicalJson.string(s) + ",null," + CanonicalJson.string("x") + "]").isEqualTo(expected);
    }

    record Plan(String name, int ports, List<String> tags) {
    }

    @Test
    void sortsKeysAtEveryLevelAndLeavesNoWhitespace() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("zeta", 1);
        details.put("alpha", Map.of("b", true, "a", List.of(2, 1)));
        details.put("plan", new Plan("db-internal", 2, List.of("x")));

        assertThat(json.write(details))
                .isEqualTo("{\"alpha\":{\"a\":[2,1],\"b\":true},\"plan\":{\"name\":\"db-internal\",\"ports\":2,"
                        + "\"tags\":[\"x\"]},\"zeta\":1}");
        assertThat(json.write(null)).isNull();
    }

    @Test
    void sameContentGivesTheSameHashAndAnyChangeAnother() {
        AuditEvent event = new AuditEvent(7, Instant.parse("2026-03-01T10:15:30.123456Z"), "riley", "Riley Rao",
                "APPROVER,REQUESTER", "request.approved", "request", "r-1", "payments", "r-1", null, null,
                "{\"state\":\"approved\"}", "{}", AuditChain.GENESIS, null);

        assertThat(AuditChain.canonicalForm(event)).isEqualTo("[7,\"2026-03-01T10:15:30.123456Z\",\"riley\","
                + "\"Riley Rao\",\"APPROVER,REQUESTER\",\"request.approved\",\"request\",\"r-1\",\"payments\","
                + "\"r-1\",null,null,\"{\\\"state\\\":\\\"approved\\\"}\",\"{}\",\"" + AuditChain.GENESIS + "\"]");
        assertThat(AuditChain.hashOf(event)).hasSize(64).isEqualTo(AuditChain.hashOf(event));
        AuditEvent renamed = new AuditEvent(7, event.occurredAt(), "riley", "Riley Rao ", event.actorRoles(),
                event.action(), event.subjectType(), event.subjectId(), event.team(), event.requestId(), null, null,
                event.afterJson(), event.detailsJson(), event.previousHash(), null);
        assertThat(AuditChain.hashOf(renamed)).isNotEqualTo(AuditChain.hashOf(event));
    }
}
