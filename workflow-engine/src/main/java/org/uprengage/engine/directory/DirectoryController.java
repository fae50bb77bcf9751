package org.uprengage.engine.directory;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The agencies known to this installation. */
@RestController
class DirectoryController {

  private final Directory directory;

  DirectoryController(Directory directory) {
    this.directory = directory;
  }

  @GetMapping("/api/agencies")
  List<Directory.Agency> agencies() {
    return directory.agencies();
  }
}
