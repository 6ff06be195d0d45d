package io.ntkstudio.data;

import java.nio.file.Path;
import java.util.List;

/**
 * One kind of data: its key in experiment files ({@code data.source}), the targets it offers, the
 * settings a new experiment starts from, and how to build the data set. The sources are listed
 * once, in {@link DataSources#ALL}; everything else (validation, experiment files, the window's
 * panel, the pictures, through {@link Dataset#geometry()}) asks that list rather than comparing
 * names. Adding a data set is one class implementing this and its line in that list.
 */
public interface DataSource {
    /** The key in experiment files and on the command line, e.g. {@code circle}. */
    String id();

    /** The target functions this source offers (empty when its targets are fixed, e.g. labels). */
    default List<String> targets() {
        return List.of();
    }

    /** Whether the data comes from files the user names ({@code data.train}, {@code data.test}). */
    default boolean readsFiles() {
        return false;
    }

    /** Whether {@code data.n} sets the number of train points (false for a fixed set of points). */
    default boolean choosesPointCount() {
        return !readsFiles();
    }

    /** What a new experiment on this source starts from. */
    DataSpec defaults();

    /** The data set {@code spec} describes; {@code baseDir} is where relative file paths start. */
    Dataset build(DataSpec spec, Path baseDir);
}
