package vn.vneidbridge.sandbox.registry;

import com.sun.net.httpserver.HttpExchange;
import java.net.URI;

/** One of the two wire protocols of the verification service: its authentication and its message format. */
interface RegistryProtocol {

    /** A short name for logs: {@code C06} or {@code LGSP}. */
    String name();

    /** Whether the request carries valid credentials; true when the simulator was started without any. */
    boolean authorized(HttpExchange exchange, URI baseUri);

    /** The answer to a request without valid credentials (HTTP 401). */
    SimulatorResponse unauthorized();

    VerificationRequest parse(byte[] body) throws MalformedRequestException;

    /** The HTTP 200 answer. */
    SimulatorResponse answer(VerificationAnswer answer);

    /** The answer of the {@code failWithStatus} switch. */
    SimulatorResponse failure(int status);
}
