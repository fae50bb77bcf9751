package org.uprengage.deploy.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ComponentExportRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.uprengage.deploy.checks.StrictYaml.StrictYamlException;

/**
 * deploy/keycloak: the realm export parses into Keycloak's own representation with no unknown
 * field, and gives tokens every claim the platform reads (and the audience it checks), with no
 * password or client secret written in it.
 */
class KeycloakRealmTest {

  static final Set<String> ROLES =
      Set.of(
          "admin",
          "platform-admin",
          "coordinator",
          "rc",
          "head-of-office",
          "focal-point",
          "viewer");
  static final List<String> CLAIMS =
      List.of(
          "preferred_username",
          "name",
          "roles",
          "agency",
          "country_teams",
          "email",
          "locale",
          "zoneinfo");
  static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[A-Z][A-Z0-9_]*}");

  static JsonNode json() throws Exception {
    return new ObjectMapper()
        .readTree(ProjectFiles.read(ProjectFiles.path("deploy/keycloak/upr-engage-realm.json")));
  }

  static RealmRepresentation realm() throws Exception {
    return StrictYaml.convert(json(), RealmRepresentation.class);
  }

  @Test
  void theRealmParsesWithNoUnknownField() throws Exception {
    RealmRepresentation realm = realm();
    assertThat(realm.getRealm()).isEqualTo("upr-engage");
    assertThat(realm.isEnabled()).isTrue();
  }

  @Test
  void aMisspeltFieldIsRefusedByName() throws Exception {
    ObjectNode broken = (ObjectNode) json();
    ((ObjectNode) broken.path("clients").get(0)).put("redirectUri", "https://upr.example.org/*");
    assertThatThrownBy(() -> StrictYaml.convert(broken, RealmRepresentation.class))
        .isInstanceOf(StrictYamlException.class)
        .hasMessageStartingWith("clients[0].redirectUri: Unrecognized field \"redirectUri\"");
  }

  @Test
  void thePlatformsRolesAreRealmRoles() throws Exception {
    assertThat(realm().getRoles().getRealm())
        .extracting(RoleRepresentation::getName)
        .containsExactlyInAnyOrderElementsOf(ROLES);
  }

  @Test
  void everyClientPutsThePlatformsClaimsAndAudienceInItsTokens() throws Exception {
    List<ClientRepresentation> clients = realm().getClients();
    assertThat(clients)
        .extracting(ClientRepresentation::getClientId)
        .containsExactlyInAnyOrder("upr-engage-web", "upr-engage-cli");
    for (ClientRepresentation client : clients) {
      for (String claim : CLAIMS) {
        assertThat(client.getProtocolMappers())
            .as("%s's mapper of claim %s", client.getClientId(), claim)
            .anySatisfy(
                mapper -> {
                  assertThat(mapper.getConfig())
                      .containsEntry("claim.name", claim)
                      .containsEntry("access.token.claim", "true")
                      .containsEntry("id.token.claim", "true");
                });
      }
      assertThat(mapper(client, "oidc-audience-mapper").getConfig())
          .containsEntry("included.custom.audience", "upr-engage")
          .containsEntry("access.token.claim", "true");
      ProtocolMapperRepresentation roles = mapper(client, "oidc-usermodel-realm-role-mapper");
      assertThat(roles.getConfig())
          .containsEntry("claim.name", "roles")
          .containsEntry("multivalued", "true");
      assertThat(
              client.getProtocolMappers().stream()
                  .filter(mapper -> "country_teams".equals(mapper.getConfig().get("claim.name")))
                  .findFirst()
                  .orElseThrow()
                  .getConfig())
          .containsEntry("multivalued", "true");
    }
  }

  @Test
  void theWebClientIsConfidentialWithTheCodeFlowAndTheScriptsClientUsesTheDeviceFlow()
      throws Exception {
    ClientRepresentation web = client("upr-engage-web");
    assertThat(web.isPublicClient()).isFalse();
    assertThat(web.isStandardFlowEnabled()).isTrue();
    assertThat(web.isDirectAccessGrantsEnabled()).isFalse();
    assertThat(web.isImplicitFlowEnabled()).isFalse();
    assertThat(web.getSecret()).matches(PLACEHOLDER);
    assertThat(web.getRedirectUris()).containsExactly("${UPR_PUBLIC_URL}/login/oauth2/code/*");
    assertThat(web.getAttributes()).containsEntry("pkce.code.challenge.method", "S256");
    ClientRepresentation cli = client("upr-engage-cli");
    assertThat(cli.isPublicClient()).isTrue();
    assertThat(cli.isStandardFlowEnabled()).isFalse();
    assertThat(cli.isDirectAccessGrantsEnabled()).isFalse();
    assertThat(cli.getAttributes())
        .containsEntry("oauth2.device.authorization.grant.enabled", "true");
  }

  @Test
  void theExampleUsersAreAKenyanTeamWithNoPasswordWrittenDown() throws Exception {
    List<UserRepresentation> users = realm().getUsers();
    assertThat(users).hasSizeGreaterThanOrEqualTo(5);
    assertThat(users.stream().flatMap(user -> user.getRealmRoles().stream()))
        .contains("coordinator", "rc", "head-of-office", "focal-point", "viewer");
    for (UserRepresentation user : users) {
      assertThat(user.getAttributes().get("country_teams"))
          .as(user.getUsername())
          .containsExactly("KEN");
      assertThat(ROLES).as(user.getUsername()).containsAll(user.getRealmRoles());
      if (!user.getRealmRoles().contains("coordinator")
          && !user.getRealmRoles().contains("admin")) {
        assertThat(user.getAttributes()).as(user.getUsername()).containsKey("agency");
      }
      assertThat(user.getRequiredActions()).as(user.getUsername()).contains("UPDATE_PASSWORD");
      for (CredentialRepresentation credential : user.getCredentials()) {
        assertThat(credential.getValue()).as(user.getUsername()).matches(PLACEHOLDER);
        assertThat(credential.isTemporary()).as(user.getUsername()).isTrue();
      }
    }
  }

  @Test
  void onlyAnAdministratorMaySetAPersonsAgencyAndCountryTeams() throws Exception {
    ComponentExportRepresentation profile =
        realm().getComponents().getFirst("org.keycloak.userprofile.UserProfileProvider");
    JsonNode config =
        new ObjectMapper().readTree(profile.getConfig().getFirst("kc.user.profile.config"));
    for (String attribute : List.of("agency", "country_teams")) {
      JsonNode declared = null;
      for (JsonNode candidate : config.path("attributes")) {
        if (candidate.path("name").asText().equals(attribute)) {
          declared = candidate;
        }
      }
      assertThat(declared).as(attribute).isNotNull();
      assertThat(declared.path("permissions").path("edit").toString()).isEqualTo("[\"admin\"]");
    }
  }

  @Test
  void theAudienceTheServicesCheckIsTheOneTheRealmIssues() throws Exception {
    String audience =
        mapper(realm().getClients().get(0), "oidc-audience-mapper")
            .getConfig()
            .get("included.custom.audience");
    for (String service : ComposeFileTest.COMPOSE.services().keySet()) {
      if (ComposeFileTest.COMPOSE.platformService(service).isPresent()) {
        assertThat(ComposeFileTest.COMPOSE.environment(service))
            .as(service)
            .containsEntry("UPR_JWT_AUDIENCE", audience);
      }
    }
    assertThat(
            Kustomization.load(KubernetesManifestsTest.BASE).all(ConfigMap.class).get(0).getData())
        .containsEntry("UPR_JWT_AUDIENCE", audience);
  }

  private static ClientRepresentation client(String clientId) throws Exception {
    return realm().getClients().stream()
        .filter(client -> client.getClientId().equals(clientId))
        .findFirst()
        .orElseThrow();
  }

  private static ProtocolMapperRepresentation mapper(ClientRepresentation client, String type) {
    return client.getProtocolMappers().stream()
        .filter(mapper -> type.equals(mapper.getProtocolMapper()))
        .findFirst()
        .orElseThrow(() -> new AssertionError(client.getClientId() + " has no " + type));
  }
}
