package org.uprengage.webapi.page;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Tasks and steps in the page's language: a task by its task definition key ({@code
 * page.task.<key>}), falling back to its name in the BPMN model; a review's step by the engine's
 * step id ({@code page.step.<id>}) and a milestone by its key ({@code page.milestone.<key>}),
 * falling back to the id or key.
 */
@Component
public class TaskNames {

  private final MessageSource messages;

  TaskNames(MessageSource messages) {
    this.messages = messages;
  }

  /** The task's name in the page's language; {@code modelName} where it has no translation. */
  public String task(String taskKey, String modelName) {
    return word("page.task.", taskKey, modelName);
  }

  /** The step's name in the page's language; the id itself where it has no translation. */
  public String step(String step) {
    return word("page.step.", step, step);
  }

  /** The milestone's name in the page's language; its key itself where it has no translation. */
  public String milestone(String key) {
    return word("page.milestone.", key, key);
  }

  private String word(String prefix, String key, String otherwise) {
    if (key == null || key.isBlank()) {
      return otherwise;
    }
    Locale locale = LocaleContextHolder.getLocale();
    try {
      return messages.getMessage(prefix + key, null, locale);
    } catch (NoSuchMessageException untranslated) {
      // the default message would go through MessageFormat, which eats a model name's quotes
      return otherwise;
    }
  }
}
