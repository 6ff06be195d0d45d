package io.ntkstudio.engine;

/**
 * What building a run reports while it sets up, from its own thread: the share done so far (0 to
 * 1) and what it is building now ("network 3 of 10"), so that a window can show progress and a
 * time left for the slow ones (Jacot et al.'s Figure 1 builds ten networks and their kernels).
 */
@FunctionalInterface
public interface SetupProgress {
    SetupProgress NONE = (done, what) -> { };

    void at(double done, String what);
}
