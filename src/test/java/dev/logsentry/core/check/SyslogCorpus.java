package dev.logsentry.core.check;

import dev.logsentry.core.rules.Level;
import dev.logsentry.core.rules.Rule;
import dev.logsentry.core.rules.RuleTree;
import dev.logsentry.core.rules.RuleTreeLoader;
import dev.logsentry.core.rules.ere.EreSampler;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Deterministic generator of realistic syslog text for differential tests and benchmarks: real
 * message formats of common daemons, lines sampled from the logcheck rules themselves (so every
 * rule directory is exercised), near misses made by mutating those, and hostile input (invalid
 * UTF-8, control bytes, trailing white space, CR, empty and very long lines, duplicates).
 *
 * <p>{@code main(seed, megabytes, outFile[, rulesDir])} writes a corpus for bench/.
 */
public final class SyslogCorpus {

    private static final String[] MONTHS = {
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
    };
    private static final String[] HOSTS = {"web1", "db-2", "mail.example.org", "fw_edge", "host7"};
    private static final String[] USERS = {"root", "alice", "bob", "deploy", "backup", "www-data"};
    private static final String[] TEMPLATES = {
        "sshd[%P]: Accepted publickey for %U from %IP port %N ssh2: RSA SHA256:%H",
        "sshd[%P]: Accepted password for %U from %IP port %N ssh2",
        "sshd[%P]: Failed password for invalid user %U from %IP port %N ssh2",
        "sshd[%P]: Failed password for %U from %IP port %N ssh2",
        "sshd[%P]: Invalid user %U from %IP port %N",
        "sshd[%P]: pam_unix(sshd:session): session opened for user %U(uid=%N) by (uid=0)",
        "sshd[%P]: pam_unix(sshd:session): session closed for user %U",
        "sshd[%P]: Received disconnect from %IP port %N:11: disconnected by user",
        "sshd[%P]: Disconnected from user %U %IP port %N",
        "sshd[%P]: Connection closed by authenticating user %U %IP port %N [preauth]",
        "sshd[%P]: error: kex_exchange_identification: Connection closed by remote host",
        "sudo: %U : TTY=pts/%D ; PWD=/home/%U ; USER=root ; COMMAND=/usr/bin/apt update",
        "sudo: pam_unix(sudo:session): session opened for user root(uid=0) by %U(uid=%N)",
        "sudo: pam_unix(sudo:session): session closed for user root",
        "sudo: %U : 3 incorrect password attempts ; TTY=pts/%D ; PWD=/home/%U ; USER=root ;"
                + " COMMAND=/bin/bash",
        "sudo: pam_unix(sudo:auth): authentication failure; logname=%U uid=%N euid=0 tty=/dev/pts/%D"
                + " ruser=%U rhost=  user=%U",
        "su[%P]: (to root) %U on pts/%D",
        "su[%P]: pam_unix(su:session): session opened for user root(uid=0) by %U(uid=%N)",
        "su[%P]: FAILED SU (to root) %U on pts/%D",
        "CRON[%P]: (root) CMD (   cd / && run-parts --report /etc/cron.hourly)",
        "CRON[%P]: pam_unix(cron:session): session opened for user root(uid=0) by (uid=0)",
        "CRON[%P]: pam_unix(cron:session): session closed for user root",
        "cron[%P]: (CRON) INFO (pidfile fd = 3)",
        "postfix/smtpd[%P]: connect from unknown[%IP]",
        "postfix/smtpd[%P]: disconnect from unknown[%IP] ehlo=1 mail=1 rcpt=0/1 data=0/1"
                + " commands=2/4",
        "postfix/smtpd[%P]: NOQUEUE: reject: RCPT from unknown[%IP]: 554 5.7.1 <%U@example.com>:"
                + " Relay access denied; from=<spam@%H.biz> to=<%U@example.com> proto=ESMTP"
                + " helo=<x>",
        "postfix/qmgr[%P]: %Q: from=<%U@example.org>, size=%N, nrcpt=1 (queue active)",
        "postfix/smtp[%P]: %Q: to=<%U@example.net>, relay=mx.example.net[%IP]:25, delay=0.%D,"
                + " delays=0.1/0/0.2/0.1, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued)",
        "postfix/cleanup[%P]: %Q: message-id=<%H@example.org>",
        "postfix/pickup[%P]: %Q: uid=%N from=<%U>",
        "kernel: [%D%D%D.%D%D%D%D%D%D] [UFW BLOCK] IN=eth0 OUT= MAC=%H SRC=%IP DST=%IP LEN=60"
                + " TOS=0x00 PREC=0x00 TTL=%D%D ID=%N DF PROTO=TCP SPT=%N DPT=22 WINDOW=64240"
                + " RES=0x00 SYN URGP=0",
        "kernel: [%D%D.%D%D%D%D%D%D] usb 1-1: new high-speed USB device number %D using"
                + " xhci_hcd",
        "kernel: [%D%D.%D%D%D%D%D%D] Out of memory: Killed process %P (java) total-vm:%NkB,"
                + " anon-rss:%NkB",
        "kernel: [%D%D.%D%D%D%D%D%D] EXT4-fs (sda1): mounted filesystem with ordered data mode."
                + " Opts: (null)",
        "kernel: [%D%D.%D%D%D%D%D%D] device eth0 entered promiscuous mode",
        "kernel: [%D%D.%D%D%D%D%D%D] segfault at 0 ip %H sp %H error 4 in libc.so.6",
        "systemd[1]: Started Session %N of user %U.",
        "systemd[1]: Starting Daily apt upgrade and clean activities...",
        "systemd[1]: apt-daily.service: Succeeded.",
        "systemd[1]: Finished Daily apt download activities.",
        "systemd[%P]: Reached target Timers.",
        "systemd-logind[%P]: New session %N of user %U.",
        "systemd-logind[%P]: Removed session %N.",
        "systemd-timesyncd[%P]: Initial synchronization to time server %IP:123 (ntp.ubuntu.com).",
        "dhclient[%P]: DHCPREQUEST for %IP on eth0 to %IP port 67",
        "dhclient[%P]: DHCPACK of %IP from %IP",
        "dhclient[%P]: bound to %IP -- renewal in %N seconds.",
        "ntpd[%P]: Soliciting pool server %IP",
        "ntpd[%P]: kernel reports TIME_ERROR: 0x41: Clock Unsynchronized",
        "named[%P]: client @0x%H %IP#%N (example.com): query (cache) 'example.com/A/IN' denied",
        "dovecot: imap-login: Login: user=<%U>, method=PLAIN, rip=%IP, lip=%IP, mpid=%P, TLS",
        "smartd[%P]: Device: /dev/sda [SAT], SMART Usage Attribute: 194 Temperature_Celsius"
                + " changed from %D%D to %D%D",
        "smartd[%P]: Device: /dev/sdb [SAT], %N Currently unreadable (pending) sectors",
        "rsyslogd: [origin software=\"rsyslogd\" swVersion=\"8.2302.0\" x-pid=\"%P\""
                + " x-info=\"https://www.rsyslog.com\"] rsyslogd was HUPed",
        "anacron[%P]: Job `cron.daily' terminated",
        "in.tftpd[%P]: RRQ from %IP filename /etc/passwd",
        "rsh(pam_unix)[%P]: session opened for user %U by (uid=0)",
        "logcheck[%P]: something unexpected happened",
        "unknownd[%P]: totally unusual message number %N",
    };

