package org.leitwarte.collect.snmp;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leitwarte.collect.PollResult;
import org.slf4j.LoggerFactory;

class StatusLogTest {

  private final Logger logger = (Logger) LoggerFactory.getLogger(SnmpCollector.class);
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private final StatusLog log = new StatusLog();

  @BeforeEach
  void capture() {
    appender.start();
    logger.addAppender(appender);
  }

  @AfterEach
  void release() {
    logger.detachAppender(appender);
  }

  @Test
  void logs_each_change_once_and_nothing_while_the_status_stays() {
    log.record("sw1", new PollResult.Ok(List.of()));
    log.record("sw1", new PollResult.Ok(List.of()));
    log.record("sw1", new PollResult.Timeout(List.of()));
    log.record("sw1", new PollResult.Timeout(List.of()));
    log.record("sw1", new PollResult.Timeout(List.of()));
    log.record("sw1", new PollResult.Ok(List.of()));
    log.record("sw1", new PollResult.AuthFailure("wrong digest", List.of()));

    assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
        "SNMP device sw1: timeout",
        "SNMP device sw1 answers again (was timeout)",
        "SNMP device sw1: auth_failure (wrong digest)");
  }

  @Test
  void a_device_failing_from_its_first_poll_is_logged_and_a_forgotten_one_starts_over() {
    log.record("new", new PollResult.Error("agent answered genErr", List.of()));
    log.forget("new");
    log.record("new", new PollResult.Ok(List.of()));

    assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage)
        .containsExactly("SNMP device new: error (agent answered genErr)");
  }
}
