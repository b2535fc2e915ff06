package org.exhunt.spark;

import java.io.Serializable;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * What the hunt of one server gave, in a form Spark can move: the findings as rows of
 * {@link FindingRows#SCHEMA} and the server's summary (verdict, chains, exposure) as JSON.
 */
record ServerResult(String host, String summaryJson, List<Row> findings) implements Serializable {
}
