package org.leitwarte.store;

/** The SQL databases Leitwarte keeps its state in. */
public enum Dialect {
  /** Embedded, in a file next to the configuration; the default for a single node. */
  H2,
  /** Production and cluster. */
  POSTGRESQL
}
