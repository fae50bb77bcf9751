package org.uprengage.engine.security;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.web.PathPatternRequestMatcherBuilderFactoryBean;
import org.springframework.security.web.FilterChainProxy;

/**
 * Spring Security's filter chains matched on the request's path alone, without asking Spring MVC.
 *
 * <p>With Spring MVC present, Spring Security 6.5 makes each address pattern of a chain ({@code
 * securityMatcher}, {@code requestMatchers}) an {@code MvcRequestMatcher}, which asks Spring MVC's
 * handler mappings which handler the request goes to, and puts a filter before every chain that
 * does that lookup once for each request (MVC's {@code HandlerMappingIntrospector} cache), before
 * the DispatcherServlet does it again for the request itself. Here every such pattern is a {@code
 * PathPatternRequestMatcher} instead (Spring Security 7's default): the same patterns in the same
 * syntax Spring MVC's own mappings use ({@code /tasks/**} matches {@code /tasks} too), matched on
 * the parsed path, and the lookup filter is left out, as no matcher reads its result. The chains,
 * their order and what they allow stay as their configurations declare them. This class is a
 * deliberate copy in web-api and in workflow-engine (DeliberateCopiesTest).
 */
@Configuration(proxyBeanMethods = false)
class PathMatchedSecurity {

  /** The wrapper Spring Security's MVC support puts around its filter to look the handler up. */
  static final String HANDLER_LOOKUP_WRAPPER =
      "org.springframework.security.config.annotation.web.configuration.WebMvcSecurityConfiguration$CompositeFilterChainProxy";

  /** Address patterns as path patterns: Spring Security's configurers use this builder if found. */
  @Bean
  static PathPatternRequestMatcherBuilderFactoryBean pathPatternRequestMatchers() {
    return new PathPatternRequestMatcherBuilderFactoryBean();
  }

  /**
   * Spring Security's filter without the handler lookup filter its MVC support wraps it in: that
   * wrapper ({@code WebMvcSecurityConfiguration.CompositeFilterChainProxy}, a {@link
   * FilterChainProxy} itself) is made from the lookup filter and the filter built just before it,
   * which is used in its place. That filter passes every request through the same chains (checked
   * here: the start fails otherwise), after Spring Security's own filter that parses the request's
   * path once for the path patterns ({@code ServletRequestPathFilter}).
   */
  @Bean
  static BeanPostProcessor securityFilterWithoutHandlerLookup() {
    return new BeanPostProcessor() {

      private FilterChainProxy built;

      @Override
      public Object postProcessAfterInitialization(Object bean, String name) {
        if (!(bean instanceof FilterChainProxy proxy)) {
          return bean;
        }
        if (!HANDLER_LOOKUP_WRAPPER.equals(proxy.getClass().getName())) {
          built = proxy;
          return bean;
        }
        if (built == null || !built.getFilterChains().equals(proxy.getFilterChains())) {
          throw new IllegalStateException(
              "Spring Security's handler lookup wrapper does not wrap the filter built before it");
        }
        return built;
      }
    };
  }
}
