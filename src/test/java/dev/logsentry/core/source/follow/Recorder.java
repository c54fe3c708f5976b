package dev.logsentry.core.source.follow;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Collects what a follower hands out: lines as text, events as "<KIND>". */
final class Recorder implements FollowListener {
    final List<String> seen = new ArrayList<>();
    final List<FollowEvent> events = new ArrayList<>();

    @Override
    public synchronized void line(byte[] raw) {
        seen.add(new String(raw, StandardCharsets.UTF_8));
    }

    @Override
    public synchronized void event(FollowEvent event) {
        seen.add("<" + event.kind() + ">");
        events.add(event);
    }

    synchronized List<String> lines() {
        return seen.stream().filter(s -> !s.startsWith("<")).toList();
    }

    synchronized List<String> all() {
        return List.copyOf(seen);
    }
}
