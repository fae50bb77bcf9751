package org.uprengage.engine.people;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.uprengage.engine.directory.Directory;
import org.uprengage.engine.problem.Forbidden;
import org.uprengage.engine.problem.InvalidInput;
import org.uprengage.engine.security.Caller;

/**
 * Loads people from a CSV (header in docs/api-guide.md) for teams whose identity provider is not
 * connected yet: each row is checked on its own, a rejected row is answered with its line and
 * reason and the others are kept; importing the same file again changes nothing. A person the
 * identity provider already describes is left as their token says.
 */
@Component
class PeopleImport {

  static final List<String> HEADER =
      List.of(
          "username", "name", "email", "roles", "agency", "country_teams", "language", "time_zone");
  static final int MAX_ROWS = 5_000;

  private static final Set<String> ROLES =
      Set.of(
          Caller.ADMIN,
          Caller.PLATFORM_ADMIN,
          Caller.COORDINATOR,
          Caller.VIEWER,
          "rc",
          "head-of-office",
          "focal-point");
  private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,100}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}");
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}");
  private static final Pattern LIST = Pattern.compile("[ ;]+");

  private final People people;
  private final Directory directory;
  private final TransactionTemplate transactions;

  PeopleImport(People people, Directory directory, TransactionTemplate transactions) {
    this.people = people;
    this.directory = directory;
    this.transactions = transactions;
  }

  /** What became of each row, and the counts. */
  record Result(int created, int updated, int unchanged, int rejected, List<Row> rows) {}

  /**
   * One row's outcome: {@code created}, {@code updated}, {@code unchanged} or {@code rejected}
   * (with the reason).
   */
  record Row(int line, String username, String outcome, String reason) {}

  Result load(Caller caller, String csv) {
    if (!caller.platformAdmin() && !caller.hasRole(Caller.ADMIN)) {
      throw new Forbidden("Only platform admins and team admins import people.");
    }
    List<CsvRecords.CsvRecord> records;
    try {
      records = CsvRecords.parse(csv == null ? "" : csv);
    } catch (IllegalArgumentException e) {
      throw new InvalidInput("body", e.getMessage());
    }
    if (records.isEmpty() || !header(records.get(0).fields()).equals(HEADER)) {
      throw new InvalidInput("body", "must start with the header line " + String.join(",", HEADER));
    }
    if (records.size() - 1 > MAX_ROWS) {
      throw new InvalidInput("body", "holds more than " + MAX_ROWS + " people; split the file");
    }
    Map<String, Integer> firstLine = new HashMap<>();
    List<Row> rows = new ArrayList<>();
    for (CsvRecords.CsvRecord record : records.subList(1, records.size())) {
      rows.add(row(caller, record, firstLine));
    }
    return new Result(
        count(rows, "created"),
        count(rows, "updated"),
        count(rows, "unchanged"),
        count(rows, "rejected"),
        rows);
  }

  private Row row(Caller caller, CsvRecords.CsvRecord record, Map<String, Integer> firstLine) {
    List<String> fields = record.fields();
    String username = fields.isEmpty() ? "" : fields.get(0).strip();
    if (fields.size() != HEADER.size()) {
      return rejected(
          record, username, "has " + fields.size() + " fields, the header " + HEADER.size());
    }
    Map<String, String> cell = new LinkedHashMap<>();
    for (int i = 0; i < HEADER.size(); i++) {
      cell.put(HEADER.get(i), fields.get(i).strip());
    }
    Optional<String> problem = problem(caller, cell);
    if (problem.isPresent()) {
      return rejected(record, username, problem.get());
    }
    Integer earlier = firstLine.putIfAbsent(username, record.line());
    if (earlier != null) {
      return rejected(record, username, "username: already on line " + earlier);
    }
    Optional<Person> current = people.find(username);
    if (current.isPresent() && "token".equals(current.get().source())) {
      return new Row(
          record.line(),
          username,
          "unchanged",
          "the identity provider describes this person; their token's claims are kept");
    }
    Person person =
        new Person(
            username,
            cell.get("name"),
            blankToNull(cell.get("email")),
            blankToNull(cell.get("language")),
            blankToNull(cell.get("time_zone")),
            blankToNull(cell.get("agency")),
            list(cell.get("roles")),
            list(cell.get("country_teams")),
            "import",
            0);
    Person saved = transactions.execute(status -> people.save(person));
    String outcome =
        current.isEmpty()
            ? "created"
            : saved.version() == current.get().version() ? "unchanged" : "updated";
    return new Row(record.line(), username, outcome, null);
  }

  private Optional<String> problem(Caller caller, Map<String, String> cell) {
    if (!USERNAME.matcher(cell.get("username")).matches()) {
      return Optional.of("username: must be 1 to 100 letters, digits or . _ @ -");
    }
    if (cell.get("name").isEmpty() || cell.get("name").length() > 200) {
      return Optional.of("name: must be 1 to 200 characters");
    }
    if (!cell.get("email").isEmpty() && !EMAIL.matcher(cell.get("email")).matches()) {
      return Optional.of("email: is not an e-mail address");
    }
    List<String> roles = list(cell.get("roles"));
    if (roles.isEmpty()) {
      return Optional.of("roles: name at least one role");
    }
    for (String role : roles) {
      if (!ROLES.contains(role)) {
        return Optional.of("roles: " + role + " is not a role of the platform");
      }
      if (role.equals(Caller.PLATFORM_ADMIN) && !caller.platformAdmin()) {
        return Optional.of("roles: only platform admins import platform admins");
      }
    }
    if (!cell.get("agency").isEmpty() && !directory.isAgency(cell.get("agency"))) {
      return Optional.of(
          "agency: " + cell.get("agency") + " is not an agency of this installation");
    }
    List<String> teams = list(cell.get("country_teams"));
    if (teams.isEmpty()) {
      return Optional.of("country_teams: name at least one country team");
    }
    for (String team : teams) {
      if (!directory.countryTeamExists(team)) {
        return Optional.of("country_teams: no country team " + team);
      }
      if (!caller.administers(team)) {
        return Optional.of("country_teams: you do not administer the country team " + team);
      }
    }
    if (!cell.get("language").isEmpty() && !LANGUAGE.matcher(cell.get("language")).matches()) {
      return Optional.of("language: must be a BCP 47 language tag such as en or fr");
    }
    if (!cell.get("time_zone").isEmpty() && !validZone(cell.get("time_zone"))) {
      return Optional.of("time_zone: must be an IANA time zone such as Africa/Nairobi");
    }
    return Optional.empty();
  }

  private static boolean validZone(String zone) {
    try {
      return !(ZoneId.of(zone) instanceof ZoneOffset);
    } catch (DateTimeException e) {
      return false;
    }
  }

  private static List<String> header(List<String> fields) {
    return fields.stream().map(String::strip).toList();
  }

  private static List<String> list(String cell) {
    return cell.isBlank()
        ? List.of()
        : Arrays.stream(LIST.split(cell.strip())).distinct().sorted().toList();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  private static Row rejected(CsvRecords.CsvRecord record, String username, String reason) {
    return new Row(record.line(), username.isEmpty() ? null : username, "rejected", reason);
  }

  private static int count(List<Row> rows, String outcome) {
    return (int) rows.stream().filter(row -> row.outcome().equals(outcome)).count();
  }
}
