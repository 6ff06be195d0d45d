package io.ntkstudio.ui;

import io.ntkstudio.figure.Lesson;
import io.ntkstudio.figure.LessonJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The lessons that ship in the program: the files of assets/lessons, in the order and with the
 * running times of its lessons.txt (slow ones last). Each is read as any lesson file is, so a
 * broken one fails the tests, not a lecture.
 */
public final class BuiltInLessons {
    private static final String FOLDER = "/io/ntkstudio/lessons/";
    /** From this running time on (seconds on two cores), the start page marks a lesson as slow. */
    static final int SLOW = 120;
    private static List<Entry> all;

    /** A built-in lesson: its file name, the lesson, and its running time on two cores in seconds. */
    public record Entry(String file, Lesson lesson, int seconds) {
        public boolean slow() {
            return seconds >= SLOW;
        }

        /** "under 10 s", "about 40 s", "about 7 min". */
        String runningTime() {
            if (seconds < 10) {
                return "under 10 s";
            }
            return seconds < 90 ? "about " + (Math.round(seconds / 10.0) * 10) + " s" : "about " + Math.round(seconds / 60.0) + " min";
        }
    }

    private BuiltInLessons() {
    }

    public static synchronized List<Entry> all() {
        if (all == null) {
            List<Entry> list = new ArrayList<>();
            for (String line : text("lessons.txt").split("\n")) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                String[] parts = l.split("\\s+");
                list.add(new Entry(parts[0], load(parts[0]), Integer.parseInt(parts[1])));
            }
            all = List.copyOf(list);
        }
        return all;
    }

    /** The built-in lesson in {@code file} (e.g. the next part of one). */
    static Lesson load(String file) {
        return LessonJson.parse(text(file), file);
    }

    /** Whether a built-in lesson of that name exists. */
    static boolean exists(String file) {
        return BuiltInLessons.class.getResource(FOLDER + file) != null;
    }

    static Entry entry(String file) {
        return all().stream().filter(e -> e.file().equals(file)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no built-in lesson " + file));
    }

    private static String text(String file) {
        try (InputStream in = BuiltInLessons.class.getResourceAsStream(FOLDER + file)) {
            if (in == null) {
                throw new IllegalStateException("the lesson " + file + " is missing from the program");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the lesson " + file + ": " + e.getMessage(), e);
        }
    }
}
