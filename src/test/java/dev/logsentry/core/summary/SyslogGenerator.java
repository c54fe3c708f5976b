package dev.logsentry.core.summary;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes a Debian-like /var/log (auth.log, syslog, mail.log, messages) with a seeded mix of sshd,
 * sudo, su, pam_unix, cron, postfix and kernel firewall lines, for the differential test against
 * logwatch and for the benchmark.
 */
final class SyslogGenerator {
    private static final String[] USERS = {"alice", "bob", "carol", "deploy", "backup"};
    private static final String[] BAD = {"admin", "oracle", "test", "ubuntu", "pi"};
    private static final String[] HOSTS = {"10.0.0.5", "10.0.0.6", "192.0.2.44", "198.51.100.23"};
    private static final String[] ATTACKERS = {"203.0.113.9", "203.0.113.77", "198.51.100.200"};
    private static final String[] CMDS = {
        "/usr/bin/apt update",
        "/bin/systemctl restart nginx",
        "/usr/bin/journalctl -xe",
        "/bin/ls /root"
    };
    private static final String[] JOBS = {
        "cd / && run-parts --report /etc/cron.hourly",
        "/usr/local/bin/backup.sh",
        "command -v debian-sa1 > /dev/null && debian-sa1 1 1"
    };

    private SyslogGenerator() {}

    /** {@code SyslogGenerator DIR EVENTS SEED}: for bench/summary-vs-logwatch.sh. */
    public static void main(String[] args) throws IOException {
        write(Path.of(args[0]), Integer.parseInt(args[1]), Long.parseLong(args[2]));
    }

