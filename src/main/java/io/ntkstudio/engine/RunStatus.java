package io.ntkstudio.engine;

/** Where a training run stands. */
public enum RunStatus {
    /** Waiting for play or step. */
    PAUSED,
    /** Taking steps. */
    RUNNING,
    /** Reached its step budget. */
    FINISHED,
    /** Stopped at a non-finite loss; everything up to the last finite step is kept. */
    DIVERGED,
    /** Stopped by an unexpected error, named in the snapshot's message. */
    FAILED,
    /** Stopped for good. */
    STOPPED
}
