package org.uprengage.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

/**
 * An OpenID Connect identity provider reduced to what a resource server reads: the discovery
 * document and the signing keys, on a loopback port. It signs tokens for tests.
 */
public final class IdentityProviderStub {

  private final HttpServer server;
  private final RSAKey key;

  public IdentityProviderStub() {
    try {
      key = new RSAKeyGenerator(2048).keyID("test-key").generate();
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    server.createContext(
        "/realms/un/.well-known/openid-configuration",
        exchange ->
            respond(
                exchange,
                "{\"issuer\":\"" + issuer() + "\",\"jwks_uri\":\"" + issuer() + "/certs\"}"));
    server.createContext(
        "/realms/un/certs",
        exchange -> respond(exchange, new JWKSet(key.toPublicJWK()).toString()));
    server.start();
  }

  public String issuer() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/un";
  }

  /** A token this provider signs, for {@code issuer} (its own unless a test says otherwise). */
  public String token(String issuer, Map<String, Object> claims) throws JOSEException {
    Instant now = Instant.now();
    JWTClaimsSet.Builder set =
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plusSeconds(300)));
    claims.forEach(set::claim);
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), set.build());
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  private static void respond(HttpExchange exchange, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }
}
