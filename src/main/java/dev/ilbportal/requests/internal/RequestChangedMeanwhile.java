package dev.ilbportal.requests.internal;

/**
 * Someone else decided on or changed the request after the person opened it, so their action was not applied:
 * they must look at how it stands now before acting.
 */
public class RequestChangedMeanwhile extends RuntimeException {

    public RequestChangedMeanwhile(String message) {
        super(message);
    }
}
