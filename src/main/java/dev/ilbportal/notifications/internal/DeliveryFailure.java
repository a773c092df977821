package dev.ilbportal.notifications.internal;

/**
 * Why a delivery did not go out, in words an admin can act on. A permanent failure (the webhook was deleted or
 * disabled) is not retried: waiting would not help.
 */
class DeliveryFailure extends RuntimeException {

    private final boolean permanent;

    DeliveryFailure(String message, boolean permanent) {
        super(message);
        this.permanent = permanent;
    }

    DeliveryFailure(String message, Throwable cause) {
        super(message, cause);
        this.permanent = false;
    }

    boolean isPermanent() {
        return permanent;
    }
}
