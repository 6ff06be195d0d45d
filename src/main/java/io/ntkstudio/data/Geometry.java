package io.ntkstudio.data;

/** How a data set's inputs lie, which decides how its functions are drawn. */
public enum Geometry {
    /** 2-D inputs on the unit circle, drawn against the angle γ (the setting of Jacot et al. 2018). */
    CIRCLE,
    /** 1-D inputs, drawn against x. */
    LINE,
    /** 2-D inputs in the plane, drawn as a map over a grid around the data. */
    PLANE,
    /** Inputs of more dimensions, drawn as the network against the target. */
    POINTS;

    /** Whether functions on these inputs are drawn as curves against one coordinate (circle, 1-D), not as maps or points. */
    public boolean curves() {
        return this == CIRCLE || this == LINE;
    }

    /** The geometry inputs of {@code dim} columns have when nothing more is known (CSV files). */
    public static Geometry ofDimension(int dim) {
        return dim == 1 ? LINE : dim == 2 ? PLANE : POINTS;
    }
}
