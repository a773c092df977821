package dev.ilbportal.civo;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class CivoCallsOutsideTransactionsTests {

    @RegisterExtension
    final CivoWireMock civo = new CivoWireMock();

    @BeforeEach
    void stubRegions() {
        civo.server.stubFor(get(urlPathEqualTo("/v2/regions")).willReturn(okJson("[]")));
    }

    @AfterEach
    void endTheTransaction() {
        TransactionSynchronizationManager.setActualTransactionActive(false);
    }

    @Test
    void aCallInsideADatabaseTransactionFailsBeforeAnythingIsSentWhenTheRuleIsOn() {
        CivoClient strict = civo.client(civo.properties()
                .withBudget(CivoProperties.Budget.defaults().withFailCallsInTransaction(true)));
        TransactionSynchronizationManager.setActualTransactionActive(true);

        assertThatThrownBy(strict::listRegions).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("GET /v2/regions").hasMessageContaining("inside a database transaction");
        civo.server.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void theSameCallOutsideATransactionIsSent() {
        CivoClient strict = civo.client(civo.properties()
                .withBudget(CivoProperties.Budget.defaults().withFailCallsInTransaction(true)));

        assertThat(strict.listRegions()).isEmpty();
    }

    @Test
    void withTheRuleOffACallInsideATransactionStillGoesOut() {
        TransactionSynchronizationManager.setActualTransactionActive(true);

        assertThat(civo.client().listRegions()).isEmpty();
    }
}
