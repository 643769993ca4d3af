package dev.regdoc.logs;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A CUCM record whose '[' never closes takes every following line, up to the record cap. Joining
 * must cost each line its own length: when every line copied and rescanned the whole record, 650 KB
 * of such lines cost 14 s and 1.6 GB. Work is measured as bytes this thread allocates (never as
 * time), on the same lines cut into short records and into records near the cap: joining linear in
 * the line makes the two cost about the same; copying the record for every line makes the long
 * records cost many times more.
 */
class LongWrappedRecordTest {
  static final String OPEN =
      "Jul 02 2015 06:22:31 UTC uc-ucm-01 : %UC_CALLMANAGER-3-EndPointUnregistered:"
          + " %[DeviceName=SEP";

  @ParameterizedTest
  @ValueSource(ints = {650 * 1024, 2600 * 1024})
  void longOpenRecordsCostNoMoreThanShortOnes(int size) {
    String shortRecords = openRecords(size, 4 * 1024);
    String longRecords = openRecords(size, SyslogReader.MAX_RECORD_CHARS - 1024);
    read(shortRecords); // warms the reader so both measurements see compiled code

    long shortCost = allocatedReading(shortRecords);
    long longCost = allocatedReading(longRecords);

    assertThat(longCost)
        .as("bytes allocated for records near the cap, against %d for short ones", shortCost)
        .isLessThan(2 * shortCost);
  }

  @Test
  void longOpenRecordsAreStillOneAlarmEach() {
    String text = openRecords(650 * 1024, SyslogReader.MAX_RECORD_CHARS - 1024);
    SyslogFixture r = read(text);
    long opens = text.lines().filter(l -> l.startsWith("Jul")).count();
    assertThat(r.alarms())
        .hasSize((int) opens)
        .allSatisfy(a -> assertThat(a.deviceName()).isNull()); // never closed
    assertThat(r.summary.lines()).isEqualTo(text.lines().count());
    assertThat(r.summary.unrecognised()).isZero();
  }

  @Test
  void aWrappedRecordIsStillJoinedAsBefore() {
    SyslogFixture r =
        read(OPEN + "E0D1730A8137] [Reason=1\n3] [AppID=Ci\nsco CallManager]: text\n");
    assertThat(r.onlyAlarm().fields())
        .containsEntry("DeviceName", "SEPE0D1730A8137")
        .containsEntry("Reason", "13")
        .containsEntry("AppID", "Cisco CallManager");
  }

  /**
   * Records of about {@code recordChars} whose first '[' never closes, "ab" a line, {@code size}
   * chars in all.
   */
  private static String openRecords(int size, int recordChars) {
    StringBuilder text = new StringBuilder(size + recordChars);
    while (text.length() < size) {
      int start = text.length();
      text.append(OPEN).append('\n');
      while (text.length() - start < recordChars) {
        text.append("ab\n");
      }
    }
    return text.toString();
  }

  private static SyslogFixture read(String text) {
    return SyslogFixture.read(text);
  }

  private static long allocatedReading(String text) {
    var threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    long id = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(id);
    read(text);
    return threads.getThreadAllocatedBytes(id) - before;
  }
}
