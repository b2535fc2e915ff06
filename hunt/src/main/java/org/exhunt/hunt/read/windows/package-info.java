/**
 * Windows events: the flat event that SigmaHQ's Windows rules read ({@link
 * org.exhunt.hunt.read.windows.WindowsEvent}, built through {@link
 * org.exhunt.hunt.read.windows.WindowsEventBuilder} by any source of Windows event records), the
 * logsource each event satisfies ({@link org.exhunt.hunt.read.windows.WindowsLogsources}, data in
 * {@code rules/logsources/windows.yml}), and the reader of JSON event exports ({@link
 * org.exhunt.hunt.read.windows.WindowsJsonReader}).
 */
package org.exhunt.hunt.read.windows;
