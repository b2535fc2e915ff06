import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Writes a seeded, realistic set of Exchange front-end logs for benchmarks, laid out as on the
 * server's disk:
 *
 * <pre>
 *   inetpub/logs/LogFiles/W3SVC1/u_exYYMMDD.log                                         (IIS W3C, daily)
 *   Program Files/Microsoft/Exchange Server/V15/Logging/HttpProxy/PROTO/HttpProxy_YYYYMMDDHH-N.LOG  (CSV, hourly)
 * </pre>
 *
 * Every simulated request is written once to IIS and, when the front end proxies it to a
 * back end, once to the HttpProxy log of its protocol, as a real Exchange front end does. A
 * small seeded share of the requests is attack traffic of the 2021/2022 campaigns.
 *
 * <p>Run: {@code java bench/GenerateLogs.java --out DIR --size 1g --seed 42}. The same seed and
 * size give byte-identical output: one thread, an own PRNG, integer arithmetic only.
 */
public final class GenerateLogs {

    public static void main(String[] args) throws IOException {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("GenerateLogs: " + e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        long started = System.nanoTime();
        Generator generator = new Generator(options);
        generator.run();
        double seconds = (System.nanoTime() - started) / 1e9;
        double mb = generator.bytesWritten() / 1e6;
        if (!options.quiet) {
            System.err.printf(Locale.ROOT,
                    "GenerateLogs: wrote %,d bytes in %d files (%,d requests, %,d attack lines) to %s%n",
                    generator.bytesWritten(), generator.filesWritten(), generator.requests(),
                    generator.attackLines(), options.out);
            System.err.printf(Locale.ROOT, "GenerateLogs: %.1f s, %.1f MB/s, log time %s .. %s%n",
                    seconds, mb / seconds, generator.firstDay(), generator.lastDay());
        }
    }

    /** Command-line options. */
    static final class Options {
        static final String USAGE = "usage: java bench/GenerateLogs.java --out DIR [--size 1g] [--seed 42]"
                + " [--start 2021-02-26] [--force] [--quiet]\n"
                + "  --size   bytes to write, with optional k/m/g suffix (binary units)\n"
                + "  --start  first UTC day of the logs (the attack window is 2021-03-02..06)\n"
                + "  --force  overwrite an existing, non-empty DIR (only our own log files are removed)";

        Path out;
        long size = 1L << 30;
        long seed = 42;
        LocalDate start = LocalDate.of(2021, 2, 26);
        boolean force;
        boolean quiet;

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--out" -> o.out = Path.of(value(args, ++i, a));
                    case "--size" -> o.size = parseSize(value(args, ++i, a));
                    case "--seed" -> o.seed = parseLong(value(args, ++i, a), a);
                    case "--start" -> o.start = parseDay(value(args, ++i, a));
                    case "--force" -> o.force = true;
                    case "--quiet" -> o.quiet = true;
                    case "-h", "--help" -> {
                        System.out.println(USAGE);
                        System.exit(0);
                    }
                    default -> throw new IllegalArgumentException("unknown argument '" + a + "'");
                }
            }
            if (o.out == null) {
                throw new IllegalArgumentException("--out DIR is required");
            }
            return o;
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }

        static long parseSize(String text) {
            String t = text.trim().toLowerCase(Locale.ROOT);
            long unit = 1;
            if (t.endsWith("b")) {
                t = t.substring(0, t.length() - 1);
            }
            if (t.endsWith("k")) {
                unit = 1L << 10;
            } else if (t.endsWith("m")) {
                unit = 1L << 20;
            } else if (t.endsWith("g")) {
                unit = 1L << 30;
            }
            if (unit != 1) {
                t = t.substring(0, t.length() - 1);
            }
            long n = parseLong(t, "--size");
            if (n <= 0) {
                throw new IllegalArgumentException("--size must be positive, got '" + text + "'");
            }
            return n * unit;
        }

        private static long parseLong(String text, String option) {
            try {
                return Long.parseLong(text.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + ": expected a whole number, got '" + text + "'");
            }
        }

        private static LocalDate parseDay(String text) {
            try {
                return LocalDate.parse(text);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("--start: expected YYYY-MM-DD, got '" + text + "'");
            }
        }
    }

    /** SplitMix64: tiny, fast and, unlike library generators, fixed forever by this file. */
    static final class Rng {
        private long state;

        Rng(long seed) {
            state = seed;
        }

        long nextLong() {
            long z = (state += 0x9E3779B97F4A7C15L);
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            return z ^ (z >>> 31);
        }

        /** Uniform in [0, bound). */
        int nextInt(int bound) {
            return (int) (((nextLong() >>> 33) * bound) >>> 31);
        }

        /** Uniform in [lo, hi]. */
        int between(int lo, int hi) {
            return lo + nextInt(hi - lo + 1);
        }

        /** True with probability num/den. */
        boolean chance(int num, int den) {
            return nextInt(den) < num;
        }

        <T> T pick(T[] items) {
            return items[nextInt(items.length)];
        }
    }

    /** A growable line of ASCII bytes; everything written is ASCII, so chars map 1:1 to bytes. */
    static final class Line {
        byte[] buf = new byte[8192];
        int len;

        void reset() {
            len = 0;
        }

        private void ensure(int extra) {
            if (len + extra > buf.length) {
                buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
            }
        }

        Line add(String s) {
            int n = s.length();
            ensure(n);
            byte[] b = buf;
            int p = len;
            for (int i = 0; i < n; i++) {
                b[p++] = (byte) s.charAt(i);
            }
            len = p;
            return this;
        }

        Line add(char c) {
            ensure(1);
            buf[len++] = (byte) c;
            return this;
        }

        /** IIS writes spaces inside a field as '+'. */
        Line addW3c(String s) {
            if (s == null || s.isEmpty()) {
                return add('-');
            }
            int n = s.length();
            ensure(n);
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                buf[len++] = (byte) (c == ' ' ? '+' : c);
            }
            return this;
        }

        /** A CSV value as Exchange writes it: quoted, with doubled quotes, when it holds a comma or quote. */
        Line addCsv(String s) {
            if (s == null || s.isEmpty()) {
                return this;
            }
            if (s.indexOf(',') < 0 && s.indexOf('"') < 0) {
                return add(s);
            }
            add('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '"') {
                    add('"');
                }
                add(c);
            }
            return add('"');
        }

        Line num(long v) {
            if (v < 0) {
                add('-');
                v = -v;
            }
            ensure(20);
            if (v < 10) {
                buf[len++] = (byte) ('0' + v);
                return this;
            }
            int start = len;
            while (v > 0) {
                buf[len++] = (byte) ('0' + (v % 10));
                v /= 10;
            }
            for (int i = start, j = len - 1; i < j; i++, j--) {
                byte t = buf[i];
                buf[i] = buf[j];
                buf[j] = t;
            }
            return this;
        }

        Line two(int v) {
            ensure(2);
            buf[len++] = (byte) ('0' + v / 10);
            buf[len++] = (byte) ('0' + v % 10);
            return this;
        }

        Line three(int v) {
            ensure(3);
            buf[len++] = (byte) ('0' + v / 100);
            buf[len++] = (byte) ('0' + v / 10 % 10);
            buf[len++] = (byte) ('0' + v % 10);
            return this;
        }

        private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

        Line hex(long v, int digits) {
            ensure(digits);
            for (int i = digits - 1; i >= 0; i--) {
                buf[len++] = HEX[(int) (v >>> (i * 4)) & 0xF];
            }
            return this;
        }

        /** A GUID in its 8-4-4-4-12 form from two random longs. */
        Line guid(long hi, long lo) {
            hex(hi >>> 32, 8).add('-').hex(hi >>> 16, 4).add('-').hex(hi, 4).add('-');
            return hex(lo >>> 48, 4).add('-').hex(lo, 12);
        }
    }

    /**
     * One output file; counts what it writes. The buffer is lent by the caller and reused from
     * file to file, because thousands of hourly files each with a fresh buffer would spend more
     * time zeroing memory than writing logs.
     */
    static final class Sink implements AutoCloseable {
        final Path path;
        private final OutputStream out;
        private final byte[] buf;
        private int used;
        long size;

        Sink(Path path, byte[] buffer) throws IOException {
            this.path = path;
            this.buf = buffer;
            Files.createDirectories(path.getParent());
            this.out = new FileOutputStream(path.toFile());
        }

        void write(Line line) throws IOException {
            if (used + line.len > buf.length) {
                flush();
            }
            if (line.len > buf.length) {
                out.write(line.buf, 0, line.len);
            } else {
                System.arraycopy(line.buf, 0, buf, used, line.len);
                used += line.len;
            }
            size += line.len;
        }

        private void flush() throws IOException {
            out.write(buf, 0, used);
            used = 0;
        }

        @Override
        public void close() throws IOException {
            flush();
            out.close();
        }
    }

    /** UTC calendar fields of the current simulated millisecond, recomputed only when the day changes. */
    static final class Clock {
        long ms;
        private long day = Long.MIN_VALUE;
        int year, month, dayOfMonth, dayOfWeek, hour, minute, second, milli;

        void set(long epochMs) {
            ms = epochMs;
            long d = Math.floorDiv(epochMs, 86_400_000L);
            if (d != day) {
                day = d;
                LocalDate date = LocalDate.ofEpochDay(d);
                year = date.getYear();
                month = date.getMonthValue();
                dayOfMonth = date.getDayOfMonth();
                dayOfWeek = date.getDayOfWeek().getValue();
            }
            int inDay = (int) Math.floorMod(epochMs, 86_400_000L);
            hour = inDay / 3_600_000;
            minute = inDay / 60_000 % 60;
            second = inDay / 1000 % 60;
            milli = inDay % 1000;
        }

        long epochDay() {
            return day;
        }

        long epochHour() {
            return Math.floorDiv(ms, 3_600_000L);
        }

        /** {@code 2021-03-02 13:45:07}, as IIS writes it. */
        void w3c(Line l) {
            l.num(year).add('-').two(month).add('-').two(dayOfMonth).add(' ')
                    .two(hour).add(':').two(minute).add(':').two(second);
        }

        /** {@code 2021-03-02T13:45:07.123Z}, as Exchange writes it. */
        void iso(Line l) {
            l.num(year).add('-').two(month).add('-').two(dayOfMonth).add('T')
                    .two(hour).add(':').two(minute).add(':').two(second).add('.').three(milli).add('Z');
        }

        void isoPlus(Line l, int deltaMs) {
            long saved = ms;
            set(ms + deltaMs);
            iso(l);
            set(saved);
        }
    }

    /** A mailbox user of the simulated organisation and the devices they use. */
    static final class User {
        String sam;         // CONTOSO\jdoe
        String upn;         // john.doe@contoso.com
        String sid;
        String mailboxGuid;
        String officeAgent;
        String browserAgent;
        String phoneAgent;
        String deviceId;
        String deviceType;
        String officeIp;
        String homeIp;
    }

    /** The fields of one simulated request, reused from request to request. */
    static final class Request {
        String method;
        String stem;
        String query;             // without '?', null when none
        String user;              // cs-username / AuthenticatedUser, null when anonymous
        String agent;
        String clientIp;
        String referer;
        int status;
        int subStatus;
        int win32;
        int timeTaken;
        // HttpProxy only; protocol == null means IIS-only (not proxied)
        String protocol;
        String authType;
        String anchor;
        String routingHint;
        String routingType;
        String backEndCookie;
        String protocolAction;
        String errorCode;
        String genericErrors;
        long requestBytes;
        long responseBytes;
        boolean attack;

        void clear() {
            method = stem = query = user = agent = clientIp = referer = null;
            protocol = authType = anchor = routingHint = routingType = backEndCookie = null;
            protocolAction = errorCode = genericErrors = null;
            status = 200;
            subStatus = 0;
            win32 = 0;
            timeTaken = 0;
            requestBytes = responseBytes = 0;
            attack = false;
        }
    }

    /** The simulation: traffic, attacks and the files they land in. */
    static final class Generator {
        // Exchange 2019 CU8, the current build when the 2021 campaign began.
        static final String BUILD_VERSION = "15.02.0792.003";
        static final String BUILD_FIELDS = "15,2,792,3";
        static final String TARGET_VERSION = "15.02.0792.000";
        static final String DOMAIN = "CONTOSO";
        static final String MAIL_DOMAIN = "contoso.com";
        static final String AD_DOMAIN = "contoso.local";
        static final String URL_HOST = "mail.contoso.com";
        static final String SERVER = "EXCH01";
        static final String SERVER_IP = "10.10.0.25";
        static final String[] BACK_ENDS = {"EXCH01.contoso.local", "EXCH02.contoso.local"};
        static final long PROXY_ROLL_BYTES = 10L << 20;   // HttpProxy logs roll over at about 10 MB
        static final int SINK_BUFFER = 256 << 10;

        static final String IIS_FIELDS = "date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username"
                + " c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken";
        // The column set of Exchange 2016/2019 HttpProxy logs (recent cumulative updates).
        static final String PROXY_FIELDS = "DateTime,RequestId,MajorVersion,MinorVersion,BuildVersion,RevisionVersion,"
                + "ClientRequestId,Protocol,UrlHost,UrlStem,ProtocolAction,AuthenticationType,IsAuthenticated,"
                + "AuthenticatedUser,Organization,AnchorMailbox,UserAgent,ClientIpAddress,ServerHostName,HttpStatus,"
                + "BackEndStatus,ErrorCode,Method,ProxyAction,TargetServer,TargetServerVersion,RoutingType,RoutingHint,"
                + "BackEndCookie,ServerLocatorHost,ServerLocatorLatency,RequestBytes,ResponseBytes,"
                + "TargetOutstandingRequests,AuthModulePerfContext,HttpPipelineLatency,CalculateTargetBackEndLatency,"
                + "GlsLatencyBreakup,TotalGlsLatency,AccountForestLatencyBreakup,TotalAccountForestLatency,"
                + "ResourceForestLatencyBreakup,TotalResourceForestLatency,ADLatency,SharedCacheLatencyBreakup,"
                + "TotalSharedCacheLatency,ActivityContextLifeTime,ModuleToHandlerSwitchingLatency,"
                + "ClientReqStreamLatency,BackendReqInitLatency,BackendReqStreamLatency,BackendProcessingLatency,"
                + "BackendRespInitLatency,BackendRespStreamLatency,ClientRespStreamLatency,KerberosAuthHeaderLatency,"
                + "HandlerCompletionLatency,RequestHandlerLatency,HandlerToModuleSwitchingLatency,ProxyTime,CoreLatency,"
                + "RoutingLatency,HttpProxyOverhead,TotalRequestTime,RouteRefresherLatency,UrlQuery,BackEndGenericInfo,"
                + "GenericInfo,GenericErrors,EdgeTraceId,DatabaseGuid,UserADObjectGuid,PartitionEndpointLookupLatency,"
                + "RoutingStatus";
        static final String[] PROTOCOLS = {"Autodiscover", "Eas", "Ecp", "Ews", "Mapi", "Oab", "Owa", "PowerShell", "RpcHttp"};

        // Average bytes one request adds to both logs; sets the pace so that any size spans about two weeks.
        static final long BYTES_PER_REQUEST = 1150;
        static final long SPAN_MS = 14L * 86_400_000L;

        private final Options options;
        private final Rng rng;
        private final Clock clock = new Clock();
        private final Line line = new Line();
        private final Request req = new Request();
        private final User[] users;
        private final String[] healthMailboxes;
        private final String[] scannerIps;
        private final long meanGapMs16;       // mean gap between requests, in 1/16 ms
        private final long attackStartMs;
        private final long attackEndMs;

        private Sink iis;
        private final byte[] iisBuffer = new byte[SINK_BUFFER];
        private long iisDay = Long.MIN_VALUE;
        private final Sink[] proxy = new Sink[PROTOCOLS.length];
        private final byte[][] proxyBuffers = new byte[PROTOCOLS.length][SINK_BUFFER];
        private final int[] proxyRoll = new int[PROTOCOLS.length];
        private long proxyHour = Long.MIN_VALUE;
        private long nextRecycleMs;

        private final java.util.Set<Path> opened = new java.util.HashSet<>();
        private long written;
        private int files;
        private long requests;
        private long attackLines;
        private LocalDate firstDay;

        Generator(Options options) {
            this.options = options;
            this.rng = new Rng(options.seed);
            this.users = Population.users(rng, 600);
            this.healthMailboxes = Population.healthMailboxes(rng, 4);
            this.scannerIps = Population.publicIps(rng, 200);
            long expectedRequests = Math.max(1, options.size / BYTES_PER_REQUEST);
            this.meanGapMs16 = Math.max(1, SPAN_MS * 16 / expectedRequests);
            this.attackStartMs = LocalDate.of(2021, 3, 2).toEpochDay() * 86_400_000L;
            this.attackEndMs = LocalDate.of(2021, 3, 7).toEpochDay() * 86_400_000L;
        }

        long bytesWritten() {
            return written;
        }

        int filesWritten() {
            return files;
        }

        long requests() {
            return requests;
        }

        long attackLines() {
            return attackLines;
        }

        LocalDate firstDay() {
            return firstDay;
        }

        LocalDate lastDay() {
            return LocalDate.ofEpochDay(clock.epochDay());
        }

        void run() throws IOException {
            prepareOutput();
            long t = options.start.toEpochDay() * 86_400_000L;
            firstDay = options.start;
            nextRecycleMs = t + rng.between(6, 30) * 3_600_000L;
            clock.set(t);
            try {
                while (written < options.size) {
                    // from the clock, not a local copy: an attack burst moves the clock on by itself
                    clock.set(clock.ms + gap());
                    rollFiles();
                    if (isAttackMoment()) {
                        Attacks.burst(this);
                    } else {
                        Traffic.next(this);
                        emit();
                    }
                }
            } finally {
                closeAll();
            }
        }

        /** Gap to the next request: busier in office hours, quieter at night and at weekends. */
        private long gap() {
            int weight16 = switch (clock.hour) {   // activity x16
                case 0, 1, 2, 3, 4, 5 -> 4;
                case 6, 7, 18, 19, 20, 21 -> 14;
                case 22, 23 -> 7;
                default -> 28;
            };
            if (clock.dayOfWeek >= 6) {
                weight16 = Math.max(3, weight16 * 2 / 5);
            }
            // uniform in [0, 2*mean) scaled by 16/weight; integer maths keeps runs identical
            long mean16 = meanGapMs16 * 16 / weight16;
            long g16 = (rng.nextLong() >>> 1) % Math.max(1, 2 * mean16);
            return (g16 + (rng.nextInt(16))) / 16;
        }

        private boolean isAttackMoment() {
            boolean window = clock.ms >= attackStartMs && clock.ms < attackEndMs;
            return window ? rng.chance(1, 4_000) : rng.chance(1, 60_000);
        }

        // ---------------------------------------------------------------- files

        private void prepareOutput() throws IOException {
            Path out = options.out;
            if (Files.isDirectory(out)) {
                boolean empty;
                try (Stream<Path> s = Files.list(out)) {
                    empty = s.findAny().isEmpty();
                }
                if (!empty) {
                    if (!options.force) {
                        throw new IOException(out + " is not empty; pass --force to replace the logs in it");
                    }
                    removeOwnLogs(out);
                }
            }
            Files.createDirectories(out);
        }

        /** Deletes only files this program writes, so a mistaken --out cannot wipe anything else. */
        private static void removeOwnLogs(Path out) throws IOException {
            List<Path> doomed = new ArrayList<>();
            for (Path root : List.of(iisFolder(out), proxyFolder(out))) {
                if (!Files.isDirectory(root)) {
                    continue;
                }
                try (Stream<Path> s = Files.walk(root)) {
                    s.filter(Files::isRegularFile)
                            .filter(p -> p.getFileName().toString().matches("u_ex\\d{6}\\.log|HttpProxy_\\d{10}-\\d+\\.LOG"))
                            .forEach(doomed::add);
                }
            }
            for (Path p : doomed) {
                Files.delete(p);
            }
        }

        static Path iisFolder(Path out) {
            return out.resolve("inetpub/logs/LogFiles/W3SVC1");
        }

        static Path proxyFolder(Path out) {
            return out.resolve("Program Files/Microsoft/Exchange Server/V15/Logging/HttpProxy");
        }

        private void rollFiles() throws IOException {
            if (clock.epochDay() != iisDay) {
                if (iis != null) {
                    closeSink(iis);
                }
                iisDay = clock.epochDay();
                String name = String.format(Locale.ROOT, "u_ex%02d%02d%02d.log", clock.year % 100, clock.month, clock.dayOfMonth);
                iis = open(iisFolder(options.out).resolve(name), iisBuffer);
                writeIisHeader();
            } else if (clock.ms >= nextRecycleMs) {
                // an application pool recycle or service restart: IIS writes its header again mid-file
                writeIisHeader();
            }
            if (clock.ms >= nextRecycleMs) {
                nextRecycleMs = clock.ms + rng.between(6, 40) * 3_600_000L;
            }
            if (clock.epochHour() != proxyHour) {
                proxyHour = clock.epochHour();
                for (int i = 0; i < proxy.length; i++) {
                    if (proxy[i] != null) {
                        closeSink(proxy[i]);
                        proxy[i] = null;
                    }
                    proxyRoll[i] = 0;
                }
            }
        }

        private Sink open(Path path, byte[] buffer) throws IOException {
            // Time only moves forward, so a file is never opened twice; if it were, the second
            // open would truncate what the first wrote and the byte count would lie.
            if (!opened.add(path)) {
                throw new IllegalStateException("log file opened twice (simulated time went backwards): " + path);
            }
            files++;
            return new Sink(path, buffer);
        }

        private void closeSink(Sink sink) throws IOException {
            sink.close();
        }

        private void closeAll() throws IOException {
            IOException first = null;
            List<Sink> all = new ArrayList<>();
            all.add(iis);
            all.addAll(java.util.Arrays.asList(proxy));
            for (Sink s : all) {
                if (s == null) {
                    continue;
                }
                try {
                    s.close();
                } catch (IOException e) {
                    if (first == null) {
                        first = e;
                    }
                }
            }
            if (first != null) {
                throw first;
            }
        }

        private void writeIisHeader() throws IOException {
            line.reset();
            line.add("#Software: Microsoft Internet Information Services 10.0\r\n#Version: 1.0\r\n#Date: ");
            clock.w3c(line);
            line.add("\r\n#Fields: ").add(IIS_FIELDS).add("\r\n");
            write(iis, line);
        }

        private Sink proxySink(int p) throws IOException {
            Sink s = proxy[p];
            if (s != null && s.size < PROXY_ROLL_BYTES) {
                return s;
            }
            if (s != null) {
                closeSink(s);
            }
            proxyRoll[p]++;
            String name = String.format(Locale.ROOT, "HttpProxy_%04d%02d%02d%02d-%d.LOG",
                    clock.year, clock.month, clock.dayOfMonth, clock.hour, proxyRoll[p]);
            s = open(proxyFolder(options.out).resolve(PROTOCOLS[p]).resolve(name), proxyBuffers[p]);
            proxy[p] = s;
            line.reset();
            line.add("#Software: Microsoft Exchange Server\r\n#Version: ").add(BUILD_VERSION)
                    .add("\r\n#Log-type: HttpProxy Logs\r\n#Date: ");
            clock.iso(line);
            line.add("\r\n#Fields: ").add(PROXY_FIELDS).add("\r\n");
            write(s, line);
            return s;
        }

        private void write(Sink sink, Line l) throws IOException {
            sink.write(l);
            written += l.len;
        }

        // ---------------------------------------------------------------- lines

        Rng rng() {
            return rng;
        }

        Request request() {
            req.clear();
            return req;
        }

        User randomUser() {
            return users[rng.nextInt(users.length)];
        }

        String healthMailbox() {
            return healthMailboxes[rng.nextInt(healthMailboxes.length)];
        }

        String scannerIp() {
            return scannerIps[rng.nextInt(scannerIps.length)];
        }

        /** Advances the clock a little within a burst of related requests. */
        void advance(int minMs, int maxMs) throws IOException {
            clock.set(clock.ms + rng.between(minMs, maxMs));
            rollFiles();
        }

        /** Writes the current request to IIS and, when proxied, to its HttpProxy log. */
        void emit() throws IOException {
            requests++;
            long requestIdHi = rng.nextLong();
            long requestIdLo = rng.nextLong();
            writeIisLine(requestIdHi, requestIdLo);
            if (req.protocol != null) {
                writeProxyLine(requestIdHi, requestIdLo);
            }
        }

        private void writeIisLine(long idHi, long idLo) throws IOException {
            Request r = req;
            Line l = line;
            l.reset();
            clock.w3c(l);
            l.add(' ').add(SERVER_IP).add(' ').add(r.method).add(' ').add(r.stem).add(' ');
            boolean hasQuery = r.query != null && !r.query.isEmpty();
            if (r.protocol != null) {
                // the front end appends its correlation and request ids to every proxied request
                if (hasQuery) {
                    l.add(r.query);
                }
                l.add("&CorrelationID=<empty>;&cafeReqId=").guid(idHi, idLo).add(';');
            } else if (hasQuery) {
                l.add(r.query);
            } else {
                l.add('-');
            }
            l.add(" 443 ").addW3c(r.user).add(' ').add(r.clientIp).add(' ').addW3c(r.agent).add(' ')
                    .addW3c(r.referer).add(' ').num(r.status).add(' ').num(r.subStatus).add(' ')
                    .num(r.win32).add(' ').num(r.timeTaken).add("\r\n");
            write(iis, l);
            if (r.attack) {
                attackLines++;
            }
        }

        private void writeProxyLine(long idHi, long idLo) throws IOException {
            Request r = req;
            int p = protocolIndex(r.protocol);
            Sink sink = proxySink(p);
            Line l = line;
            l.reset();
            int total = Math.max(1, r.timeTaken);
            int backend = Math.max(0, total - rng.between(1, 6));
            boolean proxied = r.status != 401 || r.user != null;
            String target = proxied ? BACK_ENDS[rng.nextInt(BACK_ENDS.length)] : null;

            clock.iso(l);
            l.add(',').guid(idHi, idLo).add(',').add(BUILD_FIELDS).add(',');
            l.add(',');                                                   // ClientRequestId
            l.add(r.protocol).add(',').add(URL_HOST).add(',').addCsv(r.stem).add(',');
            l.addCsv(r.protocolAction).add(',');
            l.addCsv(r.authType).add(',').add(r.user != null ? "true" : "false").add(',');
            l.addCsv(r.user).add(',').add(',');                             // AuthenticatedUser, Organization
            l.addCsv(r.anchor).add(',').addCsv(r.agent).add(',').add(r.clientIp).add(',').add(SERVER).add(',');
            l.num(r.status).add(',');
            if (proxied) {
                l.num(r.status);
            }
            l.add(',').addCsv(r.errorCode).add(',').add(r.method).add(',').add("Proxy").add(',');
            if (proxied) {
                l.add(target).add(',').add(TARGET_VERSION).add(',').add(r.routingType != null ? r.routingType : "IntraForest");
            } else {
                l.add(",,");
            }
            l.add(',').addCsv(r.routingHint).add(',').addCsv(r.backEndCookie).add(',');
            l.add(',').add(',');                                           // ServerLocatorHost, ServerLocatorLatency
            l.num(r.requestBytes).add(',').num(r.responseBytes).add(',');
            l.num(rng.between(0, 3)).add(',').add(',');                    // TargetOutstandingRequests, AuthModulePerfContext
            l.num(rng.between(0, 2)).add(',').num(rng.between(0, 8)).add(',');   // HttpPipelineLatency, CalculateTargetBackEndLatency
            l.add(',').add('0').add(',').add(',').num(rng.between(0, 3)).add(',');  // Gls, AccountForest
            l.add(',').add('0').add(',').num(rng.between(0, 4)).add(',');   // ResourceForest, ADLatency
            l.add(',').add('0').add(',');                                   // SharedCache
            l.num(total + rng.between(0, 3)).add(',').add('0').add(',');    // ActivityContextLifeTime, ModuleToHandler
            l.num(rng.between(0, 2)).add(',').add('0').add(',').num(rng.between(0, 2)).add(',');
            l.num(backend).add(',').num(rng.between(0, 2)).add(',').num(rng.between(0, 2)).add(',');
            l.num(rng.between(0, 2)).add(',').add(',').add('0').add(',').num(total).add(',').add('0').add(',');
            l.num(backend).add(',').num(rng.between(0, 4)).add(',').num(rng.between(0, 3)).add(',');
            l.num(rng.between(0, 5)).add(',').num(total).add(',').add(',');  // HttpProxyOverhead, TotalRequestTime, RouteRefresher
            if (r.query != null && !r.query.isEmpty()) {
                l.addCsv("?" + r.query);
            }
            l.add(',').add(',');                                           // UrlQuery, BackEndGenericInfo
            genericInfo(l, total, target);
            l.add(',').addCsv(r.genericErrors).add(',').add(',');          // GenericErrors, EdgeTraceId
            if (proxied && r.user != null) {
                l.add("|RoutingDB:").guid(0x5f2d9c40a1b74e3eL ^ (p * 31L), 0x9a1e5c7b3d804f26L);
            }
            l.add(",,,CafeV1\r\n");
            write(sink, l);
            if (r.attack) {
                attackLines++;
            }
        }

        /** The long, semicolon-separated timing trail Exchange writes into GenericInfo. */
        private void genericInfo(Line l, int total, String target) {
            int begin = -total;
            l.add("BeginRequest=");
            clock.isoPlus(l, begin);
            l.add(";CorrelationID=<empty>;ProxyState-Run=None;FEAuth=BEVersion-1942062522;");
            if (target != null) {
                l.add("BeginGetResponse=");
                clock.isoPlus(l, begin + Math.min(total, 2));
                l.add(";OnResponseReady=");
                clock.isoPlus(l, Math.max(begin, -1));
                l.add(";EndGetResponse=");
                clock.isoPlus(l, Math.max(begin, -1));
                l.add(";ProxyState-Complete=ProxyResponseData;");
            }
            l.add("SharedCacheGuard=0;EndRequest=");
            clock.iso(l);
            l.add(';');
        }

        private static int protocolIndex(String protocol) {
            for (int i = 0; i < PROTOCOLS.length; i++) {
                if (PROTOCOLS[i].equals(protocol)) {
                    return i;
                }
            }
            throw new IllegalStateException("no HttpProxy folder for protocol " + protocol);
        }
    }

    /** The organisation's people and the internet around it, drawn from the seed. */
    static final class Population {
        private static final String[] FIRST = {"james", "mary", "robert", "patricia", "john", "jennifer", "michael",
                "linda", "david", "elizabeth", "william", "barbara", "richard", "susan", "joseph", "jessica", "thomas",
                "sarah", "charles", "karen", "daniel", "nancy", "matthew", "lisa", "anthony", "betty", "mark", "sandra",
                "paul", "ashley", "steven", "kimberly", "andrew", "emily", "kenneth", "donna", "joshua", "michelle",
                "kevin", "carol", "brian", "amanda", "george", "melissa", "timothy", "deborah", "anna", "lukas"};
        private static final String[] LAST = {"smith", "johnson", "williams", "brown", "jones", "garcia", "miller",
                "davis", "rodriguez", "martinez", "hernandez", "lopez", "gonzalez", "wilson", "anderson", "thomas",
                "taylor", "moore", "jackson", "martin", "lee", "perez", "thompson", "white", "harris", "sanchez",
                "clark", "ramirez", "lewis", "robinson", "walker", "young", "allen", "king", "wright", "scott",
                "torres", "nguyen", "hill", "flores", "green", "adams", "nelson", "baker", "hall", "rivera", "mueller",
                "schneider", "fischer", "weber"};
        private static final String[] OUTLOOK = {
                "Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.13628; Pro)",
                "Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.13801; Pro)",
                "Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.13530; Pro)",
                "Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.5095; Pro)",
                "Microsoft Office/15.0 (Windows NT 6.1; Microsoft Outlook 15.0.5311; Pro)",
                "MacOutlook/16.46.21021202 (Intelx64 Mac OS X 11.2.1 (Build 20D74))"};
        private static final String[] BROWSER = {
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/88.0.4324.190 Safari/537.36",
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/88.0.4324.190 Safari/537.36 Edg/88.0.705.81",
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:86.0) Gecko/20100101 Firefox/86.0",
                "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/14.0.3 Safari/605.1.15",
                "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko"};
        private static final String[][] PHONES = {
                {"Apple-iPhone12C1/1803.138", "iPhone"},
                {"Apple-iPhone13C2/1804.49", "iPhone"},
                {"Apple-iPad8C1/1803.138", "iPad"},
                {"Android-SAMSUNG-SM-G991B/101.10.0", "SAMSUNGSMG991B"},
                {"Android-SAMSUNG-SM-A515F/100.10.0", "SAMSUNGSMA515F"},
                {"Outlook-iOS/709.3084000.prod.iphone (4.2107.0)", "Outlook"}};

        static User[] users(Rng rng, int count) {
            User[] users = new User[count];
            for (int i = 0; i < count; i++) {
                String first = rng.pick(FIRST);
                String last = rng.pick(LAST);
                String suffix = i < FIRST.length * 2 ? "" : Integer.toString(i % 97);
                User u = new User();
                u.sam = Generator.DOMAIN + "\\" + first.charAt(0) + last + suffix;
                u.upn = first + "." + last + suffix + "@" + Generator.MAIL_DOMAIN;
                u.sid = "S-1-5-21-1004336348-1177238915-682003330-" + (1100 + i);
                u.mailboxGuid = guid(rng);
                u.officeAgent = rng.pick(OUTLOOK);
                u.browserAgent = rng.pick(BROWSER);
                String[] phone = rng.pick(PHONES);
                u.phoneAgent = phone[0];
                u.deviceType = phone[1];
                u.deviceId = hex(rng, 32).toUpperCase(Locale.ROOT);
                u.officeIp = "10.10." + rng.between(16, 63) + "." + rng.between(2, 250);
                u.homeIp = publicIp(rng);
                users[i] = u;
            }
            return users;
        }

        static String[] healthMailboxes(Rng rng, int count) {
            String[] boxes = new String[count];
            for (int i = 0; i < count; i++) {
                boxes[i] = Generator.DOMAIN + "\\HealthMailbox" + hex(rng, 7);
            }
            return boxes;
        }

        static String[] publicIps(Rng rng, int count) {
            String[] ips = new String[count];
            for (int i = 0; i < count; i++) {
                ips[i] = publicIp(rng);
            }
            return ips;
        }

        /** A routable-looking address outside the private and reserved ranges. */
        static String publicIp(Rng rng) {
            int a;
            do {
                a = rng.between(1, 223);
            } while (a == 10 || a == 127 || a == 100 || a == 169 || a == 172 || a == 192 || a == 0);
            return a + "." + rng.between(0, 255) + "." + rng.between(0, 255) + "." + rng.between(1, 254);
        }

        static String guid(Rng rng) {
            Line l = new Line();
            l.guid(rng.nextLong(), rng.nextLong());
            return new String(l.buf, 0, l.len, java.nio.charset.StandardCharsets.US_ASCII);
        }

        static String hex(Rng rng, int digits) {
            Line l = new Line();
            while (digits > 0) {
                int n = Math.min(16, digits);
                l.hex(rng.nextLong(), n);
                digits -= n;
            }
            return new String(l.buf, 0, l.len, java.nio.charset.StandardCharsets.US_ASCII);
        }
    }

    /** Ordinary traffic: the mix of a mid-sized organisation's Exchange front end. */
    static final class Traffic {
        private static final String[] OWA_ACTIONS = {"GetItem", "FindItem", "GetConversationItems", "FindConversation",
                "GetUserAvailability", "GetFolder", "UpdateItem", "CreateItem", "GetAttachment", "SubscribeToNotification"};
        private static final String[] EWS_ACTIONS = {"GetFolder", "FindItem", "GetItem", "SyncFolderItems",
                "GetUserAvailability", "GetStreamingEvents", "Subscribe"};
        private static final String[] EAS_COMMANDS = {"Sync", "Sync", "Ping", "Ping", "Ping", "FolderSync",
                "ItemOperations", "SendMail", "GetItemEstimate", "Settings"};
        private static final String[] ECP_PAGES = {"/ecp/", "/ecp/default.aspx", "/ecp/PersonalSettings/HomePage.aspx",
                "/ecp/RulesEditor/InboxRules.svc/GetList", "/ecp/Organize/DeliveryReports.slab",
                "/ecp/MyGroups/ViewDistributionGroup.aspx"};
        private static final String[] OWA_STATIC = {"/owa/prem/15.2.792.3/scripts/boot.worldwide.0.mouse.js",
                "/owa/prem/15.2.792.3/resources/styles/0/boot.worldwide.mouse.css",
                "/owa/prem/15.2.792.3/resources/images/0/sprite1.mouse.png",
                "/owa/auth/15.2.792/themes/resources/segoeui-regular.woff",
                "/owa/auth/15.2.792/scripts/premium/flogon.js"};
        private static final String[] SCANNER_AGENTS = {"Mozilla/5.0 zgrab/0.x",
                "Mozilla/5.0 (compatible; CensysInspect/1.1; +https://about.censys.io/)",
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/87.0.4280.88 Safari/537.36",
                "Expanse indexes the network perimeters of our customers. If you have any questions or concerns, please reach out to: scaninfo@paloaltonetworks.com",
                "curl/7.68.0", "Go-http-client/1.1"};
        private static final String[] SCANNER_PATHS = {"/", "/owa/", "/owa/auth/logon.aspx", "/ecp/", "/robots.txt",
                "/.env", "/wp-login.php", "/remote/login", "/vpn/index.html", "/autodiscover/autodiscover.xml",
                "/owa/auth/x.js", "/rpc/", "/favicon.ico"};

        /** Fills the generator's request with the next ordinary request. */
        static void next(Generator g) {
            Rng rng = g.rng();
            Request r = g.request();
            int roll = rng.nextInt(1000);
            if (roll < 300) {
                mapi(g, r, rng);
            } else if (roll < 360) {
                nspi(g, r, rng);
            } else if (roll < 500) {
                activeSync(g, r, rng);
            } else if (roll < 610) {
                ews(g, r, rng);
            } else if (roll < 720) {
                owa(g, r, rng);
            } else if (roll < 760) {
                owaStatic(g, r, rng);
            } else if (roll < 780) {
                ecp(g, r, rng);
            } else if (roll < 840) {
                autodiscover(g, r, rng);
            } else if (roll < 860) {
                oab(g, r, rng);
            } else if (roll < 885) {
                rpc(g, r, rng);
            } else if (roll < 890) {
                powershell(g, r, rng);
            } else if (roll < 975) {
                probe(g, r, rng);
            } else {
                scanner(g, r, rng);
            }
        }

        /** Most clients first get an NTLM/Negotiate challenge without a user, then succeed. */
        private static void authenticate(Request r, User u, Rng rng) {
            if (rng.chance(1, 12)) {
                r.user = null;
                r.status = 401;
                r.subStatus = rng.chance(1, 2) ? 1 : 2;
                r.win32 = rng.chance(1, 2) ? 5 : 0;
                r.timeTaken = rng.between(0, 15);
                r.responseBytes = rng.between(300, 1400);
            } else {
                r.user = u.sam;
            }
        }

        private static String clientIp(User u, Rng rng) {
            return rng.chance(7, 10) ? u.officeIp : u.homeIp;
        }

        private static void mapi(Generator g, Request r, Rng rng) {
            User u = g.randomUser();
            r.method = "POST";
            r.stem = "/mapi/emsmdb/";
            r.query = "mailboxId=" + u.mailboxGuid + "@" + Generator.MAIL_DOMAIN;
            r.agent = u.officeAgent;
            r.clientIp = clientIp(u, rng);
            r.protocol = "Mapi";
            r.authType = "Negotiate";
            r.anchor = "MailboxGuidWithDomain~" + u.mailboxGuid + "@" + Generator.MAIL_DOMAIN;
            r.routingHint = "MailboxGuidWithDomain";
            r.protocolAction = rng.chance(1, 3) ? "NotificationWait" : "Execute";
            r.timeTaken = r.protocolAction.equals("NotificationWait") ? rng.between(20_000, 60_000) : rng.between(5, 400);
            r.requestBytes = rng.between(400, 9_000);
            r.responseBytes = rng.between(300, 60_000);
            authenticate(r, u, rng);
        }

        private static void nspi(Generator g, Request r, Rng rng) {
            User u = g.randomUser();
            r.method = "POST";
            r.stem = "/mapi/nspi/";
            r.query = "MailboxId=" + u.mailboxGuid + "@" + Generator.MAIL_DOMAIN;
            r.agent = u.officeAgent;
            r.clientIp = clientIp(u, rng);
            r.protocol = "Mapi";
            r.authType = "Negotiate";
            r.anchor = "MailboxGuidWithDomain~" + u.mailboxGuid + "@" + Generator.MAIL_DOMAIN;
            r.routingHint = "MailboxGuidWithDomain";
            r.protocolAction = rng.pick(new String[] {"Bind", "QueryRows", "GetProps", "ResolveNames", "Unbind"});
            r.timeTaken = rng.between(3, 120);
            r.requestBytes = rng.between(200, 2_000);
            r.responseBytes = rng.between(200, 30_000);
            authenticate(r, u, rng);
        }

        private static void activeSync(Generator g, Request r, Rng rng) {
            User u = g.randomUser();
            String cmd = rng.pick(EAS_COMMANDS);
            r.method = rng.chance(1, 40) ? "OPTIONS" : "POST";
            r.stem = "/Microsoft-Server-ActiveSync/default.eas";
            r.query = "Cmd=" + cmd + "&User=" + u.upn.replace("@", "%40") + "&DeviceId=" + u.deviceId
                    + "&DeviceType=" + u.deviceType;
            r.agent = u.phoneAgent;
            r.clientIp = u.homeIp;
            r.protocol = "Eas";
            r.authType = "Basic";
            r.user = u.sam;
            r.anchor = "Sid~" + u.sid;
            r.routingHint = "WindowsIdentity";
            r.protocolAction = cmd;
            r.timeTaken = cmd.equals("Ping") ? rng.between(60_000, 900_000) : rng.between(20, 2_500);
            r.requestBytes = rng.between(100, 4_000);
            r.responseBytes = rng.between(13, 80_000);
            if (rng.chance(1, 50)) {
                r.status = 449;   // device must re-provision
            }
        }

        private static void ews(Generator g, Request r, Rng rng) {
            User u = g.randomUser();
            r.method = "POST";
            r.stem = "/EWS/Exchange.asmx";
            r.agent = rng.chance(1, 3) ? "ExchangeServicesClient/15.00.0913.015" : u.officeAgent;
            r.clientIp = clientIp(u, rng);
            r.protocol = "Ews";
            r.authType = "Negotiate";
            r.anchor = "Smtp~" + u.upn;
            r.routingHint = "ExplicitLogon-SMTP-Header";
            r.protocolAction = rng.pick(EWS_ACTIONS);
            r.timeTaken = r.protocolAction.equals("GetStreamingEvents") ? rng.between(30_000, 1_800_000) : rng.between(8, 900);
            r.requestBytes = rng.between(600, 6_000);
            r.responseBytes = rng.between(400, 120_000);
            authenticate(r, u, rng);
        }

        private static void owa(Generator g, Request r, Rng rng) {
            User u = g.randomUser();
            r.agent = u.browserAgent;
            r.clientIp = clientIp(u, rng);
            r.protocol = "Owa";
            r.authType = "FBA";
            r.user = u.upn;
            r.anchor = "Smtp~" + u.upn;
            r.routingHint = "OwaCookie";
            r.referer = "https://" + Generator.URL_HOST + "/owa/";
            int roll = rng.nextInt(20);
            if (roll == 0) {
                r.method = "GET";
                r.stem = "/owa/auth/logon.aspx";
                r.query = "url=https%3a%2f%2f" + Generator.URL_HOST + "%2fowa%2f&reason=0";
                r.user = null;
                r.anchor = null;
                r.referer = null;
            } else if (roll == 1) {
                r.method = "POST";
                r.stem = "/owa/auth.owa";
                r.user = null;
                r.status = 302;
                r.referer = "https://" + Generator.URL_HOST + "/owa/auth/logon.aspx?replaceCurrent=1&url=https%3a%2f%2f"
                        + Generator.URL_HOST + "%2fowa%2f";
            } else if (roll == 2) {
                r.method = "GET";
                r.stem = "/owa/";
            } else {
                r.method = "POST";
                r.stem = "/owa/service.svc";
                r.protocolAction = rng.pick(OWA_ACTIONS);
                r.query = "action=" + r.protocolAction + "&EP=1&ID=-" + rng.between(1, 400) + "&AC=1";
            }
            r.timeTaken = rng.between(5, 700);
            r.requestBytes = rng.between(500, 5_000);
            r.responseBytes = rng.between(200, 90_000);
        }

        private static void owaStatic(Generator g, Request r, Rng rng) {
            User u = g.randomUser();
            r.method = "GET";
            r.stem = rng.pick(OWA_STATIC);
            r.agent = u.browserAgent;
            r.clientIp = clientIp(u, rng);
            r.referer = "https://" + Generator.URL_HOST + "/owa/";
            r.status = rng.chance(1, 3) ? 304 : 200;
            r.timeTaken = rng.between(0, 30);
        }

        private static void ecp(Generator g, Request r, Rng rng) {
            User u = g.randomUser();
            r.method = rng.chance(1, 3) ? "POST" : "GET";
            r.stem = rng.pick(ECP_PAGES);
            if (r.stem.endsWith(".svc/GetList")) {
                r.method = "POST";
                r.query = "msExchEcpCanary=" + Population.hex(rng, 40) + "." + Population.hex(rng, 8);
            }
            r.agent = u.browserAgent;
            r.clientIp = u.officeIp;
            r.referer = "https://" + Generator.URL_HOST + "/ecp/";
            r.protocol = "Ecp";
            r.authType = "FBA";
            r.user = u.upn;
            r.anchor = "Smtp~" + u.upn;
            r.routingHint = "EcpCookie";
            r.timeTaken = rng.between(15, 1_500);
            r.requestBytes = rng.between(400, 3_000);
            r.responseBytes = rng.between(800, 40_000);
        }

        private static void autodiscover(Generator g, Request r, Rng rng) {
            User u = g.randomUser();
            r.clientIp = clientIp(u, rng);
            r.protocol = "Autodiscover";
            r.anchor = "Smtp~" + u.upn;
            r.routingHint = "AutodiscoverRequest";
            if (rng.chance(1, 4)) {
                // Outlook for iOS/Android and new Outlook ask the JSON endpoint, anonymously
                r.method = "GET";
                r.stem = "/autodiscover/autodiscover.json/v1.0/" + u.upn;
                r.query = "Protocol=ActiveSync&RedirectCount=1";
                r.agent = "Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.13628; Pro)";
                r.authType = "Anonymous";
            } else {
                r.method = "POST";
                r.stem = "/Autodiscover/Autodiscover.xml";
                r.agent = u.officeAgent;
                r.authType = "Negotiate";
                authenticate(r, u, rng);
            }
            r.timeTaken = r.status == 401 ? r.timeTaken : rng.between(10, 300);
            r.requestBytes = rng.between(300, 900);
            r.responseBytes = rng.between(900, 6_000);
        }

        private static void oab(Generator g, Request r, Rng rng) {
            User u = g.randomUser();
            r.method = "GET";
            r.stem = "/OAB/6e4d5c1c-9b3f-4d2a-8f7e-0c3a9b1d2e4f/" + (rng.chance(1, 2) ? "oab.xml" : "data-" + rng.between(10, 99) + ".lzx");
            r.agent = u.officeAgent;
            r.clientIp = clientIp(u, rng);
            r.protocol = "Oab";
            r.authType = "Negotiate";
            r.routingHint = "OABGuid";
            r.anchor = "OrganizationMailboxGuid~6e4d5c1c-9b3f-4d2a-8f7e-0c3a9b1d2e4f";
            r.timeTaken = rng.between(5, 3_000);
            r.requestBytes = rng.between(200, 700);
            r.responseBytes = rng.between(1_000, 4_000_000);
            authenticate(r, u, rng);
        }

        private static void rpc(Generator g, Request r, Rng rng) {
            User u = g.randomUser();
            r.method = rng.chance(1, 2) ? "RPC_IN_DATA" : "RPC_OUT_DATA";
            r.stem = "/rpc/rpcproxy.dll";
            r.query = u.mailboxGuid + "@" + Generator.MAIL_DOMAIN + ":6001";
            r.agent = "MSRPC";
            r.clientIp = clientIp(u, rng);
            r.protocol = "RpcHttp";
            r.authType = "Ntlm";
            r.anchor = "MailboxGuidWithDomain~" + u.mailboxGuid + "@" + Generator.MAIL_DOMAIN;
            r.routingHint = "RpcHttpMailboxGuid";
            r.timeTaken = rng.between(1_000, 900_000);
            r.requestBytes = rng.between(100, 1_073_741_824);
            r.responseBytes = rng.between(100, 80_000);
            authenticate(r, u, rng);
        }

        private static void powershell(Generator g, Request r, Rng rng) {
            User u = g.randomUser();
            r.method = "POST";
            r.stem = "/powershell";
            r.query = "serializationLevel=Full;ExchClientVer=15.2.792.3;clientApplication=ManagementShell;"
                    + "TargetServer=;PSVersion=5.1.17763.1490&sessionID=Version_15.2_(Build_791.3)="
                    + Population.hex(rng, 16);
            r.agent = "Microsoft WinRM Client";
            r.clientIp = u.officeIp;
            r.protocol = "PowerShell";
            r.authType = "Kerberos";
            r.user = Generator.DOMAIN + "\\exadmin";
            r.anchor = "Sid~S-1-5-21-1004336348-1177238915-682003330-1104";
            r.routingHint = "WindowsIdentity";
            r.timeTaken = rng.between(20, 5_000);
            r.requestBytes = rng.between(1_000, 20_000);
            r.responseBytes = rng.between(500, 200_000);
        }

        /** Managed availability probes: local health checks and health mailboxes, around the clock. */
        private static void probe(Generator g, Request r, Rng rng) {
            int roll = rng.nextInt(6);
            r.clientIp = rng.chance(1, 2) ? "127.0.0.1" : "::1";
            r.method = "GET";
            r.timeTaken = rng.between(0, 60);
            r.requestBytes = rng.between(150, 700);
            r.responseBytes = rng.between(100, 3_000);
            switch (roll) {
                case 0 -> {
                    r.stem = "/owa/healthcheck.htm";
                    r.agent = "AMProbe/Local/ClientAccess";
                    r.protocol = "Owa";
                    r.routingHint = "HealthCheck";
                }
                case 1 -> {
                    r.stem = "/ecp/healthcheck.htm";
                    r.agent = "AMProbe/Local/ClientAccess";
                    r.protocol = "Ecp";
                    r.routingHint = "HealthCheck";
                }
                case 2 -> {
                    r.stem = "/mapi/healthcheck.htm";
                    r.agent = "AMProbe/Local/ClientAccess";
                    r.protocol = "Mapi";
                    r.routingHint = "HealthCheck";
                }
                case 3 -> {
                    r.method = "POST";
                    r.stem = "/Microsoft-Server-ActiveSync/default.eas";
                    r.query = "Cmd=FolderSync&User=" + g.healthMailbox().substring(Generator.DOMAIN.length() + 1)
                            + "&DeviceId=HealthMailboxProbe&DeviceType=MSEXCHMON";
                    r.agent = "MSEXCHMON";
                    r.user = g.healthMailbox();
                    r.protocol = "Eas";
                    r.authType = "Basic";
                    r.routingHint = "WindowsIdentity";
                }
                case 4 -> {
                    r.method = "POST";
                    r.stem = "/EWS/Exchange.asmx";
                    r.agent = "AMProbe/Local/ClientAccess";
                    r.user = g.healthMailbox();
                    r.protocol = "Ews";
                    r.authType = "Negotiate";
                    r.routingHint = "WindowsIdentity";
                }
                default -> {
                    r.method = "POST";
                    r.stem = "/Autodiscover/Autodiscover.xml";
                    r.agent = "AMProbe/Local/ClientAccess";
                    r.user = g.healthMailbox();
                    r.protocol = "Autodiscover";
                    r.authType = "Negotiate";
                    r.routingHint = "AutodiscoverRequest";
                }
            }
        }

        /** Internet background noise: crawlers and mass scanners, mostly refused. */
        private static void scanner(Generator g, Request r, Rng rng) {
            r.method = rng.chance(1, 10) ? "HEAD" : "GET";
            r.stem = rng.pick(SCANNER_PATHS);
            r.agent = rng.pick(SCANNER_AGENTS);
            r.clientIp = g.scannerIp();
            r.status = r.stem.startsWith("/owa/auth/logon") || r.stem.equals("/") ? 200
                    : r.stem.startsWith("/owa") || r.stem.startsWith("/ecp") || r.stem.startsWith("/rpc") ? 302 : 404;
            r.timeTaken = rng.between(0, 40);
        }
    }

    /** Attack traffic of the 2021/2022 Exchange campaigns, in short bursts from one address. */
    static final class Attacks {
        // Published 2021 attacker addresses (Volexity, CISA AA21-062A).
        static final String[] HAFNIUM_IPS = {"103.77.192.219", "104.140.114.110", "104.250.191.110", "108.61.246.56",
                "149.28.14.163", "157.230.221.198", "167.99.168.251", "185.250.151.72", "192.81.208.169",
                "203.160.69.66", "211.56.98.146", "5.2.69.14", "5.254.43.18", "80.92.205.81", "91.192.103.43"};
        // User agents seen on the exploit and web shell requests (Volexity, Microsoft).
        static final String[] EXPLOIT_AGENTS = {"ExchangeServicesClient/0.0.0.0", "python-requests/2.19.1",
                "python-requests/2.25.1"};
        static final String[] SHELL_AGENTS = {"antSword/v2.1",
                "Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)",
                "DuckDuckBot/1.0; (+http://duckduckgo.com/duckduckbot.html)",
                "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
                "Mozilla/5.0 (compatible; YandexBot/3.0; +http://yandex.com/bots)",
                "Googlebot/2.1 (+http://www.googlebot.com/bot.html)"};
        // Web shell names reported for the campaign (Microsoft MSTIC, CISA).
        static final String[] SHELL_PATHS = {"/aspnet_client/shell.aspx", "/aspnet_client/discover.aspx",
                "/aspnet_client/system_web/supp0rt.aspx", "/aspnet_client/aspnet_iisstart.aspx",
                "/aspnet_client/xclkmcfldfi948398430fdjkfdkj.aspx", "/owa/auth/OutlookZH.aspx",
                "/owa/auth/8Lw7tAhF9i1pJnRo.aspx", "/owa/auth/errorPage.aspx", "/owa/auth/shel90.aspx",
                "/owa/auth/one1.aspx", "/aspnet_client/system_web/HttpProxy.aspx", "/owa/auth/ChackLogsDA.aspx"};

        static void burst(Generator g) throws IOException {
            Rng rng = g.rng();
            switch (rng.nextInt(6)) {
                case 0, 1 -> proxyLogon(g, rng);
                case 2 -> webShell(g, rng, rng.pick(HAFNIUM_IPS));
                case 3 -> proxyShell(g, rng);
                case 4 -> proxyNotShell(g, rng);
                default -> owaSsrf(g, rng);
            }
        }

        /** CVE-2021-26855 SSRF via the X-BEResource cookie, then -27065 to drop a shell, then its use. */
        private static void proxyLogon(Generator g, Rng rng) throws IOException {
            String ip = rng.pick(HAFNIUM_IPS);
            String agent = rng.pick(EXPLOIT_AGENTS);
            String backEnd = Generator.BACK_ENDS[0];
            String letter = Character.toString((char) ('a' + rng.nextInt(26)));
            String[][] steps = {
                    {"/ecp/" + letter + ".js", "", "/autodiscover/autodiscover.xml?#"},
                    {"/ecp/" + letter + ".js", "", "/mapi/emsmdb?#"},
                    {"/ecp/proxyLogon.ecp", "", "/ecp/proxyLogon.ecp?#"},
                    {"/ecp/DDI/DDIService.svc/GetObject", "schema=OABVirtualDirectory&msExchEcpCanary=" + Population.hex(rng, 40),
                            "/ecp/DDI/DDIService.svc/GetObject?schema=OABVirtualDirectory&msExchEcpCanary=x#"},
                    {"/ecp/DDI/DDIService.svc/SetObject", "schema=OABVirtualDirectory&msExchEcpCanary=" + Population.hex(rng, 40),
                            "/ecp/DDI/DDIService.svc/SetObject?schema=OABVirtualDirectory&msExchEcpCanary=x#"},
                    {"/ecp/DDI/DDIService.svc/SetObject", "schema=ResetOABVirtualDirectory&msExchEcpCanary=" + Population.hex(rng, 40),
                            "/ecp/DDI/DDIService.svc/SetObject?schema=ResetOABVirtualDirectory&msExchEcpCanary=x#"}};
            for (String[] step : steps) {
                Request r = g.request();
                r.attack = true;
                r.method = "POST";
                r.stem = step[0];
                r.query = step[1].isEmpty() ? null : step[1];
                r.agent = agent;
                r.clientIp = ip;
                r.status = 200;
                r.timeTaken = rng.between(20, 900);
                r.protocol = "Ecp";
                r.authType = "";
                r.anchor = "ServerInfo~a]@" + backEnd + ":444" + step[2];
                r.routingHint = "X-BEResource-Cookie";
                r.backEndCookie = "X-BEResource=a]@" + backEnd + ":444" + step[2] + "~1942062522";
                r.requestBytes = rng.between(400, 3_000);
                r.responseBytes = rng.between(200, 20_000);
                g.emit();
                g.advance(200, 8_000);
            }
            webShell(g, rng, ip);
        }

        /** China Chopper style POSTs to a dropped web shell. */
        private static void webShell(Generator g, Rng rng, String ip) throws IOException {
            String path = rng.pick(SHELL_PATHS);
            String agent = rng.pick(SHELL_AGENTS);
            int posts = rng.between(2, 8);
            for (int i = 0; i < posts; i++) {
                g.advance(1_000, 60_000);
                Request r = g.request();
                r.attack = true;
                r.method = "POST";
                r.stem = path;
                r.agent = agent;
                r.clientIp = ip;
                r.status = 200;
                r.timeTaken = rng.between(30, 4_000);
                g.emit();
            }
        }

        /** CVE-2021-34473: autodiscover.json with an '@' that confuses the path normaliser. */
        private static void proxyShell(Generator g, Rng rng) throws IOException {
            String ip = g.scannerIp();
            String mail = Population.hex(rng, 6) + ".com";
            String[] targets = {"/mapi/nspi/", "/EWS/Exchange.asmx", "/powershell/"};
            for (String target : targets) {
                Request r = g.request();
                r.attack = true;
                r.method = target.equals("/mapi/nspi/") ? "GET" : "POST";
                r.stem = "/autodiscover/autodiscover.json";
                r.query = "@" + mail + target + "?&Email=autodiscover/autodiscover.json%3F@" + mail;
                if (target.equals("/powershell/")) {
                    r.query = "@" + mail + "/powershell/?X-Rps-CAT=" + Population.hex(rng, 48)
                            + "&Email=autodiscover/autodiscover.json%3F@" + mail;
                }
                r.agent = "python-requests/2.26.0";
                r.clientIp = ip;
                r.status = 200;
                r.timeTaken = rng.between(10, 600);
                r.protocol = "Autodiscover";
                r.authType = "";
                r.anchor = "Smtp~" + "administrator@" + mail;
                r.routingHint = "Autodiscover-Email";
                r.requestBytes = rng.between(300, 4_000);
                r.responseBytes = rng.between(200, 9_000);
                g.emit();
                g.advance(300, 5_000);
            }
        }

        /** CVE-2022-41040: the same path confusion, reaching the remote PowerShell endpoint. */
        private static void proxyNotShell(Generator g, Rng rng) throws IOException {
            Request r = g.request();
            r.attack = true;
            r.method = "POST";
            r.stem = "/autodiscover/autodiscover.json";
            r.query = "@evil.corp/owa/&Email=autodiscover/autodiscover.json%3F@evil.corp&Protocol=XYZ&FooProtocol=Powershell";
            r.agent = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/105.0.0.0 Safari/537.36";
            r.clientIp = g.scannerIp();
            r.user = g.randomUser().sam;
            r.status = 200;
            r.timeTaken = rng.between(40, 1_200);
            r.protocol = "Autodiscover";
            r.authType = "Basic";
            r.routingHint = "Autodiscover-Email";
            r.requestBytes = rng.between(2_000, 9_000);
            r.responseBytes = rng.between(200, 2_000);
            g.emit();
        }

        /** CVE-2022-41080 (OWASSRF): remote PowerShell reached through an OWA mailbox path. */
        private static void owaSsrf(Generator g, Rng rng) throws IOException {
            User victim = g.randomUser();
            for (int i = 0; i < 3; i++) {
                Request r = g.request();
                r.attack = true;
                r.method = "POST";
                r.stem = "/owa/mastermailbox@outlook.com/powershell";
                r.agent = "python-requests/2.28.1";
                r.clientIp = g.scannerIp();
                r.user = victim.sam;
                r.status = 200;
                r.timeTaken = rng.between(100, 3_000);
                r.protocol = "Owa";
                r.authType = "Basic";
                r.anchor = "Smtp~mastermailbox@outlook.com";
                r.routingHint = "ExplicitLogon-SMTP-Url";
                r.requestBytes = rng.between(2_000, 30_000);
                r.responseBytes = rng.between(500, 40_000);
                g.emit();
                g.advance(500, 15_000);
            }
        }
    }
}