    /** Writes {@code events} events (about 2 lines each) spread over one day, seeded. */
    static void write(Path dir, int events, long seed) throws IOException {
        Random r = new Random(seed);
        StringBuilder auth = new StringBuilder();
        StringBuilder syslog = new StringBuilder();
        StringBuilder mail = new StringBuilder();
        StringBuilder messages = new StringBuilder();
        int qid = 0x10000;
        for (int i = 0; i < events; i++) {
            int sec = (int) ((long) i * 86_000 / Math.max(1, events));
            String ts =
                    String.format(
                            "Nov 25 %02d:%02d:%02d myhost ", sec / 3600, sec / 60 % 60, sec % 60);
            int pid = 1000 + r.nextInt(30000);
            String user = USERS[r.nextInt(USERS.length)];
            String host = HOSTS[r.nextInt(HOSTS.length)];
            String bad = ATTACKERS[r.nextInt(ATTACKERS.length)];
            switch (r.nextInt(14)) {
                case 0 -> {
                    String m = r.nextBoolean() ? "publickey" : "password";
                    auth.append(ts)
                            .append("sshd[")
                            .append(pid)
                            .append("]: Accepted ")
                            .append(m)
                            .append(" for ")
                            .append(user)
                            .append(" from ")
                            .append(host)
                            .append(" port ")
                            .append(40000 + r.nextInt(20000))
                            .append(" ssh2\n");
                    auth.append(ts)
                            .append("sshd[")
                            .append(pid)
                            .append("]: pam_unix(sshd:session): session opened for user ")
                            .append(user)
                            .append("(uid=1000) by (uid=0)\n");
                }
                case 1 ->
                        auth.append(ts)
                                .append("sshd[")
                                .append(pid)
                                .append("]: Failed password for ")
                                .append(user)
                                .append(" from ")
                                .append(bad)
                                .append(" port ")
                                .append(40000 + r.nextInt(20000))
                                .append(" ssh2\n");
                case 2 -> {
                    String u = BAD[r.nextInt(BAD.length)];
                    int port = 40000 + r.nextInt(20000);
                    auth.append(ts)
                            .append("sshd[")
                            .append(pid)
                            .append("]: Invalid user ")
                            .append(u)
                            .append(" from ")
                            .append(bad)
                            .append(" port ")
                            .append(port)
                            .append('\n');
                    auth.append(ts)
                            .append("sshd[")
                            .append(pid)
                            .append("]: Failed password for invalid user ")
                            .append(u)
                            .append(" from ")
                            .append(bad)
                            .append(" port ")
                            .append(port)
                            .append(" ssh2\n");
                }
                case 3 ->
                        auth.append(ts)
                                .append("sshd[")
                                .append(pid)
                                .append("]: Received disconnect from ")
                                .append(bad)
                                .append(" port ")
                                .append(40000 + r.nextInt(20000))
                                .append(":11: Bye Bye [preauth]\n");
                case 4 -> {
                    auth.append(ts)
                            .append("sudo: ")
                            .append(String.format("%8s", user))
                            .append(" : TTY=pts/")
                            .append(r.nextInt(4))
                            .append(" ; PWD=/home/")
                            .append(user)
                            .append(" ; USER=root ; COMMAND=")
                            .append(CMDS[r.nextInt(CMDS.length)])
                            .append('\n');
                    auth.append(ts)
                            .append(
                                    "sudo: pam_unix(sudo:session): session opened for user root(uid=0) by ")
                            .append(user)
                            .append("(uid=1000)\n");
                    auth.append(ts)
                            .append("sudo: pam_unix(sudo:session): session closed for user root\n");
                }
                case 5 -> {
                    auth.append(ts)
                            .append("sudo: pam_unix(sudo:auth): authentication failure; logname=")
                            .append(user)
                            .append(" uid=1000 euid=0 tty=/dev/pts/1 ruser=")
                            .append(user)
                            .append(" rhost=  user=")
                            .append(user)
                            .append('\n');
                    auth.append(ts)
                            .append("sudo: ")
                            .append(String.format("%8s", user))
                            .append(" : 3 incorrect password attempts ; TTY=pts/1 ; PWD=/home/")
                            .append(user)
                            .append(" ; USER=root ; COMMAND=/bin/sh\n");
                }
                case 6 -> {
                    String job = JOBS[r.nextInt(JOBS.length)];
                    String u = r.nextInt(3) == 0 ? user : "root";
                    syslog.append(ts)
                            .append("CRON[")
                            .append(pid)
                            .append("]: (")
                            .append(u)
                            .append(") CMD (")
                            .append(job.startsWith("cd") ? "   " : "")
                            .append(job)
                            .append(")\n");
                    auth.append(ts)
                            .append("CRON[")
                            .append(pid)
                            .append("]: pam_unix(cron:session): session opened for user ")
                            .append(u)
                            .append("(uid=0) by (uid=0)\n");
                    auth.append(ts)
                            .append("CRON[")
                            .append(pid)
                            .append("]: pam_unix(cron:session): session closed for user ")
                            .append(u)
                            .append('\n');
                }
                case 7, 8 -> {
                    String q = Integer.toHexString(qid++).toUpperCase();
                    String client =
                            r.nextBoolean()
                                    ? "mail.example.org[192.0.2.10]"
                                    : "mx.example.net[198.51.100.3]";
                    int size = 500 + r.nextInt(20000);
                    mail.append(ts)
                            .append("postfix/smtpd[")
                            .append(pid)
                            .append("]: connect from ")
                            .append(client)
                            .append('\n');
                    mail.append(ts)
                            .append("postfix/smtpd[")
                            .append(pid)
                            .append("]: ")
                            .append(q)
                            .append(": client=")
                            .append(client)
                            .append('\n');
                    mail.append(ts)
                            .append("postfix/cleanup[")
                            .append(pid + 1)
                            .append("]: ")
                            .append(q)
                            .append(": message-id=<")
                            .append(q)
                            .append("@example.org>\n");
                    mail.append(ts)
                            .append("postfix/qmgr[99]: ")
                            .append(q)
                            .append(": from=<news@example.org>, size=")
                            .append(size)
                            .append(", nrcpt=1 (queue active)\n");
                    switch (r.nextInt(4)) {
                        case 0 ->
                                mail.append(ts)
                                        .append("postfix/smtp[")
                                        .append(pid + 2)
                                        .append("]: ")
                                        .append(q)
                                        .append(": to=<x")
                                        .append(r.nextInt(5))
                                        .append(
                                                "@remote.example>, relay=remote.example[203.0.113.1]:25, delay=1, delays=0/0/0.5/0.5, dsn=5.1.1, status=bounced (host remote.example[203.0.113.1] said: 550 5.1.1 User unknown (in reply to RCPT TO command))\n");
                        default ->
                                mail.append(ts)
                                        .append("postfix/local[")
                                        .append(pid + 2)
                                        .append("]: ")
                                        .append(q)
                                        .append(": to=<")
                                        .append(user)
                                        .append(
                                                "@myhost>, relay=local, delay=0.1, delays=0/0/0/0.1, dsn=2.0.0, status=sent (delivered to mailbox)\n");
                    }
                    mail.append(ts).append("postfix/qmgr[99]: ").append(q).append(": removed\n");
                    mail.append(ts)
                            .append("postfix/smtpd[")
                            .append(pid)
                            .append("]: disconnect from ")
                            .append(client)
                            .append(" ehlo=1 mail=1 rcpt=1 data=1 quit=1 commands=5\n");
                }
                case 9 -> {
                    String c = "unknown[" + bad + "]";
                    mail.append(ts)
                            .append("postfix/smtpd[")
                            .append(pid)
                            .append("]: connect from ")
                            .append(c)
                            .append('\n');
                    mail.append(ts)
                            .append("postfix/smtpd[")
                            .append(pid)
                            .append("]: NOQUEUE: reject: RCPT from ")
                            .append(c)
                            .append(": 554 5.7.1 <victim")
                            .append(r.nextInt(3))
                            .append(
                                    "@elsewhere.example>: Relay access denied; from=<spam@bad.example> to=<victim")
                            .append(r.nextInt(3))
                            .append("@elsewhere.example> proto=ESMTP helo=<bad>\n");
                    mail.append(ts)
                            .append("postfix/smtpd[")
                            .append(pid)
                            .append("]: disconnect from ")
                            .append(c)
                            .append(" ehlo=1 mail=1 rcpt=0/1 quit=1 commands=3/4\n");
                }
                case 10 ->
                        mail.append(ts)
                                .append("postfix/smtp[")
                                .append(pid)
                                .append("]: ")
                                .append(Integer.toHexString(qid++).toUpperCase())
                                .append(
                                        ": to=<bob@slow.example>, relay=none, delay=30, delays=0/0/30/0, dsn=4.4.1, status=deferred (connect to slow.example[203.0.113.5]:25: Connection timed out)\n");
                case 11, 12 -> {
                    String in = r.nextInt(3) == 0 ? "eth1" : "eth0";
                    boolean tcp = r.nextInt(4) != 0;
                    messages.append(ts)
                            .append("kernel: [")
                            .append(100000 + i)
                            .append(".123456] [UFW BLOCK] IN=")
                            .append(in)
                            .append(" OUT= MAC=00:11:22:33:44:55:66:77:88:99:aa:bb:08:00 SRC=")
                            .append(bad)
                            .append(" DST=192.0.2.1 LEN=40 TOS=0x00 PREC=0x00 TTL=240 ID=")
                            .append(r.nextInt(65535))
                            .append(
                                    tcp
                                            ? " PROTO=TCP SPT="
                                                    + (1024 + r.nextInt(60000))
                                                    + " DPT="
                                                    + (new int[] {22, 23, 80, 3389})[r.nextInt(4)]
                                                    + " WINDOW=1024 RES=0x00 SYN URGP=0\n"
                                            : " PROTO=UDP SPT=5353 DPT="
                                                    + (new int[] {53, 161, 1900})[r.nextInt(3)]
                                                    + " LEN=20\n");
                }
                default ->
                        syslog.append(ts)
                                .append("systemd[1]: Started Session ")
                                .append(i)
                                .append(" of user ")
                                .append(user)
                                .append(".\n");
            }
        }
        Files.writeString(dir.resolve("auth.log"), auth);
        Files.writeString(dir.resolve("syslog"), syslog);
        Files.writeString(dir.resolve("mail.log"), mail);
        Files.writeString(dir.resolve("messages"), messages);
    }
}
