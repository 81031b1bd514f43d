package vn.vneidbridge.organisation.registry;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Optional;
import java.util.UUID;

import org.jboss.logging.Logger;

import vn.vneidbridge.cccd.registry.RegistryFailure;
import vn.vneidbridge.cccd.registry.RegistryHttp;

/** The {@code dkkd-json} adapter: one JSON call per verification, on the factory's pooled HTTP client. */
final class DkkdJsonRegistry implements BusinessRegistry {

    private static final Logger LOG = Logger.getLogger(DkkdJsonRegistry.class);

    private final URI endpoint;
    private final Optional<String> token;
    private final RegistryHttp http;
    private final DkkdJsonCodec codec;

    DkkdJsonRegistry(URI endpoint, String unitCode, Optional<String> token, RegistryHttp http) {
        this.endpoint = endpoint;
        this.token = token;
        this.http = http;
        this.codec = new DkkdJsonCodec(unitCode);
    }

    @Override
    public BusinessResult verify(BusinessQuery query) {
        BusinessResult result;
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(codec.write(query, UUID.randomUUID().toString())));
            token.ifPresent(bearer -> request.header("Authorization", "Bearer " + bearer));
            result = DkkdJsonCodec.read(http.send(request), query);
        } catch (RegistryFailure failure) {
            result = new BusinessResult.Unavailable(failure.reason());
        } catch (RuntimeException e) {
            LOG.debugf("%s: request failed for %s: %s", DkkdJsonRegistryFactory.PROVIDER_ID, query.taxCode().mask(),
                    e.getClass().getName());
            result = new BusinessResult.Unavailable("internal-error");
        }
        LOG.debugf("%s: %s -> %s", DkkdJsonRegistryFactory.PROVIDER_ID, query.taxCode().mask(), result);
        return result;
    }

    @Override
    public void close() {
    }
}
