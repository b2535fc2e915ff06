package org.exhunt.hunt.read.windows;

import java.util.List;
import org.exhunt.sigma.Logsource;

/**
 * What one kind of Windows event stands for in Sigma's terms: its logsource, and the fields it
 * also offers under the names rules for that logsource use (Security 4688's
 * {@code NewProcessName} as Sysmon's {@code Image}).
 *
 * @param logsource the logsource the event satisfies
 * @param aliases   each {@code [rule name, event field]}: the event's field, offered under the rule name too
 */
record ChannelMapping(Logsource logsource, List<String[]> aliases) {

    ChannelMapping {
        aliases = List.copyOf(aliases);
    }
}
