package org.leitwarte.alerting;

import io.vertx.core.Future;
import java.util.Collection;
import java.util.List;

/** Where alerts and their history are kept across restarts (the store). */
public interface AlertLog {

  /** Keeps these changes, in order, all or none. */
  Future<Void> record(List<AlertChange> changes);

  /** The pending and firing alerts, to carry on with after a restart. */
  Future<? extends Collection<Alert>> active();
}
