package org.uprengage.webapi.page;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.uprengage.webapi.security.Callers;

/**
 * The language of a page: the one the signed-in person chose in their notification preferences
 * (read once per session, see {@link PagePreferences}), else their directory's (their token's
 * {@code locale} claim, or the demo user's), else the browser's best match among the pages'
 * languages, else English. The API keeps Spring's choice by the Accept-Language header.
 */
@Component("localeResolver")
class PageLocales extends AcceptHeaderLocaleResolver {

  static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.FRENCH, new Locale("es"));

  private final Callers callers;
  private final PagePreferences preferences;
  private final RequestMatcher pages;

  PageLocales(Callers callers, PagePreferences preferences) {
    this.callers = callers;
    this.preferences = preferences;
    this.pages =
        new OrRequestMatcher(
            Arrays.stream(PageSecurity.PAGES)
                .map(
                    pattern ->
                        (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(pattern))
                .toList());
  }

  @Override
  public Locale resolveLocale(HttpServletRequest request) {
    if (!pages.matches(request)) {
      return super.resolveLocale(request);
    }
    return personsLanguage(request).or(() -> browsersLanguage(request)).orElse(Locale.ENGLISH);
  }

  private Optional<Locale> personsLanguage(HttpServletRequest request) {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null
        || !authentication.isAuthenticated()
        || authentication instanceof AnonymousAuthenticationToken) {
      return Optional.empty();
    }
    return preferences
        .of(request)
        .chosenLanguage()
        .or(callers::language)
        .flatMap(PageLocales::supported);
  }

  private static Optional<Locale> browsersLanguage(HttpServletRequest request) {
    String header = request.getHeader("Accept-Language");
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    try {
      Locale best = Locale.lookup(Locale.LanguageRange.parse(header), LANGUAGES);
      return Optional.ofNullable(best);
    } catch (IllegalArgumentException unreadable) {
      return Optional.empty();
    }
  }

  private static Optional<Locale> supported(String tag) {
    String language = Locale.forLanguageTag(tag.replace('_', '-')).getLanguage();
    return LANGUAGES.stream().filter(l -> l.getLanguage().equals(language)).findFirst();
  }
}
