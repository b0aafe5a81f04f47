package org.leitwarte.discovery;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.leitwarte.inventory.Inventory;
import org.leitwarte.store.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Discovery as the API offers it: against the inventory in force, with an audit row ({@code
 * discovery.run}, subject {@code tenant:…}) for every run, successful or not. A refused request (unknown
 * tenant, bad range) is no run and writes nothing.
 */
public final class DiscoveryService {

  static final String ACTION = "discovery.run";
  private static final Logger LOG = LoggerFactory.getLogger(DiscoveryService.class);

  private final Discovery discovery;
  private final Supplier<Inventory> inventory;
  private final Pool pool;

  public DiscoveryService(Discovery discovery, Supplier<Inventory> inventory, Pool pool) {
    this.discovery = discovery;
    this.inventory = inventory;
    this.pool = pool;
  }

  /**
   * @param actor who asked, for the audit log
   * @param clientAddress where the request came from
   * @param language of the snippet's comments, {@code de} or {@code en}
   */
  public Future<DiscoveryReport> discover(
      String actor, Optional<String> clientAddress, String tenant, List<String> ranges, String language) {
    Inventory current = inventory.get();
    try {
      discovery.check(tenant, ranges, current);
    } catch (DiscoveryRefusedException e) {
      return Future.failedFuture(e);
    }
    return discovery.run(tenant, ranges, current, language).transform(run -> {
      JsonObject detail = new JsonObject().put("ranges", new JsonArray(ranges));
      if (run.succeeded()) {
        DiscoveryReport report = run.result();
        detail.put("swept", report.findings().addresses().size())
            .put("pinged", report.findings().pinged().size())
            .put("snmp", report.findings().answers().size())
            .put("proposed", new JsonArray(report.proposal().entries(Proposal.Kind.NEW).stream().map(Proposal.Entry::id).toList()));
        LOG.info("Discovery for tenant {} by {} over {}: {}", tenant, actor, ranges, detail.encode());
      } else {
        detail.put("error", String.valueOf(run.cause().getMessage()));
        LOG.warn("Discovery for tenant {} by {} over {} failed: {}", tenant, actor, ranges, run.cause().getMessage());
      }
      return pool.withConnection(connection -> AuditLog.append(connection, actor, ACTION, "tenant:" + tenant, detail, clientAddress))
          .compose(audited -> run.succeeded() ? Future.succeededFuture(run.result()) : Future.failedFuture(run.cause()));
    });
  }
}
