package dev.ilbportal.notifications.internal;

import dev.ilbportal.notifications.NotificationsProperties;
import dev.ilbportal.notifications.WebhookSignature;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * Sends webhook deliveries: a signed JSON POST with a connect timeout and an overall timeout; 2xx is success. The
 * address is checked again before each call ({@link WebhookAddresses}), and of a failed answer only the status code
 * is kept: the body is the receiver's and may hold anything, including what an internal service would not show.
 */
@Component
class WebhookChannel {

    private final Webhooks webhooks;
    private final WebhookAddresses addresses;
    private final NotificationsProperties properties;
    private final Clock clock;
    private final HttpClient http;

    WebhookChannel(Webhooks webhooks, WebhookAddresses addresses, NotificationsProperties properties, Clock clock) {
        this.webhooks = webhooks;
        this.addresses = addresses;
        this.properties = properties;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    void send(Delivery delivery) {
        Webhook webhook = webhooks.find(delivery.webhookId())
                .orElseThrow(() -> new DeliveryFailure("The webhook was deleted", true));
        if (!webhook.enabled()) {
            throw new DeliveryFailure("The webhook is disabled", true);
        }
        addresses.refusal(webhook.url()).ifPresent(why -> {
            throw new DeliveryFailure("The webhook URL is refused: it " + why, true);
        });
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(webhook.url()))
                    .timeout(properties.sendTimeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "ILB-Portal-Webhook/1")
                    .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                    .header(WebhookSignature.SIGNATURE_HEADER,
                            WebhookSignature.sign(webhook.secret(), timestamp, delivery.body()))
                    .header(WebhookSignature.DELIVERY_HEADER, delivery.id().toString())
                    .POST(HttpRequest.BodyPublishers.ofString(delivery.body()))
                    .build();
        } catch (IllegalArgumentException badUrl) {
            throw new DeliveryFailure("The webhook URL is not valid", true);
        }
        HttpResponse<Void> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (HttpTimeoutException e) {
            throw new DeliveryFailure("No answer within " + properties.sendTimeout(), e);
        } catch (IOException e) {
            throw new DeliveryFailure("Could not reach the webhook: " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailure("Interrupted while sending", e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new DeliveryFailure("The webhook answered HTTP " + response.statusCode(), false);
        }
    }

    /** The innermost cause that says something, e.g. "ConnectException: Connection refused". */
    private static String describe(Throwable failure) {
        String description = failure.getClass().getSimpleName();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                description = cause.getClass().getSimpleName() + ": " + cause.getMessage();
            }
        }
        return abbreviate(description);
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
