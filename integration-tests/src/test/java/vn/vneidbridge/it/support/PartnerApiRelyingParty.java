package vn.vneidbridge.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A relying party of the stand-in's partner API as a test plays it: its own RSA key pair, the public key served as a
 * PEM from a tiny HTTP server on 127.0.0.1 (the URL to register at the stand-in), and the decryption of what the
 * stand-in sends (written here from the contract, independent of the stand-in's code).
 */
public final class PartnerApiRelyingParty implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KeyPair keys;
    private final HttpServer server;

    private PartnerApiRelyingParty(KeyPair keys, HttpServer server) {
        this.keys = keys;
        this.server = server;
    }

    public static PartnerApiRelyingParty start() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keys = generator.generateKeyPair();
            byte[] pem = ("-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(keys.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n").getBytes(StandardCharsets.US_ASCII);
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/public-key.pem", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/x-pem-file");
                exchange.sendResponseHeaders(200, pem.length);
                exchange.getResponseBody().write(pem);
                exchange.close();
            });
            server.start();
            return new PartnerApiRelyingParty(keys, server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where this relying party's public key is published. */
    public URI publicKeyUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/public-key.pem");
    }

    /** Decrypts base64 {@code data} with the AES key carried in base64 {@code key}; mode "ECB" or "CBC" (IV first). */
    public String open(String data, String key, String mode) {
        try {
            Cipher rsa = Cipher.getInstance("RSA/ECB/PKCS1Padding");
            rsa.init(Cipher.DECRYPT_MODE, keys.getPrivate());
            byte[] aesKey = Base64.getDecoder().decode(rsa.doFinal(Base64.getDecoder().decode(key)));
            byte[] bytes = Base64.getDecoder().decode(data);
            if ("CBC".equals(mode)) {
                Cipher aes = Cipher.getInstance("AES/CBC/PKCS5Padding");
                aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(aesKey, "AES"), new IvParameterSpec(bytes, 0, 16));
                return new String(aes.doFinal(bytes, 16, bytes.length - 16), StandardCharsets.UTF_8);
            }
            Cipher aes = Cipher.getInstance("AES/ECB/PKCS5Padding");
            aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(aesKey, "AES"));
            return new String(aes.doFinal(bytes), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new AssertionError("cannot decrypt what the stand-in sent", e);
        }
    }

    /** An envelope {@code {"data","key"}} opened and read as JSON. */
    public JsonNode openEnvelope(String body, String mode) {
        try {
            JsonNode envelope = JSON.readTree(body);
            return JSON.readTree(open(envelope.get("data").asText(), envelope.get("key").asText(), mode));
        } catch (IOException e) {
            throw new AssertionError("not an envelope: " + body, e);
        }
    }

    /**
     * The parameters of a raw query string as the partner API writes it: {@code +} is a base64 character, not a
     * space; percent-escapes are decoded.
     */
    public static Map<String, String> rawQuery(String location) {
        Map<String, String> values = new LinkedHashMap<>();
        String query = URI.create(location).getRawQuery();
        for (String pair : query.split("&")) {
            String[] kv = pair.split("=", 2);
            values.put(kv[0], kv.length > 1
                    ? URLDecoder.decode(kv[1].replace("+", "%2B"), StandardCharsets.UTF_8) : "");
        }
        return values;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
