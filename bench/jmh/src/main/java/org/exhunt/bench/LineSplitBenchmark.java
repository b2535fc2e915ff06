package org.exhunt.bench;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The floor under every log reader: finding the field boundaries of one line held as bytes,
 * without decoding anything. A reader that splits lazily should cost little more than this per
 * line; exhunt's own readers are measured against it once their API settles.
 *
 * <p>Uses nothing but the JDK, so it runs before any exhunt module is installed.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LineSplitBenchmark {

    /** Lines per benchmark call; results are reported per line. */
    static final int LINES = 1024;

    // Shapes of real Exchange front-end log lines: an IIS W3C line (space-separated) and an
    // HttpProxy CSV row (comma-separated, a quoted user agent holding commas).
    private static final String[] W3C = {
            "2021-03-03 09:14:07 10.10.0.25 POST /mapi/emsmdb/ mailboxId=3f1c9a2e-77b0-4d4c-9a51-0c2b6f1e8d11@contoso.com"
                    + "&CorrelationID=<empty>;&cafeReqId=8b7e2f40-1c3d-4e5f-a6b7-c8d9e0f1a2b3; 443 CONTOSO\\jsmith 10.10.42.17"
                    + " Microsoft+Office/16.0+(Windows+NT+10.0;+Microsoft+Outlook+16.0.13628;+Pro) - 200 0 0 31",
            "2021-03-03 09:14:08 10.10.0.25 GET /owa/auth/logon.aspx url=https%3a%2f%2fmail.contoso.com%2fowa%2f&reason=0"
                    + " 443 - 203.0.113.77 Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64;+rv:86.0)+Gecko/20100101+Firefox/86.0 - 200 0 0 12",
            "2021-03-03 09:14:09 10.10.0.25 POST /aspnet_client/shell.aspx - 443 - 192.0.2.66 antSword/v2.1 - 200 0 0 402"};
    private static final String[] CSV = {
            "2021-03-03T09:14:07.512Z,8b7e2f40-1c3d-4e5f-a6b7-c8d9e0f1a2b3,15,2,792,3,,Mapi,mail.contoso.com,/mapi/emsmdb/,"
                    + "Execute,Negotiate,true,CONTOSO\\jsmith,,MailboxGuidWithDomain~3f1c9a2e@contoso.com,"
                    + "Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.13628; Pro),10.10.42.17,EXCH01,200,200,,POST,"
                    + "Proxy,EXCH02.contoso.local,15.02.0792.000,IntraForest,MailboxGuidWithDomain,,,,1200,5400,1,,0,3,,0,,1,,0,2,,0,"
                    + "31,0,0,0,1,27,0,0,1,,0,30,0,27,1,1,2,31,,?mailboxId=3f1c9a2e@contoso.com,,BeginRequest=2021-03-03T09:14:07.481Z;"
                    + "CorrelationID=<empty>;ProxyState-Run=None;FEAuth=BEVersion-1942062522;EndRequest=2021-03-03T09:14:07.512Z;,,,,,,CafeV1",
            "2021-03-03T09:14:09.003Z,1a2b3c4d-5e6f-4a1b-8c9d-0e1f2a3b4c5d,15,2,792,3,,Owa,mail.contoso.com,/owa/service.svc,"
                    + "GetItem,FBA,true,john.smith@contoso.com,,Smtp~john.smith@contoso.com,"
                    + "\"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/88.0.4324.190 Safari/537.36\","
                    + "198.51.100.23,EXCH01,200,200,,POST,Proxy,EXCH01.contoso.local,15.02.0792.000,IntraForest,OwaCookie,,,,900,"
                    + "12000,0,,0,2,,0,,0,,0,1,,0,45,0,1,0,1,40,0,0,1,,0,44,0,40,1,1,2,45,,?action=GetItem&EP=1,,"
                    + "BeginRequest=2021-03-03T09:14:08.958Z;EndRequest=2021-03-03T09:14:09.003Z;,,,,,,CafeV1"};

    private byte[][] w3cLines;
    private byte[][] csvLines;
    private final int[] bounds = new int[256];

    @Setup
    public void setUp() {
        w3cLines = new byte[LINES][];
        csvLines = new byte[LINES][];
        for (int i = 0; i < LINES; i++) {
            w3cLines[i] = W3C[i % W3C.length].getBytes(StandardCharsets.US_ASCII);
            csvLines[i] = CSV[i % CSV.length].getBytes(StandardCharsets.US_ASCII);
        }
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public void splitW3cLine(Blackhole bh) {
        for (byte[] line : w3cLines) {
            bh.consume(splitOnSpaces(line, bounds));
        }
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public void splitCsvLine(Blackhole bh) {
        for (byte[] line : csvLines) {
            bh.consume(splitCsv(line, bounds));
        }
    }

    /** Writes the end offset of each space-separated field into {@code ends}; returns the field count. */
    static int splitOnSpaces(byte[] line, int[] ends) {
        int n = 0;
        for (int i = 0; i < line.length && n < ends.length; i++) {
            if (line[i] == ' ') {
                ends[n++] = i;
            }
        }
        if (n < ends.length) {
            ends[n++] = line.length;
        }
        return n;
    }

    /** Like {@link #splitOnSpaces} for CSV: commas inside double quotes do not separate fields. */
    static int splitCsv(byte[] line, int[] ends) {
        int n = 0;
        boolean quoted = false;
        for (int i = 0; i < line.length && n < ends.length; i++) {
            byte b = line[i];
            if (b == '"') {
                quoted = !quoted;
            } else if (b == ',' && !quoted) {
                ends[n++] = i;
            }
        }
        if (n < ends.length) {
            ends[n++] = line.length;
        }
        return n;
    }
}
