package org.uprengage.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/** What Linux's /proc tells of a process: CPU time used, resident memory, who listens on a port. */
final class Processes {

  private static final Path PROC = Path.of("/proc");

  private Processes() {}

  /** User plus system CPU time of a process, in clock ticks; -1 if it is gone. */
  static long cpuTicks(long pid) {
    String[] fields = statFields(pid);
    return fields == null ? -1 : Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }

  /** The parent of a process; -1 if it is gone. */
  static long parent(long pid) {
    String[] fields = statFields(pid);
    return fields == null ? -1 : Long.parseLong(fields[1]);
  }

  /**
   * The fields of /proc/PID/stat after the command name, which may itself hold spaces and
   * parentheses: [0] is the state, [1] the parent, [11] utime, [12] stime.
   */
  static String[] statFields(long pid) {
    try {
      return fieldsAfterName(Files.readString(PROC.resolve(pid + "/stat")));
    } catch (IOException gone) {
      return null;
    }
  }

  static String[] fieldsAfterName(String stat) {
    return stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
  }

  /** Clock ticks all processors spent busy since boot (/proc/stat: all but idle and iowait). */
  static long machineBusyTicks() throws IOException {
    return busyTicksIn(Files.readAllLines(PROC.resolve("stat")).get(0));
  }

  static long busyTicksIn(String cpuLine) {
    String[] ticks = cpuLine.trim().split("\\s+");
    long busy = 0;
    for (int i = 1; i < Math.min(ticks.length, 9); i++) {
      if (i != 4 && i != 5) { // idle, iowait
        busy += Long.parseLong(ticks[i]);
      }
    }
    return busy;
  }

  /** Resident memory in KiB (VmRSS); -1 if the process is gone. */
  static long rssKib(long pid) {
    try {
      return rssKibIn(Files.readString(PROC.resolve(pid + "/status")));
    } catch (IOException gone) {
      return -1;
    }
  }

  static long rssKibIn(String status) {
    for (String line : status.split("\n")) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
      }
    }
    return -1;
  }

  /** The children of a process. */
  static List<Long> children(long parent) throws IOException {
    List<Long> children = new ArrayList<>();
    for (long pid : pids()) {
      if (parent(pid) == parent) {
        children.add(pid);
      }
    }
    return children;
  }

  /** The process listening on a TCP port of this machine, if any. */
  static OptionalLong listeningOn(int port) throws IOException {
    List<String> inodes = new ArrayList<>();
    for (String table : List.of("net/tcp", "net/tcp6")) {
      Path file = PROC.resolve(table);
      if (Files.exists(file)) {
        inodes.addAll(listeningInodes(Files.readAllLines(file), port));
      }
    }
    if (inodes.isEmpty()) {
      return OptionalLong.empty();
    }
    for (long pid : pids()) {
      try (DirectoryStream<Path> fds = Files.newDirectoryStream(PROC.resolve(pid + "/fd"))) {
        for (Path fd : fds) {
          String target = readLink(fd);
          if (target != null
              && target.startsWith("socket:[")
              && inodes.contains(target.substring(8, target.length() - 1))) {
            return OptionalLong.of(pid);
          }
        }
      } catch (IOException | SecurityException notOurs) {
        // a process of another user, or one that just ended
      }
    }
    return OptionalLong.empty();
  }

  /** The socket inodes in LISTEN state (0A) on {@code port}, from /proc/net/tcp's lines. */
  static List<String> listeningInodes(List<String> lines, int port) {
    String hexPort = ":" + String.format(Locale.ROOT, "%04X", port);
    List<String> inodes = new ArrayList<>();
    for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
      String[] columns = line.trim().split("\\s+");
      if (columns.length > 9 && columns[1].endsWith(hexPort) && columns[3].equals("0A")) {
        inodes.add(columns[9]);
      }
    }
    return inodes;
  }

  /** Clock ticks per second of /proc's CPU times (USER_HZ). */
  static long clockTicksPerSecond() {
    try {
      Process getconf = new ProcessBuilder("getconf", "CLK_TCK").start();
      String answer = new String(getconf.getInputStream().readAllBytes()).trim();
      getconf.waitFor();
      return Long.parseLong(answer);
    } catch (IOException | NumberFormatException e) {
      return 100;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 100;
    }
  }

  private static List<Long> pids() throws IOException {
    List<Long> pids = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC, "[0-9]*")) {
      for (Path entry : entries) {
        pids.add(Long.parseLong(entry.getFileName().toString()));
      }
    }
    return pids;
  }

  private static String readLink(Path fd) {
    try {
      return Files.readSymbolicLink(fd).toString();
    } catch (IOException | UnsupportedOperationException gone) {
      return null;
    }
  }
}
