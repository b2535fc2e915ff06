package org.exhunt.hunt.read;

import org.exhunt.hunt.event.SourceKind;
import org.exhunt.hunt.read.exchange.ExchangeCsvReader;
import org.exhunt.hunt.read.w3c.W3cReader;
import org.exhunt.hunt.read.windows.WindowsEvtxReader;
import org.exhunt.hunt.read.windows.WindowsJsonReader;

/** The reader for each readable kind of evidence. Readers are stateless and thread-safe. */
public final class Readers {

    private static final EventReader W3C = new W3cReader();
    private static final EventReader HTTPPROXY = new ExchangeCsvReader(SourceKind.EXCHANGE_HTTPPROXY);
    private static final EventReader ECP = new ExchangeCsvReader(SourceKind.EXCHANGE_ECP);
    private static final EventReader OAB = new ExchangeCsvReader(SourceKind.EXCHANGE_OABGENERATOR);
    private static final EventReader EXCHANGE = new ExchangeCsvReader(SourceKind.EXCHANGE_CSV);

    /** Built on first use: they read the Windows logsource mapping from the rule pack. */
    private static final class Windows {
        static final EventReader JSON = new WindowsJsonReader();
        static final EventReader EVTX = new WindowsEvtxReader();
    }

    private Readers() {
    }

    /**
     * The reader for files of the given kind.
     *
     * @throws IllegalArgumentException for {@link SourceKind#UNKNOWN}, which has no reader
     */
    public static EventReader forKind(SourceKind kind) {
        return switch (kind) {
            case IIS_W3C -> W3C;
            case EXCHANGE_HTTPPROXY -> HTTPPROXY;
            case EXCHANGE_ECP -> ECP;
            case EXCHANGE_OABGENERATOR -> OAB;
            case EXCHANGE_CSV -> EXCHANGE;
            case WINDOWS_JSON -> Windows.JSON;
            case WINDOWS_EVTX -> Windows.EVTX;
            case UNKNOWN -> throw new IllegalArgumentException("no reader for files of kind " + kind.id());
        };
    }
}
