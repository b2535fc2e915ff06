/**
 * Windows events: the flat event that SigmaHQ's Windows rules read ({@link
 * org.exhunt.hunt.read.windows.WindowsEvent}, built through {@link
 * org.exhunt.hunt.read.windows.WindowsEventBuilder} by any source of Windows event records), the
 * logsource each event satisfies ({@link org.exhunt.hunt.read.windows.WindowsLogsources}, data in
 * {@code rules/logsources/windows.yml}), the reader of JSON event exports ({@link
 * org.exhunt.hunt.read.windows.WindowsJsonReader}) and of EVTX files ({@link
 * org.exhunt.hunt.read.windows.WindowsEvtxReader}: records are flattened by a plan made once per
 * template, or by their element tree where a plan cannot express them).
 */
package org.exhunt.hunt.read.windows;
