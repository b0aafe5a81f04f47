package org.leitwarte.collect.snmp;

import java.util.ArrayList;
import java.util.List;
import org.snmp4j.PDU;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.VariableBinding;
import org.snmp4j.util.RetrievalEvent;
import org.snmp4j.util.TableEvent;
import org.snmp4j.util.TableListener;

/**
 * Collects the rows of one asynchronous table walk on SNMP4J's threads and says when it is done.
 * Each row carries the {@link System#nanoTime()} of the response it came in, for counter rates.
 */
final class TableWalk implements TableListener {

  private final Runnable whenFinished;
  private final List<Row> rows = new ArrayList<>();
  private volatile boolean finished;
  private int status = RetrievalEvent.STATUS_OK;
  private PDU report;
  private Exception exception;

  /** @param whenFinished runs once, on an SNMP4J thread, after the last row */
  TableWalk(Runnable whenFinished) {
    this.whenFinished = whenFinished;
  }

  @Override
  public boolean next(TableEvent event) {
    rows.add(new Row(event.getIndex(), event.getColumns(), System.nanoTime()));
    return true;
  }

  @Override
  public void finished(TableEvent event) {
    if (finished) {
      return;
    }
    status = event.getStatus();
    report = event.getReportPDU();
    exception = event.getException();
    finished = true;
    whenFinished.run();
  }

  /** Ends the walk when SNMP4J refused to start it. */
  void failed(Exception e) {
    status = RetrievalEvent.STATUS_EXCEPTION;
    exception = e;
    finished = true;
    whenFinished.run();
  }

  @Override
  public boolean isFinished() {
    return finished;
  }

  List<Row> rows() {
    return rows;
  }

  /** One of {@link RetrievalEvent}'s STATUS_ constants. */
  int status() {
    return status;
  }

  PDU report() {
    return report;
  }

  Exception exception() {
    return exception;
  }

  /** One table row: its index and the values aligned with the walked columns (null = absent). */
  record Row(OID index, VariableBinding[] columns, long nanos) {}
}
