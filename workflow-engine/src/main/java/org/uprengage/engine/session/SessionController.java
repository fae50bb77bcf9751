package org.uprengage.engine.session;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.uprengage.engine.web.ApiProblem;

@RestController
@RequestMapping("/api/sessions")
class SessionController {

  private final SessionCalendar calendar;

  SessionController(SessionCalendar calendar) {
    this.calendar = calendar;
  }

  @GetMapping
  List<UprSession> all() {
    return calendar.all();
  }

  @GetMapping("/{number}")
  UprSession one(@PathVariable int number) {
    return calendar.find(number).orElseThrow(() -> ApiProblem.notFound("Session", number));
  }
}
