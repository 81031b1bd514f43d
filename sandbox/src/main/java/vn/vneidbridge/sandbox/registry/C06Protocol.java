package vn.vneidbridge.sandbox.registry;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.net.URI;
import java.util.Optional;

/**
 * C06 SOAP over HTTP: messages by {@link C06SoapCodec}; when credentials are configured, the {@code Authorization}
 * header must be their signature of the URL as called ({@code http://} + {@code Host} + path) and the
 * {@code Timestamp} header (14 digits). The timestamp's age is not checked, and neither are {@code X-Road-Client}
 * nor {@code ApiKey}.
 */
final class C06Protocol implements RegistryProtocol {

    private final Optional<C06Credentials> credentials;

    C06Protocol(Optional<C06Credentials> credentials) {
        this.credentials = credentials;
    }

    @Override
    public String name() {
        return "C06";
    }

    @Override
    public boolean authorized(HttpExchange exchange, URI baseUri) {
        if (credentials.isEmpty()) {
            return true;
        }
        Headers headers = exchange.getRequestHeaders();
        String timestamp = headers.getFirst("Timestamp");
        if (!RegistryFormats.isDigits(timestamp, 14)) {
            return false;
        }
        return credentials.get().accepts(headers.getFirst("Authorization"), urlAsCalled(exchange, baseUri),
                timestamp);
    }

    @Override
    public SimulatorResponse unauthorized() {
        return SimulatorResponse.of(401, SimulatorResponse.XML, C06SoapCodec.fault("Client", "Unauthorized"))
                .withHeader("WWW-Authenticate", "Basic realm=\"c06\"");
    }

    @Override
    public VerificationRequest parse(byte[] body) throws MalformedRequestException {
        return C06SoapCodec.parseRequest(body);
    }

    @Override
    public SimulatorResponse answer(VerificationAnswer answer) {
        return SimulatorResponse.of(200, SimulatorResponse.XML, C06SoapCodec.answer(answer));
    }

    @Override
    public SimulatorResponse failure(int status) {
        return SimulatorResponse.of(status, SimulatorResponse.XML,
                C06SoapCodec.fault("Server", "Simulated failure"));
    }

    /** The endpoint URL the client called: scheme, its {@code Host} header, path and query as sent. */
    static String urlAsCalled(HttpExchange exchange, URI baseUri) {
        URI target = exchange.getRequestURI();
        if (target.isAbsolute()) {
            return target.toString();
        }
        String host = exchange.getRequestHeaders().getFirst("Host");
        String authority = host == null || host.isBlank() ? baseUri.getRawAuthority() : host.strip();
        String query = target.getRawQuery() == null ? "" : "?" + target.getRawQuery();
        return "http://" + authority + target.getRawPath() + query;
    }
}
