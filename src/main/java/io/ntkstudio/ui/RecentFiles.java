package io.ntkstudio.ui;

import io.ntkstudio.files.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The last experiment files opened or saved, newest first, kept in a small text file. A list that
 * cannot be read is moved aside before a new one is written ({@link SettingsFiles}).
 */
final class RecentFiles {
    static final int MAX = 8;
    private final Path store;
    private boolean leaveAlone;

    RecentFiles(Path store) {
        this.store = store;
    }

    List<Path> list() {
        List<Path> out = new ArrayList<>();
        try {
            if (Files.isRegularFile(store)) {
                for (String line : Files.readAllLines(store, StandardCharsets.UTF_8)) {
                    if (!line.isBlank() && Files.isRegularFile(Path.of(line))) {
                        out.add(Path.of(line));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // A damaged list costs only the list, and is kept aside rather than written over.
            leaveAlone = SettingsFiles.moveAside(store) == null;
            return new ArrayList<>();
        }
        return out;
    }

    void add(Path file) {
        List<Path> items = list();
        Path abs = file.toAbsolutePath().normalize();
        items.remove(abs);
        items.add(0, abs);
        List<Path> kept = items.subList(0, Math.min(MAX, items.size()));
        if (leaveAlone) {
            return;
        }
        try {
            AtomicFiles.write(store, w -> {
                for (Path p : kept) {
                    w.write(p + "\n");
                }
            });
        } catch (IOException e) {
            // Not being able to remember recent files must never stop a save or an open.
        }
    }
}
