/**
 * The sandbox's stand-in for VNPT SmartCA ("Sim ký số"): its v1 remote-signing API under {@code /sca/sp769} over
 * HTTPS with the sandbox CA's server certificate, so that the real {@code vnpt-smartca} adapter of Keycloak talks to
 * it unchanged, and a "phone" page where the subscriber confirms or refuses a signing request with the PIN.
 *
 * <p>{@link vn.vneidbridge.sandbox.remotesigning.SmartCaStandIn} wires the server and is the tests' handle (switches
 * {@link vn.vneidbridge.sandbox.remotesigning.Mode} and {@link vn.vneidbridge.sandbox.remotesigning.Misbehaviour},
 * the phone's buttons as methods). The subscribers are the sandbox CA's personas, by the number of their
 * {@code UID}; the keys are read from their PKCS#12 files. Nothing here logs a PIN, a key or a hash; subscriber
 * numbers appear at DEBUG only.
 */
package vn.vneidbridge.sandbox.remotesigning;
