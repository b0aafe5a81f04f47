package org.leitwarte.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.leitwarte.alerting.Alert;
import org.leitwarte.alerting.AlertChange;
import org.leitwarte.alerting.AlertState;
import org.leitwarte.alerting.Severity;
import org.leitwarte.alerting.history.AlertApi;
import org.leitwarte.alerting.history.AlertRepository;
import org.leitwarte.alerting.history.ApiScope;
import org.leitwarte.alerting.history.InvalidInputException;
import org.leitwarte.alerting.history.NotFoundException;
import org.leitwarte.store.Dialect;
import org.leitwarte.store.StoreFixture;
import org.leitwarte.user.Principal;
import org.leitwarte.user.Role;

/** Tickets on a real store (H2 and PostgreSQL): opening, the workflow and its rules, tenant isolation, audit rows. */
class TicketServiceTest {

  static final Instant NOW = Instant.parse("2026-03-25T09:00:00Z");
  static final Instant FIRING_SINCE = NOW.minus(Duration.ofMinutes(42));
  static final Principal STAFF = new Principal("skoch", Role.STAFF, Optional.empty());
  static final Principal WERNIGERODE = new Principal("it-wernigerode", Role.TENANT, Optional.of("wernigerode"));
  static final Principal HALBERSTADT = new Principal("it-halberstadt", Role.TENANT, Optional.of("halberstadt"));
  static final Optional<String> FROM = Optional.of("192.0.2.7");

  @TempDir Path dir;
  private final Vertx vertx = Vertx.vertx();
  private final AtomicReference<Instant> now = new AtomicReference<>(NOW);
  private final Clock clock = new Clock() {
    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  };
  private StoreFixture stores;
  private Pool pool;
  private TicketService tickets;
  private Alert routerDown;

  @BeforeEach
  void fixture() {
    stores = new StoreFixture(dir);
  }

  @AfterEach
  void close() throws Exception {
    await(stores.close(vertx));
    await(vertx.close());
  }

