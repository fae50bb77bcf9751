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
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An OpenID Connect identity provider reduced to what a resource server and a sign-in read: the
 * discovery document, the signing keys, and the authorization code flow (the authorization endpoint
 * signs in whoever {@link #signInAs} names, at once; the token endpoint answers an ID token and an
 * access token with their claims), on a loopback port. It signs tokens for tests.
 */
public final class IdentityProviderStub {

  private final HttpServer server;
  private final RSAKey key;
  private final Map<String, Map<String, String>> codes = new ConcurrentHashMap<>();
  private volatile Map<String, Object> person = Map.of();
  private volatile String lastAccessToken;

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
                "{\"issuer\":\""
                    + issuer()
                    + "\",\"jwks_uri\":\""
                    + issuer()
                    + "/certs\",\"authorization_endpoint\":\""
                    + issuer()
                    + "/auth\",\"token_endpoint\":\""
                    + issuer()
                    + "/token\",\"response_types_supported\":[\"code\"],"
                    + "\"subject_types_supported\":[\"public\"],"
                    + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}"));
    server.createContext(
        "/realms/un/certs",
        exchange -> respond(exchange, new JWKSet(key.toPublicJWK()).toString()));
    server.createContext("/realms/un/auth", this::authorize);
    server.createContext("/realms/un/token", this::token);
    server.start();
  }

  /** The claims of the person the next sign-ins are for (their access token's; aud included). */
  public void signInAs(Map<String, Object> claims) {
    this.person = Map.copyOf(claims);
  }

  /** Signs {@link #person} in at once: back to the client with a code for their tokens. */
  private void authorize(HttpExchange exchange) throws IOException {
    Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
    String code = UUID.randomUUID().toString();
    codes.put(code, query);
    exchange
        .getResponseHeaders()
        .add(
            "Location",
            query.get("redirect_uri")
                + "?code="
                + code
                + "&state="
                + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8));
    exchange.sendResponseHeaders(302, -1);
    exchange.close();
  }

  /** The tokens for a code: an ID token for the client, an access token with the claims. */
  private void token(HttpExchange exchange) throws IOException {
    Map<String, String> request =
        form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    Map<String, String> authorization = codes.remove(request.get("code"));
    if (authorization == null) {
      byte[] body = "{\"error\":\"invalid_grant\"}".getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(400, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
      return;
    }
    try {
      Map<String, Object> id = new HashMap<>();
      id.put("sub", person.getOrDefault("sub", "someone"));
      id.put("aud", authorization.get("client_id"));
      id.put("nonce", authorization.get("nonce"));
      id.put("preferred_username", person.get("preferred_username"));
      id.values().removeIf(Objects::isNull);
      lastAccessToken = token(issuer(), person);
      respond(
          exchange,
          "{\"access_token\":\""
              + lastAccessToken
              + "\",\"id_token\":\""
              + token(issuer(), id)
              + "\",\"token_type\":\"Bearer\",\"expires_in\":300}");
    } catch (JOSEException e) {
      throw new IOException(e);
    }
  }

  private static Map<String, String> form(String encoded) {
    Map<String, String> values = new HashMap<>();
    if (encoded == null) {
      return values;
    }
    for (String pair : encoded.split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0) {
        values.put(
            URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
      }
    }
    return values;
  }

  /** The access token the token endpoint answered last. */
  public String lastAccessToken() {
    return lastAccessToken;
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
