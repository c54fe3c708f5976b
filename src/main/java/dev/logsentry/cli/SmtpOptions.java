package dev.logsentry.cli;

import picocli.CommandLine.Option;

/**
 * The SMTP options that {@code check}, {@code summary} and {@code serve} share (a picocli mixin),
 * so the three commands name, describe and read them the same way; the settings they make are
 * resolved once, by {@code SettingsResolver.smtp}.
 */
final class SmtpOptions {
    @Option(
            names = "--smtp-host",
            paramLabel = "HOST",
            description = "SMTP server (default localhost).")
    String host;

    @Option(
            names = "--smtp-port",
            paramLabel = "PORT",
            description = "SMTP port (default 25; 465 with smtps).")
    Integer port;

    @Option(
            names = "--smtp-security",
            paramLabel = "MODE",
            description = "none (default), starttls (required), starttls-optional or smtps.")
    String security;

    @Option(names = "--smtp-user", paramLabel = "USER", description = "SMTP login name.")
    String user;

    @Option(
            names = "--smtp-password-file",
            paramLabel = "FILE",
            description = "File whose first line is the SMTP password.")
    String passwordFile;

    @Option(
            names = "--smtp-password-env",
            paramLabel = "VAR",
            description = "Environment variable holding the SMTP password.")
    String passwordEnv;

    @Option(
            names = "--smtp-trust",
            paramLabel = "HOSTS",
            description =
                    "Trust these hosts' certificates without validation (mail.smtp.ssl.trust; '*' = all).")
    String trust;
}
