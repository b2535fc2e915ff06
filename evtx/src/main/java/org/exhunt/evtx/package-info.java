/**
 * Windows event log files (EVTX): file and chunk headers, BinXML with templates and
 * substitutions, records as a tree with field access, rendered as XML or as JSON.
 */
package org.exhunt.evtx;
