package dev.quintet.platform;

/**
 * The client named something a service does not hold (an import, a selected hotel …). Services throw
 * their own subclasses; wherever one escapes a controller without a service's own mapping (the console's,
 * for one), the platform's problem handler answers it as a 404 with this message.
 */
public abstract class Unknown extends RuntimeException {

    protected Unknown(String message) {
        super(message);
    }
}