  /** A store of {@code dialect} with one firing alert: the router of Wernigerode does not answer. */
  private void open(Dialect dialect) throws Exception {
    pool = await(stores.open(vertx, dialect)).pool();
    AlertRepository alerts = new AlertRepository(pool, clock);
    routerDown = new Alert("00000000000000a1", "device_down", Severity.CRITICAL, AlertState.FIRING,
        Map.of("tenant", "wernigerode", "device", "wr-router", "alertname", "device_down", "severity", "critical"),
        Map.of("de", Map.of("summary", "wr-router antwortet nicht"), "en", Map.of("summary", "wr-router does not answer")),
        FIRING_SINCE, FIRING_SINCE.plusSeconds(60), Optional.of(100.0), Optional.empty(), false);
    await(alerts.record(List.of(new AlertChange(routerDown, Optional.empty(), Optional.empty(), FIRING_SINCE))));
    tickets = new TicketService(new TicketRepository(pool), new AlertApi(alerts), Optional.empty(), TicketMailer.none(vertx), clock,
        user -> Future.succeededFuture(user.equals(WERNIGERODE.user()) ? Optional.of("it@wernigerode.example") : Optional.empty()));
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void a_ticket_opened_from_an_alert_is_prefilled_linked_and_outlives_the_alert(Dialect dialect) throws Exception {
    open(dialect);

    Ticket ticket = await(tickets.open(WERNIGERODE, NewTicket.fromAlert(routerDown.id()), FROM));

    assertThat(ticket.reference()).isEqualTo("T-" + ticket.id());
    assertThat(ticket.tenant()).isEqualTo("wernigerode");
    assertThat(ticket.title()).isEqualTo("wr-router antwortet nicht");
    assertThat(ticket.status()).isEqualTo(TicketStatus.NEW);
    assertThat(ticket.alertId()).contains(routerDown.id());
    assertThat(ticket.device()).contains("wr-router");
    assertThat(ticket.openedBy()).isEqualTo("it-wernigerode");
    assertThat(ticket.language()).isEqualTo("de");
    assertThat(ticket.description())
        .contains("Übernommen aus dem Alarm " + routerDown.id())
        .contains("Gerät:  wr-router")
        .contains("Was:    wr-router antwortet nicht")
        .contains("Seit:   25.03.2026, 09:18 Uhr")
        .contains("Regel:  device_down");

    await(pool.query("DELETE FROM alert").execute());
    TicketDetails details = await(tickets.details(WERNIGERODE.scope(), ticket.id()));

    assertThat(details.ticket().alertId()).contains(routerDown.id());
    assertThat(details.ticket().context()).contains(new AlertContext(Optional.of("device_down"), "wr-router antwortet nicht", FIRING_SINCE));
    assertThat(details.ticket().description()).isEqualTo(ticket.description());
  }

  @Test
  void what_the_municipality_writes_comes_first_and_its_title_wins() throws Exception {
    open(Dialect.H2);
    NewTicket request = new NewTicket(Optional.of(routerDown.id()), Optional.empty(), Optional.of("Kein Internet im Rathaus"),
        Optional.of("Seit heute früh geht nichts."), Optional.empty(), Optional.empty(), Optional.of("it@wernigerode.example"),
        Optional.of("en"));

    Ticket ticket = await(tickets.open(WERNIGERODE, request, FROM));

    assertThat(ticket.title()).isEqualTo("Kein Internet im Rathaus");
    assertThat(ticket.description()).startsWith("Seit heute früh geht nichts.\n\nTaken from alert " + routerDown.id() + ":")
        .contains("What:   wr-router antwortet nicht");
    assertThat(ticket.contactEmail()).contains("it@wernigerode.example");
    assertThat(ticket.language()).isEqualTo("en");
  }

  @Test
  void another_municipalitys_alert_is_missing_for_a_tenant_user_and_no_ticket_is_made() throws Exception {
    open(Dialect.H2);

    assertThat(failure(tickets.open(HALBERSTADT, NewTicket.fromAlert(routerDown.id()), FROM)))
        .isInstanceOf(NotFoundException.class).hasMessage("alert " + routerDown.id() + " not found");
    assertThat(count("SELECT count(*) FROM ticket")).isZero();
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void another_municipalitys_ticket_answers_exactly_as_a_missing_one(Dialect dialect) throws Exception {
    open(dialect);
    long id = await(tickets.open(WERNIGERODE, NewTicket.fromAlert(routerDown.id()), FROM)).id();
    ApiScope halberstadt = HALBERSTADT.scope();

    String missing = failure(tickets.get(halberstadt, 9999)).getMessage().replace("9999", String.valueOf(id));

    assertThat(failure(tickets.get(halberstadt, id))).isInstanceOf(NotFoundException.class).hasMessage(missing);
    assertThat(failure(tickets.details(halberstadt, id))).isInstanceOf(NotFoundException.class).hasMessage(missing);
    assertThat(failure(tickets.comment(HALBERSTADT, id, "Hallo?", FROM))).isInstanceOf(NotFoundException.class).hasMessage(missing);
    assertThat(failure(tickets.changeStatus(HALBERSTADT, id, TicketStatus.IN_PROGRESS, Optional.empty(), FROM)))
        .isInstanceOf(NotFoundException.class).hasMessage(missing);
    assertThat(await(tickets.list(halberstadt, TicketQuery.all()))).isEmpty();
    assertThat(await(tickets.list(halberstadt, TicketQuery.all().withTenant("wernigerode")))).isEmpty();
    assertThat(await(tickets.list(WERNIGERODE.scope(), TicketQuery.all()))).extracting(Ticket::id).containsExactly(id);
    assertThat(await(tickets.details(ApiScope.EVERYTHING, id)).comments()).isEmpty();
  }

  @Test
  void a_tenant_user_opens_tickets_only_for_their_own_municipality() throws Exception {
    open(Dialect.H2);

    Ticket own = await(tickets.open(HALBERSTADT, NewTicket.free("Drucker", "Der Drucker im Bürgerbüro druckt nicht."), FROM));
    InvalidInputException refused = (InvalidInputException) failure(
        tickets.open(HALBERSTADT, NewTicket.free("Drucker", "…").withTenant("wernigerode"), FROM));

    assertThat(own.tenant()).isEqualTo("halberstadt");
    assertThat(refused.field()).isEqualTo("tenant");
    assertThat(refused.getMessage()).contains("halberstadt");
  }

  @Test
  void a_municipalitys_user_who_names_no_contact_becomes_the_contact_and_so_hears_of_every_change() throws Exception {
    open(Dialect.H2);

    Ticket fromAlert = await(tickets.open(WERNIGERODE, NewTicket.fromAlert(routerDown.id()), FROM));
    Ticket named = await(tickets.open(WERNIGERODE, NewTicket.fromAlert(routerDown.id()).withContactEmail("leitung@wernigerode.example"), FROM));
    Ticket byStaff = await(tickets.open(STAFF, NewTicket.fromAlert(routerDown.id()), FROM));

    assertThat(fromAlert.contactEmail()).contains("it@wernigerode.example");
    assertThat(named.contactEmail()).contains("leitung@wernigerode.example");
    assertThat(byStaff.contactEmail()).isEmpty();
  }

  @Test
  void staff_name_the_municipality_of_a_free_ticket() throws Exception {
    open(Dialect.H2);

    InvalidInputException missing = (InvalidInputException) failure(tickets.open(STAFF, NewTicket.free("VPN", "Tunnel flattert"), FROM));
    Ticket named = await(tickets.open(STAFF, NewTicket.free("VPN", "Tunnel flattert").withTenant("halberstadt"), FROM));

    assertThat(missing.field()).isEqualTo("tenant");
    assertThat(named.tenant()).isEqualTo("halberstadt");
    assertThat(named.openedBy()).isEqualTo("skoch");
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void staff_move_a_ticket_along_and_the_municipality_may_only_answer_or_reopen(Dialect dialect) throws Exception {
    open(dialect);
    long id = await(tickets.open(WERNIGERODE, NewTicket.fromAlert(routerDown.id()), FROM)).id();

    assertThat(failure(tickets.changeStatus(WERNIGERODE, id, TicketStatus.IN_PROGRESS, Optional.empty(), FROM)))
        .isInstanceOf(TicketForbiddenException.class);
    assertThat(status(STAFF, id, TicketStatus.WAITING_FOR_MUNICIPALITY, "Welche Außenstelle ist betroffen?")).isEqualTo(TicketStatus.WAITING_FOR_MUNICIPALITY);
    assertThat(status(WERNIGERODE, id, TicketStatus.IN_PROGRESS, "Die Außenstelle Benzingerode.")).isEqualTo(TicketStatus.IN_PROGRESS);
    assertThat(failure(tickets.changeStatus(WERNIGERODE, id, TicketStatus.RESOLVED, Optional.empty(), FROM)))
        .isInstanceOf(TicketForbiddenException.class).hasMessageContaining("in_progress to resolved");
    assertThat(status(STAFF, id, TicketStatus.RESOLVED, "")).isEqualTo(TicketStatus.RESOLVED);
    assertThat(status(WERNIGERODE, id, TicketStatus.IN_PROGRESS, "Geht immer noch nicht.")).isEqualTo(TicketStatus.IN_PROGRESS);
    assertThat(status(STAFF, id, TicketStatus.RESOLVED, "")).isEqualTo(TicketStatus.RESOLVED);
    assertThat(status(STAFF, id, TicketStatus.CLOSED, "")).isEqualTo(TicketStatus.CLOSED);

    assertThat(failure(tickets.changeStatus(STAFF, id, TicketStatus.IN_PROGRESS, Optional.empty(), FROM)))
        .isInstanceOf(TicketConflictException.class).hasMessageContaining("from closed to in_progress");
    assertThat(failure(tickets.comment(WERNIGERODE, id, "Noch da?", FROM))).isInstanceOf(TicketConflictException.class);
    List<TicketComment> comments = await(tickets.details(ApiScope.EVERYTHING, id)).comments();
    assertThat(comments).extracting(TicketComment::text)
        .containsExactly("Welche Außenstelle ist betroffen?", "Die Außenstelle Benzingerode.", "Geht immer noch nicht.");
    assertThat(comments).extracting(TicketComment::side)
        .containsExactly(TicketComment.Side.STAFF, TicketComment.Side.TENANT, TicketComment.Side.TENANT);
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void a_comment_keeps_html_as_plain_text_exactly_as_written(Dialect dialect) throws Exception {
    open(dialect);
    long id = await(tickets.open(WERNIGERODE, NewTicket.fromAlert(routerDown.id()), FROM)).id();
    String text = "<script>alert('x')</script> & <b>fett</b>\n  eingerückt \"zitiert\" äöü ✓";

    TicketComment comment = await(tickets.comment(WERNIGERODE, id, text, FROM));

    assertThat(comment.text()).isEqualTo(text);
    assertThat(comment.side()).isEqualTo(TicketComment.Side.TENANT);
    assertThat(await(tickets.details(ApiScope.EVERYTHING, id)).comments()).singleElement()
        .satisfies(stored -> {
          assertThat(stored.text()).isEqualTo(text);
          assertThat(stored.author()).isEqualTo("it-wernigerode");
        });
  }

  @Test
  void blank_and_oversized_fields_are_refused_naming_the_field_and_nothing_is_saved() throws Exception {
    open(Dialect.H2);
    long id = await(tickets.open(WERNIGERODE, NewTicket.fromAlert(routerDown.id()), FROM)).id();

    assertThat(field(tickets.open(WERNIGERODE, NewTicket.free(" ", "etwas"), FROM))).isEqualTo("title");
    assertThat(field(tickets.open(WERNIGERODE, NewTicket.free("etwas", ""), FROM))).isEqualTo("description");
    assertThat(field(tickets.open(WERNIGERODE, NewTicket.free("x".repeat(201), "etwas"), FROM))).isEqualTo("title");
    assertThat(field(tickets.open(WERNIGERODE, NewTicket.free("etwas", "x".repeat(10_001)), FROM))).isEqualTo("description");
    assertThat(field(tickets.open(WERNIGERODE, NewTicket.free("etwas", "etwas").withContact("it at wernigerode", "de"), FROM)))
        .isEqualTo("contact_email");
    assertThat(field(tickets.open(WERNIGERODE, NewTicket.free("etwas", "etwas").withContact("it@wernigerode.example", "fr"), FROM)))
        .isEqualTo("language");
    assertThat(field(tickets.comment(WERNIGERODE, id, " \n\t", FROM))).isEqualTo("text");
    assertThat(field(tickets.comment(WERNIGERODE, id, "x".repeat(10_001), FROM))).isEqualTo("text");
    assertThat(field(tickets.changeStatus(STAFF, id, TicketStatus.IN_PROGRESS, Optional.of("x".repeat(10_001)), FROM))).isEqualTo("comment");

    assertThat(count("SELECT count(*) FROM ticket")).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM ticket_comment")).isZero();
    assertThat(await(tickets.get(ApiScope.EVERYTHING, id)).status()).isEqualTo(TicketStatus.NEW);
    assertThat(await(tickets.comment(WERNIGERODE, id, "x".repeat(10_000), FROM)).text()).hasSize(10_000);
  }

  @Test
  void only_the_cooperative_assigns_tickets() throws Exception {
    open(Dialect.H2);
    long id = await(tickets.open(WERNIGERODE, NewTicket.fromAlert(routerDown.id()), FROM)).id();

    assertThat(failure(tickets.assign(WERNIGERODE, id, Optional.of("it-wernigerode"), FROM))).isInstanceOf(TicketForbiddenException.class);
    assertThat(await(tickets.assign(STAFF, id, Optional.of("mmueller"), FROM)).assignee()).contains("mmueller");
    assertThat(await(tickets.list(ApiScope.EVERYTHING, new TicketQuery(Set.of(), Optional.empty(), Optional.of("mmueller"), 10))))
        .extracting(Ticket::id).containsExactly(id);
    assertThat(await(tickets.assign(STAFF, id, Optional.empty(), FROM)).assignee()).isEmpty();
  }

  @Test
  void the_queue_shows_open_tickets_first_and_the_oldest_first() throws Exception {
    open(Dialect.H2);
    List<Long> ids = new ArrayList<>();
    for (String title : List.of("eins", "zwei", "drei")) {
      ids.add(await(tickets.open(STAFF, NewTicket.free(title, "…").withTenant("halberstadt"), FROM)).id());
      now.set(now.get().plusSeconds(60));
    }
    status(STAFF, ids.get(0), TicketStatus.RESOLVED, "");

    assertThat(await(tickets.list(ApiScope.EVERYTHING, TicketQuery.all()))).extracting(Ticket::title).containsExactly("zwei", "drei", "eins");
    assertThat(await(tickets.list(ApiScope.EVERYTHING,
        new TicketQuery(Set.of(TicketStatus.RESOLVED), Optional.empty(), Optional.empty(), 10))))
        .extracting(Ticket::title).containsExactly("eins");
    assertThat(await(tickets.list(ApiScope.EVERYTHING, new TicketQuery(Set.of(), Optional.empty(), Optional.empty(), 1))))
        .extracting(Ticket::title).containsExactly("zwei");
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void every_change_leaves_an_audit_row_with_who_what_and_from_where(Dialect dialect) throws Exception {
    open(dialect);
    long id = await(tickets.open(WERNIGERODE, NewTicket.fromAlert(routerDown.id()), FROM)).id();
    await(tickets.comment(WERNIGERODE, id, "Bitte schnell!", FROM));
    await(tickets.assign(STAFF, id, Optional.of("skoch"), Optional.of("192.0.2.9")));
    await(tickets.changeStatus(STAFF, id, TicketStatus.IN_PROGRESS, Optional.empty(), Optional.of("192.0.2.9")));

    List<String> rows = await(pool.query("SELECT actor, action, subject, address FROM audit_log ORDER BY id").execute()
        .map(result -> {
          List<String> found = new ArrayList<>();
          for (Row row : result) {
            found.add(row.getString("actor") + " " + row.getString("action") + " " + row.getString("subject") + " " + row.getString("address"));
          }
          return found;
        }));

    String subject = "ticket:T-" + id;
    assertThat(rows).containsExactly(
        "it-wernigerode ticket.open " + subject + " 192.0.2.7",
        "it-wernigerode ticket.comment " + subject + " 192.0.2.7",
        "skoch ticket.assign " + subject + " 192.0.2.9",
        "skoch ticket.status " + subject + " 192.0.2.9");
  }

  private TicketStatus status(Principal who, long id, TicketStatus to, String comment) throws Exception {
    return await(tickets.changeStatus(who, id, to, Optional.of(comment), FROM)).status();
  }

  private long count(String sql) throws Exception {
    return await(pool.query(sql).execute().map(rows -> rows.iterator().next().getLong(0)));
  }

  private static String field(Future<?> future) {
    Throwable failure = failure(future);
    assertThat(failure).isInstanceOf(InvalidInputException.class);
    return ((InvalidInputException) failure).field();
  }

  private static Throwable failure(Future<?> future) {
    try {
      await(future);
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("expected a failure, but it succeeded");
  }

  static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }
}
