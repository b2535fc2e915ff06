/**
 * Windows event log files (EVTX): file and chunk headers, BinXML with templates and
 * substitutions, records as a tree with field access, rendered as XML or as JSON. A record that
 * is one template instance also offers its template ({@link org.exhunt.evtx.EvtxTemplate}, one
 * object per distinct definition across chunks and files) and its substitution values, so a
 * reader can work out per template what it would otherwise read from every record's tree.
 */
package org.exhunt.evtx;
