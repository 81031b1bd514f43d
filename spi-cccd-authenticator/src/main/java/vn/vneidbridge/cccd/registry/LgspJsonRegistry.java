package vn.vneidbridge.cccd.registry;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Optional;
import java.util.UUID;

import org.jboss.logging.Logger;

/** The LGSP adapter: the provincial data-sharing gateway's JSON wrapping of the same verification. */
final class LgspJsonRegistry implements PopulationRegistry {

    private static final Logger LOG = Logger.getLogger(LgspJsonRegistry.class);

    private final URI endpoint;
    private final Optional<String> token;
    private final RegistryHttp http;
    private final LgspJsonCodec codec;

    LgspJsonRegistry(RegistryTarget target, Optional<String> token, RegistryHttp http) {
        this.endpoint = target.uri();
        this.token = token;
        this.http = http;
        this.codec = new LgspJsonCodec(target.unitCode());
    }

    @Override
    public RegistryResult verify(RegistryQuery query) {
        RegistryResult result;
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(codec.write(query, UUID.randomUUID().toString())));
            token.ifPresent(bearer -> request.header("Authorization", "Bearer " + bearer));
            result = LgspJsonCodec.read(http.send(request)).evaluate(query);
        } catch (RegistryFailure failure) {
            result = failure.toResult();
        } catch (RuntimeException e) {
            LOG.debugf(e, "%s: request failed for %s", "lgsp-json", LogMask.idNumber(query.idNumber()));
            result = new RegistryResult.Unavailable("internal-error");
        }
        LOG.debugf("lgsp-json: %s -> %s", LogMask.idNumber(query.idNumber()), result);
        return result;
    }

    @Override
    public void close() {
    }
}
