package org.uprengage.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessesTest {

  @Test
  void statFieldsStartAfterACommandNameWithSpacesAndParentheses() {
    String stat =
        "4242 (java (main) x) S 1 4242 4242 0 -1 4194560 500 0 0 0 1234 567 0 0 20 0 40 0 100";
    String[] fields = Processes.fieldsAfterName(stat);

    assertThat(fields[0]).isEqualTo("S");
    assertThat(fields[1]).isEqualTo("1");
    assertThat(Long.parseLong(fields[11]) + Long.parseLong(fields[12])).isEqualTo(1234 + 567);
  }

  @Test
  void theMachineIsBusyInAllButIdleAndIowait() {
    assertThat(Processes.busyTicksIn("cpu  100 2 30 5000 40 6 7 8 0 0"))
        .isEqualTo(100 + 2 + 30 + 6 + 7 + 8);
  }

  @Test
  void residentMemoryIsReadFromVmRss() {
    assertThat(Processes.rssKibIn("Name:\tjava\nVmPeak:\t 9999 kB\nVmRSS:\t  524288 kB\n"))
        .isEqualTo(524288);
  }

  @Test
  void onlyListeningSocketsOnThePortCount() {
    List<String> lines =
        List.of(
            "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode",
            "   0: 0100007F:46A0 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 111 1",
            "   1: 0100007F:46A0 0100007F:C350 01 00000000:00000000 00:00000000 00000000     0        0 222 1",
            "   2: 0100007F:46A1 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 333 1");

    assertThat(Processes.listeningInodes(lines, 0x46A0)).containsExactly("111");
  }

  @Test
  void findsThisJvmByThePortItListensOn() throws IOException {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      assertThat(Processes.listeningOn(server.getLocalPort()))
          .hasValue(ProcessHandle.current().pid());
    }
  }

  @Test
  void cpuTimeOfThisJvmGrowsAndItsParentIsKnown() {
    long pid = ProcessHandle.current().pid();

    assertThat(Processes.cpuTicks(pid)).isPositive();
    assertThat(Processes.parent(pid))
        .isEqualTo(ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L));
    assertThat(Processes.rssKib(pid)).isPositive();
  }
}
