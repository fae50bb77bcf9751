package org.uprengage.webapi.page;

import java.util.Optional;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Sign-in: the demo users' form, or in production a link to the identity provider (where a failed
 * sign-in comes back to).
 */
@Controller
class LoginPage {

  private final boolean identityProvider;

  LoginPage(Optional<ClientRegistrationRepository> identityProvider) {
    this.identityProvider = identityProvider.isPresent();
  }

  @GetMapping("/login")
  String login(Model model) {
    model.addAttribute("identityProvider", identityProvider);
    return "pages/login";
  }
}
