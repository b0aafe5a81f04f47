package org.leitwarte.collect.icmp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Lines and whole outputs captured from fping 5.1 on this machine (loopback, nftables for loss). */
class FpingOutputTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      127.0.0.1 : 0.023 0.035 0.043              | 127.0.0.1       | 3 | 0.023 0.035 0.043
      127.0.0.1   : 0.022 0.033 0.039            | 127.0.0.1       | 3 | 0.022 0.033 0.039
      ::1       : 0.043 0.028 0.037              | ::1             | 3 | 0.043 0.028 0.037
      fe80::1   : - - -                          | fe80::1         | 3 |
      255.255.255.255 : - - -                    | 255.255.255.255 | 3 |
      127.0.0.78 : - 0.023 - 0.022               | 127.0.0.78      | 4 | 0.023 0.022
      ::1        : 0.029 - 0.027 -               | ::1             | 4 | 0.029 0.027
      127.0.0.1 : 0.038                          | 127.0.0.1       | 1 | 0.038
      0x7f000001  : 0.019 0.006                  | 0x7f000001      | 2 | 0.019 0.006
      10.0.0.1 : 153 12.3 1.23 1.00e+06          | 10.0.0.1        | 4 | 153 12.3 1.23 1000000
      """)
  void a_summary_line_gives_requests_sent_and_the_round_trip_times_of_the_replies(
      String line, String target, int sent, String rtts) {
    List<Double> expected = rtts == null ? List.of() : Arrays.stream(rtts.split(" ")).map(Double::valueOf).toList();

    assertThat(FpingOutput.parseLine(line))
        .isEqualTo(new FpingLine.Summary(target, new PingStatistics(sent, expected)));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      999.1.1.1: Name or service not known            | 999.1.1.1        | Name or service not known
      fe80::1%nosuchif: Name or service not known     | fe80::1%nosuchif | Name or service not known
      ::1: Address family for hostname not supported  | ::1              | Address family for hostname not supported
      fping: can't create socket (must run as root?)  | fping            | can't create socket (must run as root?)
      fping: invalid option -- 'foo'                  | fping            | invalid option -- 'foo'
      """)
  void a_complaint_names_its_subject(String line, String subject, String message) {
    assertThat(FpingOutput.parseLine(line)).isEqualTo(new FpingLine.TargetProblem(subject, message));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      ICMP Host Unreachable from 127.0.0.79 for ICMP Echo sent to 127.0.0.79  | 127.0.0.79
      ICMP Network Unreachable from 21.4.85.61 for ICMP Echo sent to 1.2.3    | 1.2.3
      """)
  void an_icmp_error_is_attributed_to_the_target_it_was_sent_for(String line, String target) {
    assertThat(FpingOutput.parseLine(line)).isEqualTo(new FpingLine.IcmpError(target, line.strip()));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', textBlock = """
      127.0.77.3 : duplicate for [0], 64 bytes, 0.095 ms                | duplicate
      127.0.0.1 : [0], 64 bytes, 0.018 ms (0.018 avg, 0% loss)          | ignored
      1.2.3       : [0], timed out (NaN avg, 100% loss)                 | ignored
      ''                                                                | ignored
      see 'fping -h' for usage information                              | other
      """)
  void other_lines_are_recognised_and_carry_no_result(String line, String kind) {
    FpingLine parsed = FpingOutput.parseLine(line);

    switch (kind) {
      case "duplicate" -> assertThat(parsed).isEqualTo(new FpingLine.Duplicate("127.0.77.3"));
      case "ignored" -> assertThat(parsed).isInstanceOf(FpingLine.Ignored.class);
      default -> assertThat(parsed).isEqualTo(new FpingLine.Other(line));
    }
  }

  @Test
  void an_unresolvable_target_fails_alone_while_the_others_are_pinged() {
    // fping -C 3 -p 20 -t 200 -i 1 127.0.0.1 999.1.1.1 nosuchhost.invalid; exit code 2
    String stderr = """
        999.1.1.1: Name or service not known
        nosuchhost.invalid: Name or service not known

        127.0.0.1 : 0.018 0.035 0.046
        """;

    Map<String, TargetResult> results = FpingOutput.parse(stderr)
        .results(List.of("127.0.0.1", "999.1.1.1", "nosuchhost.invalid"), 2);

    assertThat(results.get("127.0.0.1")).isEqualTo(
        new TargetResult.Pinged(new PingStatistics(3, List.of(0.018, 0.035, 0.046)), List.of()));
    assertThat(results.get("999.1.1.1")).isEqualTo(
        new TargetResult.Failed("fping could not ping 999.1.1.1: Name or service not known"));
    assertThat(results.get("nosuchhost.invalid")).isInstanceOf(TargetResult.Failed.class);
  }

  @Test
  void icmp_errors_and_partial_loss_are_kept_with_their_targets() {
    // nft: drop every echo to .77, every second to .78, reject .79 with host-unreachable; exit code 1
    String stderr = """
        ICMP Host Unreachable from 127.0.0.79 for ICMP Echo sent to 127.0.0.79
        ICMP Host Unreachable from 127.0.0.79 for ICMP Echo sent to 127.0.0.79

        127.0.0.77 : - - - -
        127.0.0.78 : - 0.023 - 0.022
        127.0.0.79 : - - - -
        ::1        : 0.029 - 0.027 -
        127.0.0.1  : 0.018 0.012 0.015 0.016
        """;
    List<String> targets = List.of("127.0.0.77", "127.0.0.78", "127.0.0.79", "::1", "127.0.0.1");

    Map<String, TargetResult> results = FpingOutput.parse(stderr).results(targets, 1);

    assertThat(results.keySet()).containsExactlyElementsOf(targets);
    assertThat(((TargetResult.Pinged) results.get("127.0.0.77")).statistics().lossPercent()).isEqualTo(100.0);
    assertThat(((TargetResult.Pinged) results.get("127.0.0.78")).statistics().lossPercent()).isEqualTo(50.0);
    assertThat(((TargetResult.Pinged) results.get("127.0.0.79")).icmpErrors()).containsExactly(
        "ICMP Host Unreachable from 127.0.0.79 for ICMP Echo sent to 127.0.0.79",
        "ICMP Host Unreachable from 127.0.0.79 for ICMP Echo sent to 127.0.0.79");
    assertThat(((TargetResult.Pinged) results.get("::1")).statistics().received()).isEqualTo(2);
  }

  @Test
  void duplicates_are_counted_and_do_not_change_the_summary() {
    // fping -C 3 -q … with nft "dup to 127.0.77.3 device lo"; exit code 0
    String stderr = """
        127.0.77.3 : duplicate for [0], 64 bytes, 0.095 ms
        127.0.77.3 : duplicate for [1], 64 bytes, 0.041 ms
        127.0.77.3 : duplicate for [2], 64 bytes, 0.046 ms
        127.0.77.3 : 0.092 0.036 0.040
        127.0.0.1  : 0.018 0.008 0.014
        """;

    FpingOutput output = FpingOutput.parse(stderr);

    assertThat(output.duplicates("127.0.77.3")).isEqualTo(3);
    assertThat(output.results(List.of("127.0.77.3"), 0).get("127.0.77.3")).isEqualTo(
        new TargetResult.Pinged(new PingStatistics(3, List.of(0.092, 0.036, 0.040)), List.of()));
  }

  @Test
  void a_failed_fping_explains_every_target_with_its_exit_code_and_message() {
    // fping without raw-socket permission; exit code 4
    String stderr = "/tmp/fping-nocap: can't create socket (must run as root?)\n";

    Map<String, TargetResult> results = FpingOutput.parse(stderr).results(List.of("127.0.0.1", "::1"), 4);

    assertThat(results.values()).allSatisfy(result -> assertThat(((TargetResult.Failed) result).reason())
        .contains("exit code 4: a system call failed")
        .contains("/tmp/fping-nocap: can't create socket (must run as root?)"));
  }

  @Test
  void a_target_fping_says_nothing_about_fails_with_the_exit_code() {
    Map<String, TargetResult> results = FpingOutput.parse("127.0.0.1 : 0.02\n").results(List.of("127.0.0.1", "::1"), 1);

    assertThat(results.get("::1")).isEqualTo(new TargetResult.Failed(
        "fping gave no result for ::1 (exit code 1: some targets did not reply, or an option was invalid)"));
  }
}
