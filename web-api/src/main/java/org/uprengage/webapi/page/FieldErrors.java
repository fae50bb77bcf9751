package org.uprengage.webapi.page;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The fields a service's refusal names ({@code errors[]}), each with its message, in order. */
public final class FieldErrors {

  private FieldErrors() {}

  /**
   * A refusal for the page the person is sent back to: its detail in words ({@code refused}) and
   * each field's message ({@code errors}), as flash attributes.
   */
  public static void flash(ErrorResponseException refused, RedirectAttributes flash) {
    flash.addFlashAttribute("refused", refused.getBody().getDetail());
    flash.addFlashAttribute("errors", of(refused));
  }

  /** Field to message; messages for the same field joined; empty where the refusal names none. */
  public static Map<String, String> of(ErrorResponseException refused) {
    Map<String, String> errors = new LinkedHashMap<>();
    Map<String, Object> properties = refused.getBody().getProperties();
    if (properties != null && properties.get("errors") instanceof Iterable<?> fields) {
      for (Object field : fields) {
        if (field instanceof Map<?, ?> error) {
          errors.merge(
              String.valueOf(error.get("field")),
              String.valueOf(error.get("message")),
              (a, b) -> a + "; " + b);
        }
      }
    }
    return errors;
  }
}