    private final Random random;
    private final List<Rule> rules;
    private final EreSampler sampler;
    private final boolean hostile;
    private long clock;

    /**
     * @param seed fixes the output
     * @param rules rule tree whose patterns are sampled (may be null: templates only)
     */
    public SyslogCorpus(long seed, RuleTree rules) {
        this(seed, rules, true);
    }

    /**
     * @param hostile whether to include invalid UTF-8, control bytes and other hostile lines;
     *     without them the corpus is ASCII, so grep gives the same answers in every locale
     */
    public SyslogCorpus(long seed, RuleTree rules, boolean hostile) {
        this.random = new Random(seed);
        this.rules = rules == null ? List.of() : rules.rules();
        this.sampler = new EreSampler(random, hostile ? 0.02 : 0);
        this.hostile = hostile;
        this.clock = 3_000_000L;
    }

    /** Writes lines until at least {@code bytes} bytes were written; returns the line count. */
    public long write(OutputStream out, long bytes) throws IOException {
        long written = 0;
        long lines = 0;
        while (written < bytes) {
            byte[] line = nextLine();
            out.write(line);
            out.write('\n');
            written += line.length + 1;
            lines++;
        }
        return lines;
    }

    /** {@code count} lines joined by newlines (with a final newline). */
    public byte[] lines(int count) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < count; i++) {
            out.writeBytes(nextLine());
            out.write('\n');
        }
        return out.toByteArray();
    }

    /** The next line's bytes. */
    public byte[] nextLine() {
        int kind = random.nextInt(100);
        String line;
        if (kind < 45 || rules.isEmpty()) {
            line = header() + template();
        } else if (kind < 80) {
            line = sampler.sample(rules.get(random.nextInt(rules.size())).source());
        } else if (kind < 93) {
            line =
                    mutate(
                            random.nextBoolean()
                                    ? header() + template()
                                    : sampler.sample(
                                            rules.get(random.nextInt(rules.size())).source()));
        } else if (hostile) {
            return hostile();
        } else {
            line = header() + template();
        }
        if (random.nextInt(40) == 0) {
            line = line + (random.nextBoolean() ? "  " : "\t ");
        }
        return line.getBytes(StandardCharsets.ISO_8859_1);
    }

    private String header() {
        if (random.nextInt(10) != 0) {
            clock += random.nextInt(3);
        } else {
            clock -= random.nextInt(5); // out-of-order lines from a second source
        }
        long t = clock;
        int day = (int) (t / 86_400 % 28) + 1;
        int month = (int) (t / (86_400 * 28) % 12);
        return String.format(
                "%s %2d %02d:%02d:%02d %s ",
                MONTHS[month],
                day,
                t / 3600 % 24,
                t / 60 % 60,
                t % 60,
                HOSTS[random.nextInt(HOSTS.length)]);
    }

    private String template() {
        String t = TEMPLATES[random.nextInt(TEMPLATES.length)];
        StringBuilder out = new StringBuilder(t.length() + 40);
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c != '%' || i + 1 >= t.length()) {
                out.append(c);
                continue;
            }
            char k = t.charAt(++i);
            switch (k) {
                case 'P' -> out.append(100 + random.nextInt(60000));
                case 'N' -> out.append(random.nextInt(70000));
                case 'D' -> out.append(random.nextInt(10));
                case 'U' -> out.append(USERS[random.nextInt(USERS.length)]);
                case 'I' -> {
                    i++; // %IP
                    out.append(random.nextInt(224))
                            .append('.')
                            .append(random.nextInt(256))
                            .append('.')
                            .append(random.nextInt(256))
                            .append('.')
                            .append(random.nextInt(256));
                }
                case 'H' -> out.append(Long.toHexString(random.nextLong()));
                case 'Q' ->
                        out.append(
                                Long.toHexString(random.nextLong()).toUpperCase().substring(0, 10));
                default -> out.append('%').append(k);
            }
        }
        return out.toString();
    }

    private String mutate(String line) {
        if (line.isEmpty()) {
            return "x";
        }
        StringBuilder b = new StringBuilder(line);
        int edits = 1 + random.nextInt(2);
        for (int e = 0; e < edits && b.length() > 0; e++) {
            int at = random.nextInt(b.length());
            switch (random.nextInt(5)) {
                case 0 -> b.setCharAt(at, (char) ('a' + random.nextInt(26)));
                case 1 -> b.insert(at, " extra");
                case 2 -> b.deleteCharAt(at);
                case 3 -> b.setCharAt(at, Character.toUpperCase(b.charAt(at)));
                default -> b.append(" [").append(random.nextInt(1000)).append(']');
            }
        }
        return b.toString();
    }

    private byte[] hostile() {
        String base = header() + template();
        byte[] plain = base.getBytes(StandardCharsets.ISO_8859_1);
        return switch (random.nextInt(10)) {
            case 0 -> concat(plain, new byte[] {' ', (byte) 0xff, (byte) 0xfe, 'x'});
            case 1 -> concat(plain, new byte[] {' ', (byte) 0xc3, ' ', (byte) 0x80});
            case 2 -> concat(plain, " caf\u00e9 \u65e5\u672c".getBytes(StandardCharsets.UTF_8));
            case 3 -> concat(plain, new byte[] {' ', 1, 0x1b, '[', '0', 'm', 0x7f});
            case 4 -> concat(plain, new byte[] {'\r'});
            case 5 -> new byte[0];
            case 6 -> " \t ".getBytes(StandardCharsets.ISO_8859_1);
            case 7 -> "lonely".getBytes(StandardCharsets.ISO_8859_1);
            case 8 ->
                    (base + " " + "A".repeat(3000 + random.nextInt(3000)))
                            .getBytes(StandardCharsets.ISO_8859_1);
            default -> concat(plain, new byte[] {' ', (byte) 0xe9, 't', (byte) 0xe9});
        };
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = new byte[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    /** Writes a corpus: {@code seed megabytes outFile [rulesDir [ascii]]}. */
    public static void main(String[] args) throws IOException {
        long seed = Long.parseLong(args[0]);
        long megabytes = Long.parseLong(args[1]);
        Path out = Path.of(args[2]);
        Path rulesDir = args.length > 3 ? Path.of(args[3]) : Path.of("/etc/logcheck");
        RuleTree tree =
                Files.isDirectory(rulesDir)
                        ? RuleTreeLoader.load(rulesDir, Level.WORKSTATION)
                        : null;
        boolean ascii = args.length > 4 && args[4].equals("ascii");
        SyslogCorpus corpus = new SyslogCorpus(seed, tree, !ascii);
        try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
            corpus.write(o, megabytes << 20);
        }
    }

    static List<String> templates() {
        return new ArrayList<>(List.of(TEMPLATES));
    }
}
