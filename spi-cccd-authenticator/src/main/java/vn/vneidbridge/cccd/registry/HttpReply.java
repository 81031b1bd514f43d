package vn.vneidbridge.cccd.registry;

/** A registry's HTTP answer: status and the (size-bounded) body. */
record HttpReply(int status, byte[] body) {

    boolean isOk() {
        return status == 200;
    }

    RegistryFailure statusFailure() {
        return new RegistryFailure("http-" + status);
    }
}
