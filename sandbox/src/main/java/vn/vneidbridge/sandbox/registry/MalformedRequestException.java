package vn.vneidbridge.sandbox.registry;

/**
 * A request body that does not follow the protocol: answered with HTTP 400. The message is a fixed description
 * (never the body's text), so it is safe to send back and to log.
 */
final class MalformedRequestException extends Exception {

    MalformedRequestException(String message) {
        super(message, null, false, false);
    }
}
