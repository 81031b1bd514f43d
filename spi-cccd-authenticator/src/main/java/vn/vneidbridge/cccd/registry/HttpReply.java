package vn.vneidbridge.cccd.registry;

/**
 * A registry's HTTP answer: status and the (size-bounded) body. Public because the business registry
 * ({@code vn.vneidbridge.organisation.registry}) shares it.
 */
public record HttpReply(int status, byte[] body) {

    public boolean isOk() {
        return status == 200;
    }

    public RegistryFailure statusFailure() {
        return new RegistryFailure("http-" + status);
    }
}
